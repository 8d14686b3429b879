/**
 * Loads the `country` and `country_alias` tables from the reference CSVs in
 * data/reference/ (see PROVENANCE.md there for what each file is and where it
 * came from). Everything runs inside DuckDB; file paths are always passed as
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
 * (alias_key, iso3, origin, tier): one row per spelling per source column.
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
  // A row with an empty iso3 blocks its spelling; the note says why, and its
  // first words say what kind of block it is (kept in country_alias_blocked):
  //   "blocked: ..."     ambiguous or without a code ("Korea", "Kosovo")
  //   "split state: ..." a former state that split ("USSR", "Yugoslavia")
  //   "region: ..."      not a country ("Americas"), so no typo match lands on "America"
  // `line` keeps the file order for picking one note per key.
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE ref_curated AS
       SELECT alias, iso3, note,
              CASE WHEN starts_with(lower(note), 'blocked:') THEN 'blocked'
                   WHEN starts_with(lower(note), 'split state:') THEN 'split_state'
                   WHEN starts_with(lower(note), 'region:') THEN 'region' END AS block_kind,
              line
       FROM (
         SELECT trim(alias) AS alias, nullif(upper(trim(iso3)), '') AS iso3, trim(coalesce(note, '')) AS note,
                row_number() OVER () AS line
         FROM read_csv(?, header = true, delim = ',', quote = '"', columns = {'alias': 'VARCHAR', 'iso3': 'VARCHAR', 'note': 'VARCHAR'})
       )`,
    [f(FILES.curated)]
  );

  await conn.run(`
    CREATE OR REPLACE TEMP TABLE ref_alias_spelling AS
    WITH codes AS (
      SELECT "ISO-alpha3 Code" AS iso3, "ISO-alpha3 Code" AS spelling, 'iso3' AS origin FROM ref_m49
      -- Not "NA" (Namibia): in a country column it is far more often "not available".
      -- "Namibia", "NAM" and "516" still resolve.
      UNION ALL SELECT "ISO-alpha3 Code", "ISO-alpha2 Code", 'iso2' FROM ref_m49 WHERE "ISO-alpha2 Code" <> 'NA'
      UNION ALL SELECT "ISO-alpha3 Code", "M49 Code", 'm49' FROM ref_m49
      UNION ALL SELECT "ISO-alpha3 Code", CAST(CAST("M49 Code" AS INTEGER) AS VARCHAR), 'm49_unpadded' FROM ref_m49
      UNION ALL SELECT "ISO-alpha3 Code", "Country or Area", 'unsd_m49.country_or_area' FROM ref_m49
    ),
    country_codes AS (
      UNPIVOT (
        SELECT "ISO3166-1-Alpha-3" AS iso3,
          "UNTERM English Short" AS "unterm.en_short", "UNTERM English Formal" AS "unterm.en_formal",
          "UNTERM French Short"  AS "unterm.fr_short", "UNTERM French Formal"  AS "unterm.fr_formal",
          "UNTERM Spanish Short" AS "unterm.es_short", "UNTERM Spanish Formal" AS "unterm.es_formal",
          "UNTERM Russian Short" AS "unterm.ru_short", "UNTERM Russian Formal" AS "unterm.ru_formal",
          "UNTERM Arabic Short"  AS "unterm.ar_short", "UNTERM Arabic Formal"  AS "unterm.ar_formal",
          "UNTERM Chinese Short" AS "unterm.zh_short", "UNTERM Chinese Formal" AS "unterm.zh_formal",
          official_name_en AS "official_name.en", official_name_fr AS "official_name.fr",
          official_name_es AS "official_name.es", official_name_ru AS "official_name.ru",
          official_name_ar AS "official_name.ar", official_name_cn AS "official_name.zh",
          "CLDR display name" AS cldr
        FROM ref_codes
      ) ON COLUMNS(* EXCLUDE iso3) INTO NAME origin VALUE spelling
    ),
    master AS (
      UNPIVOT (
        SELECT iso3,
          country_name_en AS "cccommons.en", country_name_fr AS "cccommons.fr", country_name_es AS "cccommons.es",
          country_name_ru AS "cccommons.ru", country_name_ar AS "cccommons.ar", country_name_zh AS "cccommons.zh",
          country_name_sdg_en AS "cccommons.sdg_en", wb_country_name AS "world_bank"
        FROM ref_master
      ) ON COLUMNS(* EXCLUDE iso3) INTO NAME origin VALUE spelling
    ),
    internacia AS (
      -- The Palestine row carries a placeholder "(G-77 member, ...)" instead of a name.
      SELECT iso3, name_internacia, 'internacia' FROM ref_groups WHERE name_internacia NOT LIKE '(%'
    )
    SELECT iso3, trim(spelling) AS spelling, origin FROM (
      SELECT iso3, spelling, origin FROM codes
      UNION ALL SELECT iso3, spelling, origin FROM country_codes
      UNION ALL SELECT iso3, spelling, origin FROM master
      UNION ALL SELECT * FROM internacia
    )
    WHERE iso3 IS NOT NULL AND spelling IS NOT NULL AND trim(spelling) <> ''
  `);

  await conn.run(`
    CREATE OR REPLACE TEMP TABLE ref_alias_candidate AS
    WITH direct AS (
      SELECT country_key(alias) AS alias_key, iso3, 'curated' AS origin, 0 AS tier FROM ref_curated
      UNION ALL
      SELECT country_key(spelling), iso3, origin, 1 FROM ref_alias_spelling
    ),
    derived AS (
      -- "Bolivia (Plurinational State of)" -> "Bolivia"; UNTERM's "Holy See (the) *" -> "Holy See"
      SELECT country_key(regexp_replace(spelling, '\\s*\\([^()]*\\)[\\s*]*$', '')) AS alias_key, iso3,
             origin || '~no_parenthesis' AS origin, 2 AS tier
      FROM ref_alias_spelling WHERE regexp_matches(spelling, '\\)[\\s*]*$')
      UNION ALL
      -- UNTERM fr/es formal names start with an article: "la République de Corée"
      SELECT country_key(regexp_replace(spelling, '^(la|le|les|el|los|las)\\s+|^l[''’]', '', 'i')), iso3,
             origin || '~no_article', 2
      FROM ref_alias_spelling WHERE origin IN ('unterm.fr_formal', 'unterm.es_formal')
      UNION ALL
      -- UNTERM English formal names keep "the" inside ("the Republic of the Sudan");
      -- people drop it: "Republic of Sudan", "Republic of Philippines".
      SELECT country_key(regexp_replace(spelling, '(\\sof)\\s+the\\s', '\\1 ', 'i')), iso3,
             origin || '~no_inner_the', 2
      FROM ref_alias_spelling WHERE origin = 'unterm.en_formal' AND regexp_matches(spelling, '\\sof\\s+the\\s', 'i')
    ),
    names AS (
      -- codes are not names: ISO2 "ST" (São Tomé) must not become "Saint"
      SELECT * FROM direct WHERE tier = 1 AND origin NOT IN ('iso3', 'iso2', 'm49', 'm49_unpadded')
      UNION ALL SELECT * FROM derived
    ),
    saint AS (
      -- "St. Lucia" <-> "Saint Lucia"
      SELECT regexp_replace(alias_key, '(^| )st( |$)', '\\1saint\\2', 'g') AS alias_key, iso3,
             origin || '~saint' AS origin, 2 AS tier
      FROM names
      WHERE regexp_matches(alias_key, '(^| )st( |$)')
      UNION ALL
      SELECT regexp_replace(alias_key, '(^| )saint( |$)', '\\1st\\2', 'g'), iso3, origin || '~st', 2
      FROM names
      WHERE regexp_matches(alias_key, '(^| )saint( |$)')
    )
    SELECT DISTINCT alias_key, iso3, origin, tier
    FROM (SELECT * FROM direct UNION ALL SELECT * FROM derived UNION ALL SELECT * FROM saint)
    WHERE alias_key IS NOT NULL AND alias_key <> ''
  `);

  // Per key, only the best tier present counts: a curated alias overrides the
  // reference columns, and a spelling found as-is overrides a derived variant.
  // For a blocked key, iso3s/origins list what the reference columns would have given.
  await conn.run(`
    CREATE OR REPLACE TEMP TABLE ref_alias_tier AS
    WITH best AS (
      SELECT alias_key, min(tier) AS tier, bool_or(iso3 IS NULL) AS blocked
      FROM ref_alias_candidate GROUP BY alias_key
    )
    SELECT c.alias_key, best.tier, best.blocked,
           list_sort(list(DISTINCT c.iso3) FILTER (c.iso3 IS NOT NULL)) AS iso3s,
           list_sort(list(DISTINCT c.origin) FILTER (c.iso3 IS NOT NULL)) AS origins,
           -- deterministic, readable origin: prefer plain columns over derived ones, then alphabetical
           min(c.origin ORDER BY length(c.origin) - length(replace(c.origin, '~', '')), c.origin) AS origin
    FROM ref_alias_candidate c JOIN best ON c.alias_key = best.alias_key AND (c.tier = best.tier OR best.blocked)
    GROUP BY c.alias_key, best.tier, best.blocked
  `);
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
 * sql/country_alias_blocked.sql).
 */
