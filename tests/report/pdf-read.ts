/**
 * What the tests need to know of a PDF, read with pdf.js (no pdftotext in CI): per page its size,
 * its text runs with their positions, and how many vector paths and raster images it draws.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** pdf.js reads the metrics of the 14 standard fonts (pdfkit's Helvetica) from its own package. */
const STANDARD_FONTS = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/';

export interface PdfTextRun {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PdfPage {
  width: number;
  height: number;
  text: string;
  /** The text with every space removed: runs split a word where a ligature (fi, ff) is set. */
  compact: string;
  runs: PdfTextRun[];
  /** Vector drawing operations (constructPath). */
  paths: number;
  /** Raster images painted (image XObjects, inline images, image masks). */
  images: number;
}

const IMAGE_OPS = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat, OPS.paintInlineImageXObjectGroup]);

/** Text without spaces, ligatures spelt out, for finding a title in a page. */
export const compact = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

export async function readPdf(bytes: Uint8Array): Promise<PdfPage[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, isEvalSupported: false, standardFontDataUrl: STANDARD_FONTS }).promise;
  const pages: PdfPage[] = [];
  try {
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const runs = content.items
        .filter((it): it is Extract<typeof it, { str: string }> => 'str' in it)
        .map((it) => ({ str: it.str, x: it.transform[4], y: it.transform[5], width: it.width, height: it.height }));
      const ops = await page.getOperatorList();
      let paths = 0;
      let images = 0;
      for (const fn of ops.fnArray) {
        if (fn === OPS.constructPath) paths++;
        if (IMAGE_OPS.has(fn)) images++;
      }
      pages.push({ width: viewport.width, height: viewport.height, text: runs.map((r) => r.str).join(' ').replace(/\s+/g, ' '), compact: compact(runs.map((r) => r.str).join('')), runs, paths, images });
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return pages;
}
