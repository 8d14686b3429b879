/**
 * The assessment report against the fixture database, in headless Chromium and as the server's PDF:
 * /report printed with page.pdf (A4 and Letter) starts every section on a page of its own, draws
 * every chart as vector graphics, keeps all text inside the page, and a demonstration report says so
 * on every page; /report.pdf is a valid PDF with the same section titles, charts as vector paths.
 */
import { ar } from '../../src/lib/i18n/catalogs/ar.ts';
import { ru } from '../../src/lib/i18n/catalogs/ru.ts';
import { zh } from '../../src/lib/i18n/catalogs/zh.ts';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite, openPage, seriousAxeViolations } from '../browser/harness.ts';
import { compact, readPdf, type PdfPage } from './pdf-read.ts';

const suite = browserSuite();
const DEMO_NOTICE = 'DEMONSTRATION REPORT';

/** Section ids and titles as the page shows them, in order (summary, themes, methodology, sources, sets). */
async function sectionTitles(page: Page): Promise<{ id: string; title: string }[]> {
  return page.$$eval('section[data-section]', (els) =>
    els.map((el) => ({ id: el.getAttribute('data-section') ?? '', title: el.querySelector('h2')?.textContent?.trim() ?? '' }))
  );
}

/**
 * The page on which each title is found, each after the previous one's page: -1 for a title not
 * found. The title page (page 0) lists the titles as contents, so the search starts after it.
 */
function sectionPages(pages: PdfPage[], titles: string[]): number[] {
  let after = 0;
  return titles.map((title) => {
    const found = pages.findIndex((p, i) => i > after && p.compact.includes(compact(title)));
    if (found >= 0) after = found;
    return found;
  });
}

/** Text runs reaching outside the page box (1 pt tolerance). */
function overflowing(pages: PdfPage[]): string[] {
  return pages.flatMap((p, i) =>
    p.runs
      .filter((r) => r.str.trim() !== '' && (r.x < -1 || r.x + r.width > p.width + 1 || r.y < -1 || r.y > p.height + 1))
      .map((r) => `page ${i + 1}: "${r.str}" at x ${r.x.toFixed(0)}–${(r.x + r.width).toFixed(0)} of ${p.width.toFixed(0)}`)
  );
}

/** The page on which "Figure n." is captioned, for each figure number. */
function figurePages(pages: PdfPage[], count: number): number[] {
  return Array.from({ length: count }, (_, i) => pages.findIndex((p) => p.text.includes(`Figure ${i + 1}.`)));
}

