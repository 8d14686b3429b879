/**
 * The one bridge from page filters to the metric modules: each metric gets exactly the parameters
 * it accepts (the API refuses the others), so pages can pass the whole filter state.
 */
import { error } from '@sveltejs/kit';
import { loadMetricWith, type MetricName, type MetricResult } from '$lib/server/metrics/index.ts';
import { DEFAULT_PARAMS, ParamError, type MetricParams } from '$lib/server/metrics/params.ts';
import { METRIC_PARAMETERS } from '$lib/domain/metrics.ts';
import { DatabaseUnavailableError } from '$lib/server/db.ts';
import { label, t } from '$lib/i18n/index.ts';
import { filtersOf, resolveYears, type Filters, type InvalidValue, type ParsedFilters } from './filters.ts';
import type { Row } from '$lib/domain/rows.ts';
import { chartFilename, type ChartDownload } from '$lib/charts/export/links.ts';
import { chartRows, type ChartId } from '$lib/charts/registry.ts';

/** What a page asks of one metric beyond its filters (the speakers' figures, every definition, one row per session). */
export type Overrides = Partial<Pick<MetricParams, 'population' | 'definition' | 'level' | 'source'>>;

/** The filters (and overrides) a metric accepts, as the metric layer's typed parameters, before the year range. */
function pageParameters(metric: MetricName, f: Filters, overrides: Overrides): Partial<MetricParams> {
  const all: Partial<MetricParams> = {
    source: f.source,
    population: f.population,
    mode: f.mode,
    definition: f.definition,
    ...(f.exclude_host ? { exclude_host: true } : {}),
    ...overrides
  };
  // Sessions are judged on their speakers only: the attendee/speaker choice does not apply.
  if (metric === 'sessions') delete all.population;
  const accepted = METRIC_PARAMETERS[metric] as readonly string[];
  return Object.fromEntries(Object.entries(all).filter(([k, v]) => v !== null && v !== undefined && accepted.includes(k)));
}

/**
 * The typed parameters of a metric for a page's filters: what parseMetricParams() makes of
 * metricQuery()'s strings, without the strings (the filters are valid already: parseFilters()).
 */
export function metricParams(metric: MetricName, f: Filters, overrides: Overrides = {}): MetricParams {
  const p: MetricParams = { ...DEFAULT_PARAMS };
  if (metric === 'sessions' || metric === 'representation') p.population = 'speakers';
  return { ...p, ...pageParameters(metric, f, overrides) };
}

/**
 * The year range is applied to the rows afterwards (see pageState), not sent to the metric: the year
 * selects need every year in the data, and a year's figures do not depend on the range.
 */
export function metricQuery(metric: MetricName, f: Filters, overrides: Overrides = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(pageParameters(metric, f, overrides)).map(([k, v]) => [k, String(v)]));
}

/** The API's row filters: the rows of one dimension (and category) of a metric, as one chart shows them. */
export interface RowFilter {
  dimension?: string;
  category?: string;
}

/**
 * The metrics API query that returns exactly the rows a chart shows: the metric's parameters as the
 * page loaded it, the view's year range (`years`, else the requested from/to) and the row filters.
 */
export function apiQuery(
  metric: MetricName,
  f: Filters,
  years: readonly number[],
  rows: RowFilter = {},
  overrides: Overrides = {}
): Record<string, string> {
  const query = metricQuery(metric, f, overrides);
  const from = years.length ? Math.min(...years) : f.from;
  const to = years.length ? Math.max(...years) : f.to;
  if (from !== null) query.from = String(from);
  if (to !== null) query.to = String(to);
  if (rows.dimension) query.dimension = rows.dimension;
  if (rows.category) query.category = rows.category;
  return query;
}

/**
 * A chart's download: its API query, file name and synthetic flag, from the result the page loaded.
 * The rows are those the chart registry says the chart draws of that metric, unless given.
 */
