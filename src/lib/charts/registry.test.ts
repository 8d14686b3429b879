import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROUTES } from '$lib/state/routes.ts';
import { METRICS } from '$lib/domain/metrics.ts';
import { CHARTS, CHART_IDS, chartOf, chartRows, chartSpec, isChart, rowsOf, type ChartView } from './registry.ts';
import { EMBEDDABLE_CHARTS, isEmbeddable } from './export/embeds.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const VIEWS: ChartView[] = ['public', 'records'];

/** The file that draws a page's view: its PublicView/RecordsView, else the page itself. */
function viewSource(page: string, view: ChartView): string {
  const dir = resolve(ROOT, 'src/routes', `.${page}`);
  for (const file of [view === 'public' ? 'PublicView.svelte' : 'RecordsView.svelte', '+page.svelte']) {
    try {
      return readFileSync(resolve(dir, file), 'utf8');
    } catch {
      // the page has no separate view files
    }
  }
  throw new Error(`no page at ${dir}`);
}

describe('chart registry', () => {
  it('registers every chart once, under an id fit for an anchor, a file name and /embed/{id}', () => {
    expect(new Set(CHART_IDS).size).toBe(CHART_IDS.length);
    expect(CHART_IDS.length).toBe(Object.keys(CHARTS).length);
    for (const id of CHART_IDS) expect(id).toMatch(/^[a-z][a-z_-]*[a-z]$/);
    expect(isChart('gender-female')).toBe(true);
    expect(isChart('toString')).toBe(false);
  });

  it('puts every chart on a page of the navigation, in at least one view, drawing metrics that exist', () => {
    const paths = new Set(ROUTES.map((r) => r.path));
    for (const id of CHART_IDS) {
      const spec = chartSpec(id);
      expect(paths.has(spec.page), `${id}: ${spec.page}`).toBe(true);
      const views = VIEWS.filter((v) => spec.views[v]);
      expect(views.length, id).toBeGreaterThan(0);
      for (const v of views) {
        const draws = spec.views[v]!.draws;
        expect(draws.length, `${id} ${v}`).toBeGreaterThan(0);
        for (const d of draws) expect(METRICS, `${id} ${v}`).toContain(d.metric);
      }
    }
  });

  it('draws a metric’s same rows in both views of a chart (a download asks for them by metric)', () => {
    for (const id of CHART_IDS) {
      const byMetric = new Map<string, string>();
      for (const v of VIEWS) {
        for (const d of chartSpec(id).views[v]?.draws ?? []) {
          const rows = JSON.stringify(d.rows ?? {});
          expect(byMetric.get(d.metric) ?? rows, `${id} ${d.metric}`).toBe(rows);
          byMetric.set(d.metric, rows);
        }
      }
    }
    expect(chartRows('gender-female', 'gender')).toEqual({ dimension: 'gender', category: 'female' });
    expect(chartRows('published-participants', 'participation')).toEqual({ dimension: 'participants' });
    expect(chartRows('published-participants', 'published')).toBeUndefined();
    expect(chartRows('regions-map', 'countries')).toBeUndefined();
  });

  it('names the component that draws each chart in its view, as the page’s source has it', () => {
    for (const id of CHART_IDS) {
      const spec = chartSpec(id);
      for (const v of VIEWS) {
        const drawing = spec.views[v];
        if (!drawing) continue;
        const source = viewSource(spec.page, v);
        // The sessions table is its page's own markup, not a component.
        const drawn = drawing.component === 'SessionsTable' ? `data-chart="${id}"` : `<${drawing.component}`;
        expect(source, `${id} (${v}) on ${spec.page}`).toContain(drawn);
      }
    }
  });

  it('offers for embedding exactly the charts marked so, each with its page and views', () => {
    expect(Object.keys(EMBEDDABLE_CHARTS)).toEqual(CHART_IDS.filter((id) => CHARTS[id].embed));
    expect(EMBEDDABLE_CHARTS['stakeholders-speakers']).toEqual({ page: '/stakeholders', views: ['public', 'records'] });
    expect(EMBEDDABLE_CHARTS['gender-female']).toEqual({ page: '/gender', views: ['records'] });
    expect(isEmbeddable('overview-participants')).toBe(false);
    // The overview's charts and cards stay on the overview: its headline cards are no embed.
    for (const id of CHART_IDS) if (CHARTS[id].page === '/') expect(CHARTS[id].embed, id).toBe(false);
  });

  it('gives the rows a page sends for its charts: those any of them draws, as registered', () => {
    const cards = rowsOf('participation', 'overview-participants', 'overview-onsite');
    expect(cards({ dimension: 'participants', category: 'participants' })).toBe(true);
    expect(cards({ dimension: 'participation_mode', category: 'onsite' })).toBe(true);
    expect(cards({ dimension: 'participation_mode', category: 'online' })).toBe(false);
    expect(cards({ dimension: 'countries_represented', category: 'countries_represented' })).toBe(false);
    // A chart that draws a metric whole takes every row of it.
    expect(rowsOf('countries', 'regions-map')({ dimension: null, iso3: 'FRA' })).toBe(true);
    expect(rowsOf('published', 'published-participants')({ metric: 'gender_share' })).toBe(true);
    // The same rows in either view: the public record's chart and the records' chart.
    expect(rowsOf('global-south', 'global-south-definitions')({ dimension: 'global_south', category: 'global_north' })).toBe(false);
    // A chart that draws nothing of the metric is a mistake in the page, not an empty selection.
    expect(() => rowsOf('gender', 'regions-map')).toThrow(/regions-map/);
  });

  it('gives a view a chart’s id and its download together', () => {
    const downloads = { 'gender-female': [], sessions: undefined };
    expect(chartOf(downloads, 'gender-female')).toEqual({ id: 'gender-female', download: [] });
    expect(chartOf(downloads, 'sessions')).toEqual({ id: 'sessions', download: undefined });
  });
});
