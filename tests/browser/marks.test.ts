/**
 * Charts that explain themselves (issue 15, items 2, 3 and 10), in headless Chromium against the
 * fixture database: every chart's notes list exactly the marks it draws, ⊘ notes give the metric
 * row's reason, every "How is this computed?" link lands on an anchor of /methodology, the overview's
 * headline cards say whether the host country is in and "not applicable" for a filtered-out
 * category, and no page scrolls sideways at 375 px, in its default view or on the demonstration records,
 * its data tables folded or open.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite, chartsDrawn, horizontalOverflow, openPage } from './harness.ts';

const PAGES = ['/', '/stakeholders', '/regions', '/gender', '/global-south', '/representation', '/sessions', '/published', '/methodology', '/data', '/report'];
const CHART_PAGES = PAGES.filter((p) => !['/methodology', '/data', '/report'].includes(p));
const VIEWS = ['', '?source=demo'];

const suite = browserSuite();
const open = (path: string, width = 1280) => openPage(suite, path, { width });

async function api(metric: string, query = ''): Promise<Record<string, unknown>[]> {
  const res = await fetch(`${suite.server.url}/api/v1/metrics/${metric}${query}`);
  return ((await res.json()) as { rows: Record<string, unknown>[] }).rows;
}

interface ChartMarks {
  id: string;
  suppressed: number;
  hollow: number;
  faint: number;
  otherYears: number;
  band: number;
  notes: string[];
}

/** Every chart of the page: how many marks of each kind it drew, and its notes. */
function marksOf(page: Page): Promise<ChartMarks[]> {
  return page.locator('figure[data-chart]').evaluateAll((figures) =>
    figures.map((f) => ({
      id: f.getAttribute('data-chart') ?? '',
      suppressed: f.querySelectorAll('.plot .mark-suppressed text').length,
      hollow: f.querySelectorAll('.plot :is(.mark-point-uncertain, .mark-ratio-uncertain) circle').length,
      faint: [...f.querySelectorAll('.plot .mark-bar rect')].filter((r) => r.getAttribute('fill-opacity') === '0.45').length,
      otherYears: f.querySelectorAll('.plot .mark-other-years circle').length,
      band: [...f.querySelectorAll('.plot .mark-interval path')].filter((p) => (p.getAttribute('d') ?? '').length > 0).length,
      notes: [...f.querySelectorAll(':scope > ul.notes li')].map((li) => li.textContent ?? '')
    }))
  );
}

describe('notes list exactly the marks drawn', () => {
  for (const path of CHART_PAGES) {
    for (const view of VIEWS) {
      it(`${path}${view}: a note for each kind of mark drawn, none for a mark not drawn`, async () => {
        const { page } = await open(path + view);
        await chartsDrawn(page);
        for (const c of await marksOf(page)) {
          if (c.id === 'regions-map') continue; // the map's own legend: tested in regions-map.test.ts
          const has = (text: string) => c.notes.some((n) => n.includes(text));
          expect(has('⊘'), `${c.id}: ⊘`).toBe(c.suppressed > 0);
          expect(has('Hollow point'), `${c.id}: hollow`).toBe(c.hollow > 0);
          expect(has('Faint bar'), `${c.id}: faint`).toBe(c.faint > 0);
          expect(has('grey dots'), `${c.id}: other years`).toBe(c.otherYears > 0);
          expect(has('Shaded band'), `${c.id}: band`).toBe(c.band > 0);
        }
        await page.close();
      });
    }
  }

  for (const view of VIEWS) {
    it(`/report${view}: each figure's notes name exactly the marks it draws`, async () => {
      const { page } = await open(`/report${view}`);
      const figures = await page.locator('figure.report-figure').evaluateAll((figures) =>
        figures.map((f) => ({
          id: f.id,
          suppressed: f.querySelectorAll('.chart-svg .mark-suppressed text').length,
          hollow: f.querySelectorAll('.chart-svg .mark-point-uncertain circle').length,
          faint: [...f.querySelectorAll('.chart-svg .mark-bar rect')].filter((r) => r.getAttribute('fill-opacity') === '0.45').length,
          band: [...f.querySelectorAll('.chart-svg .mark-interval path')].filter((p) => (p.getAttribute('d') ?? '').length > 0).length,
          notes: [...f.querySelectorAll('ul.fig-notes li')].map((li) => li.textContent ?? '')
        }))
      );
      expect(figures.length).toBeGreaterThan(3);
      for (const c of figures) {
        const has = (text: string) => c.notes.some((n) => n.includes(text));
        expect(has('⊘'), `${c.id}: ⊘`).toBe(c.suppressed > 0);
        expect(has('Hollow point'), `${c.id}: hollow`).toBe(c.hollow > 0);
        expect(has('Faint bar'), `${c.id}: faint`).toBe(c.faint > 0);
        expect(has('Shaded band'), `${c.id}: band`).toBe(c.band > 0);
      }
      await page.close();
    });
  }

  it('the public record charts have no ⊘ note (public records are never suppressed)', async () => {
    for (const path of ['/', '/regions', '/stakeholders', '/global-south']) {
      const { page } = await open(path);
      await chartsDrawn(page);
      for (const c of await marksOf(page)) {
        expect(c.notes.filter((n) => n.includes('⊘')), `${path} ${c.id}`).toEqual([]);
      }
      await page.close();
    }
  });
});

