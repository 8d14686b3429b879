/**
 * Distance to a target, for any share: the request's `target` (a share in percent for every share
 * row, or 'equal': each category's equal share where one is defined) and the gap in percentage
 * points, gap_pts = 100 × (share − target), per year. Pure functions, unit-tested
 * (tests/metrics/targets.test.ts); the share metrics add the two columns when `target` is given.
 */
import type { MetricParams } from './params.ts';
import type { Column, Row } from './types.ts';

/**
 * target=equal: the equal share of each category of the breakdowns where equality is a meaningful
 * aim. Catch-all categories (gender other, regions outside the five groups) and breakdowns without
 * such an aim (host, mode, first time, LDC/LLDC/SIDS) get none.
 */
export const EQUAL_TARGETS: Record<string, Record<string, number>> = {
  // parity: women and men half each
  gender: { female: 1 / 2, male: 1 / 2 },
  // the five UN regional groups equally present
  un_regional_group: { african: 1 / 5, asia_pacific: 1 / 5, eastern_european: 1 / 5, grulac: 1 / 5, weog: 1 / 5 },
  m49_region: { africa: 1 / 5, americas: 1 / 5, asia: 1 / 5, europe: 1 / 5, oceania: 1 / 5 },
  // the seven named stakeholder groups of the breakdown equally present
  stakeholder_group: Object.fromEntries(
    ['government', 'private_sector', 'civil_society', 'technical_community', 'academia', 'intergovernmental_organization', 'media'].map((g) => [g, 1 / 7])
  ),
  // as many participants from the global south as from the north
  global_south: { global_south: 1 / 2, global_north: 1 / 2 }
};

export const TARGET_COLUMNS: Column[] = [
  {
    name: 'target',
    type: 'float',
    description:
      'The target share of the row (share rows): the target parameter as a fraction, or with target=equal the category\'s equal share (gender female and male 0.5, each UN regional group and M49 region 0.2, each of the seven named stakeholder groups 1/7, global south and north 0.5); empty where none applies.'
  },
  {
    name: 'gap_pts',
    type: 'float',
    description: 'Distance to the target in percentage points: 100 × (share − target); negative = below the target. Empty when the share or the target is.'
  }
];

/** The target share (0..1) of one row under the request's target, or null. */
export function targetFor(target: MetricParams['target'], kind: unknown, dimension: unknown, category: unknown): number | null {
  if (target === null || kind !== 'share') return null;
  if (target === 'equal') return EQUAL_TARGETS[String(dimension)]?.[String(category)] ?? null;
  return target / 100;
}

/** 100 × (share − target), in percentage points; null when either is missing. */
export function gapPoints(share: unknown, target: number | null): number | null {
  if (typeof share !== 'number' || target === null) return null;
  return 100 * (share - target);
}

/** The columns of a share metric under the request: with the target columns when a target is asked for. */
export function withTargetColumns(columns: Column[], p: Pick<MetricParams, 'target'>): Column[] {
  return p.target === null ? columns : [...columns, ...TARGET_COLUMNS];
}

/** Adds target and gap_pts to every row (in place) when the request asks for a target. */
export function addTargets(rows: Row[], p: Pick<MetricParams, 'target'>): Row[] {
  if (p.target === null) return rows;
  for (const r of rows) {
    const target = targetFor(p.target, r.kind, r.dimension, r.category);
    r.target = target;
    r.gap_pts = gapPoints(r.share, target);
  }
  return rows;
}

/** Said in the definition of a response with a target. */
export function targetText(p: Pick<MetricParams, 'target'>): string {
  if (p.target === null) return '';
  const which =
    p.target === 'equal'
      ? 'each category\'s equal share (gender parity: female and male 50 %; each UN regional group and M49 region 20 %; each of the seven named stakeholder groups 1/7; global south and north 50 %)'
      : `${p.target} % for every share row`;
  return `Distance to a target: target = ${which}; gap_pts = 100 × (share − target), percentage points per year (negative: below the target).`;
}
