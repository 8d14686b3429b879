/**
 * Small-cell suppression of the attendance export (source set x year x country x stakeholder group x
 * gender x mode).
 *
 * The metrics API publishes many totals over these cells, each within one source set: per year, per mode or all modes, with or
 * without the host country, the counts per country, stakeholder group, gender, regional group, M49
 * region, each global-south class, and the year's total. Any such total minus the shown cells of it
 * gives the sum of its hidden cells. So:
 *
 * Primary: a cell with fewer than k participants is hidden (cells with zero do not exist).
 * Secondary, repeated until nothing changes: in every published total that has hidden cells, at least
 * two cells must be hidden and the hidden cells must add up to at least k — else the smallest shown
 * cell of that total is hidden too (ties: the first in export order). Then no hidden cell can be
 * recovered from one total, and hidden cells are never known to be all ones.
 *
 * This is stricter than the metric breakdowns' rule (docs/metrics.md), because one export row sits
 * inside many published totals at once.
 *
 * Every total counts here whatever its size or category, so the totals of missing-data categories
 * (unknown country, unclassified under a definition, undisclosed gender, unknown mode), which the
 * metrics publish at any size since issue 14, are protected like the others.
 *
 * Hidden cells are published together (exportRows): the export lists the shown cells, and for each
 * source set and year with hidden cells one row with every category empty and no count, instead of
 * one row per hidden cell. Listing the hidden cells by their categories would tell which
 * combinations exist; a published missing-data total made of a single cell (2 attendees from a
 * territory the UN definition leaves unclassified, all in one stakeholder × gender × mode cell)
 * would then give that cell's count by subtraction. Without the list, a hidden cell is one of every
 * combination not shown, and no published total pins it down (checked by brute force over small
 * tables in tests/exports/attendance-recovery.property.test.ts).
 */

export interface AttendanceCell {
  source_set: string;
  meeting_year: number;
  country_iso3: string | null;
  stakeholder_group: string;
  gender: string;
  participation_mode: string;
  participants: number;
  /** host_country, other_countries or unknown (classification.sql, as the metrics use it). */
  host: string;
  region: string;
  m49_region: string;
  gs_un_developing: string;
  gs_g77: string;
  gs_wb_non_high_income: string;
  gs_regional_groups: string;
  /** ldc | not_ldc | unknown, and likewise lldc, sids, ldc_lldc_sids (the ldc-lldc-sids metric). */
  ldc: string;
  lldc: string;
  sids: string;
  ldc_lldc_sids: string;
}

/** The categories a total can be over, each of a cell's values named as the API's breakdowns name them. */
const BREAKDOWNS: [name: string, value: (c: AttendanceCell) => string][] = [
  ['total', () => ''],
  ['country', (c) => c.country_iso3 ?? 'unknown'],
  ['stakeholder', (c) => c.stakeholder_group],
  ['gender', (c) => c.gender],
  ['region', (c) => c.region],
  ['m49', (c) => c.m49_region],
  ['un_developing', (c) => c.gs_un_developing],
  ['g77', (c) => c.gs_g77],
  ['wb', (c) => c.gs_wb_non_high_income],
  ['regional_groups', (c) => c.gs_regional_groups],
  ['ldc', (c) => c.ldc],
  ['lldc', (c) => c.lldc],
  ['sids', (c) => c.sids],
  ['ldc_lldc_sids', (c) => c.ldc_lldc_sids]
];

/** The (mode, host) pairs a cell is counted under: its own mode and all modes; with the host country, and without it unless it is the host. */
function pairsOf(c: AttendanceCell): string[] {
  const modes = [c.participation_mode, 'all'];
  // exclude_host=true publishes the same totals over the cells outside the host country.
  const hosts = c.host === 'host_country' ? ['with_host'] : ['with_host', 'without_host'];
  return modes.flatMap((mode) => hosts.map((host) => `${mode}|${host}`));
}

/**
 * The names of every published total a cell counts towards (totals never span two source sets): the
 * definition of the totals, written out. The suppression groups cells by numbered totals
 * (cellsPerTotal), which must agree with these names; the tests hold it to them, and the privacy
 * property test reads them.
 */
