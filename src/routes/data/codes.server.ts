/**
 * What the Data & API page explains beside the files: the code of every category with the label the
 * dashboard shows, and the member-state benchmark of the regions metric checked against the country
 * reference table. The lists are read from their homes (domain vocabulary, filter state, the metrics'
 * category list), never written out again here.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { STAKEHOLDER_GROUPS, REGIONAL_GROUPS } from '$lib/charts/categories.ts';
import { REGIONAL_GROUPS as FIVE_GROUPS } from '$lib/domain/regional-groups.ts';
import { DEFINITIONS, MODES, POPULATIONS } from '$lib/state/filters.ts';
import { categoryCodes, isDimension } from '$lib/domain/categories.ts';
import { MEMBER_STATES, MEMBER_STATES_TOTAL } from '$lib/server/metrics/regional-shares.ts';
import { label, t, type MessageKey } from '$lib/i18n/index.ts';

export interface CodeList {
  id: string;
  title: string;
  codes: { code: string; label: string }[];
}

/** Codes the metrics keep outside the shares (unknown, undisclosed, other …) follow the list's own. */
function withMetricCodes(codes: readonly string[], dimension: string): string[] {
  const more = (isDimension(dimension) ? (categoryCodes(dimension) as string[]) : []).filter((c) => !codes.includes(c));
  return [...codes, ...more];
}

function list(id: string, title: MessageKey, codes: readonly string[], prefix: Parameters<typeof label>[0]): CodeList {
  // A code the catalog has no label for (unknown, undisclosed) reads as itself, capitalised.
  const named = (code: string) => label(prefix, code).replace(/^./, (c) => c.toUpperCase());
  return { id, title: t(title), codes: codes.map((code) => ({ code, label: named(code) })) };
}

export function codeLists(): CodeList[] {
  const metricCodes = (d: string): string[] => (isDimension(d) ? categoryCodes(d) : []);
  return [
    list('stakeholder_group', 'data.codes.stakeholder', withMetricCodes(STAKEHOLDER_GROUPS, 'stakeholder_group'), 'category'),
    list('regional_group', 'data.codes.region', withMetricCodes(REGIONAL_GROUPS, 'un_regional_group'), 'category'),
    list('definition', 'data.codes.definition', DEFINITIONS, 'definition'),
    list('global_south', 'data.codes.south', metricCodes('global_south'), 'category'),
    list('gender', 'data.codes.gender', metricCodes('gender'), 'category'),
    list('participation_mode', 'data.codes.mode', withMetricCodes(MODES, 'participation_mode'), 'mode'),
    list('population', 'data.codes.population', POPULATIONS, 'population')
  ];
}

export interface Benchmark {
  total: number;
  groups: { code: string; label: string; states: number; share: number; reference: number | null }[];
  referenceTotal: number;
  /** The regional group the reference table gives each of the special cases (null: none). */
  reference: { usa: string | null; tur: string | null; kir: string | null };
  /** With Kiribati in the Asia-Pacific Group (54 of 193): the relative change of each ratio. */
  withKiribati: { asiaPacific: number; others: number };
}

/** The member-state counts of the regions metric beside the country table's own groups. */
export async function benchmark(conn: DuckDBConnection): Promise<Benchmark> {
  const counts = new Map(
    ((await conn.runAndReadAll('SELECT un_regional_group AS g, count(*)::INTEGER AS n FROM country WHERE un_regional_group IS NOT NULL GROUP BY 1')).getRowObjectsJS() as {
      g: string;
      n: number;
    }[]).map((r) => [r.g, r.n])
  );
  const special = new Map(
    ((await conn.runAndReadAll("SELECT iso3, un_regional_group AS g FROM country WHERE iso3 IN ('USA', 'TUR', 'KIR')")).getRowObjectsJS() as {
      iso3: string;
      g: string | null;
    }[]).map((r) => [r.iso3, r.g])
  );
  const states = MEMBER_STATES as Record<string, number>;
  const asia = states.asia_pacific;
  return {
    total: MEMBER_STATES_TOTAL,
    groups: FIVE_GROUPS.map((code) => ({
      code,
      label: label('category', code),
      states: states[code],
      share: states[code] / MEMBER_STATES_TOTAL,
      reference: counts.get(code) ?? null
    })),
    referenceTotal: [...counts.values()].reduce((a, b) => a + b, 0),
    reference: { usa: special.get('USA') ?? null, tur: special.get('TUR') ?? null, kir: special.get('KIR') ?? null },
    // ratio = share / (states / total): moving Kiribati in divides by the new member-state share.
    withKiribati: {
      asiaPacific: asia / MEMBER_STATES_TOTAL / ((asia + 1) / (MEMBER_STATES_TOTAL + 1)) - 1,
      others: (MEMBER_STATES_TOTAL + 1) / MEMBER_STATES_TOTAL - 1
    }
  };
}
