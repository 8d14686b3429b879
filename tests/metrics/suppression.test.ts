import { describe, expect, it } from 'vitest';
import { suppressGroup, suppressionK, type SuppressionCell } from '../../src/lib/server/metrics/suppression.ts';

const cells = (ins: number[], outs: number[] = []): SuppressionCell[] => [
  ...ins.map((count) => ({ count, part: 'in' as const })),
  ...outs.map((count) => ({ count, part: 'out' as const }))
];

/** Every sum an outsider knows has no hidden cell or at least two. */
function checkProtected(c: SuppressionCell[], k: number) {
  const d = suppressGroup(c, k);
  const idx = c.map((_, i) => i);
  const sums: number[][] = [];
  if (!d.totalHidden) sums.push(idx);
  if (!d.denominatorHidden) sums.push(idx.filter((i) => c[i].part === 'in'));
  if (!d.totalHidden && !d.denominatorHidden) sums.push(idx.filter((i) => c[i].part === 'out'));
  for (const s of sums) {
    const hidden = s.filter((i) => d.suppressed[i]).length;
    expect(hidden === 0 || hidden >= 2, `sum over ${s} hides ${hidden} of ${JSON.stringify(c)}`).toBe(true);
  }
  c.forEach((cell, i) => {
    if (cell.count >= 1 && cell.count < k) expect(d.suppressed[i]).toBe(true);
  });
  return d;
}

describe('suppressGroup', () => {
  it('leaves a group without small cells alone', () => {
    const d = suppressGroup(cells([10, 20, 0], [5]), 5);
    expect(d.suppressed).toEqual([false, false, false, false]);
    expect(d.denominatorHidden).toBe(false);
  });

  it('hides the next-smallest cell when one cell is small (gender 2019 of the fixture)', () => {
    // female 16, male 19, other 2 | undisclosed 2, unknown 1
    const d = checkProtected(cells([16, 19, 2], [2, 1]), 5);
    expect(d.suppressed).toEqual([true, false, true, true, true]);
    expect(d.secondary).toEqual([true, false, false, false, false]);
    expect(d.denominatorHidden).toBe(false);
  });

  it('hides a zero when it is the only other cell of a known sum', () => {
    // stakeholders 2019: ... | other 1, unknown 0: other = (T - D) - unknown, so unknown goes too
    const d = checkProtected(cells([11, 8, 11, 5, 2, 1, 1], [1, 0]), 5);
    expect(d.suppressed).toEqual([false, false, false, false, true, true, true, true, true]);
    expect(d.secondary[8]).toBe(true);
  });

  it('hides the denominator when a lone excluded cell is small, then one more cell', () => {
    // global south 2019: south 19, north 19 | unknown 2. unknown = T - D: D must go; then
    // south + north + unknown = T: a second cell (the first of the two smallest) goes too.
    const d = checkProtected(cells([19, 19], [2]), 5);
    expect(d.denominatorHidden).toBe(true);
    expect(d.suppressed).toEqual([true, false, true]);
    expect(d.secondary).toEqual([true, false, false]);
  });

  it('hides everything when the total itself is small', () => {
    const d = checkProtected(cells([2, 1], [1]), 5);
    expect(d.totalHidden).toBe(true);
    expect(d.denominatorHidden).toBe(true);
    expect(d.suppressed).toEqual([true, true, true]);
  });

  it('k = 1 suppresses nothing', () => {
    const d = suppressGroup(cells([1, 2, 3], [1]), 1);
    expect(d.suppressed.some(Boolean)).toBe(false);
  });

  it('protects every known sum, for many random groups (property)', () => {
    let seed = 42;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let t = 0; t < 3000; t++) {
      const nIn = 2 + Math.floor(rnd() * 6);
      const nOut = Math.floor(rnd() * 3);
      const draw = () => (rnd() < 0.3 ? 0 : rnd() < 0.5 ? 1 + Math.floor(rnd() * 6) : Math.floor(rnd() * 200));
      const k = 2 + Math.floor(rnd() * 9);
      checkProtected(cells(Array.from({ length: nIn }, draw), Array.from({ length: nOut }, draw)), k);
    }
  });

  it('reads k from IGF_SUPPRESSION_K', () => {
    expect(suppressionK({})).toBe(5);
    expect(suppressionK({ IGF_SUPPRESSION_K: '10' })).toBe(10);
    expect(() => suppressionK({ IGF_SUPPRESSION_K: 'x' })).toThrow(/IGF_SUPPRESSION_K/);
    expect(() => suppressionK({ IGF_SUPPRESSION_K: '0' })).toThrow();
  });
});
