import { describe, expect, it } from 'vitest';
import { specialSituationLines } from './shape.ts';

const share = (year: number, dimension: string, category: string, count: number | null, denominator: number | null, extra = {}) => ({
  year, kind: 'share', dimension, category, count, denominator, share: count !== null && denominator ? count / denominator : null,
  ci_low: null, ci_high: null, coverage: denominator !== null ? denominator / 61 : null, low_n: false, suppressed: count === null, ...extra
});

// 2021: 5 of 60 with a known country from Ethiopia (LDC and LLDC), 1 record without a country
const rows = [
  share(2021, 'ldc_lldc_sids', 'ldc_lldc_sids', 5, 60),
  share(2021, 'ldc_lldc_sids', 'other_countries', 55, 60),
  share(2021, 'ldc', 'ldc', 5, 60),
  share(2021, 'lldc', 'lldc', 5, 60),
  share(2021, 'sids', 'sids', 0, 60),
  // 2019: hidden (4 below k)
  share(2019, 'ldc', 'ldc', null, null)
];

describe('specialSituationLines', () => {
  it('one line per year with data, the list categories only, in year order', () => {
    const lines = specialSituationLines(rows, [2021, 2019, 2020]);
    expect(lines.map((l) => l.year)).toEqual([2019, 2021]);
    const l2021 = lines[1];
    expect(l2021.cells.ldc_lldc_sids).toMatchObject({ count: 5, denominator: 60, suppressed: false });
    expect(l2021.cells.ldc_lldc_sids!.share).toBeCloseTo(1 / 12, 12);
    expect(l2021.cells.sids).toMatchObject({ count: 0, share: 0 });
    expect(l2021.coverage).toBeCloseTo(60 / 61, 12);
  });

  it('a hidden cell stays hidden, a list without rows is empty', () => {
    const [l2019] = specialSituationLines(rows, [2019]);
    expect(l2019.cells.ldc).toMatchObject({ share: null, count: null, suppressed: true });
    expect(l2019.cells.sids).toBeNull();
    expect(l2019.coverage).toBeNull();
  });
});
