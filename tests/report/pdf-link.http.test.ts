/**
 * The report page's PDF link, as the server renders it (no browser): English, French, Spanish and
 * Russian pages link their own PDF; Arabic and Chinese pages, whose PDF cannot be set in their
 * script, link the English PDF itself rather than their /xx/report.pdf, which only answers 303 to it.
 */
import { describe, expect, it } from 'vitest';
import { serveFixture } from '../metrics/fixture-server.ts';

const served = serveFixture();

/** The href of the report page's PDF link. */
async function pdfHref(path: string): Promise<string | undefined> {
  const r = await fetch(served.url + path);
  expect(r.status).toBe(200);
  const html = await r.text();
  const link = /<a\b[^>]*\bdata-pdf-link\b[^>]*>/.exec(html)?.[0] ?? '';
  return /\bhref="([^"]*)"/.exec(link)?.[1]?.replace(/&amp;/g, '&');
}

describe('the report page links the PDF in a language the PDF can set', () => {
  it.each([
    ['/report', '/report.pdf'],
    ['/fr/report', '/fr/report.pdf'],
    ['/es/report?source=demo', '/es/report.pdf?source=demo'],
    ['/ar/report', '/report.pdf'],
    ['/zh/report?source=demo', '/report.pdf?source=demo'],
    ['/ru/report?source=demo', '/ru/report.pdf?source=demo']
  ])('%s links %s', async (page, pdf) => {
    expect(await pdfHref(page)).toBe(pdf);
  });

  it('the English PDF it links is the one the redirect names', async () => {
    const redirect = await fetch(`${served.url}/zh/report.pdf?source=demo`, { redirect: 'manual' });
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get('location')).toBe(await pdfHref('/zh/report?source=demo'));
  });
});
