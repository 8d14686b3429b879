/**
 * Query parameters of the metrics API: parsed and validated into a typed object.
 * Anything not listed here is refused with a ParamError naming the parameter and the allowed values.
 */
import { DEMO, SOURCE_SET_NAME } from '$lib/domain/source-sets.ts';
import { METRIC_FORMATS, formatOfSuffix, suffixOf, type MetricFormat } from '../download/formats.ts';
import {
  DEFINITIONS,
  LEVELS,
  MAX_YEAR,
  METRIC_PARAMETERS,
  METRICS,
  MIN_YEAR,
  MODES,
  PARAMETERS,
  POPULATIONS,
  isMetric,
  type Definition,
  type Level,
  type MetricName,
  type Mode,
  type ParameterName,
  type Population
} from '$lib/domain/metrics.ts';
import { DEFAULT_LOCALE, LOCALES, isLocale, type Locale } from '$lib/i18n/locales.ts';

export {
  METRICS,
  POPULATIONS,
  MODES,
  DEFINITIONS,
  LEVELS,
  PARAMETERS,
  MIN_YEAR,
  MAX_YEAR,
  METRIC_PARAMETERS,
  isMetric,
  type MetricName,
  type Population,
  type Mode,
  type Definition,
  type Level,
  type ParameterName
} from '$lib/domain/metrics.ts';

/** Row formats, the CSV's companion metadata, and the citable bundle (zip of all of them): the download registry's metric formats. */
export const FORMATS = METRIC_FORMATS;
export type Format = MetricFormat;

/**
 * A source set's name (see the domain rule) is checked against the pattern here, and against the
 * sets in the database in resolveParams().
 */
export const SOURCE_SET_PATTERN = SOURCE_SET_NAME;

/** The default source set of the record-level views when the database has it: the synthetic demo records. */
export const DEFAULT_SOURCE_SET = DEMO;

export interface MetricParams {
  /**
   * The source set whose records are counted (a metric never mixes two); null = the database's
   * default: 'demo' when present, else the first set by name (resolved in resolveParams()).
   */
  source: string | null;
  /** First meeting year, inclusive; null = from the first year in the data. */
  from: number | null;
  /** Last meeting year, inclusive; null = to the last year in the data. */
  to: number | null;
  population: Population;
  mode: Mode;
  /** Global-south definition; 'all' only for the global-south metric. */
  definition: Definition | 'all';
  /** Speakers only: keep sessions of this type (snake_case as stored); null = all types. */
  session_type: string | null;
  exclude_host: boolean;
  /** Sessions metric only: one row per year and rule, or one row per session. */
  level: Level;
  /** Keep only rows of this dimension (a chart's rows); null = all rows. */
  dimension: string | null;
  /** Keep only rows of this category; null = all rows. */
  category: string | null;
  /**
   * Distance to a target: a share in percent (0-100) for every share row, or 'equal' (each
   * category's equal share where one is defined: EQUAL_TARGETS in targets.ts); null = no target
   * columns. Share metrics only.
   */
  target: number | 'equal' | null;
  format: Format;
  /**
   * The language of the human-readable text of a download (the README of the zip, the labels in the
   * metadata); rows, columns, codes and the echoed params are the same in every language.
   */
  lang: Locale;
}

export const DEFAULT_PARAMS: MetricParams = {
  source: null,
  from: null,
  to: null,
  population: 'attendees',
  mode: 'all',
  definition: 'un_developing',
  session_type: null,
  exclude_host: false,
  level: 'year',
  dimension: null,
  category: null,
  target: null,
  format: 'json',
  lang: DEFAULT_LOCALE
};

/** Allowed values per parameter and metric (free-form parameters describe their form). */
export function allowedValues(metric: MetricName, name: ParameterName): string[] {
  switch (name) {
    case 'source':
      return [`a source set present in the database (GET /api/v1/metrics lists them); default ${DEFAULT_SOURCE_SET} when present, else the first by name`];
    case 'from':
    case 'to':
      return [`a four-digit year from ${MIN_YEAR} to ${MAX_YEAR}`];
    case 'population':
      return metric === 'sessions' ? ['speakers'] : [...POPULATIONS];
    case 'mode':
      return [...MODES];
    case 'definition':
      return metric === 'global-south' ? [...DEFINITIONS, 'all'] : [...DEFINITIONS];
    case 'session_type':
      return ['a session type present in the data (lower-case snake_case), with population=speakers'];
    case 'exclude_host':
      return ['true', 'false'];
    case 'level':
      return [...LEVELS];
    case 'dimension':
    case 'category':
      return [`a ${name} value present in the metric's rows (lower-case snake_case)`];
    case 'target':
      return ['a share in percent from 0 to 100 (e.g. 50 or 33.3)', 'equal'];
    case 'format':
      return [...FORMATS];
    case 'lang':
      return [...LOCALES];
  }
}

