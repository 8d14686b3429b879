/**
 * From counted cells to share rows.
 *
 * Each metric's SQL does all the work over records: it filters, classifies and counts, and returns
 * the observed cells (year, dimension, definition, category, count). What is left is arithmetic over
 * at most a few hundred numbers, done here in one place for every metric: adding the categories
 * nobody fell into (count 0), the denominator (the 'in' categories), the total, shares, coverage,
 * and the indices computed from a breakdown (balance, parity). Doing this last step in DuckDB took
 * longer than the counting itself (every small window or join costs milliseconds), so it is here.
 */
import { CATEGORIES, MERGEABLE, MISSING_CATEGORIES, isDimension, type Part } from '$lib/domain/categories.ts';
import type { Column } from './types.ts';

/** A counted cell as the metric SQL returns it. */
export interface CountCell {
  year: number;
  population?: string | null;
  dimension: string;
  definition?: string | null;
  category: string;
  count: number;
}

/** A share row before suppression and intervals (see share-rows.ts). */
export interface DraftRow {
  year: number;
  population: string | null;
  kind: 'share' | 'excluded' | 'count' | 'index' | 'ratio';
  dimension: string;
  definition: string | null;
  category: string;
  count: number | null;
  denominator: number | null;
  total: number | null;
  share: number | null;
  coverage: number | null;
  value: number | null;
  [extra: string]: string | number | boolean | null;
}

/** The categories of every breakdown, the missing-data and the mergeable ones: the domain vocabulary. */
export { CATEGORIES, MISSING_CATEGORIES, MERGEABLE } from '$lib/domain/categories.ts';

export const isMissing = (kind: string, category: string) => kind === 'excluded' && MISSING_CATEGORIES.has(category);
export const isMergeable = (dimension: string, category: string) => MERGEABLE[dimension]?.has(category) ?? false;

const key = (...parts: (string | number | null | undefined)[]) => parts.map((p) => p ?? '').join('|');

function emptyDraft(year: number, population: string | null, dimension: string, definition: string | null, category: string): DraftRow {
  return {
    year,
    population,
    kind: 'count',
    dimension,
    definition,
    category,
    count: null,
    denominator: null,
    total: null,
    share: null,
    coverage: null,
    value: null
  };
}

/**
 * Share rows of one dimension: for every (year, population, definition) that has cells, every
 * category of CATEGORIES[dimension] (0 when not counted); a counted category missing from the list
 * is added to 'unknown'. denominator = sum of 'in' counts, total = sum of all, share = count /
 * denominator ('in' rows), coverage = denominator / total.
 */
export function shareRows(cells: readonly CountCell[], dimension: string): DraftRow[] {
  const categories: readonly (readonly [string, Part])[] | undefined = isDimension(dimension) ? CATEGORIES[dimension] : undefined;
  if (!categories) throw new Error(`No categories for dimension ${dimension}`);
  const index = categoryIndex(dimension);
  const unknown = index.get('unknown');
  const groups = new Map<string, { year: number; population: string | null; definition: string | null; counts: number[] }>();
  for (const c of cells) {
    if (c.dimension !== dimension) continue;
    const k = `${c.year}|${c.population ?? ''}|${c.definition ?? ''}`;
    let g = groups.get(k);
    if (!g) {
      g = { year: c.year, population: c.population ?? null, definition: c.definition ?? null, counts: new Array(categories.length).fill(0) };
      groups.set(k, g);
    }
    const at = index.get(c.category) ?? unknown;
    if (at === undefined) throw new Error(`${dimension}: unexpected category ${c.category}`);
    g.counts[at] += Number(c.count);
  }
  const out: DraftRow[] = [];
  for (const g of groups.values()) {
    let denominator = 0;
    let total = 0;
    categories.forEach(([, part], i) => {
      total += g.counts[i];
      if (part === 'in') denominator += g.counts[i];
    });
    const coverage = total > 0 ? denominator / total : null;
    categories.forEach(([name, part], i) => {
      const count = g.counts[i];
      out.push({
        year: g.year,
        population: g.population,
        kind: part === 'in' ? 'share' : 'excluded',
        dimension,
        definition: g.definition,
        category: name,
        count,
        denominator,
        total,
        share: part === 'in' && denominator > 0 ? count / denominator : null,
        coverage,
        value: null
      });
    });
  }
  return out;
}

/**
 * Move the share cells `out(row)` says out of their denominator (published merged with the
 * not-stated cells): they become excluded rows, and every row of their (year, population, dimension,
 * definition) gets the denominator, shares and coverage without them. Returns new rows.
 */
export function mergeOut(rows: readonly DraftRow[], out: (r: DraftRow) => boolean): DraftRow[] {
  const g = (r: DraftRow) => key(r.year, r.population, r.dimension, r.definition);
  const removed = new Map<string, number>();
  for (const r of rows) if (r.kind === 'share' && out(r)) removed.set(g(r), (removed.get(g(r)) ?? 0) + Number(r.count ?? 0));
  return rows.map((r) => {
    const less = removed.get(g(r));
    if (less === undefined || (r.kind !== 'share' && r.kind !== 'excluded')) return r;
    const kind = r.kind === 'share' && out(r) ? 'excluded' : r.kind;
    const denominator = Number(r.denominator ?? 0) - less;
    return {
      ...r,
      kind,
      denominator,
      share: kind === 'share' && denominator > 0 ? Number(r.count ?? 0) / denominator : null,
      coverage: r.total ? denominator / Number(r.total) : null
    };
  });
}

