import { describe, expect, it } from 'vitest';
import { boundsText, series } from './common.ts';

// 40 women of 80 with gender known, 20 more records without it: bounds 40/100 and 60/100.
const row = (coverage: number) => ({
  year: 2024,
  dimension: 'gender',
  category: 'female',
  share: 0.5,
  count: 40,
  denominator: 80,
  coverage,
  bound_low: 0.4,
  bound_high: 0.6
});

describe('missing-data bounds in the data table', () => {
  it('are shown when coverage is under 95 %', () => {
    const [p] = series([row(0.8)], { dimension: 'gender', category: 'female' });
    expect(p.boundLow).toBe(0.4);
    expect(boundsText(p, (n) => `${Math.round(n * 100)}%`)).toBe('40% – 60%');
  });
  it('are left out at 95 % coverage or more, and for a hidden share', () => {
    const [p] = series([row(0.95)], { dimension: 'gender', category: 'female' });
    expect(boundsText(p)).toBeNull();
    const [hidden] = series([{ ...row(0.5), share: null, suppressed: true }], { dimension: 'gender', category: 'female' });
    expect(boundsText(hidden)).toBeNull();
  });
});