/** A request the API refuses with HTTP 400 (or 404 for an unknown metric). */
export class ParamError extends Error {
  constructor(
    readonly parameter: string,
    readonly value: string | null,
    readonly allowed: string[],
    message: string,
    readonly status: 400 | 404 = 400
  ) {
    super(message);
    this.name = 'ParamError';
  }

  toJSON() {
    return {
      error: this.status === 404 ? 'unknown_metric' : 'invalid_parameter',
      parameter: this.parameter,
      value: this.value,
      allowed: this.allowed,
      message: this.message
    };
  }
}

const SUFFIXES: Record<string, Format> = Object.fromEntries(FORMATS.map((f) => [suffixOf(f), f]));

/** `gender`, `gender.csv`, `gender.arrow`, `gender.json`, `gender.metadata.json`, `gender.zip` -> metric and the suffix's format. */
export function parseMetricPath(segment: string): { metric: MetricName; format: Format | null } {
  const m = /^([a-z-]+)(?:\.([a-z.]+))?$/.exec(segment);
  const metric = m?.[1] ?? '';
  const suffix = m?.[2] ?? null;
  if (!m || !isMetric(metric)) {
    throw new ParamError('metric', segment, [...METRICS], `Unknown metric "${segment}".`, 404);
  }
  if (suffix !== null && !(suffix in SUFFIXES)) {
    throw new ParamError('format', suffix, Object.keys(SUFFIXES), `Unknown format suffix ".${suffix}".`, 404);
  }
  return { metric, format: suffix === null ? null : SUFFIXES[suffix] };
}

function pick<T extends string>(metric: MetricName, name: ParameterName, value: string, values: readonly T[]): T {
  if ((values as readonly string[]).includes(value)) return value as T;
  const allowed = allowedValues(metric, name);
  throw new ParamError(name, value, allowed, `Invalid value for ${name}: "${value}". Allowed: ${allowed.join(', ')}.`);
}

function year(metric: MetricName, name: 'from' | 'to', value: string): number {
  const n = /^\d{4}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < MIN_YEAR || n > MAX_YEAR) {
    const allowed = allowedValues(metric, name);
    throw new ParamError(name, value, allowed, `Invalid value for ${name}: "${value}". Allowed: ${allowed[0]}.`);
  }
  return n;
}

export type QueryInput = URLSearchParams | Record<string, string | number | boolean | null | undefined>;

function entries(query: QueryInput): [string, string][] {
  if (query instanceof URLSearchParams) return [...query.entries()];
  return Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => [k, String(v)]);
}

/**
 * Validate the query of one metric request. `suffixFormat` is the format given by a .json/.csv/.arrow
 * suffix, if any. Throws ParamError for an unknown or repeated parameter, a parameter the metric does
 * not take, or a value outside the allowed ones.
 */
