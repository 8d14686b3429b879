import { describe, expect, it } from 'vitest';
import { suppressGroup, suppressionK, type SuppressionCell } from '../../src/lib/server/metrics/suppression.ts';

const cells = (ins: number[], outs: number[] = []): SuppressionCell[] => [
  ...ins.map((count) => ({ count, part: 'in' as const })),
  ...outs.map((count) => ({ count, part: 'out' as const }))
];
/** A gender group: female, male, other (mergeable) | undisclosed, unknown (missing data). */
const gender = (f: number, m: number, o: number, und: number, unk: number): SuppressionCell[] => [
  { count: f, part: 'in' },
  { count: m, part: 'in' },
  { count: o, part: 'in', mergeable: true },
  { count: und, part: 'out', missing: true },
  { count: unk, part: 'out', missing: true }
];
/** A global-south group: south, north | unknown (missing data). */
const south = (s: number, n: number, u: number): SuppressionCell[] => [
  { count: s, part: 'in' },
  { count: n, part: 'in' },
  { count: u, part: 'out', missing: true }
];

/**
 * The adversary, by brute force: every assignment of non-negative integers to the hidden cells that
 * agrees with what the response shows (T when shown, D when shown, and with the bounds the sum of the
 * missing-data and merged cells). A hidden cell of a real attribute must take at least two values.
 */
function checkNotRecoverable(c: SuppressionCell[], k: number) {
  const d = suppressGroup(c, k);
  const part = c.map((cell, i) => (d.merged[i] ? 'out' : cell.part));
  const idx = c.map((_, i) => i);
  const known: number[][] = [];
  if (!d.totalHidden) known.push(idx);
  if (!d.denominatorHidden) known.push(idx.filter((i) => part[i] === 'in'));
  if (!d.boundsHidden && !d.denominatorHidden) known.push(idx.filter((i) => part[i] === 'out' && (c[i].missing || d.merged[i])));
  const hidden = idx.filter((i) => d.suppressed[i]);
  const T = c.reduce((s, x) => s + x.count, 0);
  const seen = hidden.map(() => new Set<number>());
  const value = c.map((x) => x.count);
  const walk = (j: number) => {
    if (j === hidden.length) {
      if (known.every((sum) => sum.reduce((s, i) => s + value[i], 0) === sum.reduce((s, i) => s + c[i].count, 0))) {
        hidden.forEach((i, h) => seen[h].add(value[i]));
      }
      return;
    }
    for (let v = 0; v <= T; v++) {
      value[hidden[j]] = v;
      walk(j + 1);
    }
    value[hidden[j]] = c[hidden[j]].count;
  };
  walk(0);
  hidden.forEach((i, h) => {
    if (!c[i].missing) expect(seen[h].size, `cell ${i} of ${JSON.stringify(c)} (k = ${k}) recoverable`).toBeGreaterThanOrEqual(2);
  });
  return d;
}

/** Every sum an outsider knows has no hidden cell or at least two. */
function checkProtected(c: SuppressionCell[], k: number) {
  const d = suppressGroup(c, k);
  const part = c.map((cell, i) => (d.merged[i] ? 'out' : cell.part));
  const idx = c.map((_, i) => i);
  const sums: number[][] = [];
  if (!d.totalHidden) sums.push(idx);
  if (!d.denominatorHidden) sums.push(idx.filter((i) => part[i] === 'in'));
  if (!d.totalHidden && !d.denominatorHidden) sums.push(idx.filter((i) => part[i] === 'out'));
  if (!d.totalHidden && !d.boundsHidden) sums.push(idx.filter((i) => part[i] === 'out' && !c[i].missing && !d.merged[i]));
  for (const s of sums) {
    const hidden = s.filter((i) => d.suppressed[i]);
    const sensitive = hidden.filter((i) => !c[i].missing).length;
    expect(sensitive === 0 || hidden.length >= 2, `sum over ${s} hides ${hidden.length} of ${JSON.stringify(c)}`).toBe(true);
  }
  c.forEach((cell, i) => {
    // a small cell of a real attribute is always hidden; a missing-data cell only ever as a complement
    if (cell.count >= 1 && cell.count < k && !cell.missing) expect(d.suppressed[i]).toBe(true);
    if (cell.missing && d.suppressed[i]) expect(d.secondary[i]).toBe(true);
  });
  return d;
}

