import { describe, expect, it } from 'vitest';
import { balanceFigure, balanceSentence, formatGroups } from './shape.ts';
import type { Row } from '../common.ts';

// Stakeholder groups 2, 1, 1, 0, 0: p = 1/2, 1/4, 1/4, sum p^2 = 3/8, E = 8/3 = 2.667 (docs/metrics.md)
const rows: Row[] = [
  { year: 2019, kind: 'index', dimension: 'stakeholder_balance', category: 'pielou_j', value: 0.646, denominator: 4, suppressed: false, low_n: true },
  { year: 2019, kind: 'index', dimension: 'stakeholder_balance', category: 'blau_normalised', value: 0.78125, denominator: 4, suppressed: false, low_n: true },
  // 4 of the year's 5 records are in the five groups: coverage 0.8.
  { year: 2019, kind: 'index', dimension: 'stakeholder_balance', category: 'effective_groups', value: 8 / 3, denominator: 4, total: 5, coverage: 0.8, suppressed: false, low_n: true },
  { year: 2021, kind: 'index', dimension: 'stakeholder_balance', category: 'effective_groups', value: null, denominator: null, suppressed: true, low_n: false },
  // groups 12, 10, 8, 6, 4: sum p^2 = (144 + 100 + 64 + 36 + 16) / 1600 = 0.225, E = 4.444
  { year: 2021, kind: 'index', dimension: 'regional_balance', category: 'effective_groups', value: 1 / 0.225, denominator: 40, suppressed: false, low_n: false }
];

describe('balance figure', () => {
  it('reads the effective number of groups with J and Blau beside it', () => {
    expect(balanceFigure(rows, 'stakeholder_balance', 2019)).toEqual({
      year: 2019,
      dimension: 'stakeholder_balance',
      effective: 8 / 3,
      pielou: 0.646,
      blau: 0.78125,
      n: 4,
      total: 5,
      coverage: 0.8,
      suppressed: false,
      lowN: true
    });
    expect(balanceFigure(rows, 'regional_balance', 2021)?.effective).toBeCloseTo(4.444, 3);
  });

  it('a hidden index stays hidden; a year without the index gives nothing', () => {
    expect(balanceFigure(rows, 'stakeholder_balance', 2021)).toMatchObject({ effective: null, suppressed: true });
    expect(balanceFigure(rows, 'regional_balance', 2019)).toBeNull();
  });

  it('"as balanced as 3.4 equal groups of 5", one decimal', () => {
    expect(formatGroups(8 / 3)).toBe('2.7');
    expect(formatGroups(1 / 0.225)).toBe('4.4');
    expect(formatGroups(5)).toBe('5.0');
    expect(balanceSentence(3.4286)).toBe('as balanced as 3.4 equal groups of 5');
    expect(balanceSentence(1)).toBe('as balanced as 1.0 equal groups of 5');
  });
});