export function parseMetricParams(metric: MetricName, query: QueryInput, suffixFormat: Format | null = null): MetricParams {
  const accepted = METRIC_PARAMETERS[metric];
  const seen = new Map<string, string>();
  for (const [name, value] of entries(query)) {
    if (!(PARAMETERS as readonly string[]).includes(name)) {
      throw new ParamError(name, value, [...accepted], `Unknown parameter "${name}". Parameters of ${metric}: ${accepted.join(', ')}.`);
    }
    if (!accepted.includes(name as ParameterName)) {
      throw new ParamError(
        name,
        value,
        [...accepted],
        `The parameter "${name}" does not apply to ${metric}. Parameters of ${metric}: ${accepted.join(', ')}.`
      );
    }
    if (seen.has(name)) {
      throw new ParamError(name, value, allowedValues(metric, name as ParameterName), `The parameter "${name}" is given more than once.`);
    }
    seen.set(name, value);
  }

  const p: MetricParams = { ...DEFAULT_PARAMS };
  if (metric === 'sessions' || metric === 'representation') p.population = 'speakers';
  for (const [name, value] of seen) {
    switch (name as ParameterName) {
      case 'source':
        if (!SOURCE_SET_PATTERN.test(value)) {
          throw new ParamError(
            'source',
            value,
            allowedValues(metric, 'source'),
            `Invalid value for source: "${value}". Source sets are named with 1 to 40 lower-case letters, digits, _ or -, e.g. ${DEFAULT_SOURCE_SET}.`
          );
        }
        p.source = value;
        break;
      case 'from':
        p.from = year(metric, 'from', value);
        break;
      case 'to':
        p.to = year(metric, 'to', value);
        break;
      case 'population':
        p.population = pick(metric, 'population', value, metric === 'sessions' ? (['speakers'] as const) : POPULATIONS);
        break;
      case 'mode':
        p.mode = pick(metric, 'mode', value, MODES);
        break;
      case 'definition':
        p.definition = pick(metric, 'definition', value, metric === 'global-south' ? [...DEFINITIONS, 'all' as const] : DEFINITIONS);
        break;
      case 'session_type':
        if (!/^[a-z0-9_]{1,64}$/.test(value)) {
          throw new ParamError(
            'session_type',
            value,
            allowedValues(metric, 'session_type'),
            `Invalid value for session_type: "${value}". Session types are lower-case snake_case, e.g. workshop.`
          );
        }
        p.session_type = value;
        break;
      case 'exclude_host':
        p.exclude_host = pick(metric, 'exclude_host', value, ['true', 'false'] as const) === 'true';
        break;
      case 'level':
        p.level = pick(metric, 'level', value, LEVELS);
        break;
      case 'dimension':
      case 'category': {
        const filter = name as 'dimension' | 'category';
        if (!/^[a-z0-9_]{1,64}$/.test(value)) {
          throw new ParamError(
            filter,
            value,
            allowedValues(metric, filter),
            `Invalid value for ${filter}: "${value}". Values are lower-case snake_case, e.g. ${filter === 'dimension' ? 'gender' : 'female'}.`
          );
        }
        p[filter] = value;
        break;
      }
      case 'target': {
        const n = Number(value);
        if (value === 'equal') p.target = 'equal';
        else if (/^\d{1,3}(\.\d{1,4})?$/.test(value) && n >= 0 && n <= 100) p.target = n;
        else {
          const allowed = allowedValues(metric, 'target');
          throw new ParamError('target', value, allowed, `Invalid value for target: "${value}". Allowed: ${allowed.join(', ')}.`);
        }
        break;
      }
      case 'format':
        p.format = pick(metric, 'format', value, FORMATS);
        break;
      case 'lang':
        if (!isLocale(value)) {
          throw new ParamError(
            'lang',
            value,
            allowedValues(metric, 'lang'),
            `Invalid value for lang: "${value}". Allowed: ${LOCALES.join(', ')} (the language of the README and of the labels in the metadata; column names and category codes are the same in every language).`
          );
        }
        p.lang = value;
        break;
    }
  }
  if (suffixFormat) {
    if (seen.has('format') && p.format !== suffixFormat) {
      throw new ParamError(
        'format',
        p.format,
        [suffixFormat],
        `format=${p.format} contradicts the .${suffixFormat} suffix of the path.`
      );
    }
    p.format = suffixFormat;
  }
  if (p.from !== null && p.to !== null && p.from > p.to) {
    throw new ParamError('from', String(p.from), [`a year not after to=${p.to}`], `from=${p.from} is after to=${p.to}.`);
  }
  if (p.session_type !== null && metric !== 'representation' && metric !== 'sessions' && p.population !== 'speakers') {
    throw new ParamError(
      'session_type',
      p.session_type,
      ['population=speakers'],
      'session_type filters speakers: use it with population=speakers (attendance records have no session).'
    );
  }
  return p;
}

/**
 * The params as echoed in a JSON response (what the numbers were computed for). Not lang: the rows
 * and the echoed params are the same in every language (the metadata has its own lang).
 */
export function publicParams(metric: MetricName, p: MetricParams): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  for (const name of METRIC_PARAMETERS[metric]) if (name !== 'lang') out[name] = p[name];
  if (metric === 'sessions') out.population = 'speakers';
  if (metric === 'representation') out.population = 'speakers and attendees';
  return out;
}
