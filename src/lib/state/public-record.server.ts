/**
 * The public record, which every page shows when the URL names no source set: the figures the IGF
 * and the UN published (data/published) and the speakers listed on the IGF's public session pages
 * (source set `public_session_pages`). Nothing synthetic is ever counted here: a database without the
 * session pages gives empty speaker figures, never another set's records presented as real.
 */
import { PUBLIC_SESSION_PAGES } from '$lib/domain/source-sets.ts';
import type { MetricName, MetricResult } from '$lib/server/metrics/index.ts';
import { realSourceSet, sourceSets, type SourceSet } from '$lib/server/metrics/source-sets.ts';
import { withConnection } from '$lib/server/db.ts';
import { hostGroups, sessionPageTotals } from '$lib/server/public-record/index.ts';
import { t } from '$lib/i18n/index.ts';
import type { ChartDownload } from '$lib/charts/export/links.ts';
import type { ChartId } from '$lib/charts/registry.ts';
import { filtersOf, type FilterName, type Filters } from './filters.ts';
import { chartDownload, metric, orUnavailable, pageState, slim, type Overrides, type PageState, type SlimMetric } from './metrics.server.ts';
import type { Row } from '$lib/domain/rows.ts';

/** The filters of a public-record view: which records, and the years. Mode, population and the rest describe record-level data. */
export const PUBLIC_RECORD_FILTERS: FilterName[] = ['source', 'from', 'to'];

/** What the public-record chart breaks down, and the speakers' metric and dimension behind each. */
export const PUBLIC_BREAKDOWNS = {
  regional_groups: { metric: 'regions', dimension: 'un_regional_group' },
  stakeholder_groups: { metric: 'stakeholders', dimension: 'stakeholder_group' },
  // The session pages give no gender and none is inferred from names: published figures only.
  women: { metric: null, dimension: null }
} as const satisfies Record<string, { metric: MetricName | null; dimension: string | null }>;
export type PublicBreakdown = keyof typeof PUBLIC_BREAKDOWNS;

/** The published metrics the public-record charts draw (shares of participants by group, women). */
const PUBLISHED_SHARES = ['region_share', 'region_share_estimated', 'stakeholder_share', 'gender_share'];

/** The filters under which the speakers of the session pages are counted: all of them, host included. */
export function sessionPageFilters(filters: Filters): Filters {
  return { ...filters, source: PUBLIC_SESSION_PAGES, population: 'speakers', mode: 'all', exclude_host: false };
}

export interface PublicRecordView {
  state: PageState & { view: 'public'; synthetic: false };
  inRange: (r: Row) => boolean;
  /** Rows of the published metric, the shares the public-record charts draw. */
  published: SlimMetric;
  /** Rows of other published metrics, years in range (a page's own list of quoted figures). */
  publishedRows: (metrics: readonly string[]) => Row[];
  /** The download of a page's own chart of published figures (every published figure in range). */
  publishedDownload: (chartId: ChartId) => ChartDownload;
  /** Speakers' rows (every dimension, years in range) per breakdown, from the session pages only. */
  stage: Record<PublicBreakdown, SlimMetric>;
  hostGroups: Array<[number, string | null]>;
  stageTotals: Array<{ year: number; sessions: number; speakers: number }>;
  /** The public-record chart's downloads per breakdown: the published part and the speakers' part. */
  downloads: Record<PublicBreakdown, ChartDownload[]>;
  /** The download of a page's own chart of a breakdown's speakers (session pages; the rows the registry gives), or none without them. */
  stageDownload: (chartId: ChartId, breakdown: PublicBreakdown) => ChartDownload | undefined;
  /** The filters the session pages' speakers are counted under (for a page's own chart downloads). */
  stageFilters: Filters;
}

/**
 * The load of a page with two views: its public record when the URL names no source set, else the
 * record-level view of that set. It reads the URL alone (the embed route calls it too).
 */
export function loadByView<P, R>(publicView: (url: URL, filters: Filters) => Promise<P>, recordsView: (url: URL, filters: Filters) => Promise<R>) {
  return async ({ url }: { url: URL }): Promise<P | R> => {
    const { filters } = filtersOf(url);
    return filters.source === null ? publicView(url, filters) : recordsView(url, filters);
  };
}

/** The session pages' speakers, as the metrics are asked for them. */
const STAGE = { population: 'speakers', source: PUBLIC_SESSION_PAGES } as const;