const REASONS: Record<string, string> = {
  fewer_than_k: 'fewer than 5 records',
  protects_other: 'hidden to protect a small group elsewhere in this breakdown',
  denominator_hidden: 'the breakdown’s known total is hidden',
  input_suppressed: 'computed from a suppressed group'
};

describe('a suppressed point says why', () => {
  it('the gender and global-south charts give each ⊘ the reason of its metric row, with its years', async () => {
    const cases = [
      { path: '/gender?source=demo', chart: 'gender-female', metric: 'gender', query: '', keep: (r: Record<string, unknown>) => r.dimension === 'gender' && r.category === 'female' },
      {
        path: '/global-south?source=demo',
        chart: 'global-south-definitions',
        metric: 'global-south',
        query: '?definition=all',
        keep: (r: Record<string, unknown>) => r.dimension === 'global_south' && r.category === 'global_south'
      },
      {
        path: '/stakeholders?source=demo',
        chart: 'stakeholders-attendees',
        metric: 'stakeholders',
        query: '',
        keep: (r: Record<string, unknown>) => r.dimension === 'stakeholder_group' && r.kind === 'share' && r.category !== 'other'
      }
    ];
    let suppressedSeen = 0;
    for (const c of cases) {
      const rows = (await api(c.metric, c.query)).filter((r) => c.keep(r) && r.suppressed === true);
      const byReason = new Map<string, Set<number>>();
      for (const r of rows) byReason.set(String(r.suppression_reason), (byReason.get(String(r.suppression_reason)) ?? new Set()).add(Number(r.year)));
      const { page } = await open(c.path);
      await chartsDrawn(page);
      const notes = (await marksOf(page)).find((m) => m.id === c.chart)!.notes.filter((n) => n.includes('⊘'));
      expect(notes.length, c.chart).toBe(byReason.size);
      for (const [reason, years] of byReason) {
        expect(REASONS[reason], reason).toBeDefined();
        const note = notes.find((n) => n.includes(REASONS[reason]));
        expect(note, `${c.chart} ${reason}`).toBeDefined();
        for (const y of years) expect(note).toContain(String(y));
      }
      suppressedSeen += rows.length;
      await page.close();
    }
    // The fixture has suppressed cells (2019: two records of the "other" gender, and their complements).
    expect(suppressedSeen).toBeGreaterThan(0);
  });
});

