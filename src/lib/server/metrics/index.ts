/**
 * The metrics, for the API, the pages and the exports.
 *
 *   computeMetric(conn, 'gender', params)          with a connection of your own (tests, scripts)
 *   loadMetric('gender', { from: 2019, population: 'speakers' })   with the server's database
 *
 * These modules load their SQL through vite (`?raw`): import them from SvelteKit code, vitest,
 * or scripts run with the ?raw loader of tests/bench; not from the plain-Node pipeline.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import sessionTypesSql from './session-types.sql?raw';
import { setConnectionInitializer, withConnection } from '../db.ts';
import { prepareConnection } from './summary.ts';
import { participation } from './participation.ts';
import { globalSouthShare } from './global-south-share.ts';
import { stakeholderShares } from './stakeholder-shares.ts';
import { genderShares } from './gender-shares.ts';
import { regionalShares } from './regional-shares.ts';
import { countryCounts } from './country-counts.ts';
import { representation } from './representation.ts';
import { hostShare } from './host-share.ts';
import { sessionDiversity } from './session-diversity.ts';
import { publishedVsComputed } from './published-vs-computed.ts';
import { compose, runStatement, statement } from './sql.ts';
import { ParamError, parseMetricParams, type MetricName, type MetricParams, type QueryInput } from './params.ts';
import type { ComputeOptions, MetricModule, MetricResult } from './types.ts';

export const METRIC_MODULES: Record<MetricName, MetricModule> = {
  participation,
  'global-south': globalSouthShare,
  stakeholders: stakeholderShares,
  gender: genderShares,
  regions: regionalShares,
  countries: countryCounts,
  representation,
  host: hostShare,
  sessions: sessionDiversity,
  published: publishedVsComputed
};

setConnectionInitializer(prepareConnection);

/** Session types present in the data (allowed values of session_type). */
export async function sessionTypes(conn: DuckDBConnection): Promise<string[]> {
  const rows = await runStatement(conn, statement(compose(sessionTypesSql, {}), { from: null, to: null } as MetricParams));
  return rows.map((r) => String(r.session_type));
}

/** Compute one metric on a connection. Throws ParamError for a session_type not in the data. */
export async function computeMetric(
  conn: DuckDBConnection,
  metric: MetricName,
  params: MetricParams,
  options: ComputeOptions = {}
): Promise<MetricResult> {
  await prepareConnection(conn);
  if (params.session_type !== null) {
    const types = await sessionTypes(conn);
    if (!types.includes(params.session_type)) {
      throw new ParamError(
        'session_type',
        params.session_type,
        types,
        `Unknown session_type "${params.session_type}". Session types in the data: ${types.join(', ') || '(none)'}.`
      );
    }
  }
  return METRIC_MODULES[metric].compute(conn, params, options);
}

/**
 * Compute one metric on the server's database (IGF_DB), from query parameters as the API takes them
 * (URLSearchParams or a plain object). Throws ParamError (400) or DatabaseUnavailableError (503).
 */
export async function loadMetric(metric: MetricName, query: QueryInput = {}, options: ComputeOptions = {}): Promise<MetricResult> {
  const params = parseMetricParams(metric, query);
  return withConnection((conn) => computeMetric(conn, metric, params, options));
}

export { parseMetricParams, parseMetricPath, ParamError, METRICS, DEFAULT_PARAMS } from './params.ts';
export type { MetricName, MetricParams, Population, Mode, Definition, Format } from './params.ts';
export type { MetricResult, Column, Row, ComputeOptions } from './types.ts';
