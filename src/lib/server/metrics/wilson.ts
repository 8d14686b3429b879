/**
 * Wilson score interval for a binomial proportion (95 %, z = 1.959964).
 *   p = k / n
 *   centre = (p + z^2 / 2n) / (1 + z^2 / n)
 *   half   = z * sqrt(p (1 - p) / n + z^2 / 4n^2) / (1 + z^2 / n)
 * Returns null when n = 0. The bounds are clamped to [0, 1] against rounding.
 */
export const Z95 = 1.959964;

export interface Interval {
  low: number;
  high: number;
}

export function wilson(count: number, n: number, z = Z95): Interval | null {
  if (!(n > 0) || !Number.isFinite(count) || count < 0 || count > n) return null;
  const p = count / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  // At p = 0 or 1 the bound equals p exactly; keep it so, so that low <= p <= high holds in floating point.
  const low = count === 0 ? 0 : Math.max(0, Math.min(p, centre - half));
  const high = count === n ? 1 : Math.min(1, Math.max(p, centre + half));
  return { low, high };
}
