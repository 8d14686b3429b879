/**
 * GET /api/v1/metrics/{metric}[.json|.csv|.arrow|.metadata.json|.zip]
 *     ?source&from&to&population&mode&definition&session_type&exclude_host&level&dimension&category&target&format&lang
 * GET /api/v1/metrics   (the metrics, their parameters, and the source sets of the database)
 */
import { DatabaseUnavailableError, withConnection } from '../db.ts';
import { METRIC_MODULES, computeMetric } from './index.ts';
import {
  DEFAULT_PARAMS,
  METRICS,
  METRIC_PARAMETERS,
  ParamError,
  allowedValues,
  parseMetricParams,
  parseMetricPath,
  type MetricName,
  type MetricParams,
  type ParameterName
} from './params.ts';
import { downloadBase, metricResponse } from './serialize.ts';
import { metricPath } from '$lib/domain/metrics.ts';
import { takeSqlTime } from './sql.ts';
import { keepChartRows } from './row-filter.ts';
import { dataVersion, describeDownload, type DataVersion, type SourceSetMetadata } from '../download/metadata.ts';
import { defaultSourceSet, sourceSets, type SourceSet } from './source-sets.ts';
import type { MetricResult } from './types.ts';
import { SPECIAL_SITUATION_LIST_DATE } from './ldc-lldc-sids-shares.ts';
import { inLocale } from '$lib/i18n/request-locale.server.ts';
import { fmt, hasCatalog, label, t } from '$lib/i18n/index.ts';
import { metricDefinitionKey, metricTitleKey } from '$lib/i18n/domain-text.ts';
import { LOCALES, DEFAULT_LOCALE } from '$lib/i18n/locales.ts';

function json(body: unknown, status: number, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers }
  });
}

/** The code columns whose codes get a label in the metadata; a column's name is the catalog prefix of its labels. */
const LABELLED_COLUMNS = ['dimension', 'category', 'definition', 'population', 'mode'] as const;
type LabelledColumn = (typeof LABELLED_COLUMNS)[number];
const isLabelled = (name: string): name is LabelledColumn => (LABELLED_COLUMNS as readonly string[]).includes(name);

/** The label of every code in the rows, per code column, in the current language. */
export function codeLabels(result: MetricResult): Record<string, Record<string, string>> {
  const labels: Record<string, Record<string, string>> = {};
  for (const column of result.columns) {
    const name = column.name;
    if (!isLabelled(name)) continue;
    const codes: Record<string, string> = {};
    for (const row of result.rows) {
      const code = row[name];
      if (typeof code === 'string' && !(code in codes)) codes[code] = label(name, code);
    }
    labels[column.name] = codes;
  }
  return labels;
}

/** The download metadata of a metric result: title, definition, filters, source set, columns, version, citation. */
export function metricMetadata(result: MetricResult, version: DataVersion, url: URL, sourceSet: SourceSetMetadata) {
  const population = typeof result.params.population === 'string' ? result.params.population : null;
  return describeDownload({
    label: t(metricTitleKey(result.metric)),
    definition_label: t(metricDefinitionKey(result.metric), { date: fmt.date(SPECIAL_SITUATION_LIST_DATE) }),
    labels: codeLabels(result),
    title: METRIC_MODULES[result.metric].title,
    name: result.metric,
    kind: 'metric',
    definition: result.definition,
    population,
    filters: result.params,
    columns: result.columns,
    rows: result.rows.length,
    source_sets: [sourceSet],
    synthetic: result.synthetic,
    suppression: result.suppression,
    url: url.href,
    version
  });
}

export async function handleMetricRequest(segment: string, url: URL): Promise<Response> {
  try {
    const { metric, format } = parseMetricPath(segment);
    const params = parseMetricParams(metric, url.searchParams, format);
    // Labels and the README in the language asked for (lang): t() and label() read it (request-locale.server.ts).
    // Until a language's catalog is installed they are English, and the metadata's lang says so.
    return await inLocale(hasCatalog(params.lang) ? params.lang : DEFAULT_LOCALE, () => answerMetric(metric, params, url));
  } catch (e) {
    return errorResponse(e);
  }
}

