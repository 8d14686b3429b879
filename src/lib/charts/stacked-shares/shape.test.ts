import { describe, expect, it } from 'vitest';
import { stackedShares, stackTable } from './shape.ts';

const row = (year: number, category: string, share: number | null, suppressed = false) => ({
  year, kind: 'share', dimension: 'stakeholder_group', category, share, count: share === null ? null : 10, suppressed, low_n: false, coverage: 1, denominator: 25
});

describe('stackedShares', () => {
  it('keeps suppressed cells as null, never zero, and lists their years', () => {
    const rows = [row(2019, 'media', 0.4), row(2019, 'government', 0.6), row(2021, 'government', null, true), { ...row(2021, 'other', 5), kind: 'excluded' }];
    const { cells, suppressedYears } = stackedShares(rows, 'stakeholder_group', ['government', 'media']);
    expect(cells.map((c) => [c.year, c.category, c.share])).toEqual([
      [2019, 'government', 0.6],
      [2019, 'media', 0.4],
      [2021, 'government', null]
    ]);
    expect(suppressedYears).toEqual([2021]);
    expect(stackTable(cells, ['government', 'media'])[1]).toEqual({ year: '2021', government: 'suppressed', media: '—', n: '25', coverage: '100%' });
  });

  it('gives each year its n (records with the field known) and coverage', () => {
    // 2019: 1,200 of 1,600 records with a known group (coverage 75 %); 2020: the known total hidden.
    const rows = [
      { ...row(2019, 'government', 0.25), count: 300, denominator: 1200, coverage: 0.75 },
      { ...row(2019, 'media', 0.75), count: 900, denominator: 1200, coverage: 0.75 },
      { ...row(2020, 'government', null, true), denominator: null, coverage: null }
    ];
    const table = stackTable(stackedShares(rows, 'stakeholder_group', ['government', 'media']).cells, ['government', 'media']);
    expect(table.map((r) => [r.year, r.n, r.coverage])).toEqual([
      ['2019', '1,200', '75%'],
      ['2020', '—', '—']
    ]);
  });
});
