/**
 * Country spellings of one input file -> ISO3, for the load and its summary.
 *
 * Exact alias keys first (country_alias); then the spellings known and left
 * out on purpose (country_alias_blocked: former states that split, ambiguous
 * names); then, only for what is still unresolved, a close spelling of one
 * country's name (Levenshtein distance 1 from 7 letters, 2 from 12, never on a
 * tie between two countries). The rules are in sql/country-match.sql.
 *
 * Expects the schema, macros.sql and the country reference to be loaded.
 */
import { readFileSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';

const matchSql = readFileSync(new URL('./sql/country-match.sql', import.meta.url), 'utf8');
const blockedTableSql = readFileSync(new URL('../reference/sql/country-alias-blocked.sql', import.meta.url), 'utf8');

const WORK_TABLES = ['country_match_input', 'country_match_exact', 'country_match_name', 'country_match_close', 'country_match_result'];
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** How a spelling got (or did not get) its ISO3; NULL in the table for a blank or missing-value cell. */
export type CountryMatchHow = 'exact' | 'close' | 'split_state' | 'unknown';

export interface CountryResolutionSummary {
  /** Rows resolved by a close spelling (sum of n), with the most frequent spellings. */
  close: { count: number; examples: { raw: string; iso3: string; name: string }[] };
  /** Rows naming a former state that split (USSR, Yugoslavia ...), left unresolved on purpose. */
  split_states: { count: number; top: { value: string; count: number }[] };
}

/**
 * Creates TEMP TABLE `target` (default map_country) with
 * (raw VARCHAR, n BIGINT, value VARCHAR, unresolved BOOLEAN, how VARCHAR, matched VARCHAR):
 * value is the ISO3 or NULL; unresolved is true for a spelling that holds a
 * value (see given() in macros.sql) but got no ISO3; matched is, for a close
 * spelling, the English name of the country it was taken for.
 *
 * `spellings` is spliced into FROM: a table name or a parenthesised SELECT,
 * with columns raw and n (rows per spelling), one row per distinct raw.
 */
export async function buildCountryMap(conn: DuckDBConnection, spellings: string, target = 'map_country'): Promise<void> {
  if (!IDENTIFIER.test(target)) throw new Error(`buildCountryMap: not a table name: ${target}`);
  // A database built before country_alias_blocked existed still works: nothing is flagged.
  await conn.run(blockedTableSql);
  try {
    await conn.run(`CREATE OR REPLACE TEMP TABLE country_match_input AS SELECT raw::VARCHAR AS raw, n::BIGINT AS n FROM ${spellings} s`);
    await conn.run(matchSql);
    await conn.run(`CREATE OR REPLACE TEMP TABLE ${target} AS SELECT * FROM country_match_result`);
  } finally {
    for (const t of WORK_TABLES) await conn.run(`DROP TABLE IF EXISTS ${t}`);
  }
}

/** Close spellings and former states in a table built by buildCountryMap; counts are rows (sum of n). */
export async function countryResolutionSummary(conn: DuckDBConnection, table = 'map_country', examples = 5): Promise<CountryResolutionSummary> {
  if (!IDENTIFIER.test(table)) throw new Error(`countryResolutionSummary: not a table name: ${table}`);
  const rows = async (how: CountryMatchHow, columns: string) =>
    (
      await conn.runAndReadAll(
        `SELECT ${columns}, sum(n)::BIGINT AS n FROM ${table} WHERE how = $1 GROUP BY ALL ORDER BY n DESC, 1`,
        [how]
      )
    ).getRows();

  const close = await rows('close', 'trim(raw), value, matched');
  const split = await rows('split_state', 'trim(raw)');
  const total = (found: unknown[][]) => found.reduce((sum, r) => sum + Number(r[r.length - 1]), 0);
  return {
    close: {
      count: total(close),
      examples: close.slice(0, examples).map((r) => ({ raw: String(r[0]), iso3: String(r[1]), name: String(r[2]) }))
    },
    split_states: {
      count: total(split),
      top: split.slice(0, examples).map((r) => ({ value: String(r[0]), count: Number(r[1]) }))
    }
  };
}