export function publishedTotalsOf(c: AttendanceCell): string[] {
  const breakdowns = BREAKDOWNS.map(([name, value]) => (name === 'total' ? name : `${name}=${value(c)}`));
  return pairsOf(c).flatMap((pair) => breakdowns.map((b) => `${c.source_set}|${c.meeting_year}|${pair}|${b}`));
}

/** A number per distinct value, in order of first appearance. */
class Numbering<Value> {
  private readonly ids = new Map<Value, number>();
  get size(): number {
    return this.ids.size;
  }
  of(value: Value): number {
    let id = this.ids.get(value);
    if (id === undefined) this.ids.set(value, (id = this.ids.size));
    return id;
  }
}

/**
 * The cells of each published total, by index, in the order publishedTotalsOf first meets the
 * totals (the order the secondary suppression visits them in, which decides its ties). A total is
 * numbered from its parts (source set and year, mode and host, breakdown and value) instead of named
 * by a string of all of them. Named, up to 56 strings per cell (1.7 million for the 32,128 cells of
 * the bundled data) took 0.65 s of the suppression's 0.9 s, during which the server answered
 * nobody; numbered, the whole suppression takes 0.4 s (tests/bench/HISTORY.md, 2026-12-02).
 */
export function cellsPerTotal(cells: readonly AttendanceCell[]): number[][] {
  const nb = BREAKDOWNS.length;
  // Each cell's scope (source set and year), and its value in each breakdown, numbered.
  const scopes = new Numbering<string>();
  const values = BREAKDOWNS.map(() => new Numbering<string>());
  const scopeOf = new Int32Array(cells.length);
  const valueOf = new Int32Array(cells.length * nb);
  cells.forEach((c, i) => {
    scopeOf[i] = scopes.of(`${c.source_set}|${c.meeting_year}`);
    for (let b = 0; b < nb; b++) valueOf[i * nb + b] = values[b].of(BREAKDOWNS[b][1](c));
  });
  const valueCount = Math.max(...values.map((v) => v.size));
  const pairsPerCell = cells.map(pairsOf);
  const pairs = new Numbering<string>();
  for (const list of pairsPerCell) for (const pair of list) pairs.of(pair);

  const scoped = new Numbering<number>(); // (scope, breakdown, value), numbered densely
  const totals = new Map<number, number[]>();
  const ids = new Array<number>(nb);
  cells.forEach((_, i) => {
    for (let b = 0; b < nb; b++) ids[b] = scoped.of((scopeOf[i] * nb + b) * valueCount + valueOf[i * nb + b]);
    for (const pair of pairsPerCell[i]) {
      const pairId = pairs.of(pair);
      for (const id of ids) {
        const key = id * pairs.size + pairId;
        const members = totals.get(key);
        if (members) members.push(i);
        else totals.set(key, [i]);
      }
    }
  });
  return [...totals.values()];
}

export interface SuppressionResult {
  suppressed: boolean[];
  primary: number;
  secondary: number;
}

export function suppressAttendanceCells(cells: readonly AttendanceCell[], k: number): SuppressionResult {
  const suppressed = cells.map((c) => k > 1 && c.participants < k);
  const primary = suppressed.filter(Boolean).length;
  if (primary === 0) return { suppressed, primary, secondary: 0 };

  const totals = cellsPerTotal(cells);

  let secondary = 0;
  const moves = moveIndex(cells);
  for (let round = 0; ; round++) {
    for (let changed = true; changed; ) {
      changed = false;
      for (const members of totals) {
        for (;;) {
          let hidden = 0;
          let hiddenSum = 0;
          let smallestShown = -1;
          for (const i of members) {
            if (suppressed[i]) {
              hidden++;
              hiddenSum += cells[i].participants;
            } else if (smallestShown < 0 || cells[i].participants < cells[smallestShown].participants) {
              smallestShown = i;
            }
          }
          if (hidden === 0 || (hidden >= 2 && hiddenSum >= k) || smallestShown < 0) break;
          suppressed[smallestShown] = true;
          secondary++;
          changed = true;
        }
      }
    }
    const added = protectByMoves(cells, suppressed, moves);
    secondary += added;
    if (added === 0) break;
  }
  return { suppressed, primary, secondary };
}

