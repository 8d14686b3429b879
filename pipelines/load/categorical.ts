/**
 * Normalises the categorical fields of a staged file: country, stakeholder
 * group, gender, participation mode, role and the yes/no fields.
 *
 * A field can be fed by several columns, in order of precedence, because real
 * participant lists spread one fact over several: a country name and an ISO
 * code (the code wins), a gender column, an honorific ("Ms") and a 0/1
 * "Female" column, a mode column, a yes/no "On-Site" and a "Virtual" column.
 * The loader joins a field's columns into one text, `<field>_input`; every
 * distinct input is resolved once here into `map_<field>(raw, value)`, which
 * the insert SQL joins on. A million rows hold a few hundred distinct inputs.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { FIELDS, type RecordKind } from '../records/kinds.ts';
import type { HeaderMatch } from '../records/headers.ts';
import { buildCountryMap, countryResolutionSummary } from './country-match.ts';
import { storedType } from '../schema/category-types.ts';

/** Separates a field's columns inside `<field>_input`; no text in a cell contains it. */
const SEPARATOR = 'chr(31)';

/**
 * Each categorical field, the columns that can feed it (most trusted first), its value when nothing
 * resolves, and for a field whose text is stored beside its value (country_raw) the columns that
 * text is taken from, first given one first.
 */
const CATEGORICAL: Record<string, { columns: string[]; fallback: 'unknown' | null; stored?: string[] }> = {
  country: { columns: ['country_code', 'country'], fallback: null, stored: ['country', 'country_code'] },
  stakeholder_group: { columns: ['stakeholder_group'], fallback: 'unknown' },
  gender: { columns: ['gender', 'honorific', 'female_flag'], fallback: 'unknown' },
  participation_mode: { columns: ['participation_mode', 'onsite_flag', 'online_flag'], fallback: 'unknown' },
  role: { columns: ['role'], fallback: 'unknown' },
  first_time: { columns: ['first_time'], fallback: null },
  synthetic: { columns: ['synthetic'], fallback: null }
};

/** How one column's text is looked up: a synonym list (by field and key macro), or the country resolver. */
const COLUMN_LOOKUP: Record<string, { synonyms: string; key: 'text_key' | 'honorific_key' } | 'country'> = {
  country: 'country',
  country_code: 'country',
  stakeholder_group: { synonyms: 'stakeholder_group', key: 'text_key' },
  gender: { synonyms: 'gender', key: 'text_key' },
  honorific: { synonyms: 'honorific', key: 'honorific_key' },
  female_flag: { synonyms: 'boolean', key: 'text_key' },
  participation_mode: { synonyms: 'participation_mode', key: 'text_key' },
  onsite_flag: { synonyms: 'onsite_flag', key: 'text_key' },
  online_flag: { synonyms: 'boolean', key: 'text_key' },
  role: { synonyms: 'role', key: 'text_key' },
  first_time: { synonyms: 'boolean', key: 'text_key' },
  synthetic: { synonyms: 'boolean', key: 'text_key' }
};

export interface CategoricalField {
  field: string;
  /** The columns of this file that feed it, most trusted first (none: every row gets the fallback). */
  columns: string[];
}

export interface Unresolved {
  count: number;
  /** Most frequent raw values that could not be normalised (trimmed), with their counts. */
  top: Array<{ value: string; count: number }>;
  /** For country: how many of them name a former state that split (USSR, Yugoslavia ...), left unresolved on purpose. */
  former_states?: number;
}

/** Values found by a rule a user may want to check, with how many rows each rule decided. */
export interface ResolvedByRule {
  country_close_spelling?: { count: number; examples: string[] };
  country_code_over_name?: { count: number; examples: string[] };
  gender_from_honorific?: { count: number };
  gender_from_female_column?: { count: number };
  mode_from_yes_no_columns?: { count: number };
}

export interface CategoricalSummary {
  unresolved: Record<string, Unresolved>;
  resolved_by_rule: ResolvedByRule;
}

