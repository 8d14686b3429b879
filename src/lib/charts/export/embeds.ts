/**
 * Which charts can be embedded, the dashboard page that draws each one, and in which of the page's
 * views it appears: all read from the chart registry (charts/registry.ts), where a chart is offered
 * for embedding by `embed: true`. The embed route renders that page's own load and component with
 * only the named chart shown, so a chart has one definition.
 */
import { CHARTS, CHART_IDS, chartSpec, type ChartId, type ChartView, type EmbedPage, type EmbeddableChart } from '../registry.ts';

export type { ChartView, EmbedPage, EmbeddableChart };

export interface EmbedEntry {
  page: EmbedPage;
  views: readonly ChartView[];
}

const VIEWS: readonly ChartView[] = ['public', 'records'];
const embeddable = (id: ChartId): id is EmbeddableChart => CHARTS[id].embed;

/** The embeddable charts, in the registry's order, with their page and views. */
export const EMBEDDABLE_CHARTS: Readonly<Record<EmbeddableChart, EmbedEntry>> = (() => {
  const entries = {} as Record<EmbeddableChart, EmbedEntry>;
  for (const id of CHART_IDS.filter(embeddable)) entries[id] = { page: CHARTS[id].page, views: VIEWS.filter((v) => chartSpec(id).views[v] !== undefined) };
  return entries;
})();

export function isEmbeddable(chartId: string): chartId is EmbeddableChart {
  return Object.hasOwn(EMBEDDABLE_CHARTS, chartId);
}

/**
 * The query an embed is drawn from: its own, unless that would open a view the chart is not part of.
 * A record-level chart asked for without a source set (an embed made before the public record became
 * the default) shows the default records; a public-record chart asked for with one shows the public record.
 */
export function embedQuery(chartId: EmbeddableChart, search: URLSearchParams, defaultSource: string): URLSearchParams {
  const { views } = EMBEDDABLE_CHARTS[chartId];
  const query = new URLSearchParams(search);
  const view: ChartView = query.get('source') ? 'records' : 'public';
  if (views.includes(view)) return query;
  if (view === 'public') query.set('source', defaultSource);
  else query.delete('source');
  return query;
}