/** One source set and year for protectByMoves: its categories numbered, and its cells in a dense array. */
interface MoveYear {
  countries: string[];
  hostSide: boolean[];
  groups: string[];
  genders: string[];
  modes: string[];
  /** cell index at ((country * groups + group) * genders + gender) * modes + mode, or -1 */
  at: Int32Array;
}

/**
 * Cells by their categories, and per source set and year the categories present, for protectByMoves.
 * A country belongs to the host side or the other side: the totals without the host country are
 * published too, so the two sides' margins are known separately.
 */
function moveIndex(cells: readonly AttendanceCell[]) {
  const byYear = new Map<string, number[]>();
  cells.forEach((c, i) => {
    const y = `${c.source_set}|${c.meeting_year}`;
    const list = byYear.get(y);
    if (list) list.push(i);
    else byYear.set(y, [i]);
  });
  const years: MoveYear[] = [];
  const yearOf = new Int32Array(cells.length);
  const position = new Int32Array(cells.length * 4); // country, group, gender, mode ids of each cell
  for (const members of byYear.values()) {
    const ids = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>(), new Map<string, number>()];
    const hostSide: boolean[] = [];
    for (const i of members) {
      const c = cells[i];
      const values = [c.country_iso3 ?? '', c.stakeholder_group, c.gender, c.participation_mode];
      values.forEach((v, d) => {
        let id = ids[d].get(v);
        if (id === undefined) {
          ids[d].set(v, (id = ids[d].size));
          if (d === 0) hostSide.push(c.host === 'host_country');
        }
        position[i * 4 + d] = id;
      });
    }
    const [nc, ng, ns, nm] = ids.map((m) => m.size);
    const at = new Int32Array(nc * ng * ns * nm).fill(-1);
    for (const i of members) {
      at[((position[i * 4] * ng + position[i * 4 + 1]) * ns + position[i * 4 + 2]) * nm + position[i * 4 + 3]] = i;
      yearOf[i] = years.length;
    }
    const names = (m: Map<string, number>) => [...m.keys()];
    years.push({ countries: names(ids[0]), hostSide, groups: names(ids[1]), genders: names(ids[2]), modes: names(ids[3]), at });
  }
  return { years, yearOf, position };
}

/**
 * Complementary protection against inference from several totals at once. Each published total is
 * a sum over one category (per mode, with or without the host country), so the totals together are
 * the margins of each year's country x stakeholder group x gender table per mode, separately for
 * the host country and the others. A hidden cell whose neighbours are shown can be solved from
 * those margins even when every single total hides two cells (the 2 x 2 table with margins 35, 12 |
 * 32, 15 and one cell shown, 20, gives the other three). A hidden cell cannot be pinned down when
 * it lies in a "rectangle" of four cells that are all not shown — two values of one category times
 * two of another, the rest equal, on the same side of the host — of which the two on one diagonal
 * hold records: adding one record to the other diagonal and taking one from that one leaves every
 * published total as it is. For each hidden cell without such a rectangle, the cheapest one is
 * made (its shown cells hidden, fewest records first). Returns the number of cells hidden.
 */