export function chartDownload(
  chartId: ChartId,
  result: MetricResult,
  f: Filters,
  years: readonly number[],
  options: { rows?: RowFilter; overrides?: Overrides; part?: { key: string; label: string } } = {}
): ChartDownload {
  return {
    metric: result.metric,
    query: apiQuery(result.metric, f, years, options.rows ?? chartRows(chartId, result.metric), options.overrides),
    filename: chartFilename(chartId, years.length ? years : [f.from, f.to].filter((y): y is number => y !== null), options.part?.key),
    ...(options.part ? { label: options.part.label } : {}),
    synthetic: result.synthetic
  };
}

type Population = 'attendees' | 'speakers';

/**
 * The downloads of a page that loads a metric for both populations: a chart of one of them, and a
 * chart of both side by side (one part each).
 */
export function populationDownloads(byPopulation: Record<Population, MetricResult>, f: Filters, years: readonly number[]) {
  const one = (id: ChartId, population: Population, part = false) =>
    chartDownload(id, byPopulation[population], f, years, {
      overrides: { population },
      ...(part ? { part: { key: population, label: label('population', population) } } : {})
    });
  return { one: (id: ChartId, population: Population) => one(id, population), both: (id: ChartId) => [one(id, 'attendees', true), one(id, 'speakers', true)] };
}

/** A page's other reads of the database: an unavailable database becomes a 503 page, not a crash. */
export async function orUnavailable<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof DatabaseUnavailableError) error(503, t('error.unavailable'));
    throw e;
  }
}

/**
 * loadMetric with the page's filters; an unavailable database becomes a 503 page, not a crash. A
 * link naming a source set the database does not hold shows the default records instead (the page
 * says so, see pageState), as any other invalid filter value does.
 */
export async function metric(name: MetricName, f: Filters, overrides: Overrides = {}): Promise<MetricResult> {
  try {
    return await loadMetricWith(name, metricParams(name, f, overrides));
  } catch (e) {
    if (e instanceof DatabaseUnavailableError) error(503, t('error.unavailable'));
    if (e instanceof ParamError && e.parameter === 'source' && f.source !== null) return metric(name, { ...f, source: null }, overrides);
    throw e;
  }
}

export interface PageState {
  filters: Filters;
  invalid: InvalidValue[];
  /** Every meeting year in the data (for the selects). */
  allYears: number[];
  /** Years in the selected range. */
  years: number[];
  /** The single year in view. */
  year: number | null;
  synthetic: boolean;
}

/** Filters, years and the synthetic flag of a page from its URL (or its parsed filters) and the metrics it loaded. */
export function pageState(request: URL | ParsedFilters, results: MetricResult[]): { state: PageState; inRange: (r: Row) => boolean } {
  const parsed = request instanceof URL ? filtersOf(request) : request;
  const filters = parsed.filters;
  const invalid = [...parsed.invalid];
  const allYears = [...new Set(results.flatMap((r) => r.rows.map((row) => Number(row.year))))]
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  const resolved = resolveYears(filters, allYears);
  const set = new Set(resolved.years);
  // A source set the database does not hold: the metrics fell back to the default set (see metric()).
  const used = results.map((r) => r.params.source).find((s): s is string => typeof s === 'string');
  if (filters.source !== null && used !== undefined && used !== filters.source) {
    invalid.push({ name: 'source', value: filters.source, fallback: used });
  }
  return {
    state: {
      filters,
      invalid: [...invalid, ...resolved.invalid],
      allYears,
      years: resolved.years,
      year: resolved.year,
      synthetic: results.some((r) => r.synthetic)
    },
    inRange: (r: Row) => set.has(Number(r.year))
  };
}

/** Only the fields a page needs to send to the browser (rows can be large; definitions are prose). */
export function slim(r: MetricResult, keep: (row: MetricResult['rows'][number]) => boolean = () => true) {
  return { rows: r.rows.filter(keep), suppression: r.suppression, synthetic: r.synthetic, definition: r.definition };
}
export type SlimMetric = ReturnType<typeof slim>;
