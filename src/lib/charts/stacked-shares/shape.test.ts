import { describe, expect, it } from 'vitest';
import { stackedShares, stackTable } from './shape.ts';

const row = (year: number, category: string, share: number | null, suppressed = false) => ({
  year, kind: 'share', dimension: 'stakeholder_group', category, share, count: share === null ? null : 10, suppressed, low_n: false, coverage: 1
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
    expect(stackTable(cells, ['government', 'media'])[1]).toEqual({ year: '2021', government: 'suppressed', media: '—' });
  });
});
