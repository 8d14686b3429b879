/**
 * Every chart of the dashboard, declared once: its id (the `id` prop, the anchor of its link, the
 * start of its file names and its /embed/{id} address), the page that draws it, and per view of that
 * page (the public record, or the record-level view of a source set) the component that draws it and
 * the metric rows it draws, and whether it can be embedded. Pages take from here the rows of a chart's
 * download (see chartDownload) and the rows they send the browser for it (rowsOf), the download menu
 * offers the embed code of the charts marked so, and the embed route renders the chart's page with it
 * picked out. A test checks that the pages draw exactly these.
 */
import type { MetricName } from '$lib/domain/metrics.ts';
import type { Row } from '$lib/domain/rows.ts';

/** The two views of a page: no source set in the URL (published figures, session pages), or one. */
export type ChartView = 'public' | 'records';

/** The component that draws a chart (a `<Name` tag on its page; the sessions table is its page's own). */
export type ChartComponent =
  | 'TrendChart'
  | 'StackedShares'
  | 'RatioDots'
  | 'WorldMap'
  | 'PublicRecord'
  | 'PublishedParticipants'
  | 'HeadlineCard'
  | 'ChartFrame'
  | 'SessionsTable';

/** The rows of a metric a chart draws (the API's row filters). */
export interface ChartRows {
  dimension?: string;
  category?: string;
}

/** One metric a chart draws, with the rows it draws of it (all, without `rows`). */
export interface ChartDraws {
  metric: MetricName;
  rows?: ChartRows;
}

/** A chart in one view of its page. */
export interface ChartDrawing {
  component: ChartComponent;
  /** Each part of the chart's data: one metric, or two side by side (published and computed). */
  draws: readonly ChartDraws[];
}

export interface ChartSpec {
  page: ChartPage;
  embed: boolean;
  views: Partial<Record<ChartView, ChartDrawing>>;
}

/** The dashboard pages that draw charts (paths of src/lib/state/routes.ts). */
export type ChartPage = '/' | '/gender' | '/stakeholders' | '/global-south' | '/regions' | '/representation' | '/sessions' | '/published';

const published: ChartDraws = { metric: 'published' };
const femalePublished: ChartDraws = { metric: 'published', rows: { category: 'female' } };
const regionalGroups = { dimension: 'un_regional_group' };
const stakeholderGroups = { dimension: 'stakeholder_group' };
const evenness = { dimension: 'stakeholder_balance', category: 'pielou_j' };
const globalSouth = { dimension: 'global_south', category: 'global_south' };
const participants = { dimension: 'participants' };

/** A public-record chart: the published shares, beside the session pages' speakers when they have the breakdown. */
const record = (...speakers: ChartDraws[]): ChartDrawing => ({ component: 'PublicRecord', draws: [published, ...speakers] });
const draw = (component: ChartComponent, metric: MetricName, rows?: ChartRows): ChartDrawing => ({
  component,
  draws: [rows ? { metric, rows } : { metric }]
});
/** The same drawing in both views. */
const both = (drawing: ChartDrawing) => ({ public: drawing, records: drawing });

