/**
 * Which charts can be embedded, the dashboard page that draws each one, and in which of the page's
 * views it appears: the public record (no source set in the URL) or the record-level view of a source
 * set. The embed route renders that page's own load and component with only the named chart shown,
 * so a chart has one definition. Keys are the `id` props on the pages; a chart is offered for
 * embedding once it is listed here.
 */
export type ChartView = 'public' | 'records';

const BOTH: readonly ChartView[] = ['public', 'records'];
const PUBLIC: readonly ChartView[] = ['public'];
const RECORDS: readonly ChartView[] = ['records'];

export const EMBEDDABLE_CHARTS = {
  'gender-record': { page: '/gender', views: PUBLIC },
  'gender-female': { page: '/gender', views: RECORDS },
  'gender-compare': { page: '/gender', views: RECORDS },
  'gender-manel': { page: '/gender', views: RECORDS },
  'stakeholders-record': { page: '/stakeholders', views: PUBLIC },
  'stakeholders-attendees': { page: '/stakeholders', views: RECORDS },
  'stakeholders-speakers': { page: '/stakeholders', views: BOTH },
  'stakeholder-evenness': { page: '/stakeholders', views: BOTH },
  'global-south-record': { page: '/global-south', views: PUBLIC },
  'global-south-definitions': { page: '/global-south', views: BOTH },
  'regions-record': { page: '/regions', views: PUBLIC },
  'regions-shares': { page: '/regions', views: BOTH },
  'regions-map': { page: '/regions', views: RECORDS },
  'regions-ratio': { page: '/regions', views: BOTH },
  'regions-host': { page: '/regions', views: RECORDS },
  'published-participants': { page: '/published', views: BOTH },
  'representation-regions': { page: '/representation', views: PUBLIC },
  'representation-stakeholders': { page: '/representation', views: PUBLIC },
  representation: { page: '/representation', views: RECORDS },
  sessions: { page: '/sessions', views: BOTH }
} as const satisfies Record<string, { page: string; views: readonly ChartView[] }>;

export type EmbeddableChart = keyof typeof EMBEDDABLE_CHARTS;
export type EmbedPage = (typeof EMBEDDABLE_CHARTS)[EmbeddableChart]['page'];

export function isEmbeddable(chartId: string): chartId is EmbeddableChart {
  return Object.hasOwn(EMBEDDABLE_CHARTS, chartId);
}

export function embedPage(chartId: string): EmbedPage | undefined {
  return isEmbeddable(chartId) ? EMBEDDABLE_CHARTS[chartId].page : undefined;
}

/**
 * The query an embed is drawn from: its own, unless that would open a view the chart is not part of.
 * A record-level chart asked for without a source set (an embed made before the public record became
 * the default) shows the default records; a public-record chart asked for with one shows the public record.
 */
export function embedQuery(chartId: EmbeddableChart, search: URLSearchParams, defaultSource: string): URLSearchParams {
  const views = EMBEDDABLE_CHARTS[chartId].views;
  const query = new URLSearchParams(search);
  const view: ChartView = query.get('source') ? 'records' : 'public';
  if (views.includes(view)) return query;
  if (view === 'public') query.set('source', defaultSource);
  else query.delete('source');
  return query;
}
