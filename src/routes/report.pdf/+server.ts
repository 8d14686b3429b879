/**
 * GET /report.pdf: the assessment report as a PDF made on the server (PDFKit, charts as vector
 * graphics), with the filters of /report; ?paper=letter for US Letter, A4 otherwise.
 */
import type { RequestHandler } from './$types';
import { error, redirect } from '@sveltejs/kit';
import { buildReport } from '$lib/report/build.server.ts';
import { FontUnavailableError, reportPdf } from '$lib/report/pdf.ts';
import { DatabaseUnavailableError } from '$lib/server/db.ts';
import { currentLocale, t } from '$lib/i18n/index.ts';
import { DEFAULT_LOCALE, localizePath } from '$lib/i18n/locales.ts';
import { pdfLocale } from '$lib/report/pdf-scripts.server.ts';

export const GET: RequestHandler = async ({ url }) => {
  // A Chinese PDF cannot be set on a server without Noto Sans CJK (pdf-scripts.server.ts): those readers
  // get the English PDF; their report page says so and offers the browser's print-to-PDF of the
  // page itself, which keeps the language. (The report page links the English PDF directly: the
  // same pdfLocale.)
  const pdfIn = pdfLocale(currentLocale());
  if (pdfIn !== currentLocale()) redirect(303, `${localizePath('/report.pdf', pdfIn)}${url.search}`);
  try {
    const report = await buildReport(url);
    const pdf = await reportPdf(report, url.searchParams.get('paper') === 'letter' ? 'LETTER' : 'A4');
    const name = `igf-participation-report-${report.demo ? 'demo-' : ''}${report.period.replace(/[^0-9]+/g, '-')}-${report.version}.pdf`;
    return new Response(new Uint8Array(pdf), {
      headers: {
        'content-type': 'application/pdf',
        'content-disposition': `inline; filename="${name}"`,
        'content-length': String(pdf.length),
        'x-igf-synthetic': report.demo ? 'true' : 'false'
      }
    });
  } catch (e) {
    if (e instanceof DatabaseUnavailableError) error(503, t('error.unavailable'));
    // Fonts found at start but unusable now (moved, replaced): the reader gets the English PDF, the log says why.
    if (e instanceof FontUnavailableError && currentLocale() !== DEFAULT_LOCALE) {
      console.error(e.message);
      redirect(303, `${localizePath('/report.pdf', DEFAULT_LOCALE)}${url.search}`);
    }
    throw e;
  }
};
