/**
 * Which languages the report PDF can be written in: English, French and Spanish in PDFKit's standard
 * fonts, Russian and Arabic in an embedded DejaVu Sans (Arabic laid out right to left by
 * pdf-rtl.ts), Chinese in an embedded Noto Sans CJK SC when the server has it (cjk-font.server.ts). Kept
 * apart from pdf.ts so that the report page can ask without loading PDFKit.
 */
import { DEFAULT_LOCALE, type Locale } from '$lib/i18n/locales.ts';
import { serverCjkFont } from './cjk-font.server.ts';

export type PdfFace = 'standard' | 'dejavu' | 'dejavu-arabic' | 'noto-cjk';

/** The fonts the PDF of each language it can be written in is set in (pdf.ts): the one home of this choice. */
export const PDF_FACES: Partial<Record<Locale, PdfFace>> = { en: 'standard', fr: 'standard', es: 'standard', ru: 'dejavu', ar: 'dejavu-arabic', zh: 'noto-cjk' };

/** Whether this server has a face's fonts: the standard fonts and DejaVu (an npm dependency) always, Noto Sans CJK when found. */
export function pdfFaceAvailable(face: PdfFace): boolean {
  return face === 'noto-cjk' ? serverCjkFont() !== null : true;
}

/**
 * The language of the report PDF a page in `locale` links to: its own where the PDF can be set in
 * its script on this server, else English, which /{locale}/report.pdf would redirect to (303) anyway.
 */
export function pdfLocale(locale: Locale): Locale {
  const face = PDF_FACES[locale];
  return face !== undefined && pdfFaceAvailable(face) ? locale : DEFAULT_LOCALE;
}