describe('How is this computed?', () => {
  it('every chart and card links to an anchor that exists on /methodology', async () => {
    const { page: method } = await open('/methodology');
    const ids = new Set(await method.locator('[id]').evaluateAll((els) => els.map((e) => e.id)));
    await method.close();
    for (const path of CHART_PAGES) {
      for (const view of VIEWS) {
        const { page } = await open(path + view);
        const charts = await page.locator('[data-chart], [data-card]').count();
        const links = await page.locator('[data-chart] [data-method-link], [data-card] [data-method-link]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
        expect(links.length, `${path}${view}`).toBe(charts);
        for (const href of links) {
          expect(href.startsWith('/methodology#'), href).toBe(true);
          expect(ids.has(href.slice('/methodology#'.length)), `${path}${view}: ${href}`).toBe(true);
        }
        await page.close();
      }
    }
  });
});

describe('headline cards', () => {
  it('say what they compare and that the host country is included, with the change without it beside', async () => {
    const { page, errors } = await open('/?source=demo');
    const cards = page.locator('[data-card]');
    expect(await cards.count()).toBe(6);
    for (const text of await page.locator('[data-card] [data-compares]').allTextContents()) {
      expect(text).toMatch(/meeting against \d{4}\. Host country included\./);
    }
    expect(await page.locator('[data-card] [data-without-host]').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('with the host left out, say so and split nothing', async () => {
    const { page } = await open('/?source=demo&exclude_host=true');
    for (const text of await page.locator('[data-card] [data-compares]').allTextContents()) expect(text).toContain('Host country left out.');
    expect(await page.locator('[data-card] [data-without-host]').count()).toBe(0);
    await page.close();
  });

  it('the onsite share is "not applicable" when the mode filter is online, never 0 %', async () => {
    const { page } = await open('/?source=demo&mode=online');
    expect(await page.locator('[data-card="onsite"] [data-value]').textContent()).toBe('not applicable');
    expect(await page.locator('[data-card="onsite"] [data-change]').textContent()).toContain('Online');
    expect(await page.locator('[data-card="female"] [data-value]').textContent()).not.toBe('not applicable');
    await page.close();
  });

  it('six cards never leave one alone on a row at 1280 px', async () => {
    const { page } = await open('/?source=demo');
    const tops = await page.locator('[data-card]').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
    const perRow = [...tops.reduce((m, t) => m.set(t, (m.get(t) ?? 0) + 1), new Map<number, number>()).values()];
    expect(Math.min(...perRow)).toBeGreaterThan(1);
    await page.close();
  });
});

describe('phones', () => {
  for (const path of PAGES) {
    it(`${path} fits 375 px in both views, and no selector cuts off its value`, async () => {
      for (const view of VIEWS) {
        const { page } = await open(path + view, 375);
        await chartsDrawn(page);
        expect(await horizontalOverflow(page), `${path}${view}`).toBeLessThanOrEqual(1);
        // A reader who opens the data tables (one block per row on a phone) still scrolls only down.
        await page.evaluate(() => document.querySelectorAll('[data-chart] details:has(table)').forEach((d) => ((d as HTMLDetailsElement).open = true)));
        expect(await horizontalOverflow(page), `${path}${view} with its data tables open`).toBeLessThanOrEqual(1);
        const cut = await page.locator('form.filters select').evaluateAll((els) =>
          (els as HTMLSelectElement[])
            .filter((s) => {
              // The chosen option's text, measured in the select's font, against the room inside it.
              const ctx = document.createElement('canvas').getContext('2d')!;
              const style = getComputedStyle(s);
              ctx.font = `${style.fontSize} ${style.fontFamily}`;
              const text = s.selectedOptions[0]?.text ?? '';
              return ctx.measureText(text).width > s.clientWidth - 24;
            })
            .map((s) => s.name)
        );
        expect(cut, `${path}${view}`).toEqual([]);
        await page.close();
      }
    });
  }

  it('chart text is at least 11 px at 375 px', async () => {
    for (const path of ['/gender?source=demo', '/regions', '/']) {
      const { page } = await open(path, 375);
      await chartsDrawn(page);
      const smallest = await page.locator('[data-chart] .plot svg').evaluateAll((svgs) =>
        Math.min(
          ...svgs.flatMap((svg) => {
            const vb = (svg as SVGSVGElement).viewBox.baseVal;
            const scale = vb && vb.width ? svg.getBoundingClientRect().width / vb.width : 1;
            return [...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
          })
        )
      );
      expect(smallest, path).toBeGreaterThanOrEqual(11);
      await page.close();
    }
  });
});
