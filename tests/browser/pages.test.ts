/**
 * Every page in headless Chromium against the fixture database: it renders, its charts draw the marks
 * the metrics predict, filters round-trip through the URL, no console errors, no serious axe findings.
 * Screenshots of each page at desktop and phone width go to /tmp/shots.
 */
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { browserSuite, chartsDrawn, horizontalOverflow, openPage, seriousAxeViolations } from './harness.ts';

const PAGES = ['/', '/stakeholders', '/regions', '/gender', '/global-south', '/representation', '/sessions', '/published', '/methodology', '/data'];
const SHOTS = '/tmp/shots';
mkdirSync(SHOTS, { recursive: true });

const suite = browserSuite();
const open = (path: string, width = 1280) => openPage(suite, path, { width });

async function api(metric: string, query = ''): Promise<Record<string, unknown>[]> {
  const res = await fetch(`${suite.server.url}/api/v1/metrics/${metric}${query}`);
  return ((await res.json()) as { rows: Record<string, unknown>[] }).rows;
}

describe('every page', () => {
  for (const path of PAGES) {
    it(`${path} renders, draws, has no console errors or serious axe violations`, async () => {
      for (const width of [1280, 375]) {
        const { page, errors } = await open(path, width);
        await chartsDrawn(page);
        expect(await page.locator('h1').count()).toBe(1);
        // Every page opens on the public record: published figures and the session pages' speakers,
        // nothing synthetic, so no banner. Methodology and Data & API describe every source set,
        // the demonstration records' coverage included, and say so.
        expect(await page.locator('[data-synthetic-banner]').count()).toBe(['/methodology', '/data'].includes(path) ? 1 : 0);
        const name = (path.replace(/\W+/g, '_').replace(/^_|_$/g, '') || 'overview') + `-${width}`;
        await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
        if (width === 1280) {
          expect(await seriousAxeViolations(page)).toEqual([]);
        } else {
          const overflow = await horizontalOverflow(page);
          expect(overflow).toBeLessThanOrEqual(1);
        }
        expect(errors).toEqual([]);
        await page.close();
      }
    });
  }
});