/** The categorical fields of a kind with the columns this file has for each. */
export function categoricalFields(kind: RecordKind, match: HeaderMatch): CategoricalField[] {
  return Object.entries(CATEGORICAL)
    .filter(([field]) => field in FIELDS[kind])
    .map(([field, spec]) => ({ field, columns: spec.columns.filter((c) => c in FIELDS[kind] && match.columns[c] !== undefined) }));
}

/** SQL for the text of the field's `index`th column within an `<field>_input` value (`input`). */
function columnText(columns: string[], index: number, input: string): string {
  return columns.length === 1 ? input : `split_part(${input}, ${SEPARATOR}, ${index + 1})`;
}

/** SQL for `<field>_input` in the staged view: the field's columns joined, '' for none. */
export function inputExpression({ columns }: CategoricalField): string {
  if (columns.length === 0) return "''";
  if (columns.length === 1) return `coalesce(${columns[0]}, '')`;
  return `concat_ws(${SEPARATOR}, ${columns.map((c) => `coalesce(${c}, '')`).join(', ')})`;
}

/**
 * Builds `map_<field>` for every categorical field from the view `checked`
 * (staged rows with their `<field>_input` and reject reason) and says what
 * could not be resolved and what was resolved by a rule.
 */
export async function buildCategoryMaps(conn: DuckDBConnection, fields: CategoricalField[]): Promise<CategoricalSummary> {
  // One pass counts the distinct inputs of every field.
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE spelling AS
     SELECT CASE ${fields.map((f) => `WHEN grouping(${f.field}_input) = 0 THEN '${f.field}'`).join(' ')} END AS field,
            coalesce(${fields.map((f) => `${f.field}_input`).join(', ')}) AS raw, count(*) AS n
     FROM checked WHERE reason IS NULL
     GROUP BY GROUPING SETS (${fields.map((f) => `(${f.field}_input)`).join(', ')})`
  );
  // Every column's distinct texts, with the rows that hold each (one statement: each costs a load a few ms).
  const perColumn = fields.flatMap(({ field, columns }) =>
    columns.map(
      (column, i) =>
        `SELECT '${field}' AS field, '${column}' AS column_name, ${columnText(columns, i, 'raw')} AS raw, sum(n)::BIGINT AS n FROM spelling WHERE field = '${field}' GROUP BY ALL`
    )
  );
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE column_spelling (field VARCHAR, column_name VARCHAR, raw VARCHAR, n BIGINT)`
  );
  if (perColumn.length) await conn.run(`INSERT INTO column_spelling ${perColumn.join(' UNION ALL ')}`);

  const lookedUp = [...new Set(fields.flatMap((f) => f.columns))];
  const summary: CategoricalSummary = { unresolved: {}, resolved_by_rule: {} };
  if (lookedUp.some((c) => COLUMN_LOOKUP[c] === 'country')) {
    await conn.run(`CREATE OR REPLACE TEMP TABLE country_spelling AS
      SELECT raw, sum(n) AS n FROM column_spelling WHERE column_name IN ('country', 'country_code') GROUP BY raw`);
    await resolveCountrySpellings(conn);
    await conn.run(`CREATE OR REPLACE TEMP TABLE country_spelling_resolved AS
      SELECT s.raw, s.n, p.value, p.how, p.matched FROM country_spelling s JOIN part_country p ON p.raw = s.raw`);
  }
  for (const column of lookedUp) {
    const lookup = COLUMN_LOOKUP[column];
    if (lookup === 'country') continue;
    await conn.run(
      `CREATE OR REPLACE TEMP TABLE part_${column} AS
       SELECT d.raw, m.value, given(d.raw) IS NOT NULL AS given, m.value IS NOT NULL AS resolved, NULL::VARCHAR AS how
       FROM (SELECT DISTINCT raw FROM column_spelling WHERE column_name = '${column}') d
       LEFT JOIN (SELECT spelling_key, value FROM synonym WHERE field = '${lookup.synonyms}') m
         ON given(d.raw) IS NOT NULL AND m.spelling_key = ${lookup.key}(d.raw)`
    );
  }

  for (const f of fields) {
    const { fallback } = CATEGORICAL[f.field];
    const parts = f.columns.map((column, i) => {
      const table = COLUMN_LOOKUP[column] === 'country' ? 'part_country' : `part_${column}`;
      const text = columnText(f.columns, i, 'd.raw');
      return `LEFT JOIN ${table} ${column} ON ${column}.raw = ${text}`;
    });
    const { value, how } = combine(f);
    await conn.run(
      `CREATE OR REPLACE TEMP TABLE map_${f.field} AS
       SELECT d.raw, d.n, CAST(coalesce(${value}, ${fallback === null ? 'NULL' : `'${fallback}'`}) AS ${storedType(f.field)}) AS value, ${how} AS how,
              ${storedText(f)} AS stored_text
       FROM (SELECT raw, n FROM spelling WHERE field = '${f.field}') d
       ${parts.join('\n       ')}`
    );
    // A text nobody could read matters only where no other column of the field decided the value.
    for (const [i, column] of f.columns.entries()) {
      const table = COLUMN_LOOKUP[column] === 'country' ? 'part_country' : `part_${column}`;
      const text = columnText(f.columns, i, 'm.raw');
      const found = await rows(
        conn,
        `SELECT trim(${text}) AS value, sum(m.n) AS n, bool_or(p.how = 'split_state') AS former
         FROM map_${f.field} m JOIN ${table} p ON p.raw = ${text}
         WHERE m.how IS NULL AND p.given AND NOT p.resolved
         GROUP BY 1 ORDER BY n DESC, value`
      );
      if (found.length) summary.unresolved[column] = unresolvedSummary(found);
    }
  }
  await summariseRules(conn, fields, summary.resolved_by_rule);
  return summary;
}

