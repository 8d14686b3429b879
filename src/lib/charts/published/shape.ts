/**
 * Published figures for the published-figures page: the head counts plotted by what each counts (its
 * basis), and the search and filters of the table of every figure (kept in the URL).
 */
import type { Row } from '../common.ts';

export interface PublishedPoint {
  year: number;
  value: number;
  unit: string;
  /** What the figure counts: see PARTICIPANT_BASES. */
  basis: Basis;
  source: string;
  /** Only http(s) links: a source_url is data, and a javascript: link in it must not become clickable. */
  url: string | null;
  /** The source's own words for the figure. */
  quote: string;
}

export function safeUrl(v: unknown): string | null {
  return typeof v === 'string' && /^https?:\/\//i.test(v) ? v : null;
}

/**
 * Every published head count of participants, by what it counts. Each basis has its own shape and
 * colour on the chart; the order is the legend's. A figure's basis is its metric (data/published).
 */
export const PARTICIPANT_BASES = [
  { basis: 'total', metric: 'participants_total', symbol: 'circle', colour: '#0072B2' },
  { basis: 'onsite', metric: 'participants_onsite', symbol: 'square', colour: '#D55E00' },
  { basis: 'online', metric: 'participants_online', symbol: 'triangle', colour: '#009E73' },
  { basis: 'registered', metric: 'registrations', symbol: 'diamond', colour: '#E69F00' },
  { basis: 'registered_estimate', metric: 'registrations_estimated_third_party', symbol: 'wye', colour: '#CC79A7' },
  { basis: 'listed', metric: 'preregistered_public_list_count', symbol: 'times', colour: '#56B4E9' },
  { basis: 'badges', metric: 'badges_distributed', symbol: 'star', colour: '#767676' }
] as const;
export type Basis = (typeof PARTICIPANT_BASES)[number]['basis'];

const COUNT_UNITS = ['count', 'count_lower_bound', 'count_approx'];

/** The published head counts of participants (category all, a count unit), each with its basis. */
export function publishedCounts(rows: Row[]): PublishedPoint[] {
  const points: PublishedPoint[] = [];
  for (const r of rows) {
    const b = PARTICIPANT_BASES.find((x) => x.metric === r.metric);
    if (!b || typeof r.published_value !== 'number' || !COUNT_UNITS.includes(String(r.unit)) || (r.category ?? 'all') !== 'all') continue;
    points.push({
      year: Number(r.year),
      value: r.published_value,
      unit: String(r.unit ?? ''),
      basis: b.basis,
      source: String(r.source_title ?? r.source_url ?? ''),
      url: safeUrl(r.source_url),
      quote: typeof r.quote === 'string' ? r.quote : ''
    });
  }
  return points;
}

/** The bases that have a figure, in legend order. */
export function basesShown(points: PublishedPoint[]): (typeof PARTICIPANT_BASES)[number][] {
  return PARTICIPANT_BASES.filter((b) => points.some((p) => p.basis === b.basis));
}

// ---------- the table of every figure: search and filters, in the URL ----------

/** The query parameters of the table's filters (q is the shared search parameter). */
export const FIGURE_PARAMS = { q: 'q', metric: 'metric', year: 'figure_year', source: 'publisher' } as const;

export interface FigureFilter {
  q: string;
  metric: string;
  /** A meeting year, as text ('' = all). */
  year: string;
  /** The source's host name without www. ('' = all). */
  source: string;
}

export function sourceHost(url: unknown): string {
  const safe = safeUrl(url);
  if (!safe) return '';
  try {
    return new URL(safe).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return '';
  }
}

export function readFigureFilter(params: URLSearchParams): FigureFilter {
  const get = (k: string, max: number) => (params.get(k) ?? '').slice(0, max);
  return { q: get(FIGURE_PARAMS.q, 200), metric: get(FIGURE_PARAMS.metric, 100), year: get(FIGURE_PARAMS.year, 4), source: get(FIGURE_PARAMS.source, 200) };
}

/** `params` with the filter written in (empty values left out), other parameters kept. */
export function writeFigureFilter(params: URLSearchParams, f: FigureFilter): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const k of Object.keys(FIGURE_PARAMS) as (keyof FigureFilter)[]) {
    const v = f[k].trim();
    if (v) next.set(FIGURE_PARAMS[k], v);
    else next.delete(FIGURE_PARAMS[k]);
  }
  return next;
}

/**
 * The figures the filter keeps: all of year, metric and source, and the words anywhere in a figure,
 * including its name as the page shows it (`name`, in the reader's language).
 */
export function filterFigures(rows: Row[], f: FigureFilter, name: (r: Row) => string = () => ''): Row[] {
  const words = f.q.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter((r) => {
    if (f.metric && r.metric !== f.metric) return false;
    if (f.year && String(r.year) !== f.year) return false;
    if (f.source && sourceHost(r.source_url) !== f.source) return false;
    if (!words.length) return true;
    const text = [r.year, r.metric, String(r.metric ?? '').replace(/_/g, ' '), r.category, name(r), r.quote, r.source_title, r.source_url]
      .map((v) => String(v ?? '').toLowerCase())
      .join(' ');
    return words.every((w) => text.includes(w));
  });
}

/**
 * The choices of each filter: metrics by their names as the page shows them (`name`, compared in the
 * page's language by `collator`: the server and the browser must order them alike), sources
 * sorted, years in order.
 */
export function figureChoices(
  rows: Row[],
  name: (metric: string) => string = (m) => m,
  collator: Intl.Collator = new Intl.Collator('en')
): { metrics: string[]; years: string[]; sources: string[] } {
  const uniq = (xs: string[]) => [...new Set(xs.filter(Boolean))];
  return {
    metrics: uniq(rows.map((r) => String(r.metric ?? ''))).sort((a, b) => collator.compare(name(a), name(b)) || collator.compare(a, b)),
    years: uniq(rows.map((r) => String(r.year ?? ''))).sort(),
    sources: uniq(rows.map((r) => sourceHost(r.source_url))).sort()
  };
}
