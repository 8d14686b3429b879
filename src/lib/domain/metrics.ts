/**
 * The metrics and their parameters, with the values each parameter allows: what the API validates
 * (server/metrics/params.ts), what the pages' filters offer (state/filters.ts) and what the charts'
 * download links name (charts/export/links.ts).
 */
import { GLOBAL_SOUTH_DEFINITIONS } from './global-south.ts';

export const METRICS = [
  'participation',
  'global-south',
  'stakeholders',
  'gender',
  'regions',
  'countries',
  'representation',
  'host',
  'sessions',
  'published',
  'ldc-lldc-sids'
] as const;
export type MetricName = (typeof METRICS)[number];

/** Who is counted: the people registered or attending, or the people on a session's stage. */
export const POPULATIONS = ['attendees', 'speakers'] as const;
export type Population = (typeof POPULATIONS)[number];

/** The participation modes a figure can be limited to ('all' = both, and records of unknown mode). */
export const MODES = ['all', 'onsite', 'online'] as const;
export type Mode = (typeof MODES)[number];

/** The global-south definitions (global-south.ts). */
export const DEFINITIONS = GLOBAL_SOUTH_DEFINITIONS;
export type Definition = (typeof DEFINITIONS)[number];

export const LEVELS = ['year', 'session'] as const;
export type Level = (typeof LEVELS)[number];

export const PARAMETERS = [
  'source',
  'from',
  'to',
  'population',
  'mode',
  'definition',
  'session_type',
  'exclude_host',
  'level',
  'dimension',
  'category',
  'target',
  'format',
  'lang'
] as const;
export type ParameterName = (typeof PARAMETERS)[number];

/** The meeting years a parameter or filter may name. */
export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

const COMMON: ParameterName[] = ['source', 'from', 'to', 'mode', 'session_type', 'exclude_host', 'dimension', 'category', 'format', 'lang'];

/** The parameters each metric accepts. */
export const METRIC_PARAMETERS: Record<MetricName, readonly ParameterName[]> = {
  participation: ['population', ...COMMON, 'target'],
  'global-south': ['population', 'definition', ...COMMON, 'target'],
  stakeholders: ['population', ...COMMON, 'target'],
  gender: ['population', ...COMMON, 'target'],
  regions: ['population', ...COMMON, 'target'],
  // One row per country: there is no breakdown to pick rows from, so no dimension or category.
  countries: ['population', 'source', 'from', 'to', 'mode', 'session_type', 'exclude_host', 'format', 'lang'],
  representation: ['definition', ...COMMON],
  host: ['population', ...COMMON, 'target'],
  'ldc-lldc-sids': ['population', ...COMMON, 'target'],
  sessions: ['population', 'definition', 'level', ...COMMON],
  // The published figures themselves belong to no source set; source selects the records the
  // computed figures beside them are counted from.
  published: ['source', 'from', 'to', 'category', 'format', 'lang']
};

/** A metric's API address with its defaults, as the index lists it (`.csv`, `.arrow` … after it name a format). */
export function metricPath(metric: MetricName): string {
  return `/api/v1/metrics/${metric}`;
}

export function isMetric(name: string): name is MetricName {
  return (METRICS as readonly string[]).includes(name);
}
