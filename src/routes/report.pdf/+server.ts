/**
 * GET /report.pdf: the assessment report as a PDF made on the server (PDFKit, charts as vector
 * graphics), with the filters of /report; ?paper=letter for US Letter, A4 otherwise.
 */
import type { RequestHandler } from './$types';
import { error } from '@sveltejs/kit';
import { buildReport } from '$lib/report/build.server.ts';
import { reportPdf } from '$lib/report/pdf.ts';
import { DatabaseUnavailableError } from '$lib/server/db.ts';
import { t } from '$lib/i18n/index.ts';

export const GET: RequestHandler = async ({ url }) => {
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
    throw e;
  }
};
