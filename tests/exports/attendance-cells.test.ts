import { describe, expect, it } from 'vitest';
import { cellsPerTotal, publishedTotalsOf, suppressAttendanceCells, type AttendanceCell } from '../../src/lib/server/exports/attendance-cells.ts';

/** One year, one gender, one mode, one region class: only country and stakeholder group vary. */
function cell(country: string, stakeholder: string, participants: number, host = 'other_countries', sourceSet = 'user'): AttendanceCell {
  return {
    source_set: sourceSet,
    meeting_year: 2019,
    country_iso3: country,
    stakeholder_group: stakeholder,
    gender: 'female',
    participation_mode: 'onsite',
    participants,
    host,
    region: 'weog',
    m49_region: 'europe',
    gs_un_developing: 'global_north',
    gs_g77: 'global_north',
    gs_wb_non_high_income: 'global_north',
    gs_regional_groups: 'global_north',
    ldc: 'not_ldc',
    lldc: 'not_lldc',
    sids: 'not_sids',
    ldc_lldc_sids: 'other_countries'
  };
}

describe('suppressAttendanceCells', () => {
  it('protects every published total (worked example, k = 5)', () => {
    const cells = [
      cell('XXX', 'government', 20),
      cell('XXX', 'civil_society', 2), // primary: 2 < 5
      cell('YYY', 'government', 30),
      cell('YYY', 'civil_society', 15),
      cell('ZZZ', 'government', 9),
      cell('ZZZ', 'civil_society', 12)
    ];
    // Year total (all six): XXX/cs is its only hidden cell, so the smallest shown one goes: ZZZ/gov (9).
    // Country XXX = {20, 2h}: one hidden -> XXX/gov (20) goes.   Country ZZZ = {9h, 12}: ZZZ/cs (12) goes.
    // Government = {20h, 30, 9h}: two hidden, 29 >= 5.   Civil society = {2h, 15, 12h}: two hidden, 14 >= 5.
    // Country YYY has nothing hidden. Every total now has none, or >= 2 hidden adding up to >= 5.
    const r = suppressAttendanceCells(cells, 5);
    expect(r.suppressed).toEqual([true, true, false, false, true, true]);
    expect(r.primary).toBe(1);
    expect(r.secondary).toBe(3);
  });

  it('hides more when two hidden cells are known to be ones', () => {
    // Total {1h, 1h, 40, 6}: two hidden adding to 2 < 5 would reveal both as 1 (no cell is zero),
    // so the smallest shown cell (6) joins them: 1 + 1 + 6 = 8 >= 5.
    const cells = [cell('AAA', 'government', 1), cell('BBB', 'government', 1), cell('CCC', 'government', 40), cell('DDD', 'government', 6)];
    // Countries AAA, BBB, DDD are totals of one cell each: nothing else to hide in them.
    expect(suppressAttendanceCells(cells, 5).suppressed).toEqual([true, true, false, true]);
  });

  it('hides nothing when no cell is small, or when k = 1', () => {
    const cells = [cell('XXX', 'government', 5), cell('YYY', 'government', 7)];
    expect(suppressAttendanceCells(cells, 5)).toEqual({ suppressed: [false, false], primary: 0, secondary: 0 });
    expect(suppressAttendanceCells([cell('XXX', 'government', 1)], 1).suppressed).toEqual([false]);
  });

  it('counts a host-country cell in the totals with the host, not in those without it', () => {
    const host = publishedTotalsOf(cell('XXX', 'government', 3, 'host_country'));
    const guest = publishedTotalsOf(cell('YYY', 'government', 3, 'other_countries'));
    expect(host.some((k) => k.includes('without_host'))).toBe(false);
    expect(guest.filter((k) => k.includes('without_host'))).toHaveLength(28); // 2 modes x 14 breakdowns
    expect(host).toContain('user|2019|all|with_host|country=XXX');
    expect(host).toContain('user|2019|onsite|with_host|stakeholder=government');
  });

  it('protects the totals of each source set on their own: cells of two sets never share a total', () => {
    // The same cells in two sets: each set's year total is {20, 2h, 30, 9}. Were the sets one total,
    // the two primary cells (2 + 2 = 4 < 5) would need one more; per set each needs its own partner.
    const inSet = (set: string) => [
      cell('XXX', 'government', 20, 'other_countries', set),
      cell('XXX', 'civil_society', 2, 'other_countries', set),
      cell('YYY', 'government', 30, 'other_countries', set),
      cell('ZZZ', 'government', 9, 'other_countries', set)
    ];
    const cells = [...inSet('demo'), ...inSet('user')];
    const { suppressed } = suppressAttendanceCells(cells, 5);
    // per set: XXX/cs primary; the year total hides the smallest shown cell, ZZZ/gov (9); country XXX
    // {20, 2h} hides XXX/gov (20); government {20h, 30, 9h} then has two hidden adding up to 29.
    expect(suppressed).toEqual([true, true, false, true, true, true, false, true]);
    expect(publishedTotalsOf(cells[0]).every((k) => k.startsWith('demo|'))).toBe(true);
  });

  it('protects the missing-data totals the metrics publish at any size (unclassified, unknown country)', () => {
    // two cells from an unclassified territory: un_developing=unknown = {2h, 3h} is published by the
    // global-south metric even though it is below k; both are hidden (primary), two hidden cells
    const twn = (stakeholder: string, n: number) => ({ ...cell('TWN', stakeholder, n), gs_un_developing: 'unknown' });
    const cells = [twn('government', 2), twn('civil_society', 3), cell('DEU', 'government', 40), cell('DEU', 'civil_society', 30)];
    expect(publishedTotalsOf(cells[0])).toContain('user|2019|all|with_host|un_developing=unknown');
    const { suppressed } = suppressAttendanceCells(cells, 5);
    expect(suppressed.slice(0, 2)).toEqual([true, true]);
    // government {2h, 40} and civil society {3h, 30}: each hides its DEU cell too
    expect(suppressed.slice(2)).toEqual([true, true]);
  });

  it('hides a shown cell from which the host side margins would solve the hidden ones (worked example, docs/metrics.md)', () => {
    // host DEU: government female 20, government male 15, civil society female 12; 2 from Taiwan.
    const deu = (stakeholder: string, gender: string, n: number) => ({ ...cell('DEU', stakeholder, n, 'host_country'), gender });
    const twn = { ...cell('TWN', 'government', 2), gs_un_developing: 'unknown', region: 'no_group' };
    const cells = [deu('government', 'female', 20), deu('government', 'male', 15), deu('civil_society', 'female', 12), twn];
    // per total: year {20, 15, 12, 2h} hides 12; government {20, 15, 2h} hides 15; female {20, 12h, 2h} has two.
    // The host side's margins (government 35, civil society 12, female 32, male 15) would then give
    // 15 = 35 - 20 and 12 = 32 - 20: the rectangle government/civil society x female/male needs the 20 hidden too.
    const r = suppressAttendanceCells(cells, 5);
    expect(r.suppressed).toEqual([true, true, true, true]);
    expect(r.primary).toBe(1);
    expect(r.secondary).toBe(3);
  });
});


