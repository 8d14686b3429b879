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
 * metrics publish at any size since issue 14, are protected like the others. Known limit: such a
 * total made of a single export cell below k equals that cell, and hiding counts cannot protect it
 * (docs/metrics.md, "Limits and open points").
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

/** The keys of every published total a cell counts towards (totals never span two source sets). */
export function publishedTotalsOf(c: AttendanceCell): string[] {
  const breakdowns = [
    'total',
    `country=${c.country_iso3 ?? 'unknown'}`,
    `stakeholder=${c.stakeholder_group}`,
    `gender=${c.gender}`,
    `region=${c.region}`,
    `m49=${c.m49_region}`,
    `un_developing=${c.gs_un_developing}`,
    `g77=${c.gs_g77}`,
    `wb=${c.gs_wb_non_high_income}`,
    `regional_groups=${c.gs_regional_groups}`,
    `ldc=${c.ldc}`,
    `lldc=${c.lldc}`,
    `sids=${c.sids}`,
    `ldc_lldc_sids=${c.ldc_lldc_sids}`
  ];
  const modes = [c.participation_mode, 'all'];
  // exclude_host=true publishes the same totals over the cells outside the host country.
  const hosts = c.host === 'host_country' ? ['with_host'] : ['with_host', 'without_host'];
  const keys: string[] = [];
  for (const mode of modes) for (const host of hosts) for (const b of breakdowns) keys.push(`${c.source_set}|${c.meeting_year}|${mode}|${host}|${b}`);
  return keys;
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

  const totals = new Map<string, number[]>();
  cells.forEach((c, i) => {
    for (const key of publishedTotalsOf(c)) {
      const members = totals.get(key);
      if (members) members.push(i);
      else totals.set(key, [i]);
    }
  });

  let secondary = 0;
  for (let changed = true; changed; ) {
    changed = false;
    for (const members of totals.values()) {
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
  return { suppressed, primary, secondary };
}