describe('/report in the browser and printed', () => {
  for (const view of [
    { path: '/report', demo: false },
    { path: '/report?source=demo', demo: true }
  ]) {
    it(`${view.path}: sections, vector charts, print layout${view.demo ? ', the demonstration notice on every page' : ''}`, async () => {
      const { page, errors } = await openPage(suite, view.path);
      const sections = await sectionTitles(page);
      expect(sections.map((s) => s.id)).toEqual([
        'summary',
        'participation',
        'global-south',
        'stakeholders',
        'gender',
        'regions',
        'speakers-attendees',
        'sessions',
        'methodology',
        'sources',
        'source-sets'
      ]);
      // Every figure has its chart as an SVG with vector marks, drawn on the server.
      const figures = await page.$$eval('figure[data-figure]', (els) =>
        els.map((el) => ({
          n: Number(el.getAttribute('data-figure')),
          svg: el.querySelectorAll('.chart-svg svg').length,
          marks: el.querySelectorAll('.chart-svg svg path, .chart-svg svg circle, .chart-svg svg rect, .chart-svg svg line').length
        }))
      );
      expect(figures.length).toBeGreaterThanOrEqual(7);
      expect(figures.map((f) => f.n)).toEqual(figures.map((_, i) => i + 1));
      for (const f of figures) {
        expect(f.svg, `figure ${f.n}`).toBe(1);
        expect(f.marks, `figure ${f.n}`).toBeGreaterThan(0);
      }
      // The summary refers to figures that exist.
      const refs = await page.$$eval('[data-summary] a[href^="#figure-"]', (els) => els.map((a) => a.getAttribute('href')));
      expect(refs.length).toBeGreaterThan(0);
      for (const href of refs) expect(await page.locator(href!).count()).toBe(1);
      // Citable: the permalink carries the filters and the data version; APA and Chicago cite it.
      const permalink = await page.locator('[data-permalink]').getAttribute('href');
      expect(permalink).toMatch(/\/report\?.*v=[0-9a-f]{12}/);
      if (view.demo) expect(permalink).toContain('source=demo');
      for (const style of ['apa', 'chicago']) expect(await page.locator(`[data-cite="${style}"]`).textContent()).toContain(permalink!);
      expect(await page.locator('[data-demo-notice]').count()).toBe(view.demo ? 1 : 0);
      if (!view.demo) expect(await seriousAxeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);

      for (const format of ['A4', 'Letter'] as const) {
        const pages = await readPdf(await page.pdf({ format }));
        const where = sectionPages(
          pages,
          sections.map((s) => s.title)
        );
        // At least one page per section: each starts on a page after the previous one's.
        expect(where.every((p) => p > 0), `${format}: ${JSON.stringify(where)}`).toBe(true);
        expect(new Set(where).size).toBe(sections.length);
        expect(pages.length).toBeGreaterThan(sections.length);
        // Every chart is vector graphics: paths on its page, no raster image anywhere.
        const onPage = figurePages(pages, figures.length);
        for (const [i, p] of onPage.entries()) {
          expect(p, `${format}: figure ${i + 1} not found`).toBeGreaterThanOrEqual(0);
          expect(pages[p].paths, `${format}: figure ${i + 1}`).toBeGreaterThan(5);
        }
        expect(pages.reduce((n, p) => n + p.images, 0)).toBe(0);
        expect(overflowing(pages)).toEqual([]);
        // The running header (title and data version) and page numbers on every page; a
        // demonstration report says so on every page, the public record on none.
        for (const [i, p] of pages.entries()) {
          expect(p.text, `${format} page ${i + 1}`).toMatch(/Data version [0-9a-f]{12}/);
          expect(p.text, `${format} page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`);
          expect(p.text.includes(DEMO_NOTICE), `${format} page ${i + 1}`).toBe(view.demo);
        }
      }
      await page.close();
    });
  }

  it('is linked from the overview and the methodology page', async () => {
    for (const path of ['/', '/methodology']) {
      const { page } = await openPage(suite, path);
      const href = await page.locator('[data-report-link]').first().getAttribute('href');
      expect(href, path).toMatch(/^\/report/);
      await page.close();
    }
  });
});

