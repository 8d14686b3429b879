/**
 * The regional group of speaker records, as session pages give it instead of
 * a country. Each distinct spelling is normalised once by the one vocabulary
 * in src/lib/domain/regional-groups.ts into `map_regional_group(raw, value,
 * reason)`, which speakers.sql joins on; the country's own group wins when
 * the country is known.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { normaliseRegionalGroup } from '../../src/lib/domain/regional-groups.ts';

export interface RegionalGroupSummary {
  /** Spellings nobody could read, kept without a group. */
  unrecognised?: { count: number; top: Array<{ value: string; count: number }> };
  /** Texts that are not one UN regional group ("Global", "Intergovernmental Organization", "EU"), kept without a group on purpose. */
  not_one_group?: { count: number; top: Array<{ value: string; count: number }> };
  /** Records with a known country whose group differs from the group the record gives; the country's wins. */
  country_disagrees?: { count: number; examples: string[] };
}

/** Builds map_regional_group from the view `checked`. */
export async function buildRegionalGroupMap(conn: DuckDBConnection): Promise<void> {
  const found = (
    await conn.runAndReadAll(`SELECT regional_group, count(*) FROM checked WHERE reason IS NULL AND given(regional_group) IS NOT NULL GROUP BY 1`)
  ).getRows();
  await conn.run('CREATE OR REPLACE TEMP TABLE map_regional_group (raw VARCHAR, n BIGINT, value VARCHAR, reason VARCHAR)');
  const appender = await conn.createAppender('map_regional_group', 'main', 'temp');
  for (const [raw, n] of found) {
    const match = normaliseRegionalGroup(String(raw));
    appender.appendVarchar(String(raw));
    appender.appendBigInt(BigInt(Number(n)));
    if (match.group === null) appender.appendNull();
    else appender.appendVarchar(match.group);
    appender.appendVarchar(match.reason);
    appender.endRow();
  }
  appender.closeSync();
}

/** What the summary says about one file's regional groups, after its rows were inserted. */
export async function summariseRegionalGroups(conn: DuckDBConnection, file: string): Promise<RegionalGroupSummary> {
  const summary: RegionalGroupSummary = {};
  for (const reason of ['unrecognised', 'not_a_group'] as const) {
    const rows = (
      await conn.runAndReadAll(
        `SELECT trim(raw) AS value, sum(n) AS n FROM map_regional_group WHERE reason = $1 GROUP BY 1 ORDER BY n DESC, value`,
        [reason]
      )
    ).getRows();
    if (!rows.length) continue;
    const entry = {
      count: rows.reduce((sum, r) => sum + Number(r[1]), 0),
      top: rows.slice(0, 5).map((r) => ({ value: String(r[0]), count: Number(r[1]) }))
    };
    if (reason === 'unrecognised') summary.unrecognised = entry;
    else summary.not_one_group = entry;
  }
  const disagreements = (
    await conn.runAndReadAll(
      `SELECT sp.country_iso3 || ' is ' || sp.regional_group || ', the record says ' || rg.value AS example, count(*) AS n
       FROM speaker sp JOIN (SELECT DISTINCT given(raw) AS text, value FROM map_regional_group) rg ON rg.text = sp.regional_group_raw
       WHERE sp.source_file = $1 AND sp.country_iso3 IS NOT NULL AND rg.value IS NOT NULL
         AND rg.value IS DISTINCT FROM sp.regional_group
       GROUP BY 1 ORDER BY n DESC, example`,
      [file]
    )
  ).getRows();
  if (disagreements.length) {
    summary.country_disagrees = {
      count: disagreements.reduce((sum, r) => sum + Number(r[1]), 0),
      examples: disagreements.slice(0, 5).map((r) => `${r[0]} (${Number(r[1])})`)
    };
  }
  return summary;
}
