/**
 * No hidden cell of the attendance export can be recovered from one response, by brute force over
 * small tables.
 *
 * The attacker's knowledge: the export's rows (the shown cells with their counts; for each year only
 * that some cells are hidden) and every total the metrics could publish over the cells — per mode and
 * all modes, with and without the host country, per country, stakeholder group, gender, regional
 * group, M49 region, global-south class under each definition, LDC/LLDC/SIDS class, and the year
 * (publishedTotalsOf; assumed known even where the metrics suppress them, and at any size). A hidden
 * cell is recoverable when every table of non-negative counts that agrees with all of that has the
 * same count in it. For each small table below, a depth-first search over the counts of every
 * combination not shown finds, for each hidden cell, two agreeing tables that differ in it.
 *
 * The control case shows what the search catches: were the hidden cells listed one by one (as the
 * export did before), the two attendees from a territory the UN definition leaves unclassified, all
 * in one cell, would be recovered from the published "unclassified" total.
 */
import { describe, expect, it } from 'vitest';
import { exportRows, publishedTotalsOf, suppressAttendanceCells, type AttendanceCell } from '../../src/lib/server/exports/attendance-cells.ts';

type Country = Omit<AttendanceCell, 'source_set' | 'meeting_year' | 'stakeholder_group' | 'gender' | 'participation_mode' | 'participants'>;

const classes = (south: boolean) => (south ? 'global_south' : 'global_north');
function country(iso3: string | null, region: string, m49: string, south: boolean | null, host = false, ldc = false): Country {
  const gs = south === null ? 'unknown' : classes(south);
  const known = iso3 !== null;
  return {
    country_iso3: iso3,
    host: !known ? 'unknown' : host ? 'host_country' : 'other_countries',
    region: known ? region : 'unknown',
    m49_region: known ? m49 : 'unknown',
    gs_un_developing: gs,
    gs_g77: known ? classes(south === true) : 'unknown',
    gs_wb_non_high_income: known ? classes(south === true) : 'unknown',
    gs_regional_groups: known ? classes(south === true) : 'unknown',
    ldc: known ? (ldc ? 'ldc' : 'not_ldc') : 'unknown',
    lldc: known ? (ldc ? 'lldc' : 'not_lldc') : 'unknown',
    sids: known ? 'not_sids' : 'unknown',
    ldc_lldc_sids: known ? (ldc ? 'ldc_lldc_sids' : 'other_countries') : 'unknown'
  };
}

const COUNTRIES: Country[] = [
  country('DEU', 'weog', 'europe', false, true), // the host
  country('TWN', 'no_group', 'asia', null), // unclassified under the UN definition: a missing-data total
  country('ETH', 'african', 'africa', true, false, true),
  country('BRA', 'grulac', 'americas', true),
  country(null, 'unknown', 'unknown', null) // no country
];
const GROUPS = ['government', 'civil_society', 'unknown'];
const GENDERS = ['female', 'male', 'undisclosed'];
const MODES = ['onsite', 'online'];

type Table = AttendanceCell[];

/** Every combination of the given categories, with its count (0 for most). */
function universe(countries: Country[], groups: string[], genders: string[], modes: string[], count: (i: number) => number): Table {
  const out: Table = [];
  for (const c of countries)
    for (const stakeholder_group of groups)
      for (const gender of genders)
        for (const participation_mode of modes)
          out.push({ ...c, source_set: 'user', meeting_year: 2019, stakeholder_group, gender, participation_mode, participants: count(out.length) });
  return out;
}

/** The hidden cells (count > 0, suppressed) of a table under the export's rule, and what an attacker sees. */
function respond(table: Table, k: number) {
  const present = table.map((c, i) => ({ c, i })).filter(({ c }) => c.participants > 0);
  const { suppressed } = suppressAttendanceCells(
    present.map(({ c }) => c),
    k
  );
  const shown = new Map<number, number>();
  const hidden: number[] = [];
  present.forEach(({ c, i }, j) => (suppressed[j] ? hidden.push(i) : shown.set(i, c.participants)));
  // the rows the export publishes: shown cells and one row per year for the hidden ones
  const rows = exportRows(
    present.map(({ c }) => c),
    suppressed
  );
  return { shown, hidden, rows };
}

