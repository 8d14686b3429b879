/**
 * The table of participants from least developed countries (LDC), landlocked developing countries
 * (LLDC) and small island developing states (SIDS), from the rows of the ldc-lldc-sids metric: one
 * line per year, one cell per list (share, count of denominator, interval), and the coverage.
 * Pure: tested in shape.test.ts.
 */
import type { Row } from '../common.ts';
import { num } from '$lib/domain/rows.ts';

/** Columns in display order: the three together first, then each list (the metric's dimensions). */
export const SPECIAL_COLUMNS = ['ldc_lldc_sids', 'ldc', 'lldc', 'sids'] as const;
export type SpecialColumn = (typeof SPECIAL_COLUMNS)[number];

/** The category of each dimension that is "in the list". */
const IN_LIST: Record<SpecialColumn, string> = { ldc_lldc_sids: 'ldc_lldc_sids', ldc: 'ldc', lldc: 'lldc', sids: 'sids' };

export interface SpecialCell {
  share: number | null;
  count: number | null;
  denominator: number | null;
  low: number | null;
  high: number | null;
  suppressed: boolean;
  lowN: boolean;
}

export interface SpecialLine {
  year: number;
  cells: Record<SpecialColumn, SpecialCell | null>;
  /** Share of the year's records with a known country (the same for the four lists). */
  coverage: number | null;
}


export function specialSituationLines(rows: readonly Row[], years: readonly number[]): SpecialLine[] {
  return [...years]
    .sort((a, b) => a - b)
    .map((year) => {
      const of = (d: SpecialColumn) => rows.find((r) => Number(r.year) === year && r.dimension === d && r.category === IN_LIST[d]);
      const cells = Object.fromEntries(
        SPECIAL_COLUMNS.map((d) => {
          const r = of(d);
          const cell: SpecialCell | null = r
            ? {
                share: num(r.share),
                count: num(r.count),
                denominator: num(r.denominator),
                low: num(r.ci_low),
                high: num(r.ci_high),
                suppressed: r.suppressed === true,
                lowN: r.low_n === true
              }
            : null;
          return [d, cell];
        })
      ) as Record<SpecialColumn, SpecialCell | null>;
      return { year, cells, coverage: num(of('ldc_lldc_sids')?.coverage) };
    })
    .filter((l) => SPECIAL_COLUMNS.some((d) => l.cells[d] !== null));
}
