/**
 * Loads the `country` and `country_alias` tables from the reference CSVs in
 * data/reference/ (see PROVENANCE.md there for what each file is and where it
 * came from). Everything runs inside DuckDB (the longer statements are in
 * sql/, one file per table built); file paths are always passed as
 * prepared-statement parameters.
 *
 * Expects pipelines/schema/schema.sql and macros.sql to have been run on the
 * connection. Replaces the previous contents of the tables it fills.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';

const sqlFile = (name: string) => readFileSync(new URL(`./sql/${name}`, import.meta.url), 'utf8');

const FILES = {
  m49: 'unsd_m49_en.csv',
  codes: 'datasets_country-codes.csv',
  master: 'cccommons_countries_master.csv',
  membership: 'cccommons_country_group_membership.csv',
  groups: 'un_regional_groups_g77.csv',
  curated: 'country_aliases.csv'
} as const;

export interface AmbiguousAliasKey {
  aliasKey: string;
  /** The distinct ISO3 codes the spellings behind this key point to. */
  iso3s: string[];
  origins: string[];
  /** true: blocked on purpose in country_aliases.csv; false: found ambiguous in the reference data. */
  blocked: boolean;
}

const TEMP_TABLES = [
  'ref_m49', 'ref_codes', 'ref_master', 'ref_membership', 'ref_groups', 'ref_curated',
  'ref_alias_spelling', 'ref_alias_candidate', 'ref_alias_tier'
];