/**
 * For each cell in `ask`, the distinct counts it takes over the tables that agree with the shown
 * counts and every published total (up to two: enough to know it is not determined). `unknown` are
 * the cells whose count the attacker does not know; `min` the least count each can have.
 */
function consistentValues(table: Table, shown: Map<number, number>, unknown: number[], ask: number[], min: (i: number) => number, nodeLimit = 5_000_000) {
  const keysOf = table.map((c) => publishedTotalsOf(c));
  const remaining = new Map<string, number>();
  table.forEach((c, i) => {
    for (const key of keysOf[i]) remaining.set(key, (remaining.get(key) ?? 0) + c.participants - (shown.get(i) ?? 0));
  });
  // the last unknown cell of each total: its count is forced
  const last = new Map<string, number>();
  unknown.forEach((cell, pos) => {
    for (const key of keysOf[cell]) last.set(key, pos);
  });
  const seen = new Map<number, Set<number>>(ask.map((i) => [i, new Set<number>()]));
  const value = new Map<number, number>();
  let nodes = 0;
  let settled = false;
  const done = () => [...seen.values()].every((s) => s.size >= 2);

  const search = (pos: number): void => {
    if (settled || ++nodes > nodeLimit) return;
    if (pos === unknown.length) {
      for (const [i, s] of seen) s.add(value.get(i)!);
      settled = done();
      return;
    }
    const cell = unknown[pos];
    const keys = keysOf[cell];
    let hi = Infinity;
    let forced: number | null = null;
    for (const key of keys) {
      const r = remaining.get(key)!;
      hi = Math.min(hi, r);
      if (last.get(key) === pos) {
        if (forced !== null && forced !== r) return;
        forced = r;
      }
    }
    const lo = min(cell);
    const values = forced !== null ? [forced] : Array.from({ length: Math.max(0, hi - lo + 1) }, (_, j) => lo + j);
    for (const v of values) {
      if (v < lo || v > hi) continue;
      for (const key of keys) remaining.set(key, remaining.get(key)! - v);
      value.set(cell, v);
      search(pos + 1);
      for (const key of keys) remaining.set(key, remaining.get(key)! + v);
      if (settled) return;
    }
  };
  search(0);
  return { seen, nodes, exhausted: nodes <= nodeLimit };
}

/**
 * The hidden cells an attacker could pin down from the export as published that the totals alone do
 * not pin down (a cell the totals alone determine — say the host country's only online cell, whose
 * count is the difference of two published totals — is protected by the metrics' own suppression of
 * small totals, not by anything the export can do; those are counted in `byTotals`).
 */
function recoverable(table: Table, k: number) {
  const { shown, hidden } = respond(table, k);
  // the attacker does not know which combinations are hidden: every combination not shown is open
  const unknown = table.map((_, i) => i).filter((i) => !shown.has(i));
  const withExport = consistentValues(table, shown, unknown, hidden, () => 0);
  expect(withExport.exhausted, 'search finished').toBe(true);
  const pinned = hidden.filter((i) => withExport.seen.get(i)!.size < 2);
  if (pinned.length === 0) return { leaks: [], byTotals: 0 };
  const alone = consistentValues(table, new Map(), table.map((_, i) => i), pinned, () => 0);
  expect(alone.exhausted, 'search finished (totals alone)').toBe(true);
  const leaks = pinned.filter((i) => alone.seen.get(i)!.size >= 2).map((i) => table[i]);
  return { leaks, byTotals: pinned.length - leaks.length };
}

