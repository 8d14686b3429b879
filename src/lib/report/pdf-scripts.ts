/**
 * Which languages the report PDF can be written in. PDFKit's standard fonts (Helvetica, WinAnsi
 * encoding) set Latin script only; an Arabic, Chinese or Russian PDF would need embedded fonts with
 * those scripts and, for Arabic, right-to-left text layout, which PDFKit does not do. Kept apart
 * from pdf.ts so that pages can ask without loading PDFKit.
 */
import { DEFAULT_LOCALE, type Locale } from '$lib/i18n/locales.ts';

export function pdfSetsScript(locale: string): boolean {
  return ['en', 'fr', 'es'].includes(locale);
}

/**
 * The language of the report PDF a page in `locale` links to: its own where the PDF sets its
 * script, else English, which /{locale}/report.pdf would redirect to (303) anyway.
 */
export function pdfLocale(locale: Locale): Locale {
  return pdfSetsScript(locale) ? locale : DEFAULT_LOCALE;
}