export async function loadCountryReference(
  conn: DuckDBConnection,
  referenceDir: string
): Promise<{ countries: number; aliases: number }> {
  await stage(conn, referenceDir);
  try {
    await validate(conn);

    await conn.run('DELETE FROM country_alias');
    await conn.run('DELETE FROM country');
    await conn.run(`
      INSERT INTO country
      WITH sdg AS (
        SELECT iso3,
               bool_or(group_name = 'Developing regions') AS developing,
               bool_or(group_name LIKE 'Developed regions%') AS developed
        FROM ref_membership WHERE source = 'un_sdg' GROUP BY iso3
      )
      SELECT
        m."ISO-alpha3 Code",
        m."ISO-alpha2 Code",
        lpad(m."M49 Code", 3, '0'),
        m."Country or Area",
        m."Region Name",
        m."Sub-region Name",
        CASE g.un_regional_group_code
          WHEN 'AFRICANGROUP' THEN 'african'
          WHEN 'ASIAPACIFICGROUP' THEN 'asia_pacific'
          WHEN 'EEG' THEN 'eastern_european'
          WHEN 'GRULAC' THEN 'grulac'
          WHEN 'WEOG' THEN 'weog'
        END,
        CASE WHEN sdg.developing THEN true WHEN sdg.developed THEN false END,
        -- The list holds China and Palestine: "Group of 77 and China" is counted with China.
        coalesce(g.g77_member = 'yes', false),
        CASE cm.wb_income_code
          WHEN 'LIC' THEN 'low' WHEN 'LMC' THEN 'lower_middle'
          WHEN 'UMC' THEN 'upper_middle' WHEN 'HIC' THEN 'high'
        END,
        -- cccommons is the newer UNSD snapshot (São Tomé and Príncipe left the LDCs in
        -- Dec. 2024; the 2024 M49 file still flags it). Taiwan is only in the M49 file.
        coalesce(cm.is_ldc::BOOLEAN, m."Least Developed Countries (LDC)" IS NOT NULL),
        coalesce(cm.is_lldc::BOOLEAN, m."Land Locked Developing Countries (LLDC)" IS NOT NULL),
        coalesce(cm.is_sids::BOOLEAN, m."Small Island Developing States (SIDS)" IS NOT NULL)
      FROM ref_m49 m
      LEFT JOIN ref_groups g ON g.iso3 = m."ISO-alpha3 Code"
      LEFT JOIN ref_master cm ON cm.iso3 = m."ISO-alpha3 Code"
      LEFT JOIN sdg ON sdg.iso3 = m."ISO-alpha3 Code"
    `);
    await conn.run(`
      INSERT INTO country_alias
      SELECT alias_key, iso3s[1], origin FROM ref_alias_tier WHERE NOT blocked AND len(iso3s) = 1
    `);
    await conn.run(sqlFile('country_alias_blocked.sql'));
    await conn.run(sqlFile('fill_country_alias_blocked.sql'));

    return {
      countries: await scalar(conn, 'SELECT count(*) FROM country'),
      aliases: await scalar(conn, 'SELECT count(*) FROM country_alias')
    };
  } finally {
    await dropStaging(conn);
  }
}