/** A small pseudo-random generator (mulberry32) so that the tables are the same on every run. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('attendance export: no hidden cell recoverable from one response', () => {
  it('control: listing the hidden cells one by one leaks the unclassified territory (what the export did)', () => {
    // DEU and BRA attendees in many cells, and 2 from Taiwan in one cell: the UN definition's
    // "unclassified" total is 2 and is published at any size (missing data).
    const counts: Record<string, number> = {
      'DEU|government|female|onsite': 20, 'DEU|government|male|onsite': 15, 'DEU|civil_society|female|onsite': 12, 'DEU|civil_society|male|online': 9,
      'BRA|government|male|onsite': 8, 'BRA|civil_society|female|online': 7, 'BRA|civil_society|male|onsite': 3,
      'TWN|government|female|onsite': 2
    };
    const table = universe([COUNTRIES[0], COUNTRIES[1], COUNTRIES[3]], ['government', 'civil_society'], ['female', 'male'], MODES, () => 0).map((c) => ({
      ...c,
      participants: counts[`${c.country_iso3}|${c.stakeholder_group}|${c.gender}|${c.participation_mode}`] ?? 0
    }));
    const { shown, hidden } = respond(table, 5);
    const twn = table.findIndex((c) => c.country_iso3 === 'TWN' && c.participants === 2);
    expect(hidden).toContain(twn);
    // old export: the hidden cells are listed (each at least 1), every other combination is known to be 0
    const listed = consistentValues(table, shown, hidden, hidden, () => 1);
    expect([...listed.seen.get(twn)!]).toEqual([2]);
    // the export now: hidden cells published together, the Taiwan cell is one of many possibilities
    const now = respond(table, 5);
    const open = consistentValues(table, now.shown, table.map((_, i) => i).filter((i) => !now.shown.has(i)), [twn], () => 0);
    expect(open.seen.get(twn)!.size).toBe(2);
    // nothing the export shows pins down a cell the totals alone leave open
    expect(recoverable(table, 5).leaks).toEqual([]);
  });

  it('the export rows: shown cells, then one row per year standing for the hidden ones', () => {
    const table = universe([COUNTRIES[0], COUNTRIES[1]], ['government'], ['female', 'male'], ['onsite'], (i) => [20, 12, 2, 0][i]);
    const { rows } = respond(table, 5);
    // TWN female 2 is primary; DEU female 20 or male 12 must join it in the gender and year totals
    expect(rows.filter((r) => !r.suppressed).every((r) => r.participants !== null && r.participants >= 5)).toBe(true);
    const hiddenRows = rows.filter((r) => r.suppressed);
    expect(hiddenRows).toHaveLength(1);
    expect(hiddenRows[0]).toMatchObject({ country_iso3: null, stakeholder_group: null, gender: null, participation_mode: null, participants: null });
    expect(hiddenRows[0].cells).toBeGreaterThanOrEqual(2);
  });

  it('random small tables (3 countries, 2 groups, 2 genders, 1 or 2 modes, counts 0-9): the export pins down no hidden cell the totals leave open', () => {
    const random = rng(14);
    let checked = 0;
    let hiddenCells = 0;
    let byTotals = 0;
    for (let t = 0; t < 80; t++) {
      const pick = <T,>(list: T[], n: number) => [...list].sort(() => random() - 0.5).slice(0, n);
      const table = universe(pick(COUNTRIES, 3), pick(GROUPS, 2), pick(GENDERS, 2), random() < 0.5 ? ['onsite'] : MODES.slice(0, 2), () => {
        const u = random();
        return u < 0.4 ? 0 : u < 0.75 ? 1 + Math.floor(random() * 4) : 5 + Math.floor(random() * 5);
      });
      if (table.length > 16 && table.reduce((s, c) => s + c.participants, 0) > 45) continue; // keep the search small
      if (table.reduce((s, c) => s + c.participants, 0) < 10) continue;
      const r = recoverable(table, 5);
      const show = (c: AttendanceCell) => [c.country_iso3, c.stakeholder_group, c.gender, c.participation_mode, c.participants];
      expect(r.leaks.map(show), `table ${t}: ${JSON.stringify(table.filter((c) => c.participants > 0).map(show))}`).toEqual([]);
      checked++;
      byTotals += r.byTotals;
      hiddenCells += respond(table, 5).hidden.length;
    }
    expect(checked).toBeGreaterThan(40);
    expect(hiddenCells).toBeGreaterThan(100);
    // for the record: hidden cells the published totals alone determine (none the export could protect)
    expect(byTotals).toBeLessThan(hiddenCells);
  });
});