const indexes = new Map<string, Map<string, number>>();
function categoryIndex(dimension: string): Map<string, number> {
  let m = indexes.get(dimension);
  if (!m) {
    m = new Map((isDimension(dimension) ? CATEGORIES[dimension] : []).map(([name], i) => [name, i]));
    indexes.set(dimension, m);
  }
  return m;
}

/**
 * Balance over K fixed categories from a breakdown's share rows: `groups` maps the breakdown's
 * categories onto the K balance categories (others left out). p = count / n over the K,
 *   Pielou evenness            J = (-sum p ln p) / ln K
 *   normalised Blau            B = (1 - sum p^2) / (1 - 1/K)
 *   effective number of groups E = 1 / sum p^2   (Hill number of order 2)
 * J and B in [0, 1] (clamped against rounding), E in [1, K]; null when n = 0. denominator = n,
 * coverage = n / total.
 */
export function balanceRows(
  rows: readonly DraftRow[],
  from: string,
  dimension: string,
  groups: Record<string, string>,
  K = 5
): DraftRow[] {
  const byYear = new Map<string, { year: number; population: string | null; total: number | null; counts: Map<string, number> }>();
  for (const r of rows) {
    if (r.dimension !== from) continue;
    const k = key(r.year, r.population);
    let y = byYear.get(k);
    if (!y) {
      y = { year: r.year, population: r.population, total: r.total, counts: new Map() };
      byYear.set(k, y);
    }
    const g = groups[r.category];
    if (g !== undefined) y.counts.set(g, (y.counts.get(g) ?? 0) + Number(r.count ?? 0));
  }
  const out: DraftRow[] = [];
  for (const y of byYear.values()) {
    const n = [...y.counts.values()].reduce((s, c) => s + c, 0);
    let sumPLnP = 0;
    let sumP2 = 0;
    for (const c of y.counts.values()) {
      if (c <= 0) continue;
      const p = c / n;
      sumPLnP += p * Math.log(p);
      sumP2 += p * p;
    }
    const clamp = (x: number) => Math.min(1, Math.max(0, x));
    const j = n > 0 ? clamp(-sumPLnP / Math.log(K)) : null;
    const b = n > 0 ? clamp((1 - sumP2) / (1 - 1 / K)) : null;
    const e = n > 0 ? Math.min(K, Math.max(1, 1 / sumP2)) : null;
    for (const [category, value] of [
      ['pielou_j', j],
      ['blau_normalised', b],
      ['effective_groups', e]
    ] as const) {
      out.push({
        ...emptyDraft(y.year, y.population, dimension, null, category),
        kind: 'index',
        denominator: n,
        total: y.total,
        coverage: y.total ? n / y.total : null,
        value
      });
    }
  }
  return out;
}

/** female / male from the gender share rows; denominator = female + male. */
export function parityRows(rows: readonly DraftRow[]): DraftRow[] {
  const out: DraftRow[] = [];
  const byYear = new Map<string, DraftRow[]>();
  for (const r of rows) {
    if (r.dimension !== 'gender') continue;
    const k = key(r.year, r.population);
    byYear.set(k, [...(byYear.get(k) ?? []), r]);
  }
  for (const list of byYear.values()) {
    const f = Number(list.find((r) => r.category === 'female')?.count ?? 0);
    const m = Number(list.find((r) => r.category === 'male')?.count ?? 0);
    const total = list[0].total;
    out.push({
      ...emptyDraft(list[0].year, list[0].population, 'gender_parity', null, 'female_per_male'),
      kind: 'ratio',
      denominator: f + m,
      total,
      coverage: total ? (f + m) / total : null,
      value: m > 0 ? f / m : null
    });
  }
  return out;
}

/** Plain count rows (participants, countries_represented, ...): one per cell of those dimensions. */
export function countRows(cells: readonly CountCell[], dimensions: readonly string[]): DraftRow[] {
  return cells
    .filter((c) => dimensions.includes(c.dimension))
    .map((c) => ({ ...emptyDraft(c.year, c.population ?? null, c.dimension, c.definition ?? null, c.category), count: Number(c.count) }));
}

/** Stable order: year, then the given dimension order, then the order rows were built in. */
export function sortRows<T extends { year: number | null; dimension: string | number | boolean | null }>(rows: T[], dimensions: readonly string[]): T[] {
  const rank = (d: unknown) => {
    const i = dimensions.indexOf(String(d));
    return i < 0 ? dimensions.length : i;
  };
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => Number(a.r.year) - Number(b.r.year) || rank(a.r.dimension) - rank(b.r.dimension) || a.i - b.i)
    .map(({ r }) => r);
}

export const REGION_ONLY_DIMENSION = 'region_only';

export const REGION_ONLY_COLUMN: Column = {
  name: 'region_only',
  type: 'int',
  description:
    'Records of the year whose country is unknown but whose UN regional group is known (speakers from session pages): counted by their group in un_regional_group and under regional_groups, unknown under the country-based definitions and in m49_region. Speakers only: empty for attendees, whose records carry no regional group of their own.'
};

/**
 * Every row gets its year's region_only count (the SQL's region_only cells); null for attendees:
 * attendance records carry no regional group of their own, and a count beside the suppressed cells
 * would need suppressing too.
 */
export function withRegionOnly(rows: DraftRow[], cells: readonly CountCell[], population: string): DraftRow[] {
  const byYear = new Map(cells.filter((c) => c.dimension === REGION_ONLY_DIMENSION).map((c) => [c.year, Number(c.count)]));
  for (const r of rows) r.region_only = population === 'speakers' ? (byYear.get(r.year) ?? 0) : null;
  return rows;
}
