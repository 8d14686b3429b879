/**
 * Which languages the report PDF can be written in. PDFKit's standard fonts (Helvetica, WinAnsi
 * encoding) set Latin script only; an Arabic, Chinese or Russian PDF would need embedded fonts with
 * those scripts and, for Arabic, right-to-left text layout, which PDFKit does not do. Kept apart
 * from pdf.ts so that pages can ask without loading PDFKit.
 */
export function pdfSetsScript(locale: string): boolean {
  return ['en', 'fr', 'es'].includes(locale);
}