describe('the demonstration records, when asked for', () => {
  for (const path of PAGES.filter((p) => !['/methodology', '/data'].includes(p))) {
    it(`${path}?source=demo shows the synthetic banner and draws without errors`, async () => {
      const { page, errors } = await open(`${path}?source=demo`);
      await chartsDrawn(page);
      expect(await page.locator('[data-synthetic-banner]').count()).toBe(1);
      // The way back to the public record is the records selector's first option.
      expect(await page.locator('select[name="source"]').inputValue()).toBe('demo');
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('every page in its public view links to the demonstration records, and the link shows the banner', async () => {
    for (const path of ['/stakeholders', '/regions', '/gender', '/global-south', '/representation', '/sessions']) {
      const { page } = await open(path);
      expect(await page.locator('[data-synthetic-banner]').count()).toBe(0);
      await page.locator('[data-demo-link]').click();
      await page.waitForURL(/source=demo/);
      expect(new URL(page.url()).pathname).toBe(path);
      expect(await page.locator('[data-synthetic-banner]').count()).toBe(1);
      await page.close();
    }
  });
});

describe('charts draw the marks the data predicts', () => {
  it('global south: one point per definition and year with a share', async () => {
    const rows = await api('global-south', '?definition=all');
    const expected = rows.filter((r) => r.category === 'global_south' && typeof r.share === 'number').length;
    const suppressed = rows.filter((r) => r.category === 'global_south' && r.suppressed === true).length;
    const { page } = await open('/global-south?source=demo');
    await chartsDrawn(page);
    const chart = page.locator('[data-chart="global-south-definitions"]');
    expect(await chart.locator('.mark-point circle, .mark-point-uncertain circle').count()).toBe(expected);
    expect(await chart.locator('.mark-suppressed text').count()).toBe(suppressed);
    expect(await chart.locator('.mark-line path').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('stakeholders: one bar per shown share, suppressed cells not drawn as zero', async () => {
    const rows = await api('stakeholders');
    const expected = rows.filter((r) => r.dimension === 'stakeholder_group' && r.kind === 'share' && typeof r.share === 'number').length;
    const { page } = await open('/stakeholders?source=demo');
    await chartsDrawn(page);
    expect(await page.locator('[data-chart="stakeholders-attendees"] .mark-bar rect').count()).toBe(expected);
    await page.close();
  });

  it('sessions: one table row per session of the year', async () => {
    const rows = await api('sessions', '?level=session');
    const last = Math.max(...rows.map((r) => Number(r.year)));
    const { page } = await open('/sessions?source=demo');
    expect(await page.locator('[data-chart="sessions"] tbody tr').count()).toBe(rows.filter((r) => r.year === last).length);
    await page.close();
  });

  it('sessions at 375 px: one card per session, no box scrolling sideways, the column heads still sort', async () => {
    const { page } = await openPage(suite, '/sessions?source=demo', { width: 375 });
    const wrap = page.locator('[data-chart="sessions"] .table-wrap');
    expect(await horizontalOverflow(page)).toBe(0);
    // The table is part of the page: nothing hidden to its right, no scroll box.
    expect(await wrap.evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(0);
    expect(await wrap.evaluate((e) => getComputedStyle(e).overflowX)).toBe('visible');
    const first = page.locator('[data-chart="sessions"] tbody tr').first();
    const box = (await first.boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(375);
    // Each value is under its column's name; the women's share says what it is computed from (women / known gender).
    const women = first.locator('td[data-label="Women"]');
    expect(await women.evaluate((td) => getComputedStyle(td, '::before').content)).toBe('"Women"');
    expect(await women.textContent()).toMatch(/^\d+%\s\(\d+ \/ \d+\)$|^—$/);
    expect(await page.locator('[data-chart="sessions"] thead a').first().isVisible()).toBe(true);
    await page.close();
  });
});

describe('filters live in the URL', () => {
  it('changing the definition updates the URL and the chart; the copied URL restores the view', async () => {
    const { page, errors } = await open('/global-south?source=demo');
    await chartsDrawn(page);
    const thick = () => page.locator('[data-chart="global-south-definitions"] .mark-line[stroke-width="4"] path').first().getAttribute('d');
    const before = await thick();
    await page.selectOption('select[name="definition"]', 'g77');
    await page.waitForURL(/definition=g77/);
    await page.waitForFunction((b) => {
      const p = document.querySelector('[data-chart="global-south-definitions"] .mark-line[stroke-width="4"] path');
      return p && p.getAttribute('d') !== b;
    }, before);
    const copied = page.url();
    const { page: again } = await open(copied.replace(suite.server.url, ''));
    await chartsDrawn(again);
    expect(await again.locator('select[name="definition"]').inputValue()).toBe('g77');
    expect(await again.locator('[data-chart="global-south-definitions"] .mark-line[stroke-width="4"] path').first().getAttribute('d')).not.toBe(before);
    // The other pages follow the definition through the navigation links.
    expect(await again.locator('nav.pages a[href^="/representation"]').getAttribute('href')).toContain('definition=g77');
    await page.goBack();
    await page.waitForURL((u) => !u.search.includes('definition=g77'));
    await expect.poll(() => page.locator('select[name="definition"]').inputValue()).toBe('un_developing');
    expect(errors).toEqual([]);
    await page.close();
    await again.close();
  });

  it('an invalid value falls back to the default with a visible note, not an error', async () => {
    const { page } = await open('/gender?target=abc&population=robots&source=demo');
    expect(await page.locator('.note').count()).toBe(2);
    expect(await page.locator('select[name="population"]').inputValue()).toBe('attendees');
    await page.close();
  });

  it('works without JavaScript: the server renders the data tables, folded as with JavaScript, and a click opens one', async () => {
    const ctx = await suite.browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(suite.server.url + '/gender?source=demo');
    const tables = page.locator('[data-chart] details:has(table)');
    const count = await tables.count();
    expect(count).toBeGreaterThan(0);
    // Every chart's table is in the HTML, none open until asked for.
    expect(await page.locator('[data-chart] details table').count()).toBe(count);
    expect(await page.locator('[data-chart] details[open]').count()).toBe(0);
    expect(await tables.first().locator('table').isVisible()).toBe(false);
    await tables.first().locator('summary').click();
    expect(await tables.first().locator('table').isVisible()).toBe(true);
    expect(await tables.first().locator('tbody tr').count()).toBeGreaterThan(0);
    await ctx.close();
  });

  it('keeps the data tables folded while the page hydrates: nothing collapses under the reader', async () => {
    const page = await suite.browser.newPage();
    // Counted from the first parsed element on: a table open in the server's HTML, or opened and
    // closed again by hydration, raises the count.
    await page.addInitScript(() => {
      const w = window as unknown as { mostOpenTables: number };
      w.mostOpenTables = 0;
      new MutationObserver(() => {
        w.mostOpenTables = Math.max(w.mostOpenTables, document.querySelectorAll('[data-chart] details[open]:has(table)').length);
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['open'] });
    });
    await page.goto(suite.server.url + '/gender?source=demo');
    await page.locator('[data-chart] [data-drawn="true"]').first().waitFor();
    expect(await page.locator('[data-chart] details:has(table)').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { mostOpenTables: number }).mostOpenTables)).toBe(0);
    await page.close();
  });

  it('draws the charts into the server’s HTML: without JavaScript they show, and the note that they need it only where one could not be drawn', async () => {
    const ctx = await suite.browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    for (const path of ['/gender', '/stakeholders', '/representation', '/published']) {
      await page.goto(suite.server.url + path);
      const charts = await page.locator('[data-chart]').count();
      expect(charts, path).toBeGreaterThan(0);
      expect(await page.locator('[data-chart] .plot > [aria-hidden="true"]:is(svg, figure)').count(), path).toBe(charts);
      expect(await page.locator('[data-chart] .nojs:visible').count(), path).toBe(0);
    }
    await page.goto(suite.server.url + '/');
    expect(await page.locator('[data-chart^="overview-"] .plot > :is(svg, figure)').count()).toBe(4);
    await page.goto(suite.server.url + '/?source=demo');
    expect(await page.locator('[data-card] svg').count()).toBe(await page.locator('[data-card]').count());
    // The world map's shapes load in the browser only: it keeps the note.
    await page.goto(suite.server.url + '/regions?source=demo');
    expect(await page.locator('[data-chart="regions-map"] .plot svg').count()).toBe(0);
    expect(await page.locator('[data-chart="regions-map"] .nojs:visible').count()).toBe(1);
    await ctx.close();
  });
});

describe('the public record first', () => {
  it('the overview opens on real figures only: published shares and session-page speakers, no synthetic banner', async () => {
    const published = (await api('published', '?source=public_session_pages')).filter(
      (r) => ['region_share', 'region_share_estimated'].includes(String(r.metric)) && ['african_group', 'asia_pacific_group', 'eastern_european_group', 'grulac', 'weog'].includes(String(r.category))
    );
    const stage = (await api('regions', '?population=speakers&source=public_session_pages')).filter(
      (r) => r.dimension === 'un_regional_group' && ['african', 'asia_pacific', 'eastern_european', 'grulac', 'weog'].includes(String(r.category)) && typeof r.share === 'number'
    );
    const { page, errors } = await open('/');
    await chartsDrawn(page);
    expect(await page.locator('[data-synthetic-banner]').count()).toBe(0);
    const chart = page.locator('[data-chart="overview-regions"]');
    expect(await chart.locator('.mark-published path').count()).toBe(new Set(published.map((r) => `${r.year}|${r.category}|${r.published_value}`)).size);
    expect(await chart.locator('.mark-stage circle, .mark-stage path').count()).toBe(stage.length);
    expect(await chart.locator('[data-synthetic-notice]').count()).toBe(0);
    // The records selector lists every source set, each said to be real or synthetic.
    const options = await page.locator('select[name="source"] option').allTextContents();
    expect(options[0]).toContain('public record');
    expect(options.some((o) => o.includes('(synthetic)'))).toBe(true);
    expect(options.some((o) => o.includes('(real)'))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the banner whenever demonstration numbers are on screen, and a link back to the public record', async () => {
    const { page } = await open('/');
    await page.getByRole('link', { name: 'Show the demonstration records' }).click();
    await page.waitForURL(/source=demo/);
    expect(await page.locator('[data-synthetic-banner]').count()).toBe(1);
    expect(await page.locator('[data-card]').count()).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Back to the public record' }).click();
    await page.waitForURL((u) => !u.search.includes('source='));
    expect(await page.locator('[data-synthetic-banner]').count()).toBe(0);
    await page.close();
  });

  it('an unknown source set falls back to the default with a note', async () => {
    const { page } = await open('/stakeholders?source=no-such-set');
    expect(await page.locator('.note').allTextContents()).toEqual([expect.stringContaining('source = "no-such-set"')]);
    await page.close();
  });
});

describe('choosing the records', () => {
  it('a set without attendance records switches the page to its speakers', async () => {
    const { page, errors } = await open('/stakeholders?source=demo');
    await page.selectOption('select[name="source"]', 'public_session_pages');
    await page.waitForURL(/source=public_session_pages/);
    expect(new URL(page.url()).searchParams.get('population')).toBe('speakers');
    expect(await page.locator('select[name="population"]').inputValue()).toBe('speakers');
    // Real records only: no synthetic banner; and a note that this set has no attendees.
    expect(await page.locator('[data-synthetic-banner]').count()).toBe(0);
    expect(await page.locator('[data-speakers-only]').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('published figures', () => {
  it('search and filter every figure; computed counts from real records, synthetic ones only when asked', async () => {
    const all = await api('published', '?source=public_session_pages');
    const { page, errors } = await open('/published');
    expect(await page.locator('table.figures tbody tr').count()).toBe(all.length);
    // The fixture holds real attendance records (source set "fixture"): they are the comparison.
    expect(await page.locator('table.figures thead th').allTextContents()).toContain('Computed');
    expect(await page.locator('[data-synthetic-banner]').count()).toBe(0);
    const first = all[0];
    await page.selectOption('select[name="metric"]', String(first.metric));
    const sameMetric = all.filter((r) => r.metric === first.metric).length;
    await expect.poll(() => page.locator('table.figures tbody tr').count()).toBe(sameMetric);
    await page.fill('input[name="q"]', String(first.quote).slice(0, 12));
    await expect.poll(() => page.locator('table.figures tbody tr').count()).toBeLessThanOrEqual(sameMetric);
    expect(await page.locator('[data-published-count]').textContent()).toContain(`of ${all.length} figures`);
    expect(errors).toEqual([]);
    await page.close();
    // Asked for, the synthetic records are compared, with the banner.
    const { page: demo } = await open('/published?source=demo');
    expect(await demo.locator('table.figures thead th').allTextContents()).toContain('Computed');
    expect(await demo.locator('[data-synthetic-banner]').count()).toBe(1);
    await demo.close();
  });
});

describe('print', () => {
  for (const path of ['/', '/stakeholders', '/regions', '/gender', '/global-south', '/representation', '/sessions', '/published', '/methodology', '/data', '/gender?source=demo', '/regions?source=demo', '/sessions?source=demo']) {
    it(`${path} prints without navigation, forms, buttons or menus, charts unsplit, with its address`, async () => {
      const { page } = await open(path);
      await chartsDrawn(page);
      await page.emulateMedia({ media: 'print' });
      const shown = (selector: string) => page.locator(selector).evaluateAll((els) => els.filter((e) => e.getClientRects().length > 0).length);
      for (const selector of ['header.site', 'nav', 'form', 'button', 'select', '.download-menu']) {
        expect(await shown(selector), `${path}: ${selector}`).toBe(0);
      }
      const breaks = await page.locator('[data-chart]').evaluateAll((els) => els.map((e) => getComputedStyle(e).breakInside));
      expect(breaks.filter((b) => b !== 'avoid'), path).toEqual([]);
      expect(await page.locator('[data-print-footer]').innerText()).toContain(`${suite.server.url}${path}`);
      await page.close();
    });
  }

  it('prints the figures without navigation or controls, charts unsplit, with the page address', async () => {
    const { page } = await open('/gender?source=demo');
    await chartsDrawn(page);
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['header.site', 'nav.pages', 'form.filters', '.download-menu']) {
      expect(await page.locator(selector).evaluateAll((els) => els.filter((e) => getComputedStyle(e).display !== 'none').length), selector).toBe(0);
    }
    const breaks = await page.locator('[data-chart]').evaluateAll((els) => els.map((e) => getComputedStyle(e).breakInside));
    expect(breaks.length).toBeGreaterThan(0);
    expect(new Set(breaks)).toEqual(new Set(['avoid']));
    expect(await page.locator('[data-print-footer]').innerText()).toContain(`${suite.server.url}/gender`);
    // The synthetic notice prints too.
    expect(await page.locator('[data-synthetic-banner]').isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.close();
  });
});
