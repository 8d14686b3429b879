/**
 * Which languages the report PDF can be written in: English, French and Spanish in PDFKit's standard
 * fonts, Russian in an embedded DejaVu Sans (pdf.ts). Not Arabic, which needs right-to-left lines
 * and bidirectional text, which PDFKit does not lay out; not Chinese, which needs a CJK font of
 * several MB in one file (the self-hosted one is sliced for the browser) and line breaks between
 * characters. Kept apart from pdf.ts so that pages can ask without loading PDFKit.
 */
import { DEFAULT_LOCALE, type Locale } from '$lib/i18n/locales.ts';

/** The fonts the PDF of each language it can be written in is set in (pdf.ts): the one home of this choice. */
export const PDF_FACES: Partial<Record<Locale, 'standard' | 'dejavu'>> = { en: 'standard', fr: 'standard', es: 'standard', ru: 'dejavu' };

export function pdfSetsScript(locale: string): boolean {
  return locale in PDF_FACES;
}

/**
 * The language of the report PDF a page in `locale` links to: its own where the PDF sets its
 * script, else English, which /{locale}/report.pdf would redirect to (303) anyway.
 */
export function pdfLocale(locale: Locale): Locale {
  return pdfSetsScript(locale) ? locale : DEFAULT_LOCALE;
}