describe('suppressGroup', () => {
  it('leaves a group without small cells alone', () => {
    const d = suppressGroup(cells([10, 20, 0], [5]), 5);
    expect(d.suppressed).toEqual([false, false, false, false]);
    expect(d.denominatorHidden).toBe(false);
  });

  it('hides the next-smallest cell when one cell is small', () => {
    // three sensitive cells in D, one small: the smallest other one goes with it
    const d = checkProtected(cells([16, 19, 2], [20]), 5);
    expect(d.suppressed).toEqual([true, false, true, false]);
    expect(d.secondary).toEqual([true, false, false, false]);
    expect(d.denominatorHidden).toBe(false);
  });

  it('gender 2019 of the fixture: other is merged with the not-stated cells; female and male stay', () => {
    // female 16, male 19, other 2 | undisclosed 2, unknown 1 (missing data: never primary)
    const d = checkNotRecoverable(gender(16, 19, 2, 2, 1), 5);
    expect(d.merged).toEqual([false, false, true, false, false]);
    // other protected in T - D = other + undisclosed + unknown by the smallest non-zero missing cell
    expect(d.suppressed).toEqual([false, false, true, false, true]);
    expect(d.secondary).toEqual([false, false, false, false, true]);
    expect(d.denominatorHidden).toBe(false);
    expect(d.boundsHidden).toBe(false);
  });

  it('a small missing-data cell is never hidden for its size and never hides a share', () => {
    // the real list: 1,714 attendees from classified countries, 2 from an unclassified territory
    const d = checkNotRecoverable(south(964, 750, 2), 5);
    expect(d.suppressed).toEqual([false, false, false]);
    expect(d.denominatorHidden).toBe(false);
    expect(d.boundsHidden).toBe(false);
    // gender with 1 undisclosed, 1 unknown and no small real cell: nothing hidden
    expect(suppressGroup(gender(900, 800, 0, 1, 1), 5).suppressed.some(Boolean)).toBe(false);
  });

  it('prefers a missing-data cell to a larger real one as the complement', () => {
    // stakeholder-like: seven groups | other 3 (a real attribute), unknown 40: unknown is the complement
    const c: SuppressionCell[] = [...cells([50, 60, 70, 80, 90, 100, 110]), { count: 3, part: 'out' }, { count: 40, part: 'out', missing: true }];
    const d = checkProtected(c, 5);
    expect(d.suppressed.slice(7)).toEqual([true, true]);
    expect(d.suppressed.slice(0, 7).some(Boolean)).toBe(false);
    // u = unknown would give other away as T - D - u: the bounds go, the shares stay
    expect(d.boundsHidden).toBe(true);
    expect(d.denominatorHidden).toBe(false);
  });

  it('a year with other gender 1 and nothing outside D: a zero not-stated cell is its complement', () => {
    const d = checkNotRecoverable(gender(100, 99, 1, 0, 0), 5);
    expect(d.merged[2]).toBe(true);
    expect(d.suppressed).toEqual([false, false, true, true, false]);
    expect(d.denominatorHidden).toBe(false);
  });

  it('hides a zero when it is the only other cell of a known sum', () => {
    // stakeholders 2019: ... | other 1, unknown 0: other = (T - D) - unknown, so unknown goes too
    const d = checkProtected(cells([11, 8, 11, 5, 2, 1, 1], [1, 0]), 5);
    expect(d.suppressed).toEqual([false, false, false, false, true, true, true, true, true]);
    expect(d.secondary[8]).toBe(true);
  });

  it('hides the denominator when a lone excluded cell of a real attribute is small, then one more cell', () => {
    // south 19, north 19 | a sensitive excluded cell of 2. It = T - D: D must go; then
    // south + north + it = T: a second cell (the first of the two smallest) goes too.
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

  it('guarantees: female share with >= 100 known, global-south share with >= 100 classified', () => {
    // every gender group with D >= 100 whose female and male cells are not themselves small shows
    // the female share; every global-south group whose two classes are not small shows the share
    const sizes = [0, 1, 2, 3, 4, 7, 30];
    for (const o of sizes) for (const und of sizes) for (const unk of sizes) for (const f of [5, 40, 60, 500]) {
      const m = Math.max(5, 100 - f - o);
      const d = suppressGroup(gender(f, m, o, und, unk), 5);
      expect(d.suppressed[0] || d.denominatorHidden, JSON.stringify([f, m, o, und, unk])).toBe(false);
    }
    for (const u of sizes) for (const s of [5, 50, 95]) {
      const d = suppressGroup(south(s, 100 - s, u), 5);
      expect(d.suppressed[0] || d.suppressed[1] || d.denominatorHidden).toBe(false);
    }
  });

  it('no hidden cell of a real attribute is recoverable from one response (brute force over small groups)', () => {
    const values = [0, 1, 2, 5];
    for (const k of [2, 3, 5]) {
      for (const f of values) for (const m of values) for (const o of values) for (const und of values) for (const unk of values) {
        checkNotRecoverable(gender(f, m, o, und, unk), k);
      }
      for (const s of values) for (const n of values) for (const u of values) checkNotRecoverable(south(s, n, u), k);
      // stakeholder-like: three groups | other (real) | unknown (missing)
      for (const a of values) for (const b of values) for (const c of values) for (const o of values) for (const u of [0, 1, 5]) {
        checkNotRecoverable([...cells([a, b, c]), { count: o, part: 'out' }, { count: u, part: 'out', missing: true }], k);
      }
    }
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
      const group = cells(Array.from({ length: nIn }, draw), Array.from({ length: nOut }, draw));
      // some 'out' cells are missing data, some 'in' cells mergeable
      for (const c of group) if (rnd() < 0.5) (c.part === 'out' ? (c.missing = true) : (c.mergeable = rnd() < 0.3));
      checkProtected(group, k);
    }
  });

  it('reads k from IGF_SUPPRESSION_K', () => {
    expect(suppressionK({})).toBe(5);
    expect(suppressionK({ IGF_SUPPRESSION_K: '10' })).toBe(10);
    expect(() => suppressionK({ IGF_SUPPRESSION_K: 'x' })).toThrow(/IGF_SUPPRESSION_K/);
    expect(() => suppressionK({ IGF_SUPPRESSION_K: '0' })).toThrow();
  });
});
