/** Shares of one breakdown per year, ready to stack; suppressed cells stay visible as such. */
import { fmt } from '$lib/i18n/index.ts';
import { isUncertain, categoryLabel, coverageCell, nCell, suppressionReason, type Row, type SuppressionReason } from '../common.ts';
import { num } from '$lib/domain/rows.ts';
import { t } from '$lib/i18n/index.ts';

export interface StackCell {
  year: number;
  category: string;
  share: number | null;
  count: number | null;
  /** Records with the field known that year (the year's n), and their share of all records. */
  denominator: number | null;
  coverage: number | null;
  suppressed: boolean;
  reason: SuppressionReason | null;
  uncertain: boolean;
}

export function stackedShares(rows: Row[], dimension: string, categories: readonly string[]): { cells: StackCell[]; suppressedYears: number[] } {
  const cells = rows
    .filter((r) => r.dimension === dimension && r.kind === 'share' && categories.includes(String(r.category)))
    .map((r) => ({
      year: Number(r.year),
      category: String(r.category),
      share: num(r.share),
      count: num(r.count),
      denominator: num(r.denominator),
      coverage: num(r.coverage),
      suppressed: r.suppressed === true,
      reason: suppressionReason(r),
      uncertain: isUncertain(r)
    }))
    .sort((a, b) => a.year - b.year || categories.indexOf(a.category) - categories.indexOf(b.category));
  const suppressedYears = [...new Set(cells.filter((c) => c.suppressed).map((c) => c.year))];
  return { cells, suppressedYears };
}

/** One table row per year, one column per category, then the year's n (records with the field known) and coverage. */
export function stackTable(cells: StackCell[], categories: readonly string[]): Record<string, string>[] {
  const years = [...new Set(cells.map((c) => c.year))];
  return years.map((year) => {
    const row: Record<string, string> = { year: fmt.year(year) };
    const ofYear = cells.filter((x) => x.year === year);
    for (const cat of categories) {
      const c = ofYear.find((x) => x.category === cat);
      row[cat] = !c ? '—' : c.suppressed ? t('chart.suppressed') : c.share === null ? '—' : fmt.percent(c.share);
    }
    row.n = nCell({ count: null, denominator: ofYear.find((c) => c.denominator !== null)?.denominator ?? null });
    row.coverage = coverageCell(ofYear.find((c) => c.coverage !== null));
    return row;
  });
}

/** "Government 28 %, Civil society 31 %, ..." for alt text. */
export function summarise(cells: StackCell[], year: number): string {
  return fmt.list(
    cells
      .filter((c) => c.year === year)
      .map((c) => `${categoryLabel(c.category)} ${c.share === null ? t('chart.suppressed') : fmt.percentRound(c.share)}`)
  );
}
