import { describe, expect, it } from 'vitest';
import { wilson, Z95 } from '../../src/lib/server/metrics/wilson.ts';

describe('wilson', () => {
  it('matches the textbook values', () => {
    // 5 / 10: p = 0.5, z^2 = 3.841459; centre = (0.5 + 0.192073) / 1.384146 = 0.5;
    // half = 1.959964 * sqrt(0.025 + 0.0096037) / 1.384146 = 1.959964 * 0.186021 / 1.384146
    //      = 0.263407 -> [0.236593, 0.763407]
    const a = wilson(5, 10)!;
    expect(a.low).toBeCloseTo(0.236593, 5);
    expect(a.high).toBeCloseTo(0.763407, 5);
    // 0 / 10: low = 0, high = z^2/n / (1 + z^2/n) = 0.384146 / 1.384146 = 0.277533
    const b = wilson(0, 10)!;
    expect(b.low).toBe(0);
    expect(b.high).toBeCloseTo(0.277533, 5);
    // 10 / 10 mirrors it
    const c = wilson(10, 10)!;
    expect(c.high).toBe(1);
    expect(c.low).toBeCloseTo(1 - 0.277533, 5);
  });

  it('is the formula of the docs', () => {
    const k = 16;
    const n = 37;
    const p = k / n;
    const z2 = Z95 * Z95;
    const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    const half = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
    const w = wilson(k, n)!;
    expect(w.low).toBeCloseTo(centre - half, 12);
    expect(w.high).toBeCloseTo(centre + half, 12);
  });

  it('is null without records, and always brackets the share', () => {
    expect(wilson(0, 0)).toBeNull();
    for (let n = 1; n <= 60; n++) {
      for (let k = 0; k <= n; k++) {
        const w = wilson(k, n)!;
        expect(w.low).toBeGreaterThanOrEqual(0);
        expect(w.high).toBeLessThanOrEqual(1);
        expect(w.low).toBeLessThanOrEqual(k / n);
        expect(w.high).toBeGreaterThanOrEqual(k / n);
      }
    }
  });
});