async function readCsv(conn: DuckDBConnection, table: string, file: string): Promise<void> {
  // all_varchar: codes like '004' keep their zeros and 'NA' (Namibia) stays a string.
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE ${table} AS SELECT * FROM read_csv(?, header = true, delim = ',', quote = '"', all_varchar = true)`,
    [file]
  );
}

/**
 * Reads the CSVs into temp tables and builds `ref_alias_candidate`
 * (alias_key, iso3, origin, tier): one row per spelling per source column,
 * and from it `ref_alias_tier`, one row per key (sql/ref-*.sql).
 * Tiers: 0 = the curated list, 1 = a spelling as given by a reference column,
 * 2 = a variant derived from one (trailing "(...)" or a leading fr/es article
 * dropped, "St" <-> "Saint"). A curated row with an empty iso3 blocks its key
 * (iso3 NULL here): a spelling known to be ambiguous is never resolved.
 */
async function stage(conn: DuckDBConnection, referenceDir: string): Promise<void> {
  const f = (name: string) => path.join(referenceDir, name);
  await readCsv(conn, 'ref_m49', f(FILES.m49));
  await readCsv(conn, 'ref_codes', f(FILES.codes));
  await readCsv(conn, 'ref_master', f(FILES.master));
  await readCsv(conn, 'ref_membership', f(FILES.membership));
  await readCsv(conn, 'ref_groups', f(FILES.groups));
  await conn.run(sqlFile('ref-curated.sql'), [f(FILES.curated)]);
  await conn.run(sqlFile('ref-alias-spelling.sql'));
  await conn.run(sqlFile('ref-alias-candidate.sql'));
  await conn.run(sqlFile('ref-alias-tier.sql'));
}

async function dropStaging(conn: DuckDBConnection): Promise<void> {
  for (const t of TEMP_TABLES) await conn.run(`DROP TABLE IF EXISTS ${t}`);
}

async function scalar(conn: DuckDBConnection, sql: string): Promise<number> {
  const rows = (await conn.runAndReadAll(sql)).getRows();
  return Number(rows[0][0]);
}

async function fail(conn: DuckDBConnection, message: string, sql: string): Promise<never> {
  const rows = (await conn.runAndReadAll(sql)).getRowObjectsJson();
  throw new Error(`${message}: ${JSON.stringify(rows)}`);
}

/** Sanity checks on the inputs; each throws with the offending rows. */
async function validate(conn: DuckDBConnection): Promise<void> {
  const checks: [string, string][] = [
    [
      'curated alias points to an ISO3 code that is not in the M49 list',
      `SELECT alias, iso3 FROM ref_curated WHERE iso3 NOT IN (SELECT "ISO-alpha3 Code" FROM ref_m49)`
    ],
    [
      'curated alias: an empty iso3 needs a note starting "blocked:", "split state:" or "region:", and only an empty iso3 may have one',
      `SELECT alias, iso3, note FROM ref_curated WHERE (iso3 IS NULL) <> (block_kind IS NOT NULL)`
    ],
    [
      'curated alias is empty after country_key()',
      `SELECT alias, iso3 FROM ref_curated WHERE coalesce(country_key(alias), '') = ''`
    ],
    [
      'curated aliases are ambiguous (one key, two ISO3 codes)',
      `SELECT alias_key, list(DISTINCT coalesce(iso3, 'blocked')) AS iso3s FROM ref_alias_candidate
       WHERE tier = 0 GROUP BY alias_key HAVING count(DISTINCT coalesce(iso3, 'blocked')) > 1`
    ],
    [
      'un_regional_groups_g77.csv has a row outside the M49 list or an unknown group/flag',
      `SELECT iso3, un_regional_group_code, g77_member FROM ref_groups
       WHERE iso3 NOT IN (SELECT "ISO-alpha3 Code" FROM ref_m49)
          OR coalesce(un_regional_group_code, 'AFRICANGROUP') NOT IN ('AFRICANGROUP', 'ASIAPACIFICGROUP', 'EEG', 'GRULAC', 'WEOG')
          OR g77_member NOT IN ('yes', 'no')`
    ],
    [
      'a country is both a developed and a developing region in the UN SDG grouping',
      `SELECT iso3 FROM ref_membership
       WHERE source = 'un_sdg' AND (group_name = 'Developing regions' OR group_name LIKE 'Developed regions%')
       GROUP BY iso3 HAVING count(*) > 1`
    ],
    [
      'unknown World Bank income code',
      `SELECT iso3, wb_income_code FROM ref_master WHERE wb_income_code NOT IN ('LIC', 'LMC', 'UMC', 'HIC')`
    ]
  ];
  for (const [message, sql] of checks) {
    if ((await scalar(conn, `SELECT count(*) FROM (${sql})`)) > 0) await fail(conn, message, sql);
  }
}

/**
 * Alias keys left out of country_alias because they are ambiguous: those whose
 * spellings (in the best tier present for that key) point to more than one
 * country, and those blocked in country_aliases.csv as "blocked:". Former
 * states that split ("split state:") and regions ("region:") are not
 * ambiguous spellings and are not listed; country_alias_blocked has them all.
 */
export async function listAmbiguousAliasKeys(conn: DuckDBConnection, referenceDir: string): Promise<AmbiguousAliasKey[]> {
  await stage(conn, referenceDir);
  try {
    const rows = (
      await conn.runAndReadAll(
        `SELECT alias_key, iso3s, origins, blocked FROM ref_alias_tier
         WHERE (len(iso3s) > 1 OR blocked)
           AND alias_key NOT IN (SELECT country_key(alias) FROM ref_curated WHERE block_kind IN ('split_state', 'region'))
         ORDER BY alias_key`
      )
    ).getRowObjectsJson();
    return rows.map((r) => ({
      aliasKey: String(r.alias_key),
      iso3s: (r.iso3s as string[] | null) ?? [],
      origins: (r.origins as string[] | null) ?? [],
      blocked: Boolean(r.blocked)
    }));
  } finally {
    await dropStaging(conn);
  }
}

/**
 * Fills `country`, `country_alias` and `country_alias_blocked` (created here
 * if missing: keys known and left unresolved on purpose, see
 * sql/country-alias-blocked.sql).
 */
export async function loadCountryReference(
  conn: DuckDBConnection,
  referenceDir: string
): Promise<{ countries: number; aliases: number }> {
  await stage(conn, referenceDir);
  try {
    await validate(conn);

    await conn.run('DELETE FROM country_alias');
    await conn.run('DELETE FROM country_name');
    await conn.run('DELETE FROM country');
    await conn.run(sqlFile('fill-country.sql'));
    await conn.run(sqlFile('fill-country-name.sql'));
    await conn.run(`
      INSERT INTO country_alias
      SELECT alias_key, iso3s[1], origin FROM ref_alias_tier WHERE NOT blocked AND len(iso3s) = 1
    `);
    await conn.run(sqlFile('country-alias-blocked.sql'));
    await conn.run(sqlFile('fill-country-alias-blocked.sql'));

    return {
      countries: await scalar(conn, 'SELECT count(*) FROM country'),
      aliases: await scalar(conn, 'SELECT count(*) FROM country_alias')
    };
  } finally {
    await dropStaging(conn);
  }
}
