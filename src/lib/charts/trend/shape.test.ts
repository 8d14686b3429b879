import { describe, expect, it } from 'vitest';
import { coverageCell, nCell, series } from '../common.ts';
import { changeSince, tallyColumns, yearTicks } from './shape.ts';

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

  it('writes n as in the category / known, the records alone for an index, and coverage as a rounded percentage', () => {
    expect(nCell({ count: 4430, denominator: 10547 })).toBe('4,430 / 10,547');
    expect(nCell({ count: null, denominator: 92 })).toBe('92');
    // A hidden share: its count is withheld, and its denominator must not read as one.
    expect(nCell({ count: null, denominator: 10618, suppressed: true })).toBe('suppressed / 10,618');
    expect(nCell({ count: null, denominator: null, suppressed: true })).toBe('—');
    expect(nCell({ count: 3, denominator: null })).toBe('—');
    expect(coverageCell({ coverage: 10547 / 11000 })).toBe('96%');
    expect(coverageCell({ coverage: null })).toBe('—');
  });
  it('one coverage column for the series of one breakdown, one per series when they differ', () => {
    const pick = (category: string, coverage: number | null, denominator: number | null = 100) =>
      series([{ year: 2019, dimension: 'gender', category, share: 0.5, count: 50, denominator, coverage, low_n: false, suppressed: false }], { dimension: 'gender', category });
    // female and male of one year: the same coverage, one column; a suppressed point without one does not split it.
    expect(tallyColumns([pick('female', 0.95), pick('male', 0.95), pick('other', null, null)])).toEqual({ n: [true, true, false], coverage: 'shared' });
    // two definitions of global south classify different records: 0.95 against 0.9.
    expect(tallyColumns([pick('female', 0.95), pick('male', 0.9)])).toEqual({ n: [true, true], coverage: 'each' });
    expect(tallyColumns([pick('female', null, null)])).toEqual({ n: [false], coverage: 'none' });
  });
});
