/**
 * The headline balance figure: the effective number of groups (Hill number of order 2, 1 / Σ p²) of
 * a year, read from the balance index rows of the stakeholders or regions metric
 * (stakeholder_balance, regional_balance), with Pielou J and the normalised Blau index beside it.
 * "As balanced as 3.4 equal groups of 5." Pure: tested in shape.test.ts.
 */
import { fmt, t } from '$lib/i18n/index.ts';
import type { Row } from '../common.ts';
import { num } from '$lib/domain/rows.ts';

export type BalanceDimension = 'stakeholder_balance' | 'regional_balance';

/** Both balance indices are over K = 5 fixed groups. */
export const BALANCE_K = 5;

export interface BalanceFigure {
  year: number;
  dimension: BalanceDimension;
  /** Effective number of groups, 1..5; null when hidden or without records. */
  effective: number | null;
  pielou: number | null;
  blau: number | null;
  /** Records in the five groups. */
  n: number | null;
  /** All records of the year (known or not), and the share of them in the five groups. */
  total: number | null;
  coverage: number | null;
  suppressed: boolean;
  lowN: boolean;
}


/** The balance figure of one year, or null when the rows have no balance index for it. */
export function balanceFigure(rows: readonly Row[], dimension: BalanceDimension, year: number): BalanceFigure | null {
  const of = (category: string) => rows.find((r) => r.dimension === dimension && r.category === category && Number(r.year) === year);
  const e = of('effective_groups');
  if (!e) return null;
  return {
    year,
    dimension,
    effective: num(e.value),
    pielou: num(of('pielou_j')?.value),
    blau: num(of('blau_normalised')?.value),
    n: num(e.denominator),
    total: num(e.total),
    coverage: num(e.coverage),
    suppressed: e.suppressed === true,
    lowN: e.low_n === true
  };
}

/** 3.4286 -> "3.4" (one decimal: the figure is read as a number of groups). */
export const formatGroups = (effective: number): string => fmt.decimal1(effective);

/** "as balanced as 3.4 equal groups of 5" */
export function balanceSentence(effective: number, k: number = BALANCE_K): string {
  return t('balance.sentence', { value: formatGroups(effective), k });
}
