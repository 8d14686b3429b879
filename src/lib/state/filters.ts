/**
 * The view's filter state, which lives in the URL only: parsed here with defaults and validation,
 * and written back as a query string that leaves defaults out (so links stay short and stable).
 * An invalid value never fails the page: it falls back to the default and is reported as a note.
 * Shared by server load functions and the client.
 */
import { SOURCE_SET_NAME } from '$lib/domain/source-sets.ts';
import { DEFINITIONS, MAX_YEAR, MIN_YEAR, MODES, POPULATIONS, type Definition, type Mode, type Population } from '$lib/domain/metrics.ts';

export { DEFINITIONS, MODES, POPULATIONS, type Definition, type Mode, type Population };

export interface Filters {
  /**
   * The set of records the record-level charts count ('demo', 'public_session_pages', a user's
   * --source); null = the server's default. Figures never mix two sets.
   */
  source: string | null;
  /** First and last meeting year shown in trends; null = the data's range. */
  from: number | null;
  to: number | null;
  /** The meeting year of single-year views; null = the latest year in the data. */
  year: number | null;
  population: Population;
  mode: Mode;
  definition: Definition;
  exclude_host: boolean;
  /** Target female share in percent (gender page). */
  target: number;
  /** Sessions page: title search, sort column and direction. */
  q: string;
  sort: string;
  dir: 'asc' | 'desc';
}

export type FilterName = keyof Filters;

export const DEFAULT_FILTERS: Filters = {
  source: null,
  from: null,
  to: null,
  year: null,
  population: 'attendees',
  mode: 'all',
  definition: 'un_developing',
  exclude_host: false,
  target: 50,
  q: '',
  sort: 'title',
  dir: 'asc'
};

export const FILTER_NAMES = Object.keys(DEFAULT_FILTERS) as FilterName[];

export interface InvalidValue {
  name: string;
  value: string;
  fallback: string;
}

const YEAR = /^\d{4}$/;
const MAX_QUERY = 100;

function parseYear(v: string): number | null {
  if (!YEAR.test(v)) return null;
  const n = Number(v);
  return n >= MIN_YEAR && n <= MAX_YEAR ? n : null;
}

function oneOf<T extends string>(values: readonly T[], v: string): T | null {
  return (values as readonly string[]).includes(v) ? (v as T) : null;
}


export function describeValue(name: FilterName, value: Filters[FilterName]): string {
  if (value === null) {
    if (name === 'source') return 'the default records';
    return name === 'to' || name === 'year' ? 'the latest year' : 'the first year';
  }
  return String(value);
}

/** Filters from a query string; unknown parameters are ignored, invalid values reported. */
export function parseFilters(search: URLSearchParams): { filters: Filters; invalid: InvalidValue[] } {
  const f: Filters = { ...DEFAULT_FILTERS };
  const invalid: InvalidValue[] = [];
  const reject = (name: FilterName, value: string) =>
    invalid.push({ name, value, fallback: describeValue(name, DEFAULT_FILTERS[name]) });

  for (const name of FILTER_NAMES) {
    const raw = search.get(name);
    if (raw === null || raw === '') continue;
    switch (name) {
      case 'source':
        if (SOURCE_SET_NAME.test(raw)) f.source = raw;
        else reject(name, raw);
        break;
      case 'from':
      case 'to':
      case 'year': {
        const y = parseYear(raw);
        if (y === null) reject(name, raw);
        else f[name] = y;
        break;
      }
      case 'population':
      case 'mode':
      case 'definition': {
        const values = { population: POPULATIONS, mode: MODES, definition: DEFINITIONS }[name];
        const v = oneOf<string>(values, raw);
        if (v === null) reject(name, raw);
        else (f as unknown as Record<string, string>)[name] = v;
        break;
      }
      case 'exclude_host':
        if (raw === 'true' || raw === 'false') f.exclude_host = raw === 'true';
        else reject(name, raw);
        break;
      case 'target': {
        const n = Number(raw);
        if (/^\d{1,3}(\.\d+)?$/.test(raw) && n >= 0 && n <= 100) f.target = n;
        else reject(name, raw);
        break;
      }
      case 'q':
        f.q = raw.slice(0, MAX_QUERY);
        break;
      case 'sort':
        if (/^[a-z_]{1,40}$/.test(raw)) f.sort = raw;
        else reject(name, raw);
        break;
      case 'dir': {
        const d = oneOf(['asc', 'desc'] as const, raw);
        if (d === null) reject(name, raw);
        else f.dir = d;
        break;
      }
    }
  }
  if (f.from !== null && f.to !== null && f.from > f.to) {
    invalid.push({ name: 'from', value: `${f.from} > to ${f.to}`, fallback: 'the full range' });
    f.from = null;
    f.to = null;
  }
  return { filters: f, invalid };
}

export type ParsedFilters = ReturnType<typeof parseFilters>;

const parsedByUrl = new WeakMap<URL, ParsedFilters>();

/**
 * The filters of a request's URL, parsed once per URL object: a page's load and pageState() share
 * one parse. Treat the result as read-only (copy before changing).
 */
export function filtersOf(url: URL): ParsedFilters {
  let parsed = parsedByUrl.get(url);
  if (!parsed) {
    parsed = parseFilters(url.searchParams);
    parsedByUrl.set(url, parsed);
  }
  return parsed;
}

/** Query string of the filters that differ from the defaults, in a fixed order ('' when none). */
export function filterQuery(f: Filters, changes: Partial<Filters> = {}): string {
  const merged: Filters = { ...f, ...changes };
  const sp = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const v = merged[name];
    if (v === DEFAULT_FILTERS[name] || v === null) continue;
    sp.set(name, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}

/**
 * Years that exist in the data decide the single-year view: a requested year outside them falls back
 * to the latest, and the range is clipped to them.
 */
export function resolveYears(
  f: Filters,
  dataYears: number[]
): { year: number | null; years: number[]; invalid: InvalidValue[] } {
  const sorted = [...new Set(dataYears)].sort((a, b) => a - b);
  const invalid: InvalidValue[] = [];
  const latest = sorted.at(-1) ?? null;
  let year = f.year ?? latest;
  if (f.year !== null && !sorted.includes(f.year)) {
    invalid.push({ name: 'year', value: String(f.year), fallback: latest === null ? '—' : String(latest) });
    year = latest;
  }
  const years = sorted.filter((y) => (f.from === null || y >= f.from) && (f.to === null || y <= f.to));
  return { year, years, invalid };
}
