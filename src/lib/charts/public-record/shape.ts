/**
 * The public record per category (a UN regional group, a stakeholder group) and meeting year: the
 * category's share of participants as the IGF and the UN published it, and its share of the
 * speakers on the public session pages. Two real sources that are never added together: a
 * published point is a quoted figure, a stage point a count of listed speakers. Years without a
 * figure stay empty, never interpolated.
 */
import type { Row } from '../common.ts';
import { num } from '$lib/domain/rows.ts';
import { safeUrl } from '../published/shape.ts';
import type { RecordVocabulary } from './vocabularies.ts';

export interface PublishedShare {
  year: number;
  category: string;
  /** 0..1 */
  share: number;
  /** The source calls the figure an estimate. */
  estimated: boolean;
  source: string;
  url: string | null;
  quote: string;
}

export interface StageShare {
  year: number;
  category: string;
  /** 0..1 of the listed speakers whose category is known. */
  share: number;
  count: number;
  /** Speakers with a known category that year. */
  denominator: number;
  /** Their share of all listed speakers that year (null when not given). */
  coverage: number | null;
}

const PERCENT_UNITS = new Set(['percent', 'percent_approx']);

const byYearThenCategory = (vocab: RecordVocabulary) => (a: { year: number; category: string }, b: { year: number; category: string }) =>
  a.year - b.year || vocab.categories.indexOf(a.category) - vocab.categories.indexOf(b.category);

/** Published shares of participants per category, from the rows of the published metric. */
export function publishedShares(rows: Row[], vocab: RecordVocabulary): PublishedShare[] {
  const seen = new Set<string>();
  const points: PublishedShare[] = [];
  for (const r of rows) {
    const spec = vocab.publishedMetrics.find((m) => m.metric === r.metric);
    if (!spec) continue;
    const category = vocab.publishedCategory(typeof r.category === 'string' ? r.category : null);
    const value = num(r.published_value);
    if (!category || value === null || !PERCENT_UNITS.has(String(r.unit))) continue;
    // Some figures are quoted twice by the same source; one point each.
    const key = `${r.year}|${category}|${value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    points.push({
      year: Number(r.year),
      category,
      share: value / 100,
      estimated: spec.estimated,
      source: String(r.source_title || r.source_url || ''),
      url: safeUrl(r.source_url),
      quote: typeof r.quote === 'string' ? r.quote : ''
    });
  }
  return points.sort(byYearThenCategory(vocab));
}

/** Speakers' shares per category, from the metric rows of the session-page records. */
export function stageShares(rows: Row[], vocab: RecordVocabulary): StageShare[] {
  return rows
    .filter(
      (r) =>
        r.dimension === vocab.stageDimension &&
        vocab.categories.includes(String(r.category)) &&
        typeof r.share === 'number' &&
        r.suppressed !== true
    )
    .map((r) => ({
      year: Number(r.year),
      category: String(r.category),
      share: r.share as number,
      count: Number(r.count),
      denominator: Number(r.denominator),
      coverage: num(r.coverage)
    }))
    .sort(byYearThenCategory(vocab));
}

export interface RecordTableRow {
  year: number;
  category: string;
  published: PublishedShare | null;
  stage: StageShare | null;
  host: boolean;
}

/** One row per year and category that has either figure, for the table under the chart. */
export function recordTable(
  published: PublishedShare[],
  stage: StageShare[],
  vocab: RecordVocabulary,
  hostCategories: ReadonlyMap<number, string | null> = new Map()
): RecordTableRow[] {
  const keys = new Map<string, RecordTableRow>();
  const row = (year: number, category: string) => {
    const key = `${year}|${category}`;
    if (!keys.has(key)) keys.set(key, { year, category, published: null, stage: null, host: hostCategories.get(year) === category });
    return keys.get(key)!;
  };
  for (const p of published) row(p.year, p.category).published = p;
  for (const s of stage) row(s.year, s.category).stage = s;
  return [...keys.values()].sort(byYearThenCategory(vocab));
}