/** A validated metric request, answered in the request's language; errors go to handleMetricRequest's catch. */
async function answerMetric(metric: MetricName, params: MetricParams, url: URL): Promise<Response> {
  const needsMetadata = params.format === 'arrow' || params.format === 'metadata' || params.format === 'zip';
  const started = performance.now();
  let sql = 0;
  const { result, version, sets } = await withConnection(async (conn) => {
    takeSqlTime(conn);
    const computed = await computeMetric(conn, metric, params);
    const version = needsMetadata ? await dataVersion(conn) : null;
    const sets = needsMetadata ? await sourceSets(conn) : [];
    sql = takeSqlTime(conn);
    return { result: keepChartRows(computed, params), version, sets };
  });
  const computed = performance.now();
  const meta = version ? metricMetadata(result, version, url, sourceSetOf(result, sets)) : null;
  const response = metricResponse(result, params.format, meta, downloadBase(result, [params.dimension, params.category]));
  const done = performance.now();
  // Server-Timing: time in DuckDB, in the rest of the metric code, in serialisation
  response.headers.set(
    'server-timing',
    `sql;dur=${sql.toFixed(2)}, finish;dur=${(computed - started - sql).toFixed(2)}, serialize;dur=${(done - computed).toFixed(2)}`
  );
  return response;
}

/** The source set a result was counted from (its params.source, always resolved by computeMetric). */
function sourceSetOf(result: MetricResult, sets: readonly SourceSet[]): SourceSetMetadata {
  const name = String(result.params.source);
  // A set with no record (an empty database's nominal default) has nothing synthetic behind it.
  return { name, synthetic: sets.find((s) => s.name === name)?.synthetic ?? false };
}

export function errorResponse(e: unknown): Response {
  if (e instanceof ParamError) return json(e.toJSON(), e.status);
  if (e instanceof DatabaseUnavailableError) {
    return json({ error: 'database_unavailable', reason: e.reason, message: e.message }, 503, { 'retry-after': '5' });
  }
  console.error('metrics API error:', e);
  return json({ error: 'internal_error', message: 'The metric could not be computed; see the server log.' }, 500);
}

/** The source sets for the index, or why they cannot be listed (the index itself answers without a database). */
async function sourceSetListing(): Promise<{ sets: SourceSet[]; default: string } | { error: string }> {
  try {
    const sets = await withConnection(sourceSets);
    return { sets, default: defaultSourceSet(sets) };
  } catch (e) {
    if (e instanceof DatabaseUnavailableError) return { error: e.message };
    console.error('metrics index: source sets:', e);
    return { error: 'The source sets could not be read; see the server log.' };
  }
}

/**
 * GET /api/v1/metrics: the metrics and their parameters with allowed values, and the source sets of
 * the database (whether synthetic, records per table, years), which are the allowed values of source.
 */
export async function metricsIndex(): Promise<Response> {
  const listing = await sourceSetListing();
  const allowed = (name: MetricName, p: ParameterName) =>
    p === 'source' && 'sets' in listing ? listing.sets.map((s) => s.name) : allowedValues(name, p);
  const metrics = METRICS.map((name: MetricName) => ({
    name,
    title: METRIC_MODULES[name].title,
    url: metricPath(name),
    parameters: Object.fromEntries(METRIC_PARAMETERS[name].map((p) => [p, allowed(name, p)])),
    columns: METRIC_MODULES[name].columns(DEFAULT_PARAMS),
    ...(name === 'sessions' ? { columns_level_session: METRIC_MODULES[name].columns({ ...DEFAULT_PARAMS, level: 'session' }) } : {})
  }));
  return json(
    {
      metrics,
      source_sets:
        'sets' in listing
          ? { default: listing.default, sets: listing.sets }
          : { default: null, sets: [], error: listing.error },
      formats: {
        json: 'rows with metric, params, definition, synthetic flag and suppression',
        csv: 'rows as RFC 4180 CSV; its metadata is the .metadata.json of the same request',
        arrow: 'Arrow IPC file; schema metadata carries definition, filters, source set, source, licence, citation, data version, synthetic flag',
        'metadata.json': 'the metadata of the same request (definition, units, filters, source set and whether it is synthetic, source, citation, licence, data version)',
        zip: 'citable bundle: CSV, Arrow, JSON, metadata and a README with definition, citation and licence'
      },
      row_filters: 'dimension and category keep the rows of one chart (values as in the rows)',
      lang: {
        allowed: [...LOCALES],
        default: DEFAULT_LOCALE,
        description:
          'every metric takes lang, the language of the human-readable text of a download: the README of the zip and label, definition_label and labels (the label of every code, per code column) in the metadata; column names, category codes and the rest of the metadata are stable English, the same in every language'
      },
      source:
        'source selects the source set whose records are counted (a metric never mixes two; a set is either all synthetic or all real); default: demo when present, else the first by name'
    },
    200,
    { 'cache-control': 'no-cache' }
  );
}
