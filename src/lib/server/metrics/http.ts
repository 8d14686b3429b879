/**
 * GET /api/v1/metrics/{metric}[.json|.csv|.arrow]?from&to&population&mode&definition&session_type&exclude_host&level&format
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
  type MetricName
} from './params.ts';
import { metricResponse } from './serialize.ts';
import { takeSqlTime } from './sql.ts';

function json(body: unknown, status: number, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers }
  });
}

export async function handleMetricRequest(segment: string, query: URLSearchParams): Promise<Response> {
  try {
    const { metric, format } = parseMetricPath(segment);
    const params = parseMetricParams(metric, query, format);
    const started = performance.now();
    let sql = 0;
    const result = await withConnection(async (conn) => {
      takeSqlTime(conn);
      const r = await computeMetric(conn, metric, params);
      sql = takeSqlTime(conn);
      return r;
    });
    const computed = performance.now();
    const response = metricResponse(result, params.format);
    const done = performance.now();
    // Server-Timing: time in DuckDB, in the rest of the metric code, in serialisation
    response.headers.set(
      'server-timing',
      `sql;dur=${sql.toFixed(2)}, finish;dur=${(computed - started - sql).toFixed(2)}, serialize;dur=${(done - computed).toFixed(2)}`
    );
    return response;
  } catch (e) {
    return errorResponse(e);
  }
}

export function errorResponse(e: unknown): Response {
  if (e instanceof ParamError) return json(e.toJSON(), e.status);
  if (e instanceof DatabaseUnavailableError) {
    return json({ error: 'database_unavailable', reason: e.reason, message: e.message }, 503, { 'retry-after': '5' });
  }
  console.error('metrics API error:', e);
  return json({ error: 'internal_error', message: 'The metric could not be computed; see the server log.' }, 500);
}

/** GET /api/v1/metrics: the metrics and their parameters with allowed values. */
export function metricsIndex(): Response {
  const metrics = METRICS.map((name: MetricName) => ({
    name,
    title: METRIC_MODULES[name].title,
    url: `/api/v1/metrics/${name}`,
    parameters: Object.fromEntries(METRIC_PARAMETERS[name].map((p) => [p, allowedValues(name, p)])),
    columns: METRIC_MODULES[name].columns(DEFAULT_PARAMS),
    ...(name === 'sessions' ? { columns_level_session: METRIC_MODULES[name].columns({ ...DEFAULT_PARAMS, level: 'session' }) } : {})
  }));
  return json({ metrics, formats: ['json', 'csv', 'arrow'] }, 200, { 'cache-control': 'no-cache' });
}
