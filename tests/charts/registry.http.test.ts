/**
 * The chart registry against the served dashboard (the adapter-node build on the fixture database):
 * each page draws, in each view, exactly the charts registered for that view, each with a download
 * menu whose data links ask for the metrics and rows the registry says it draws and which offers the
 * embed code only for embeddable charts; every embeddable chart renders alone through /embed/{id}.
 */
import { describe, expect, it } from 'vitest';
import { serveFixture } from '../metrics/fixture-server.ts';
import { CHART_IDS, chartSpec, type ChartPage, type ChartView } from '../../src/lib/charts/registry.ts';
import { EMBEDDABLE_CHARTS } from '../../src/lib/charts/export/embeds.ts';

const served = serveFixture();

const html = async (path: string) => {
  const res = await fetch(served.url + path);
  return { status: res.status, body: await res.text() };
};

/** The download menus of a page: chart id, the metric rows its CSV links ask for, and whether it offers the embed code. */
function menus(body: string) {
  return body
    .split('data-download-menu="')
    .slice(1)
    .map((part) => {
      const id = part.slice(0, part.indexOf('"'));
      const menu = part.slice(0, part.indexOf('data-download-status'));
      const draws = [...menu.matchAll(/href="\/api\/v1\/metrics\/([a-z-]+)\.csv\?([^"]*)"/g)].map(([, metric, query]) => {
        const q = new URLSearchParams(query.replaceAll('&amp;', '&'));
        return JSON.stringify({ metric, dimension: q.get('dimension'), category: q.get('category') });
      });
      return { id, draws: [...new Set(draws)].sort(), embed: menu.includes('data-embed-snippet') };
    });
}

const PAGES = [...new Set(CHART_IDS.map((id) => chartSpec(id).page))];
// The public record, and the record-level view of the fixture's own (real) source set and of the demo records.
const QUERIES: Record<ChartView, string[]> = { public: [''], records: ['?source=fixture', '?source=demo'] };
const registered = (page: ChartPage, view: ChartView) => CHART_IDS.filter((id) => chartSpec(id).page === page && chartSpec(id).views[view]);

describe('every page draws the charts the registry gives it', () => {
  const cases = PAGES.flatMap((page) => (['public', 'records'] as const).flatMap((view) => QUERIES[view].map((q) => [page, view, q] as const)));
  it.each(cases)('%s (%s view%s)', async (page, view, query) => {
    const { status, body } = await html(page + query);
    expect(status).toBe(200);
    const drawn = menus(body);
    // /published compares with the first real set holding attendance (the fixture's) even without a
    // source set in the URL, and shows the published figures alone when there is none to compare with.
    const shown: ChartView = page === '/published' ? (body.includes('/api/v1/metrics/participation.csv') ? 'records' : 'public') : view;
    expect(drawn.map((m) => m.id).sort()).toEqual(registered(page, shown).sort());
    for (const m of drawn) {
      const spec = chartSpec(m.id as (typeof CHART_IDS)[number]);
      const expected = spec.views[shown]!.draws.map((d) =>
        JSON.stringify({ metric: d.metric, dimension: d.rows?.dimension ?? null, category: d.rows?.category ?? null })
      );
      expect(m.draws, m.id).toEqual([...new Set(expected)].sort());
      expect(m.embed, m.id).toBe(spec.embed);
    }
  });
});

describe('/embed/{chart}', () => {
  const cases = Object.entries(EMBEDDABLE_CHARTS).flatMap(([id, e]) => e!.views.map((view) => [id, view] as const));
  it.each(cases)('%s (%s view) renders that chart alone, with a link to its page', async (id, view) => {
    const { status, body } = await html(`/embed/${id}${QUERIES[view][0]}`);
    expect(status).toBe(200);
    expect([...body.matchAll(/data-chart="([^"]+)"/g)].map((m) => m[1])).toEqual([id]);
    expect(menus(body).map((m) => m.id)).toEqual([id]);
    const open = body.match(/href="([^"]+)"[^>]*data-open-dashboard/)?.[1];
    expect(open?.replaceAll('&amp;', '&')).toMatch(new RegExp(`^${EMBEDDABLE_CHARTS[id as keyof typeof EMBEDDABLE_CHARTS].page}(\\?[^#]*)?#${id}$`));
  });

  it('answers 404 for a chart that is not embeddable, naming those that are', async () => {
    for (const id of ['no-such-chart', 'overview-participants']) {
      const { status, body } = await html(`/embed/${id}`);
      expect(status, id).toBe(404);
      expect(body).toContain('gender-female');
    }
  });
});
