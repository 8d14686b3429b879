/**
 * Small-cell suppression of attendee breakdowns (pure functions).
 *
 * A group is one breakdown of one year (for one population, dimension and definition): its cells
 * partition the group's total T. 'in' cells make up the denominator D; 'out' cells (other, unknown,
 * undisclosed...) are outside it. T is public (it is the year's participant count) and D is public
 * whenever a share is shown (count / share = D), so three sums are known: T, D and T - D.
 *
 * Primary suppression: a cell with 1 <= count < k. (A zero reveals no one and is shown.)
 * Margins: D and T are themselves hidden when 1 <= D < k (resp. T).
 * Secondary suppression, repeated until nothing changes: for every known sum (T; D while D is shown;
 * T - D while both are), if exactly one of its cells is suppressed, that cell could be recovered as
 * the sum minus the others, so the smallest other cell of that sum is suppressed too (the smallest
 * non-zero one, else a zero; ties by display order). If the sum has no other cell (a lone 'out'
 * cell, say), D itself is hidden: the denominator, shares, intervals and coverage of the whole
 * group go, and the cells then only add up to T, where again at least two must be hidden.
 * So whenever any cell of a known sum is hidden, at least two are.
 */

export type Part = 'in' | 'out';

export interface SuppressionCell {
  count: number;
  part: Part;
}

export interface GroupSuppression {
  /** Per cell: hidden (primary or secondary). */
  suppressed: boolean[];
  /** Per cell: hidden only to protect another cell. */
  secondary: boolean[];
  /** The denominator (and with it shares, intervals, coverage) must not be shown. */
  denominatorHidden: boolean;
  /** The total (and with it coverage) must not be shown. */
  totalHidden: boolean;
}

export const DEFAULT_K = 5;

/** k from IGF_SUPPRESSION_K (default 5); k = 1 turns suppression off. */
export function suppressionK(env: Record<string, string | undefined> = process.env): number {
  const raw = env.IGF_SUPPRESSION_K;
  if (raw === undefined || raw === '') return DEFAULT_K;
  const k = Number(raw);
  if (!Number.isInteger(k) || k < 1 || k > 1_000_000) {
    throw new Error(`IGF_SUPPRESSION_K must be a whole number >= 1, not "${raw}"`);
  }
  return k;
}

const small = (n: number, k: number) => n >= 1 && n < k;

export function suppressGroup(cells: readonly SuppressionCell[], k: number): GroupSuppression {
  const suppressed = cells.map((c) => small(c.count, k));
  const secondary = cells.map(() => false);
  const D = cells.reduce((s, c) => s + (c.part === 'in' ? c.count : 0), 0);
  const T = cells.reduce((s, c) => s + c.count, 0);
  let denominatorHidden = small(D, k);
  const totalHidden = small(T, k);

  const all = cells.map((_, i) => i);
  const inside = all.filter((i) => cells[i].part === 'in');
  const outside = all.filter((i) => cells[i].part === 'out');

  for (let guard = 0; guard <= cells.length + 2; guard++) {
    // The two parts first, then the total: protecting a part usually protects the total as well,
    // and a lone 'out' cell hides D before any further cell is spent on the total.
    const sums: { members: number[]; dependsOnD: boolean }[] = [];
    if (!denominatorHidden) sums.push({ members: inside, dependsOnD: true });
    if (!totalHidden && !denominatorHidden) sums.push({ members: outside, dependsOnD: true });
    if (!totalHidden) sums.push({ members: all, dependsOnD: false });

    let changed = false;
    for (const sum of sums) {
      const hidden = sum.members.filter((i) => suppressed[i]);
      if (hidden.length !== 1) continue;
      const candidates = sum.members.filter((i) => !suppressed[i]);
      const positive = candidates.filter((i) => cells[i].count > 0);
      const pool = positive.length > 0 ? positive : candidates;
      if (pool.length > 0) {
        const pickIndex = pool.reduce((best, i) => (cells[i].count < cells[best].count ? i : best), pool[0]);
        suppressed[pickIndex] = true;
        secondary[pickIndex] = true;
        changed = true;
        break;
      }
      if (sum.dependsOnD) {
        denominatorHidden = true;
        changed = true;
        break;
      }
      // A group of one cell: its value is T itself, which is hidden only when small.
    }
    if (!changed) break;
  }
  return { suppressed, secondary, denominatorHidden, totalHidden };
}

/**
 * Suppress many groups at once: `key` gives each item's group, `cell` its count and part.
 * Returns the decision per item (same order) and per group key.
 */
export function suppressGroups<T>(
  items: readonly T[],
  key: (item: T) => string,
  cell: (item: T) => SuppressionCell,
  k: number
): { items: { suppressed: boolean; secondary: boolean }[]; groups: Map<string, GroupSuppression & { anySuppressed: boolean }> } {
  const byGroup = new Map<string, number[]>();
  items.forEach((item, i) => {
    const g = key(item);
    const list = byGroup.get(g);
    if (list) list.push(i);
    else byGroup.set(g, [i]);
  });
  const out = items.map(() => ({ suppressed: false, secondary: false }));
  const groups = new Map<string, GroupSuppression & { anySuppressed: boolean }>();
  for (const [g, idx] of byGroup) {
    const decision = suppressGroup(
      idx.map((i) => cell(items[i])),
      k
    );
    idx.forEach((i, j) => {
      out[i] = { suppressed: decision.suppressed[j], secondary: decision.secondary[j] };
    });
    groups.set(g, { ...decision, anySuppressed: decision.suppressed.some(Boolean) });
  }
  return { items: out, groups };
}