function protectByMoves(cells: readonly AttendanceCell[], suppressed: boolean[], index: ReturnType<typeof moveIndex>): number {
  const { years, yearOf, position } = index;
  let added = 0;
  // records a rectangle would have to hide in a cell (0 when hidden or absent)
  const cost = (i: number) => (i < 0 || suppressed[i] ? 0 : cells[i].participants);
  for (let i = 0; i < cells.length; i++) {
    if (!suppressed[i]) continue;
    const y = years[yearOf[i]];
    const ng = y.groups.length;
    const ns = y.genders.length;
    const nm = y.modes.length;
    const [me, g, s, m] = [position[i * 4], position[i * 4 + 1], position[i * 4 + 2], position[i * 4 + 3]];
    const cellAt = (c: number, gg: number, ss: number) => y.at[((c * ng + gg) * ns + ss) * nm + m];
    let best: number[] | null = null;
    let bestCost = Infinity;
    // a rectangle: this cell, its two neighbours a and b, and the opposite cell o; either the
    // diagonal of o loses a record (o must hold records) or that of a and b does (both must)
    const consider = (a: number, b: number, o: number) => {
      if (o >= 0) {
        const total = cost(o) + cost(a) + cost(b);
        if (total < bestCost) {
          bestCost = total;
          best = [o, a, b];
        }
      }
      if (a >= 0 && b >= 0) {
        const total = cost(a) + cost(b) + cost(o);
        if (total < bestCost) {
          bestCost = total;
          best = [a, b, o];
        }
      }
      return bestCost === 0;
    };
    search: {
      for (let c2 = 0; c2 < y.countries.length; c2++) {
        if (c2 === me || y.hostSide[c2] !== y.hostSide[me]) continue;
        for (let g2 = 0; g2 < ng; g2++) {
          if (g2 !== g && consider(cellAt(me, g2, s), cellAt(c2, g, s), cellAt(c2, g2, s))) break search;
        }
        for (let s2 = 0; s2 < ns; s2++) {
          if (s2 !== s && consider(cellAt(me, g, s2), cellAt(c2, g, s), cellAt(c2, g, s2))) break search;
        }
      }
      for (let g2 = 0; g2 < ng; g2++) {
        if (g2 === g) continue;
        for (let s2 = 0; s2 < ns; s2++) {
          if (s2 !== s && consider(cellAt(me, g2, s), cellAt(me, g, s2), cellAt(me, g2, s2))) break search;
        }
      }
    }
    if (best === null || bestCost === 0) continue;
    for (const x of best as number[]) {
      if (x >= 0 && !suppressed[x]) {
        suppressed[x] = true;
        added++;
      }
    }
  }
  return added;
}

/** A row of the attendance export: a shown cell, or the hidden cells of a source set and year together. */
export interface AttendanceExportRow {
  source_set: string;
  meeting_year: number;
  /** null on a shown row: unknown country; on the hidden row: not given. */
  country_iso3: string | null;
  /** null only on the hidden row (and likewise gender, participation_mode). */
  stakeholder_group: string | null;
  gender: string | null;
  participation_mode: string | null;
  /** null on the hidden row. */
  participants: number | null;
  suppressed: boolean;
  synthetic: boolean;
  /** The cells the row stands for: 1 for a shown cell, the hidden cells for the hidden row. */
  cells: number;
}

/**
 * The rows the export publishes: every shown cell, and after the shown cells of each source set
 * and year that has hidden cells one row standing for all of them (categories and count empty,
 * suppressed = true). Cells come grouped by source set and year (the SQL's order), and so do rows.
 */
export function exportRows(cells: readonly (AttendanceCell & { synthetic?: boolean })[], suppressed: readonly boolean[]): AttendanceExportRow[] {
  const out: AttendanceExportRow[] = [];
  let hidden: AttendanceExportRow | null = null;
  let group = '';
  const flush = () => {
    if (hidden) out.push(hidden);
    hidden = null;
  };
  cells.forEach((c, i) => {
    const g = `${c.source_set}|${c.meeting_year}`;
    if (g !== group) {
      flush();
      group = g;
    }
    const synthetic = c.synthetic === true;
    if (suppressed[i]) {
      hidden ??= {
        source_set: c.source_set,
        meeting_year: c.meeting_year,
        country_iso3: null,
        stakeholder_group: null,
        gender: null,
        participation_mode: null,
        participants: null,
        suppressed: true,
        synthetic: false,
        cells: 0
      };
      hidden.cells++;
      hidden.synthetic ||= synthetic;
    } else {
      out.push({
        source_set: c.source_set,
        meeting_year: c.meeting_year,
        country_iso3: c.country_iso3,
        stakeholder_group: c.stakeholder_group,
        gender: c.gender,
        participation_mode: c.participation_mode,
        participants: c.participants,
        suppressed: false,
        synthetic,
        cells: 1
      });
    }
  });
  flush();
  return out;
}