export const CHARTS = {
  // The overview: the public record's charts, or the headline cards of a source set.
  'overview-participants': {
    page: '/',
    embed: false,
    views: { public: { component: 'PublishedParticipants', draws: [published] }, records: draw('HeadlineCard', 'participation', participants) }
  },
  'overview-countries': { page: '/', embed: false, views: { records: draw('HeadlineCard', 'participation', { dimension: 'countries_represented' }) } },
  'overview-global_south': { page: '/', embed: false, views: { records: draw('HeadlineCard', 'global-south', globalSouth) } },
  'overview-female': { page: '/', embed: false, views: { records: draw('HeadlineCard', 'gender', { dimension: 'gender', category: 'female' }) } },
  'overview-evenness': { page: '/', embed: false, views: { records: draw('HeadlineCard', 'stakeholders', evenness) } },
  'overview-onsite': { page: '/', embed: false, views: { records: draw('HeadlineCard', 'participation', { dimension: 'participation_mode', category: 'onsite' }) } },
  'overview-regions': { page: '/', embed: false, views: { public: record({ metric: 'regions', rows: regionalGroups }) } },
  'overview-stakeholders': { page: '/', embed: false, views: { public: record({ metric: 'stakeholders', rows: stakeholderGroups }) } },
  'overview-women': { page: '/', embed: false, views: { public: { component: 'PublicRecord', draws: [femalePublished] } } },

  'gender-record': { page: '/gender', embed: true, views: { public: { component: 'PublicRecord', draws: [femalePublished] } } },
  'gender-female': { page: '/gender', embed: true, views: { records: draw('TrendChart', 'gender', { dimension: 'gender', category: 'female' }) } },
  'gender-compare': { page: '/gender', embed: true, views: { records: draw('TrendChart', 'gender', { dimension: 'gender', category: 'female' }) } },
  'gender-manel': { page: '/gender', embed: true, views: { records: draw('TrendChart', 'sessions', { dimension: 'manel', category: 'manel' }) } },

  'stakeholders-record': { page: '/stakeholders', embed: true, views: { public: record({ metric: 'stakeholders', rows: stakeholderGroups }) } },
  'stakeholders-attendees': { page: '/stakeholders', embed: true, views: { records: draw('StackedShares', 'stakeholders', stakeholderGroups) } },
  'stakeholders-speakers': { page: '/stakeholders', embed: true, views: both(draw('StackedShares', 'stakeholders', stakeholderGroups)) },
  'stakeholder-evenness': { page: '/stakeholders', embed: true, views: both(draw('ChartFrame', 'stakeholders', evenness)) },

  'global-south-record': { page: '/global-south', embed: true, views: { public: record({ metric: 'regions', rows: regionalGroups }) } },
  'global-south-definitions': { page: '/global-south', embed: true, views: both(draw('TrendChart', 'global-south', globalSouth)) },

  'regions-record': { page: '/regions', embed: true, views: { public: record({ metric: 'regions', rows: regionalGroups }) } },
  'regions-shares': { page: '/regions', embed: true, views: both(draw('StackedShares', 'regions', regionalGroups)) },
  'regions-map': { page: '/regions', embed: true, views: { records: draw('WorldMap', 'countries') } },
  'regions-ratio': { page: '/regions', embed: true, views: both(draw('RatioDots', 'regions', regionalGroups)) },
  'regions-host': { page: '/regions', embed: true, views: { records: draw('TrendChart', 'host', { dimension: 'host', category: 'host_country' }) } },

  'published-participants': {
    page: '/published',
    embed: true,
    views: {
      public: { component: 'PublishedParticipants', draws: [published] },
      records: { component: 'PublishedParticipants', draws: [{ metric: 'participation', rows: participants }, published] }
    }
  },

  'representation-regions': { page: '/representation', embed: true, views: { public: record({ metric: 'regions', rows: regionalGroups }) } },
  'representation-stakeholders': { page: '/representation', embed: true, views: { public: record({ metric: 'stakeholders', rows: stakeholderGroups }) } },
  representation: { page: '/representation', embed: true, views: { records: draw('RatioDots', 'representation') } },

  sessions: { page: '/sessions', embed: true, views: both(draw('SessionsTable', 'sessions')) }
} as const satisfies Record<string, ChartSpec>;

export type ChartId = keyof typeof CHARTS;

/** The charts that can be embedded, and the pages they come from. */
export type EmbeddableChart = { [K in ChartId]: (typeof CHARTS)[K]['embed'] extends true ? K : never }[ChartId];
export type EmbedPage = (typeof CHARTS)[EmbeddableChart]['page'];

export function isChart(id: string): id is ChartId {
  return Object.hasOwn(CHARTS, id);
}

/** Every chart id, in the registry's order. */
export const CHART_IDS: readonly ChartId[] = Object.keys(CHARTS).filter(isChart);

/** A chart's entry, widened to the common shape (the literal types of CHARTS differ per chart). */
export function chartSpec(id: ChartId): ChartSpec {
  return CHARTS[id];
}

/** What a chart draws of a metric, in either view (a chart draws a metric's same rows in both); none if it draws no such metric. */
function drawOf(id: ChartId, metric: MetricName): ChartDraws | undefined {
  return Object.values(chartSpec(id).views)
    .flatMap((v) => v.draws)
    .find((d) => d.metric === metric);
}

/**
 * The rows a chart draws of a metric, in either view (a chart draws a metric's same rows in both):
 * what its download asks the API for.
 */
export function chartRows(id: ChartId, metric: MetricName): ChartRows | undefined {
  return drawOf(id, metric)?.rows;
}

/**
 * Whether a row of a metric is one that any of these charts draws, as the registry declares it: what
 * a page sends the browser for them (years aside), the same rows their downloads ask the API for.
 * Naming a chart that draws nothing of the metric is a mistake, and throws.
 */
export function rowsOf(metric: MetricName, ...ids: ChartId[]): (row: Row) => boolean {
  const drawn = ids.map((id) => {
    const d = drawOf(id, metric);
    if (!d) throw new Error(`The chart ${id} draws no rows of the ${metric} metric`);
    return d.rows;
  });
  return (row) =>
    drawn.some(
      (rows) => rows === undefined || ((rows.dimension === undefined || row.dimension === rows.dimension) && (rows.category === undefined || row.category === rows.category))
    );
}

/** The id and download of a chart from its page's downloads: a chart's id is written once per drawing. */
export function chartOf<D extends object, K extends ChartId & keyof D>(downloads: D, id: K): { id: K; download: D[K] } {
  return { id, download: downloads[id] };
}
