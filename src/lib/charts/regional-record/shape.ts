/**
 * The public record on the UN regional groups, per meeting year: the share of
 * participants each group had as the IGF and the UN published it, and the
 * share of speakers it had on the public session pages. Two real sources that
 * are never added together: a published point is a quoted figure, a stage
 * point a count of listed speakers. Years without a figure stay empty, never
 * interpolated.
 */
import { REGIONAL_GROUPS, publishedRegionalGroup, type RegionalGroup } from '$lib/domain/regional-groups.ts';
import type { Row } from '../common.ts';
import { safeUrl } from '../published/shape.ts';

export interface PublishedGroupShare {
  year: number;
  group: RegionalGroup;
  /** 0..1 */
  share: number;
  /** The source calls the figure an estimate. */
  estimated: boolean;
  source: string;
  url: string | null;
  quote: string;
}

export interface StageGroupShare {
  year: number;
  group: RegionalGroup;
  /** 0..1 of the listed speakers whose regional group is known. */
  share: number;
  count: number;
  /** Speakers with a known regional group that year. */
  denominator: number;
}

const PERCENT_UNITS = new Set(['percent', 'percent_approx']);

/** Published regional-group shares of participants, from the rows of the published metric. */
export function publishedGroupShares(rows: Row[]): PublishedGroupShare[] {
  const seen = new Set<string>();
  const points: PublishedGroupShare[] = [];
  for (const r of rows) {
    const estimated = r.metric === 'region_share_estimated';
    if (r.metric !== 'region_share' && !estimated) continue;
    const group = publishedRegionalGroup(typeof r.category === 'string' ? r.category : null);
    const value = typeof r.published_value === 'number' ? r.published_value : null;
    if (!group || value === null || !PERCENT_UNITS.has(String(r.unit))) continue;
    // Some figures are quoted twice by the same source; one point each.
    const key = `${r.year}|${group}|${value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    points.push({
      year: Number(r.year),
      group,
      share: value / 100,
      estimated,
      source: String(r.source_title || r.source_url || ''),
      url: safeUrl(r.source_url),
      quote: typeof r.quote === 'string' ? r.quote : ''
    });
  }
  return points.sort((a, b) => a.year - b.year || REGIONAL_GROUPS.indexOf(a.group) - REGIONAL_GROUPS.indexOf(b.group));
}

/** Speakers' regional-group shares, from the regions metric rows of the session-page records. */
export function stageGroupShares(rows: Row[]): StageGroupShare[] {
  return rows
    .filter(
      (r) =>
        r.dimension === 'un_regional_group' &&
        REGIONAL_GROUPS.includes(r.category as RegionalGroup) &&
        typeof r.share === 'number' &&
        r.suppressed !== true
    )
    .map((r) => ({
      year: Number(r.year),
      group: r.category as RegionalGroup,
      share: r.share as number,
      count: Number(r.count),
      denominator: Number(r.denominator)
    }))
    .sort((a, b) => a.year - b.year || REGIONAL_GROUPS.indexOf(a.group) - REGIONAL_GROUPS.indexOf(b.group));
}

export interface RecordTableRow {
  year: number;
  group: RegionalGroup;
  published: PublishedGroupShare | null;
  stage: StageGroupShare | null;
  host: boolean;
}

/** One row per year and group that has either figure, for the table under the chart. */
export function recordTable(
  published: PublishedGroupShare[],
  stage: StageGroupShare[],
  hostGroups: ReadonlyMap<number, RegionalGroup | null>
): RecordTableRow[] {
  const keys = new Map<string, RecordTableRow>();
  const row = (year: number, group: RegionalGroup) => {
    const key = `${year}|${group}`;
    if (!keys.has(key)) keys.set(key, { year, group, published: null, stage: null, host: hostGroups.get(year) === group });
    return keys.get(key)!;
  };
  for (const p of published) row(p.year, p.group).published = p;
  for (const s of stage) row(s.year, s.group).stage = s;
  return [...keys.values()].sort((a, b) => a.year - b.year || REGIONAL_GROUPS.indexOf(a.group) - REGIONAL_GROUPS.indexOf(b.group));
}