describe('GET /report.pdf', () => {
  for (const view of [
    { query: '', demo: false },
    { query: '?source=demo', demo: true }
  ]) {
    it(`${view.query || 'the public record'}: a valid PDF with the page's section titles and vector charts`, async () => {
      const res = await fetch(`${suite.server.url}/report.pdf${view.query}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      // English is set in the standard fonts: no font file embedded (the Russian and Chinese PDFs embed one).
      expect(Buffer.from(bytes).toString('latin1')).not.toMatch(/\/FontFile[23]?\b/);
      const pages = await readPdf(bytes);

      const { page } = await openPage(suite, `/report${view.query}`);
      const sections = await sectionTitles(page);
      const figures = await page.locator('figure[data-figure]').count();
      await page.close();

      const where = sectionPages(
        pages,
        sections.map((s) => s.title)
      );
      expect(where.every((p) => p > 0), JSON.stringify(where)).toBe(true);
      expect(new Set(where).size).toBe(sections.length);
      for (const [i, p] of figurePages(pages, figures).entries()) {
        expect(p, `figure ${i + 1} not found`).toBeGreaterThanOrEqual(0);
        expect(pages[p].paths, `figure ${i + 1}`).toBeGreaterThan(5);
      }
      expect(pages.reduce((n, p) => n + p.images, 0)).toBe(0);
      expect(overflowing(pages)).toEqual([]);
      for (const [i, p] of pages.entries()) {
        expect(p.text).toContain(`Page ${i + 1} of ${pages.length}`);
        expect(p.text.includes(DEMO_NOTICE), `page ${i + 1}`).toBe(view.demo);
      }
    });
  }

  it('is written in French and Spanish, in the standard fonts', async () => {
    const french = await readPdf(new Uint8Array(await (await fetch(`${suite.server.url}/fr/report.pdf`)).arrayBuffer()));
    expect(french[0].text).toContain('Page 1 sur');
    const { page: frenchPage } = await openPage(suite, '/fr/report');
    expect(await frenchPage.locator('[data-pdf-link]').getAttribute('href')).toBe('/fr/report.pdf');
    await frenchPage.close();
  });

  // Russian and Arabic in DejaVu Sans (TrueType, FontFile2); Chinese in Noto Sans CJK SC (CFF,
  // FontFile3), which .ci/run installs. pdf.js reads an Arabic line back into its logical order by
  // the bidi algorithm, but spells a lam-alef ligature alef first: Arabic text is compared without
  // lam and alef (arabicKey), which still finds words in the wrong order or numbers reversed.
  const arabicKey = (s: string) => compact(s).replace(/[لاأإآ]/g, '');
  for (const { code, messages, fontFile, key } of [
    { code: 'ru', messages: ru, fontFile: /\/FontFile2\b/, key: compact },
    { code: 'ar', messages: ar, fontFile: /\/FontFile2\b/, key: arabicKey },
    { code: 'zh', messages: zh, fontFile: /\/FontFile3\b/, key: compact }
  ] as const) {
    it(`is written in ${code}, in an embedded font that has its letters: every section title, figure caption and page footer as on the page`, async () => {
      const res = await fetch(`${suite.server.url}/${code}/report.pdf?source=demo`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      const bytes = new Uint8Array(await res.arrayBuffer());
      const pages = await readPdf(bytes);
      // An embedded font (the standard fonts are Type1 and embed nothing).
      expect(Buffer.from(bytes).toString('latin1')).toMatch(fontFile);

      const { page } = await openPage(suite, `/${code}/report?source=demo`);
      expect(await page.locator('[data-pdf-link]').getAttribute('href')).toBe(`/${code}/report.pdf?source=demo`);
      expect(await page.locator('[data-pdf-link]').innerText()).toBe(messages['report.pdf']);
      const sections = await sectionTitles(page);
      const title = (await page.locator('h1').first().innerText()).trim();
      const figures = await page.locator('figure[data-figure]').count();
      await page.close();

      // Titles in Cyrillic, Arabic or Chinese are found whole: a font without those letters would have set '?' or nothing.
      expect(key(pages[0].text)).toContain(key(title));
      const where = sectionPages(
        pages.map((p) => ({ ...p, compact: key(p.text) })),
        sections.map((s) => key(s.title))
      );
      expect(where.every((p) => p > 0), JSON.stringify(where)).toBe(true);
      for (let n = 1; n <= figures; n++) {
        const caption = key(messages['report.figure.label'].replace('{figure}', messages['report.figure'].replace('{n}', String(n))));
        expect(pages.some((p) => key(p.text).includes(caption)), caption).toBe(true);
      }
      expect(pages.reduce((n, p) => n + p.images, 0)).toBe(0);
      expect(overflowing(pages)).toEqual([]);
      for (const [i, p] of pages.entries()) {
        expect(key(p.text)).toContain(key(`${messages['report.page']} ${i + 1} ${messages['report.of']} ${pages.length}`));
        expect(key(p.text), `page ${i + 1}`).toContain(key(messages['report.demo.notice']));
      }
    });
  }

  it('is US Letter with ?paper=letter', async () => {
    const pages = await readPdf(new Uint8Array(await (await fetch(`${suite.server.url}/report.pdf?paper=letter`)).arrayBuffer()));
    expect(Math.round(pages[0].width)).toBe(612);
    expect(Math.round(pages[0].height)).toBe(792);
  });
});
