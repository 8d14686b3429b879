/**
 * The report (model.ts) as a PDF, for readers without a browser at hand: PDFKit lays out the text
 * and tables, svg-to-pdfkit draws each chart's SVG as vector paths and text (no raster image), in
 * the order and under the section titles of the /report page. English, French and Spanish are set
 * in the standard PDF fonts (Helvetica): nothing embedded, text outside their character set
 * replaced. Russian and Arabic are set in DejaVu Sans (the npm package dejavu-fonts-ttf; Arabic
 * right to left, pdf-rtl.ts), Chinese in the system's Noto Sans CJK SC (cjk-font.server.ts), each
 * embedded with the glyphs used only. Which languages a PDF can be written in, and in which face,
 * is pdf-scripts.server.ts's decision (PDF_FACES).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { PRODUCT } from '$lib/charts/export/cite.ts';
import { currentLocale, currentTag, t } from '$lib/i18n/index.ts';
import type { Locale } from '$lib/i18n/locales.ts';
import type { Finding } from './findings.ts';
import type { Report, ReportFigure, ReportTable } from './model.ts';
import { CJK_FILES, serverCjkFont } from './cjk-font.server.ts';
import { svgTextForFontkit, visualLines, visualRuns, withoutBidiControls, wrapLines, type LineRange } from './pdf-rtl.ts';
import { PDF_FACES } from './pdf-scripts.server.ts';

export type Paper = 'A4' | 'LETTER';

/** Characters the standard fonts (WinAnsiEncoding) can show: Latin-1 and the Windows-1252 extras. */
const WIN_ANSI = new Set([
  ...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)),
  ...Array.from({ length: 0x100 - 0xa0 }, (_, i) => String.fromCharCode(0xa0 + i)),
  ...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'
]);
const REPLACEMENTS: Record<string, string> = {
  '\u202f': ' ',
  '\u2009': ' ',
  '\u2212': '-',
  '≥': '>=',
  '≤': '<=',
  '⊘': '(s)',
  '◆': '',
  '●': '',
  '■': '',
  '▲': '^',
  '▼': 'v',
  '→': '->'
};

/** Text the standard fonts can set: known symbols approximated, anything else as '?'. */
export function pdfText(s: string): string {
  let out = '';
  for (const c of s) out += c === '\n' || WIN_ANSI.has(c) ? c : (REPLACEMENTS[c] ?? '?');
  return collapseSpaces(out);
}

/** Runs of spaces as one, none leading (what a replaced symbol or an empty part leaves behind). */
function collapseSpaces(s: string): string {
  return s.replace(/ {2,}/g, ' ').replace(/^ /, '');
}

/** The names the layout sets text in; each document registers them to the fonts of its face. */
const FONT = 'body';
const BOLD = 'body-bold';
const ITALIC = 'body-italic';

/** A standard font's name, or a font file's bytes and, in a collection (.ttc), the face's PostScript name. */
type FontSource = string | { bytes: Buffer; face?: string };

/** The fonts a PDF is set in, under FONT, BOLD and ITALIC, and what its text goes through first. */
interface Face {
  fonts: Record<typeof FONT | typeof BOLD | typeof ITALIC, FontSource>;
  text: (s: string) => string;
  /** Lines right to left, boxes from the right edge (Arabic). */
  rtl?: boolean;
}

const STANDARD_FACE: Face = {
  fonts: { [FONT]: 'Helvetica', [BOLD]: 'Helvetica-Bold', [ITALIC]: 'Helvetica-Oblique' },
  text: pdfText
};

/** The DejaVu Sans files of the npm package dejavu-fonts-ttf (a dependency: the built server resolves them in node_modules). */
export const DEJAVU_FILES = {
  [FONT]: 'DejaVuSans',
  [BOLD]: 'DejaVuSans-Bold',
  [ITALIC]: 'DejaVuSans-Oblique'
} as const;

