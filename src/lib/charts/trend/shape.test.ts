import { describe, expect, it } from 'vitest';
import { series } from '../common.ts';
import { changeSince, yearTicks } from './shape.ts';

describe('trend shaping', () => {
  const rows = [
    { year: 2019, dimension: 'gender', category: 'female', share: 0.4, coverage: 0.95, low_n: false, suppressed: false },
    { year: 2020, dimension: 'gender', category: 'female', share: null, coverage: null, low_n: true, suppressed: true },
    { year: 2021, dimension: 'gender', category: 'female', share: 0.5, coverage: 0.7, low_n: false, suppressed: false }
  ];
  it('marks suppressed and low-coverage points', () => {
    const s = series(rows, { dimension: 'gender', category: 'female' });
    expect(s.map((p) => [p.value, p.suppressed, p.uncertain])).toEqual([
      [0.4, false, false],
      [null, true, true],
      [0.5, false, true]
    ]);
  });
  it('has no change after a suppressed year', () => {
    const s = series(rows, { dimension: 'gender', category: 'female' });
    expect(changeSince(s, 2021).change).toBeNull();
    expect(changeSince(s, 2020).change).toBeNull();
  });
  it('thins year ticks to the width', () => {
    const years = Array.from({ length: 20 }, (_, i) => 2006 + i);
    expect(yearTicks(years, 2000)).toHaveLength(20);
    expect(yearTicks(years, 300).length).toBeLessThanOrEqual(7);
  });
});
