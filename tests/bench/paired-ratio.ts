/**
 * The verdict of bench:web's language comparison: the median of paired ratios (a language's visit
 * over the English visit next to it), with a bootstrap interval for that median, so that a ratio
 * near its line is reported as within the measurement's noise rather than as met or missed.
 *
 * Why an interval: on a 2-core machine single pairs read anywhere from 0.7 to 1.9, and a Russian
 * page, which costs nothing over English, has read 1.20 by the median of 11 pairs (HISTORY.md,
 * 2026-12-02). A median alone cannot tell 1.10 from 1.05 at that noise.
 */
import { Random } from '../../pipelines/demo/random.ts';

export const median = (xs: readonly number[]): number => {
  if (xs.length === 0) throw new Error('median of no values');
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** The value below which `p` (0–1) of the sorted values lie, by the nearest-rank rule. */
export function quantile(sorted: readonly number[], p: number): number {
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length)));
  return sorted[rank - 1];
}

/**
 * Percentile bootstrap interval of the median: `resamples` medians of the ratios drawn with
 * replacement, and their `level` central range (0.9: the 5th to the 95th percentile).
 */
export function medianInterval(ratios: readonly number[], level = 0.9, resamples = 2000): [number, number] {
  if (ratios.length === 0) throw new Error('no ratios to bootstrap');
  // Seeded, so that the same ratios always give the same interval.
  const random = new Random('bench:web', 'bootstrap');
  const medians: number[] = [];
  const draw: number[] = new Array(ratios.length);
  for (let i = 0; i < resamples; i++) {
    for (let j = 0; j < ratios.length; j++) draw[j] = ratios[random.int(ratios.length)];
    medians.push(median(draw));
  }
  medians.sort((a, b) => a - b);
  const tail = (1 - level) / 2;
  return [quantile(medians, tail), quantile(medians, 1 - tail)];
}

export type RatioVerdict = 'met' | 'not met' | 'within noise';

/**
 * Against a ceiling (1.1 for "within 10 % of English"): met when the whole interval is at or under
 * it, not met when the whole interval is over it, within noise when the interval straddles it.
 */
export function ratioVerdict([low, high]: readonly [number, number], ceiling: number): RatioVerdict {
  if (high <= ceiling) return 'met';
  if (low > ceiling) return 'not met';
  return 'within noise';
}
