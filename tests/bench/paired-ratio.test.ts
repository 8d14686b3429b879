import { describe, expect, it } from 'vitest';
import { median, medianInterval, quantile, ratioVerdict } from './paired-ratio.ts';

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([1.3, 0.9, 1.1])).toBe(1.1);
    expect(median([1.0, 1.4, 1.2, 0.8])).toBeCloseTo(1.1, 12); // (1.0 + 1.2) / 2
  });
  it('refuses no values', () => expect(() => median([])).toThrow(/no values/));
});

describe('quantile (nearest rank)', () => {
  const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  it('takes the value at rank ceil(p × n)', () => {
    expect(quantile(sorted, 0.05)).toBe(1); // rank ceil(0.5) = 1
    expect(quantile(sorted, 0.5)).toBe(5); // rank 5
    expect(quantile(sorted, 0.95)).toBe(10); // rank ceil(9.5) = 10
    expect(quantile(sorted, 0.31)).toBe(4); // rank ceil(3.1) = 4
  });
});

describe('medianInterval', () => {
  it('is a single point when every pair reads the same', () => {
    expect(medianInterval([1.07, 1.07, 1.07, 1.07, 1.07])).toEqual([1.07, 1.07]);
  });
  it('lies within the smallest and largest ratio and holds the median', () => {
    const ratios = [0.72, 0.95, 1.02, 1.04, 1.08, 1.1, 1.12, 1.15, 1.3, 1.55, 1.84];
    const [low, high] = medianInterval(ratios);
    expect(low).toBeGreaterThanOrEqual(0.72);
    expect(high).toBeLessThanOrEqual(1.84);
    expect(low).toBeLessThanOrEqual(median(ratios));
    expect(high).toBeGreaterThanOrEqual(median(ratios));
    // Eleven pairs this spread cannot place their median within a few per cent.
    expect(high - low).toBeGreaterThan(0.05);
  });
  it('is the same for the same ratios (seeded)', () => {
    const ratios = [0.9, 1.0, 1.1, 1.2, 1.3, 1.4, 1.5];
    expect(medianInterval(ratios)).toEqual(medianInterval(ratios));
  });
  it('narrows as pairs are added at the same spread', () => {
    const spread = [0.9, 1.0, 1.05, 1.1, 1.2];
    const few = medianInterval(spread);
    const many = medianInterval(Array.from({ length: 20 }, () => spread).flat());
    expect(many[1] - many[0]).toBeLessThan(few[1] - few[0]);
  });
});

describe('ratioVerdict against 1.1', () => {
  it('is met when the whole interval is at or under the line', () => expect(ratioVerdict([0.98, 1.1], 1.1)).toBe('met'));
  it('is not met when the whole interval is over it', () => expect(ratioVerdict([1.11, 1.3], 1.1)).toBe('not met'));
  it('is within noise when the interval straddles it', () => expect(ratioVerdict([1.04, 1.16], 1.1)).toBe('within noise'));
});