/**
 * `map_<field>.stored_text`: the text a row keeps beside the field's value (country_raw: the name as
 * given, else the code), worked out once per distinct input rather than on every row of the insert.
 */
function storedText({ field, columns }: CategoricalField): string {
  const parts = (CATEGORICAL[field].stored ?? [])
    .filter((c) => columns.includes(c))
    .map((c) => `given(${columnText(columns, columns.indexOf(c), 'd.raw')})`);
  return parts.length ? `coalesce(${parts.join(', ')})` : 'NULL::VARCHAR';
}

/** The value of a field from its columns' looked-up values, and which rule decided it. */
function combine({ field, columns }: CategoricalField): { value: string; how: string } {
  const has = (c: string) => columns.includes(c);
  const cases: Array<[when: string, value: string, how: string]> = [];
  if (field === 'country') {
    if (has('country_code')) cases.push(['country_code.value IS NOT NULL', 'country_code.value', "'code'"]);
    if (has('country')) cases.push(['country.value IS NOT NULL', 'country.value', "country.how"]);
  } else if (field === 'gender') {
    if (has('gender')) cases.push(["gender.value <> 'unknown'", 'gender.value', "'gender'"]);
    if (has('honorific')) cases.push(["honorific.value IN ('male', 'female')", 'honorific.value', "'honorific'"]);
    if (has('female_flag')) {
      cases.push(["female_flag.value = 'true'", "'female'", "'female_flag'"]);
      // 0 means "not a woman" only when the file records gender nowhere else.
      if (!has('gender') && !has('honorific')) cases.push(["female_flag.value = 'false'", "'male'", "'female_flag'"]);
    }
  } else if (field === 'participation_mode') {
    if (has('participation_mode')) cases.push(["participation_mode.value <> 'unknown'", 'participation_mode.value', "'mode'"]);
    if (has('onsite_flag')) cases.push(["onsite_flag.value IN ('onsite', 'online')", 'onsite_flag.value', "'yes_no'"]);
    if (has('online_flag')) {
      cases.push(["online_flag.value = 'true'", "'online'", "'yes_no'"]);
      // "Not virtual" means on site, unless the On-Site column says "No": then the file contradicts itself.
      const notAbsent = has('onsite_flag') ? " AND onsite_flag.value IS DISTINCT FROM 'not_onsite'" : '';
      cases.push([`online_flag.value = 'false'${notAbsent}`, "'onsite'", "'yes_no'"]);
    }
  } else if (columns.length) {
    cases.push([`${field}.value IS NOT NULL`, `${field}.value`, "'exact'"]);
  }
  if (cases.length === 0) return { value: 'NULL', how: 'NULL::VARCHAR' };
  return {
    value: `CASE ${cases.map(([when, value]) => `WHEN ${when} THEN ${value}`).join(' ')} END`,
    how: `CASE ${cases.map(([when, , how]) => `WHEN ${when} THEN ${how}`).join(' ')} END`
  };
}

