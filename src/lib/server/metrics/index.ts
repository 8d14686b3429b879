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
import { ldcLldcSidsShares } from './ldc-lldc-sids-shares.ts';
import { compose, runStatement, statement } from './sql.ts';
import { chooseSourceSet, sourceSets } from './source-sets.ts';
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
  published: publishedVsComputed,
  'ldc-lldc-sids': ldcLldcSidsShares
};

setConnectionInitializer(prepareConnection);

/** Session types present in one source set (allowed values of session_type). */
export async function sessionTypes(conn: DuckDBConnection, source: string): Promise<string[]> {
  await prepareConnection(conn);
  const rows = await runStatement(conn, statement(compose(sessionTypesSql, {}), { source } as MetricParams));
  return rows.map((r) => String(r.session_type));
}

/**
 * The params checked against the database: the source set resolved (the default when none is given;
 * a ParamError for a set not present) and the session type one of that set's.
 */
export async function resolveParams(conn: DuckDBConnection, params: MetricParams): Promise<MetricParams & { source: string }> {
  const source = chooseSourceSet(await sourceSets(conn), params.source);
  if (params.session_type !== null) {
    const types = await sessionTypes(conn, source);
    if (!types.includes(params.session_type)) {
      throw new ParamError(
        'session_type',
        params.session_type,
        types,
        `Unknown session_type "${params.session_type}". Session types in source set ${source}: ${types.join(', ') || '(none)'}.`
      );
    }
  }
  return { ...params, source };
}

/** Compute one metric on a connection. Throws ParamError for a source set or session_type not in the data. */
export async function computeMetric(
  conn: DuckDBConnection,
  metric: MetricName,
  params: MetricParams,
  options: ComputeOptions = {}
): Promise<MetricResult> {
  await prepareConnection(conn);
  return METRIC_MODULES[metric].compute(conn, await resolveParams(conn, params), options);
}

/**
 * Compute one metric on the server's database (IGF_DB), from query parameters as the API takes them
 * (URLSearchParams or a plain object). Throws ParamError (400) or DatabaseUnavailableError (503).
 */
export async function loadMetric(metric: MetricName, query: QueryInput = {}, options: ComputeOptions = {}): Promise<MetricResult> {
  return loadMetricWith(metric, parseMetricParams(metric, query), options);
}

/** loadMetric with parameters already typed and valid (the pages' filters): no string round trip. */
export async function loadMetricWith(metric: MetricName, params: MetricParams, options: ComputeOptions = {}): Promise<MetricResult> {
  return withConnection((conn) => computeMetric(conn, metric, params, options));
}

export { parseMetricParams, parseMetricPath, ParamError, METRICS, DEFAULT_PARAMS } from './params.ts';
export { sourceSets, defaultSourceSet, type SourceSet } from './source-sets.ts';
export type { MetricName, MetricParams, Population, Mode, Definition, Format } from './params.ts';
export type { MetricResult, Column, Row, ComputeOptions } from './types.ts';