const EMPTY = (definition = ''): SlimMetric => ({ rows: [], suppression: { k: 0, applied: false }, synthetic: false, definition });

const readSourceSets = () => orUnavailable(() => withConnection((conn) => sourceSets(conn)));

export interface SessionPages {
  /** The session pages are in the database (else every speaker figure is empty). */
  present: boolean;
  /** The filters the session pages' speakers are counted under. */
  filters: Filters;
  /** A speakers' metric of the session pages; null without them. */
  metric: (name: MetricName, overrides?: Overrides) => Promise<MetricResult | null>;
  /** Sessions and people per year; empty without the session pages. */
  totals: () => Promise<Array<{ year: number; sessions: number; speakers: number }>>;
}

/** The speakers of the public session pages, for a page that needs nothing else of the public record. */
export async function sessionPages(filters: Filters, known?: readonly SourceSet[]): Promise<SessionPages> {
  const sets = known ?? (await readSourceSets());
  const present = sets.some((s) => s.name === PUBLIC_SESSION_PAGES && !s.synthetic);
  const pages = sessionPageFilters(filters);
  return {
    present,
    filters: pages,
    metric: async (name, overrides = {}) => (present ? metric(name, pages, { ...STAGE, ...overrides }) : null),
    totals: async () =>
      present ? (await orUnavailable(() => sessionPageTotals(PUBLIC_SESSION_PAGES))).map((s) => ({ year: s.year, sessions: s.sessions, speakers: s.people })) : []
  };
}

/**
 * Load the public record for a page: the published figures, the speakers' shares for the named
 * breakdowns, host regions and session totals. `chartIds` names the page's public-record charts (one
 * per breakdown), for their download file names.
 */
export async function loadPublicRecord(
  url: URL,
  filters: Filters,
  chartIds: Partial<Record<PublicBreakdown, ChartId>>
): Promise<PublicRecordView> {
  const sets = await readSourceSets();
  const { filters: pages, metric: stageMetric, totals: stageTotals } = await sessionPages(filters, sets);
  const breakdowns = Object.keys(chartIds) as PublicBreakdown[];
  // The published figures are asked for with a real set, so that no synthetic count rides along in
  // their computed columns (the session pages hold no attendance: nothing is computed beside them).
  const publishedFilters = { ...pages, source: realSourceSet(sets) };
  const [published, stageResults, hosts, totals] = await Promise.all([
    metric('published', publishedFilters),
    Promise.all(
      breakdowns.map((b) => {
        const m = PUBLIC_BREAKDOWNS[b].metric;
        return m ? stageMetric(m) : null;
      })
    ),
    orUnavailable(hostGroups),
    stageTotals()
  ]);
  const { state, inRange } = pageState(url, [published, ...stageResults.filter((r) => r !== null)]);

  const stage = {} as Record<PublicBreakdown, SlimMetric>;
  const downloads = {} as Record<PublicBreakdown, ChartDownload[]>;
  breakdowns.forEach((b, i) => {
    const result = stageResults[i];
    const dimension = PUBLIC_BREAKDOWNS[b].dimension;
    const chart = chartIds[b]!;
    stage[b] = result ? slim(result, inRange) : EMPTY();
    const publishedPart = chartDownload(chart, published, publishedFilters, state.years, {
      ...(result ? { part: { key: 'published', label: t('published.published') } } : {})
    });
    downloads[b] =
      result && dimension
        ? [
            publishedPart,
            chartDownload(chart, result, pages, state.years, {
              overrides: STAGE,
              part: { key: 'speakers', label: t('record.legend.stage') }
            })
          ]
        : [publishedPart];
  });

  return {
    // Every number of this view is real: published figures and listed speakers.
    state: { ...state, view: 'public', synthetic: false },
    inRange,
    published: slim(published, (r) => inRange(r) && PUBLISHED_SHARES.includes(String(r.metric))),
    publishedRows: (metrics) => published.rows.filter((r) => inRange(r) && metrics.includes(String(r.metric))),
    publishedDownload: (chartId) => chartDownload(chartId, published, publishedFilters, state.years),
    stage,
    hostGroups: hosts.map((h) => [h.year, h.host_group]),
    stageTotals: totals,
    downloads,
    stageDownload: (chartId, breakdown) => {
      const result = stageResults[breakdowns.indexOf(breakdown)];
      return result ? chartDownload(chartId, result, pages, state.years, { overrides: STAGE }) : undefined;
    },
    stageFilters: pages
  };
}
