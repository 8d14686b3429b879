/**
 * The report page's PDF link, as the server renders it (no browser): every language links its own
 * PDF. On a server without Noto Sans CJK (IGF_PDF_CJK_FONT_DIR naming an empty directory), Chinese
 * pages link the English PDF itself rather than /zh/report.pdf, which only answers 303 to it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveFixture } from '../metrics/fixture-server.ts';
import { zh } from '../../src/lib/i18n/catalogs/zh.ts';

const served = serveFixture();
const noCjkFontDir = mkdtempSync(join(tmpdir(), 'igf-no-cjk-font-'));
const servedWithoutCjkFont = serveFixture({ IGF_PDF_CJK_FONT_DIR: noCjkFontDir });
afterAll(() => rmSync(noCjkFontDir, { recursive: true, force: true }));

/** The href and text of the report page's PDF link. */
async function pdfLink(baseUrl: string, path: string): Promise<{ href: string | undefined; text: string }> {
  const r = await fetch(baseUrl + path);
  expect(r.status).toBe(200);
  const html = await r.text();
  const link = /<a\b[^>]*\bdata-pdf-link\b[^>]*>([^<]*)<\/a>/.exec(html);
  return { href: /\bhref="([^"]*)"/.exec(link?.[0] ?? '')?.[1]?.replace(/&amp;/g, '&'), text: link?.[1] ?? '' };
}

describe('the report page links the PDF in a language the PDF can set', () => {
  it.each([
    ['/report', '/report.pdf'],
    ['/fr/report', '/fr/report.pdf'],
    ['/es/report?source=demo', '/es/report.pdf?source=demo'],
    ['/ar/report', '/ar/report.pdf'],
    ['/zh/report?source=demo', '/zh/report.pdf?source=demo'],
    ['/ru/report?source=demo', '/ru/report.pdf?source=demo']
  ])('%s links %s', async (page, pdf) => {
    expect((await pdfLink(served.url, page)).href).toBe(pdf);
  });

  it('the Chinese link says it is the PDF, not the English one', async () => {
    expect((await pdfLink(served.url, '/zh/report')).text).toBe(zh['report.pdf']);
  });
});

describe('a server without Noto Sans CJK', () => {
  it('links the English PDF from the Chinese report page, says so, and redirects /zh/report.pdf to it', async () => {
    const link = await pdfLink(servedWithoutCjkFont.url, '/zh/report?source=demo');
    expect(link.href).toBe('/report.pdf?source=demo');
    expect(link.text).toBe(zh['report.pdf.english']);
    const redirect = await fetch(`${servedWithoutCjkFont.url}/zh/report.pdf?source=demo`, { redirect: 'manual' });
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get('location')).toBe(link.href);
  });
});