async function summariseRules(conn: DuckDBConnection, fields: CategoricalField[], rules: ResolvedByRule): Promise<void> {
  const has = (field: string, column: string) => fields.some((f) => f.field === field && f.columns.includes(column));
  const rowsBy = async (field: string, how: string) =>
    Number((await rows(conn, `SELECT coalesce(sum(n), 0) FROM map_${field} WHERE how = '${how}'`))[0][0]);

  if (has('country', 'country') || has('country', 'country_code')) {
    const { close } = await countryResolutionSummary(conn, 'country_spelling_resolved');
    if (close.count) {
      rules.country_close_spelling = { count: close.count, examples: close.examples.map((e) => `${e.raw} → ${e.iso3} (${e.name})`) };
    }
  }
  if (has('country', 'country') && has('country', 'country_code')) {
    const disagreements = await rows(
      conn,
      `SELECT trim(split_part(m.raw, ${SEPARATOR}, 2)) || ' / ' || trim(split_part(m.raw, ${SEPARATOR}, 1)) AS example, sum(m.n) AS n
       FROM map_country m JOIN part_country name ON name.raw = split_part(m.raw, ${SEPARATOR}, 2)
       WHERE m.how = 'code' AND name.value IS NOT NULL AND name.value <> m.value
       GROUP BY 1 ORDER BY n DESC, example`
    );
    if (disagreements.length) {
      rules.country_code_over_name = {
        count: disagreements.reduce((sum, r) => sum + Number(r[1]), 0),
        examples: disagreements.slice(0, 5).map((r) => `${r[0]} (${Number(r[1])})`)
      };
    }
  }
  if (has('gender', 'honorific')) {
    const count = await rowsBy('gender', 'honorific');
    if (count) rules.gender_from_honorific = { count };
  }
  if (has('gender', 'female_flag')) {
    const count = await rowsBy('gender', 'female_flag');
    if (count) rules.gender_from_female_column = { count };
  }
  if (has('participation_mode', 'onsite_flag') || has('participation_mode', 'online_flag')) {
    const count = await rowsBy('participation_mode', 'yes_no');
    if (count) rules.mode_from_yes_no_columns = { count };
  }
}

/**
 * `part_country(raw, value, given, resolved, how)` for the distinct country
 * texts in `country_spelling`: exact aliases, former states left out on
 * purpose, close spellings (see country-match.ts).
 */
async function resolveCountrySpellings(conn: DuckDBConnection): Promise<void> {
  await buildCountryMap(conn, 'country_spelling', 'country_match');
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE part_country AS
     SELECT raw, value, given(raw) IS NOT NULL AS given, value IS NOT NULL AS resolved, how, matched FROM country_match;
     DROP TABLE country_match;`
  );
}

/** Drops the tables this module creates. */
export async function dropCategoryMaps(conn: DuckDBConnection): Promise<void> {
  const tables = ['spelling', 'column_spelling', 'country_spelling', 'country_spelling_resolved', 'part_country', ...Object.keys(COLUMN_LOOKUP).map((c) => `part_${c}`)];
  for (const t of [...tables, ...Object.keys(CATEGORICAL).map((f) => `map_${f}`)]) await conn.run(`DROP TABLE IF EXISTS ${t}`);
}

function unresolvedSummary(found: unknown[][]): Unresolved {
  const formerStates = found.filter((r) => r[2] === true).reduce((sum, r) => sum + Number(r[1]), 0);
  return {
    count: found.reduce((sum, r) => sum + Number(r[1]), 0),
    top: found.slice(0, 5).map((r) => ({ value: String(r[0]), count: Number(r[1]) })),
    ...(formerStates ? { former_states: formerStates } : {})
  };
}

async function rows(conn: DuckDBConnection, query: string): Promise<unknown[][]> {
  return (await conn.runAndReadAll(query)).getRows() as unknown[][];
}
