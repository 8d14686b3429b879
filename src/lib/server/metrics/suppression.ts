/**
 * Small-cell suppression of attendee breakdowns (pure functions).
 *
 * A group is one breakdown of one year (for one population, dimension and definition): its cells
 * partition the group's total T. 'in' cells make up the denominator D; 'out' cells (other, unknown,
 * undisclosed...) are outside it. T is public (it is the year's participant count) and D is public
 * whenever a share is shown (count / share = D), so three sums are known: T, D and T - D.
 *
 * Cells are sensitive (a real attribute: a country, a gender, a stakeholder group, 'other') or
 * missing-data cells (unknown, undisclosed, not classified under the definition). A count of records
 * whose field is missing says nothing about any person, so missing-data cells are never suppressed
 * for being small and never need protecting; they are the preferred complements.
 *
 * Primary suppression: a sensitive cell with 1 <= count < k. (A zero reveals no one and is shown.)
 * Margins: D and T are themselves hidden when 1 <= D < k (resp. T).
 * Secondary suppression, repeated until nothing changes: for every known sum (D while D is shown;
 * T - D while both are; T), if exactly one of its cells is hidden and that cell is sensitive, it could
 * be recovered as the sum minus the others, so:
 *   - a mergeable cell alone hidden in D (gender 'other') is merged with the 'not stated' cells: it
 *     leaves the denominator for that year (D shrinks by it) and is then protected within T - D;
 *   - otherwise one more cell of that sum is hidden: the smallest non-zero missing-data cell, else the
 *     smallest non-zero sensitive cell, else a zero (missing-data first; ties by display order);
 *   - if the sum has no other cell (a lone sensitive 'out' cell), D itself is hidden: the
 *     denominator, shares, intervals and coverage of the whole group go, and the cells then only add
 *     up to T, where again a second cell must be hidden.
 * So whenever a sensitive cell of a known sum is hidden, at least two cells of that sum are.
 *
 * Missing-data bounds publish one more sum, U = the missing-data and merged cells (and so, with T
 * and D, the other sensitive 'out' cells T - D - U): they are withheld (boundsHidden) when D is hidden or when that
 * second sum would isolate a hidden sensitive cell.
 */

import type { Part } from '$lib/domain/categories.ts';
export type { Part };

export interface SuppressionCell {
  count: number;
  part: Part;
  /** A missing-data category (unknown, undisclosed, unclassified): never hidden for being small. */
  missing?: boolean;
  /** An 'in' cell that, when small and alone hidden in D, leaves D instead (merged with 'not stated'). */
  mergeable?: boolean;
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
  /** Per cell: an 'in' cell moved out of the denominator (merged with the 'not stated' cells). */
  merged: boolean[];
  /** The missing-data bounds (which publish the sum of the missing-data cells) must not be shown. */
  boundsHidden: boolean;
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
  const sensitive = cells.map((c) => !c.missing);
  const suppressed = cells.map((c, i) => sensitive[i] && small(c.count, k));
  const secondary = cells.map(() => false);
  const merged = cells.map(() => false);
  const part = cells.map((c) => c.part);
  const T = cells.reduce((s, c) => s + c.count, 0);
  const denominator = () => cells.reduce((s, c, i) => s + (part[i] === 'in' ? c.count : 0), 0);
  let denominatorHidden = small(denominator(), k);
  const totalHidden = small(T, k);

  const all = cells.map((_, i) => i);
  const members = (p: Part) => all.filter((i) => part[i] === p);

  // Complement order: non-zero missing-data cells, non-zero sensitive cells, then zeros (missing
  // first); the smallest first within each, ties by display order.
  const rank = (i: number) => (cells[i].count > 0 ? 0 : 2) + (sensitive[i] ? 1 : 0);
  const better = (a: number, b: number) => rank(a) < rank(b) || (rank(a) === rank(b) && cells[a].count < cells[b].count);

  for (let guard = 0; guard <= 2 * cells.length + 2; guard++) {
    // The two parts first, then the total: protecting a part usually protects the total as well,
    // and a lone 'out' cell hides D before any further cell is spent on the total.
    const sums: { members: number[]; inside: boolean; dependsOnD: boolean }[] = [];
    if (!denominatorHidden) sums.push({ members: members('in'), inside: true, dependsOnD: true });
    if (!totalHidden && !denominatorHidden) sums.push({ members: members('out'), inside: false, dependsOnD: true });
    if (!totalHidden) sums.push({ members: all, inside: false, dependsOnD: false });

    let changed = false;
    for (const sum of sums) {
      const hidden = sum.members.filter((i) => suppressed[i]);
      if (hidden.length !== 1 || !sensitive[hidden[0]]) continue;
      const lone = hidden[0];
      if (sum.inside && cells[lone].mergeable && !merged[lone]) {
        merged[lone] = true;
        part[lone] = 'out';
        if (small(denominator(), k)) denominatorHidden = true;
        changed = true;
        break;
      }
      const candidates = sum.members.filter((i) => !suppressed[i]);
      if (candidates.length > 0) {
        const pick = candidates.reduce((best, i) => (better(i, best) ? i : best), candidates[0]);
        suppressed[pick] = true;
        secondary[pick] = true;
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

  // Bounds: U counts the missing-data cells and the merged ones (merged with 'not stated'); the
  // remaining sensitive 'out' cells (T - D - U) must not hold exactly one hidden cell.
  const sensitiveOut = all.filter((i) => part[i] === 'out' && sensitive[i] && !merged[i]);
  const hiddenOut = sensitiveOut.filter((i) => suppressed[i]);
  const boundsHidden = denominatorHidden || (!totalHidden && hiddenOut.length === 1);
  return { suppressed, secondary, denominatorHidden, totalHidden, merged, boundsHidden };
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
): { items: { suppressed: boolean; secondary: boolean; merged: boolean }[]; groups: Map<string, GroupSuppression & { anySuppressed: boolean }> } {
  const byGroup = new Map<string, number[]>();
  items.forEach((item, i) => {
    const g = key(item);
    const list = byGroup.get(g);
    if (list) list.push(i);
    else byGroup.set(g, [i]);
  });
  const out = items.map(() => ({ suppressed: false, secondary: false, merged: false }));
  const groups = new Map<string, GroupSuppression & { anySuppressed: boolean }>();
  for (const [g, idx] of byGroup) {
    const decision = suppressGroup(
      idx.map((i) => cell(items[i])),
      k
    );
    idx.forEach((i, j) => {
      out[i] = { suppressed: decision.suppressed[j], secondary: decision.secondary[j], merged: decision.merged[j] };
    });
    groups.set(g, { ...decision, anySuppressed: decision.suppressed.some(Boolean) });
  }
  return { items: out, groups };
}