export function dejaVuPath(name: string): string {
  return createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${name}.ttf`);
}

let dejaVu: Face | undefined;

/**
 * DejaVu Sans has every character of the Russian and English catalogs, of the countries' names and
 * the published sources, and every symbol of the report (tests/report/pdf-fonts.test.ts): nothing
 * is replaced. The files are read once (2 MB in all).
 */
function dejaVuFace(): Face {
  dejaVu ??= {
    fonts: {
      [FONT]: { bytes: readFileSync(dejaVuPath(DEJAVU_FILES[FONT])) },
      [BOLD]: { bytes: readFileSync(dejaVuPath(DEJAVU_FILES[BOLD])) },
      [ITALIC]: { bytes: readFileSync(dejaVuPath(DEJAVU_FILES[ITALIC])) }
    },
    text: collapseSpaces
  };
  return dejaVu;
}

/**
 * Arabic in DejaVu Sans too: its regular and bold have the Arabic letters, their joining forms and
 * the lam-alef ligatures (fontkit shapes them); its oblique has none, and Arabic is not set in
 * italics, so the regular stands in.
 */
function dejaVuArabicFace(): Face {
  const { fonts } = dejaVuFace();
  return { fonts: { ...fonts, [ITALIC]: fonts[FONT] }, text: collapseSpaces, rtl: true };
}

/** The two spaces Noto Sans CJK lacks, which the number formats write (tests/report/pdf-fonts.test.ts). */
const cjkText = (s: string) => collapseSpaces(s.replace(/[\u202f\u2009]/g, '\u00a0'));

/**
 * Noto Sans CJK SC has every character of the Chinese and English catalogs and of the data's names
 * and sources but two spaces; it has no italic, so the regular stands in. The two collections
 * (39 MB) are read at the first Chinese PDF and kept: reading them for each document made every
 * one allocate 39 MB again. A document embeds only the glyphs it uses.
 */
let notoCjk: Face | undefined;

/** A face's font files could not be read or used (moved, replaced, not the expected collection). */
export class FontUnavailableError extends Error {
  override name = 'FontUnavailableError';
}

function notoCjkFace(): Face {
  const files = serverCjkFont();
  if (!files) throw new FontUnavailableError('Noto Sans CJK is not installed: pdfLocale() sends Chinese readers to the English PDF');
  if (!notoCjk) {
    try {
      const regular = { bytes: readFileSync(files.regular), face: CJK_FILES.regular.face };
      notoCjk = { fonts: { [FONT]: regular, [BOLD]: { bytes: readFileSync(files.bold), face: CJK_FILES.bold.face }, [ITALIC]: regular }, text: cjkText };
    } catch (e) {
      throw new FontUnavailableError(`Noto Sans CJK cannot be read: ${e instanceof Error ? e.message : e}`);
    }
  }
  return notoCjk;
}

/** The face of a PDF in `locale`, as PDF_FACES names it (a route only asks for a language pdfLocale() allows). */
function faceFor(locale: Locale): Face {
  switch (PDF_FACES[locale]) {
    case 'dejavu':
      return dejaVuFace();
    case 'dejavu-arabic':
      return dejaVuArabicFace();
    case 'noto-cjk':
      return notoCjkFace();
    default:
      return STANDARD_FACE;
  }
}

const MUTED = '#555555';
const LEGEND_MARKERS = /[◆●■▲▼]/g;
const DEMO_RED = '#aa0000';

interface Layout {
  doc: PDFKit.PDFDocument;
  /** The face's text function (Face.text). */
  text: (s: string) => string;
  /** Arabic: lines set right to left (pdf-rtl.ts), and every box placed from the right edge. */
  rtl: boolean;
  left: number;
  width: number;
  bottom: number;
}

/**
 * A new page in the middle of a paragraph or list: PDFKit starts a page in black, so the text's
 * colour (a grey note, a blue link, the red notice) is set again, as PDFKit's own wrapper does.
 */
function newPage(l: Layout): void {
  const colour = (l.doc as unknown as { _fillColor?: [PDFKit.Mixins.ColorValue, number] })._fillColor;
  l.doc.addPage();
  if (colour) l.doc.fillColor(colour[0], colour[1]);
}

function ensure(l: Layout, height: number): void {
  if (l.doc.y + height > l.bottom) newPage(l);
}

/** The x of a box `w` wide whose start edge is `offset` from the text block's start edge (its right edge in Arabic). */
function boxX(l: Layout, offset: number, w: number): number {
  return l.rtl ? l.left + l.width - offset - w : l.left + offset;
}

interface WriteOptions {
  width: number;
  /** 'start': the line's start (left, right in Arabic); 'end': the other side (numbers in a table). */
  align?: 'start' | 'end';
  link?: string;
  destination?: string;
  /** A right-to-left line's base direction: 'rtl' for prose, 'auto' for a cell that may be an English title. */
  base?: 'rtl' | 'auto';
  /** One line, never broken (running heads, legend labels), in this font size, or smaller until it fits. */
  oneLineAt?: number;
}

/** The lines `s` takes at `width` in the current font. */
function rtlLines(l: Layout, s: string, width: number): LineRange[] {
  // Bidi controls are dropped before a line is set; the font has no glyph for them, so PDFKit would measure each as a box.
  return wrapLines(s, width, (line) => l.doc.widthOfString(withoutBidiControls(line)));
}

/** The width of `s` set on one line in the current font. */
function lineWidth(l: Layout, s: string): number {
  return l.rtl ? visualRuns(s).reduce((w, r) => w + l.doc.widthOfString(r.handed), 0) : l.doc.widthOfString(s);
}

/** The height `s` takes at `width` in the current font, as write() sets it. */
function heightOf(l: Layout, s: string, width: number): number {
  return l.rtl ? rtlLines(l, s, width).length * l.doc.currentLineHeight(true) : l.doc.heightOfString(s, { width });
}

/**
 * `s` (through l.text already) in a box at x, y, `width` wide, in the current font; afterwards doc.x
 * is x and doc.y below the text, as after PDFKit's text(). Left to right, PDFKit breaks and sets the
 * lines; right to left, each line is broken and ordered by pdf-rtl.ts and set run by run.
 */
function write(l: Layout, s: string, x: number, y: number, o: WriteOptions): void {
  const { oneLineAt } = o;
  if (oneLineAt === undefined) return place(l, s, x, y, o, false);
  // A running head or foot in a long language is set smaller until it fits its line; the size is
  // back to oneLineAt afterwards.
  l.doc.fontSize(oneLineAt);
  const wide = lineWidth(l, s);
  if (wide > o.width) l.doc.fontSize(Math.max((oneLineAt * o.width) / wide, oneLineAt * 0.6));
  place(l, s, x, y, o, true);
  l.doc.fontSize(oneLineAt);
}

/** write() in the current font and size: on one line, or broken at `o.width`. */
function place(l: Layout, s: string, x: number, y: number, o: WriteOptions, oneLine: boolean): void {
  const { doc } = l;
  if (!l.rtl && oneLine) {
    // PDFKit wraps whatever has a width, so one line is placed by its own width.
    const startX = o.align === 'end' ? x + o.width - doc.widthOfString(s) : x;
    doc.text(s, startX, y, { lineBreak: false, link: o.link, underline: o.link !== undefined, destination: o.destination });
    doc.x = x;
    doc.y = y + doc.currentLineHeight(true);
    return;
  }
  if (!l.rtl) {
    doc.text(s, x, y, { width: o.width, align: o.align === 'end' ? 'right' : 'left', link: o.link, underline: o.link !== undefined, destination: o.destination });
    return;
  }
  const lineHeight = doc.currentLineHeight(true);
  let top = y;
  const lines = oneLine ? [{ start: 0, end: s.length }] : rtlLines(l, s, o.width);
  visualLines(s, lines, o.base ?? 'rtl').forEach((runs, i) => {
    if (i > 0 && top + lineHeight > l.bottom) {
      newPage(l);
      top = doc.page.margins.top;
    }
    const widths = runs.map((r) => doc.widthOfString(r.handed));
    let runX = o.align === 'end' ? x : x + o.width - widths.reduce((a, b) => a + b, 0);
    runs.forEach((r, k) => {
      doc.text(r.handed, runX, top, { lineBreak: false, link: o.link, underline: o.link !== undefined, destination: i === 0 && k === 0 ? o.destination : undefined });
      runX += widths[k];
    });
    top += lineHeight;
  });
  doc.x = x;
  doc.y = top;
}

function heading(l: Layout, text: string, size: number, options: { destination?: string } = {}): void {
  ensure(l, size * 3);
  l.doc.font(BOLD).fontSize(size).fillColor('#000');
  write(l, l.text(text), l.left, l.doc.y, { width: l.width, destination: options.destination });
  l.doc.moveDown(0.4);
}

function paragraph(
  l: Layout,
  text: string,
  o: { size?: number; font?: string; colour?: string; link?: string; base?: 'rtl' | 'auto'; /** Height of what follows that must be on the same page (a title's text). */ keepWithNext?: number } = {}
): void {
  const size = o.size ?? 10;
  l.doc.font(o.font ?? FONT).fontSize(size).fillColor(o.colour ?? '#000');
  const s = l.text(text);
  ensure(l, Math.min(heightOf(l, s, l.width), size * 4) + (o.keepWithNext ?? 0));
  write(l, s, l.left, l.doc.y, { width: l.width, link: o.link, base: o.base });
  l.doc.moveDown(0.35);
}

function bullets(l: Layout, items: string[], size = 10, colour = '#000'): void {
  for (const item of items) {
    const s = l.text(item);
    l.doc.font(FONT).fontSize(size).fillColor(colour);
    ensure(l, Math.min(heightOf(l, s, l.width - 12), size * 4));
    const y = l.doc.y;
    write(l, '•', boxX(l, 0, 10), y, { width: 10 });
    write(l, s, boxX(l, 12, l.width - 12), y, { width: l.width - 12 });
    l.doc.x = l.left;
    l.doc.moveDown(0.25);
  }
}

const findingText = (f: Finding) => (f.figure === null ? t('report.finding', { finding: f.text }) : t('report.finding.figure', { finding: f.text, figure: t('report.figure', { n: f.figure }) }));

function table(l: Layout, caption: string, tb: ReportTable): void {
  const { doc } = l;
  const size = 8;
  const pad = 3;
  // Column widths: the first (a label) gets more room; numbers share the rest.
  const weights = tb.columns.map((c, i) => (i === 0 ? 2.2 : c.numeric ? 1 : 1.8));
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => (w / total) * l.width);
  // A column name whose longest word is wider than its column ("Представленные" over a number) is
  // set smaller, down to 6 pt, rather than broken inside the word.
  const header = tb.columns.map((c) => c.label);
  doc.font(BOLD).fontSize(size);
  const headerSizes = header.map((name, i) => {
    const longestWord = Math.max(...l.text(name).split(/\s+/).map((w) => doc.widthOfString(w)));
    return Math.max(6, Math.min(size, (size * (widths[i] - 2 * pad)) / longestWord));
  });
  const cellSize = (i: number, isHeader: boolean) => (isHeader ? headerSizes[i] : size);
  const rowHeight = (cells: string[], isHeader: boolean) =>
    Math.max(
      ...cells.map((c, i) => {
        doc.font(isHeader ? BOLD : FONT).fontSize(cellSize(i, isHeader));
        return heightOf(l, l.text(c), widths[i] - 2 * pad);
      })
    ) +
    2 * pad;
  const drawRow = (cells: string[], isHeader: boolean) => {
    const font = isHeader ? BOLD : FONT;
    const h = rowHeight(cells, isHeader);
    if (doc.y + h > l.bottom) {
      doc.addPage();
      if (!isHeader) drawRow(header, true);
    }
    const y = doc.y;
    let offset = 0;
    doc.font(font).fillColor('#000');
    cells.forEach((c, i) => {
      doc.fontSize(cellSize(i, isHeader));
      // Columns run from the start edge: in Arabic the first is on the right, as on the page. Column
      // names are in the page's language; a cell may be an English title, which keeps its direction.
      write(l, l.text(c), boxX(l, offset, widths[i]) + pad, y + pad, {
        width: widths[i] - 2 * pad,
        align: tb.columns[i].numeric ? 'end' : 'start',
        base: isHeader ? 'rtl' : 'auto'
      });
      offset += widths[i];
    });
    doc
      .moveTo(l.left, y + h)
      .lineTo(l.left + l.width, y + h)
      .lineWidth(0.4)
      .strokeColor(isHeader ? '#000' : '#cccccc')
      .stroke();
    doc.x = l.left;
    doc.y = y + h;
  };
  ensure(l, 60);
  doc.font(BOLD).fontSize(8.5).fillColor('#000');
  write(l, l.text(caption), l.left, doc.y, { width: l.width });
  doc.moveDown(0.2);
  drawRow(header, true);
  for (const r of tb.rows) drawRow(tb.columns.map((c) => r[c.key] ?? ''), false);
  doc.moveDown(0.8);
}

function figure(l: Layout, f: ReportFigure): void {
  const { doc } = l;
  const scale = f.width ? l.width / f.width : 1;
  const chartHeight = f.height * scale;
  const captionText = l.text(`${t('report.figure.label', { figure: t('report.figure', { n: f.number }) })} ${f.title}`);
  doc.font(BOLD).fontSize(10);
  const captionHeight = heightOf(l, captionText, l.width) + (doc.font(FONT).fontSize(8.5), heightOf(l, l.text(f.subtitle), l.width));
  // Caption, legend and chart stay on one page.
  ensure(l, captionHeight + 24 + chartHeight);
  doc.font(BOLD).fontSize(10).fillColor('#000');
  write(l, captionText, l.left, doc.y, { width: l.width, destination: f.id });
  doc.font(FONT).fontSize(8.5).fillColor(MUTED);
  write(l, l.text(f.subtitle), l.left, doc.y, { width: l.width });
  doc.moveDown(0.3);
  if (f.legend.length) {
    let offset = 0;
    let y = doc.y;
    doc.font(FONT).fontSize(8).fillColor('#000');
    for (const item of f.legend) {
      // The swatch is the marker: the ◆ or ● a label starts with on the page is left out, as the standard fonts must.
      const label = l.text(item.label.replace(LEGEND_MARKERS, '')).trim();
      const labelWidth = lineWidth(l, label);
      if (offset > 0 && offset + 12 + labelWidth > l.width) {
        offset = 0;
        y += 12;
      }
      doc.rect(boxX(l, offset, 8), y, 8, 8).fillColor(item.colour).fill();
      doc.fillColor('#000');
      write(l, label, boxX(l, offset + 12, labelWidth), y, { width: labelWidth, oneLineAt: 8 });
      offset += 12 + labelWidth + 14;
    }
    doc.x = l.left;
    doc.y = y + 14;
  }
  if (f.svg) {
    const top = doc.y;
    SVGtoPDF(doc, l.rtl ? svgTextForFontkit(l.text(f.svg)) : l.text(f.svg), l.left, top, {
      width: l.width,
      height: chartHeight,
      preserveAspectRatio: 'xMinYMin meet',
      assumePt: true,
      warningCallback: () => {},
      fontCallback: (_family: string, bold: boolean) => (bold ? BOLD : FONT)
    });
    doc.x = l.left;
    doc.y = top + chartHeight + 6;
  }
  if (f.notes.length) bullets(l, f.notes, 8, MUTED);
  doc.moveDown(0.3);
}

/** The report as a PDF file (A4 or US Letter). */
export function reportPdf(r: Report, paper: Paper = 'A4'): Promise<Buffer> {
  const face = faceFor(currentLocale());
  const doc = new PDFDocument({
    size: paper,
    margins: { top: 60, bottom: 60, left: 56, right: 56 },
    bufferPages: true,
    info: { Title: face.text(t('punct.with.period', { label: r.title, period: r.period })), Author: PRODUCT, Subject: face.text(r.subtitle), Keywords: `IGF; data version ${r.version}` },
    lang: currentTag()
  });
  try {
    for (const [name, font] of Object.entries(face.fonts)) {
      if (typeof font === 'string') doc.registerFont(name, font);
      else doc.registerFont(name, font.bytes, font.face);
      // Registering only records the font; selecting it parses it, so a damaged or wrong file
      // fails here, before the document is begun, rather than on the first line set in it.
      doc.font(name);
    }
  } catch (e) {
    throw new FontUnavailableError(`The fonts of the ${currentLocale()} PDF cannot be used: ${e instanceof Error ? e.message : e}`);
  }
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const l: Layout = {
    doc,
    text: face.text,
    rtl: face.rtl === true,
    left: doc.page.margins.left,
    width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
    bottom: doc.page.height - doc.page.margins.bottom
  };

  // Title page.
  if (r.demo) paragraph(l, t('report.demo.notice'), { font: BOLD, colour: DEMO_RED, size: 11 });
  paragraph(l, PRODUCT.toUpperCase(), { size: 9, colour: MUTED });
  doc.font(BOLD).fontSize(20).fillColor('#000');
  write(l, l.text(r.title), l.left, doc.y, { width: l.width });
  doc.moveDown(0.3);
  paragraph(l, r.subtitle, { size: 12 });
  doc.moveDown(0.5);
  for (const [k, v] of [
    [t('report.period'), r.period],
    [t('report.records'), r.records],
    [t('report.version'), r.version],
    [t('report.date'), r.date],
    [t('report.permalink'), r.permalink]
  ]) {
    const y = doc.y;
    doc.font(BOLD).fontSize(10).fillColor('#000');
    write(l, l.text(k), boxX(l, 0, 90), y, { width: 90 });
    // A name may take two lines (Russian "Постоянная ссылка"): the next row starts below the taller of the two.
    const nameBottom = doc.y;
    doc.font(FONT);
    write(l, l.text(v), boxX(l, 95, l.width - 95), y, { width: l.width - 95, link: k === t('report.permalink') ? v : undefined });
    doc.y = Math.max(doc.y, nameBottom);
    doc.moveDown(0.2);
  }
  doc.moveDown(0.5);
  paragraph(l, r.intro);
  for (const n of r.notes) paragraph(l, n, { font: ITALIC });
  if (r.requestedVersion) paragraph(l, t('report.version.changed', { requested: r.requestedVersion, version: r.version }), { font: ITALIC });
  doc.moveDown(0.5);
  heading(l, t('report.cite'), 13);
  paragraph(l, t('punct.labelled', { label: t('report.cite.apa'), value: r.citation.apa }), { size: 9.5 });
  paragraph(l, t('punct.labelled', { label: t('report.cite.chicago'), value: r.citation.chicago }), { size: 9.5 });
  doc.moveDown(0.5);
  heading(l, t('report.contents'), 13);
  const contents = [t('report.summary'), ...r.sections.map((s) => s.title), t('report.methodology'), t('report.sources'), t('report.sets')];
  contents.forEach((c, i) => paragraph(l, `${i + 1}. ${c}`, { size: 10 }));

  // Summary.
  doc.addPage();
  heading(l, t('report.summary'), 18);
  paragraph(l, t('report.summary.lead'), { size: 9, colour: MUTED });
  bullets(l, r.summary.map(findingText));

  for (const s of r.sections) {
    doc.addPage();
    heading(l, s.title, 18, { destination: s.id });
    bullets(l, s.findings.map(findingText));
    doc.moveDown(0.4);
    for (const f of s.figures) {
      figure(l, f);
      if (f.table.rows.length) table(l, t('report.table', { n: f.number }), f.table);
      else paragraph(l, t('report.empty'), { font: ITALIC });
    }
    heading(l, t('report.coverage'), 11);
    bullets(l, s.coverage, 9, MUTED);
    heading(l, t('report.caveats'), 11);
    bullets(l, s.caveats, 9, MUTED);
  }

  doc.addPage();
  heading(l, t('report.methodology'), 18, { destination: 'methodology' });
  for (const m of r.methodology) {
    // A definition's title stays with the first lines of its text.
    doc.font(FONT).fontSize(9.5);
    const firstLines = Math.min(heightOf(l, l.text(m.text), l.width), doc.currentLineHeight(true) * 3);
    paragraph(l, m.title, { font: BOLD, size: 10, keepWithNext: firstLines });
    paragraph(l, m.text, { size: 9.5 });
  }

  doc.addPage();
  heading(l, t('report.sources'), 18, { destination: 'sources' });
  paragraph(l, t('report.sources.lead'), { size: 9, colour: MUTED });
  if (!r.sources.length) paragraph(l, t('report.sources.none'));
  // In Arabic the English quote and title are isolated (FSI … PDI), so that their own punctuation stays at their ends, as on the page.
  const isolated = (s: string) => (l.rtl ? `\u2068${s}\u2069` : s);
  for (const s of r.sources) {
    paragraph(l, `${t('report.source.entry', { year: s.year, metric: s.metric, value: s.value })} “${isolated(s.quote)}”${s.title ? ` — ${isolated(s.title)}.` : ''}`, { size: 8.5 });
    if (s.url) {
      doc.moveUp(0.25);
      paragraph(l, s.url, { size: 8, colour: '#1a4f8a', link: s.url, base: 'auto' });
    }
  }

  doc.addPage();
  heading(l, t('report.sets'), 18, { destination: 'source-sets' });
  paragraph(l, t('method.sets.lead'), { size: 9.5 });
  const setList = (synthetic: boolean) => {
    const sets = r.sourceSets.filter((s) => s.synthetic === synthetic);
    if (!sets.length) paragraph(l, t('report.sets.none'), { size: 9.5 });
    bullets(l, sets.map((s) => `${s.text}${s.used ? ` — ${t('report.sets.used')}` : ''}`), 9.5);
  };
  heading(l, t('report.sets.real'), 12);
  setList(false);
  heading(l, t('report.sets.demo'), 12);
  setList(true);

  // Running header and footer on every page: title, data version, page number, and the
  // demonstration notice when the records are synthetic.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { margins } = doc.page;
    const bottomMargin = margins.bottom;
    margins.bottom = 0; // writing into the margin must not start a new page
    const w = doc.page.width - margins.left - margins.right;
    doc.font(FONT).fontSize(7.5).fillColor(MUTED);
    // One line each: the title and the notice at the start edge, version and page number at the end.
    write(l, l.text(`${PRODUCT} · ${t('punct.with.period', { label: t('report.nav'), period: r.period })}`), boxX(l, 0, w * 0.7), 30, { width: w * 0.7, oneLineAt: 7.5 });
    write(l, l.text(`${t('report.version')} ${r.version}`), margins.left, 30, { width: w, align: 'end', oneLineAt: 7.5 });
    const footY = doc.page.height - 40;
    write(l, l.text(`${t('report.page')} ${i + 1} ${t('report.of')} ${range.count}`), margins.left, footY, { width: w, align: 'end', oneLineAt: 7.5 });
    if (r.demo) {
      doc.font(BOLD).fillColor(DEMO_RED);
      write(l, l.text(t('report.demo.notice')), boxX(l, 0, w * 0.8), footY, { width: w * 0.8, oneLineAt: 7.5 });
    }
    margins.bottom = bottomMargin;
  }
  doc.end();
  return done;
}