describe('cellsPerTotal', () => {
  it('groups the cells exactly as the names of their published totals do, in the order those names first appear', () => {
    // Two source sets, two years, the host and two other countries, two modes, categories that
    // repeat across breakdowns ("unknown" as a country and as a class), 96 cells in all.
    const cells: AttendanceCell[] = [];
    for (const sourceSet of ['user', 'demo'])
      for (const year of [2019, 2021])
        for (const [country, host] of [['XXX', 'host_country'], ['YYY', 'other_countries'], [null, 'unknown']] as const)
          for (const stakeholder of ['government', 'civil_society'])
            for (const mode of ['onsite', 'online'])
              for (const gender of ['female', 'male'])
                cells.push({
                  ...cell(country ?? '', stakeholder, cells.length + 1, host, sourceSet),
                  country_iso3: country,
                  meeting_year: year,
                  participation_mode: mode,
                  gender,
                  gs_un_developing: country === 'YYY' ? 'global_south' : 'unknown'
                });
    const named = new Map<string, number[]>();
    cells.forEach((c, i) => {
      for (const key of publishedTotalsOf(c)) named.set(key, [...(named.get(key) ?? []), i]);
    });
    const numbered = cellsPerTotal(cells);
    expect(numbered).toEqual([...named.values()]);
    // a table with enough totals to tell orders apart: sets x years x modes x host sides x breakdown values
    expect(numbered.length).toBeGreaterThan(200);
  });
});
