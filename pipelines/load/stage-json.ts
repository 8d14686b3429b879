/**
 * DuckDB's own read of a JSON file: JSON lines (one record per line) or one array of records. It
 * stages exactly what the JavaScript path (jsonRows in stage.ts) would, or nothing: the same
 * values as text, the same headers in the same order, the same line per record. Anything it cannot
 * vouch for sends the whole file down the JavaScript path, which rejects bad records one by one:
 *
 * - DuckDB fails to read the file (invalid JSON, invalid UTF-8, a lone surrogate escape);
 * - a record DuckDB accepts but JSON.parse would not (trailing commas, NaN, Infinity): spotted
 *   conservatively in the record's text, so a string holding ", }" or ": NaN" also sends the file
 *   down the JavaScript path, which is slower but never wrong;
 * - a raw vertical tab or form feed anywhere (DuckDB takes them as blank space between records);
 * - a record that is not an object, or a mapped value that is a non-integer number, an integer
 *   of more than 15 characters, an object or an array (JavaScript writes those differently: 1.0
 *   as "1", 2^53 + 1 as 2^53);
 * - a record longer than MAX_FIELD_BYTES, which may hold a value too long to be a cell (the
 *   JavaScript path rejects such a record, as the CSV reader does);
 * - an object with a key twice (JSON.parse keeps the last value, DuckDB the first), or a key
 *   such as "2" that JavaScript would put first;
 * - JSON lines with a blank line, or other than one record per line (FileFacts.plainLines and
 *   DuckDB's record count), or an array whose element lines (FileFacts.arrayLines) do not match
 *   DuckDB's record count;
 * - a key first seen after the file's first records that changes which key feeds a field.
 *
 * Keys reach DuckDB only as bound JSON-pointer parameters, never in the SQL text.
 */
import { LIST, VARCHAR, listValue, type DuckDBConnection } from '@duckdb/node-api';
import type { FileFacts } from '../files/input-file.ts';
import { MAX_FIELD_BYTES } from '../files/csv.ts';
import { cleanHeaders, resolveKind, type HeaderMatch } from '../records/headers.ts';
import { clearStaging, stagedFields, type KindOptions, type StagedFile } from './stage.ts';

/** How the file holds its records, in DuckDB's read_json_objects terms. */
type JsonLayout = 'newline_delimited' | 'array';

/** Records read to guess the headers before the whole file is read. */
const HEAD_RECORDS = 1000;

/**
 * Text of a record that JSON.parse rejects and DuckDB accepts: a comma before a closing bracket,
 * or NaN / Infinity / inf as a value. It may also match inside a string; then the file merely
 * takes the JavaScript path.
 */
const LENIENT_JSON = ',\\s*[}\\]]|[:,\\[]\\s*[-+]?(?i:nan|inf)';

/** A key JavaScript orders before all others (an array index), so its header order would differ. */
const ARRAY_INDEX_KEY = /^(?:0|[1-9][0-9]*)$/;

export interface JsonEarlyRead {
  /** The staged file, when the whole file turned out to be what DuckDB can read exactly; else undefined. */
  keep(facts: FileFacts): Promise<StagedFile | undefined>;
  /** Waits for the read and drops everything it staged. */
  discard(): Promise<void>;
}

/** The JSON pointer of a top-level key ("/" + the key, with ~ and / escaped). */
export function keyPointer(key: string): string {
  return '/' + key.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** Keys in the order JavaScript's jsonRows lists them: first seen, record by record. */
function firstSeenKeys(keyLists: Iterable<string[]>): string[] {
  const keys = new Set<string>();
  for (const list of keyLists) for (const key of list) keys.add(key);
  return [...keys];
}

/** The key (as in the file) that feeds each staged field, by the match over those keys. */
function keysByField(keys: string[], match: HeaderMatch): Map<string, string | undefined> {
  return new Map(stagedFields(match.kind).map((f) => [f, match.columns[f] === undefined ? undefined : keys[match.columns[f]]]));
}

/**
 * Starts DuckDB's read of a file whose first bytes are JSON lines (`{` first) or a JSON array
 * (`[` first), in plain UTF-8 without BOM, guessing its headers from its first records. Nothing
 * here throws: a file that cannot be read this way starts nothing, and the JavaScript path reports
 * its problems.
 */
export async function startJsonRead(
  conn: DuckDBConnection,
  path: string,
  layout: JsonLayout,
  kindOptions: KindOptions
): Promise<JsonEarlyRead | undefined> {
  let firstKeys: string[];
  let headKeys: string[];
  let guess: HeaderMatch;
  try {
    const head = await conn.runAndReadAll(`SELECT json_keys(json) FROM read_json_objects($1, format = '${layout}') LIMIT ${HEAD_RECORDS}`, [path]);
    const lists = head.getRowsJson().map((row) => row[0] as string[]);
    if (lists.length === 0) return undefined;
    firstKeys = lists[0];
    headKeys = firstSeenKeys(lists);
    guess = resolveKind(cleanHeaders(headKeys).headers, kindOptions);
  } catch {
    return undefined;
  }
  // Every staged field, and the keys that feed some (one JSON pointer each, in that order).
  const guessedKeys = keysByField(headKeys, guess);
  const fieldKeys = [...guessedKeys.values()];
  const mapped = fieldKeys.filter((key) => key !== undefined);
  // An empty string is staged as NULL, as DuckDB reads an empty CSV field (the JavaScript path's way in).
  const valueExpression = (key: string) => `nullif(v[${mapped.indexOf(key) + 1}], '')`;
  const values = fieldKeys.map((key, i) => (key === undefined ? `NULL::VARCHAR AS c${i}` : `${valueExpression(key)} AS c${i}`));
  // t[1] is the record's own type; t[i + 1] the type of v[i]. A long integer would lose digits in JavaScript.
  const longIntegers = mapped.map((_, i) => `(t[${i + 2}] IN ('BIGINT', 'UBIGINT') AND length(v[${i + 1}]) > 15)`);
  // One parse of each record gives every mapped value, one more their types, one more its keys.
  const statement = `CREATE TEMP TABLE staged_raw AS
    SELECT ${values.join(', ')},
           t[1] <> 'OBJECT' OR list_has_any(t[2:], ['DOUBLE', 'OBJECT', 'ARRAY']) ${longIntegers.map((c) => `OR ${c}`).join(' ')}
             OR strlen(json) > ${MAX_FIELD_BYTES} OR regexp_matches(json, $4) AS inexact,
           CASE WHEN keys <> $3 THEN keys END AS other_keys
    FROM (SELECT json, json_keys(json) AS keys, json_extract_string(json, $2) AS v, json_type(json, list_prepend('', $2)) AS t
          FROM read_json_objects($1, format = '${layout}'))`;
  const pointers = listValue(mapped.map((key) => keyPointer(key!)));
  const result = conn
    // Types given: an empty list has no type of its own.
    .run(statement, [path, pointers, listValue(firstKeys), LENIENT_JSON], [VARCHAR, LIST(VARCHAR), LIST(VARCHAR), VARCHAR])
    .then(() => undefined, (e: unknown) => e);

  const discard = async () => {
    await result;
    await clearStaging(conn);
  };
  return {
    discard,
    async keep(facts) {
      if ((await result) instanceof Error || facts.verticalTabOrFormFeed) return undefined;
      const counts = await conn.runAndReadAll('SELECT count(*), count(*) FILTER (WHERE inexact) FROM staged_raw');
      const [records, inexact] = counts.getRows()[0].map(Number);
      if (inexact > 0) return undefined;
      // As many records as JSON lines without a blank line (the record count rules out lines of
      // blank space, which DuckDB skips), or as array elements found by JsonArrayLines.
      const recordsByLines = layout === 'newline_delimited' ? (facts.plainLines.ok ? facts.plainLines.lines + 1 : undefined) : facts.arrayLines?.length;
      if (records !== recordsByLines || records === 0) return undefined;

      const others = await conn.runAndReadAll('SELECT other_keys FROM staged_raw WHERE other_keys IS NOT NULL GROUP BY other_keys ORDER BY min(rowid)');
      const keyLists = [firstKeys, ...others.getRowsJson().map((row) => row[0] as string[])];
      if (keyLists.some((list) => new Set(list).size !== list.length)) return undefined;
      const keys = firstSeenKeys(keyLists);
      if (keys.some((key) => ARRAY_INDEX_KEY.test(key) && Number(key) < 2 ** 32 - 1)) return undefined;
      const clean = cleanHeaders(keys);
      let match: HeaderMatch;
      try {
        match = resolveKind(clean.headers, kindOptions);
      } catch {
        return undefined;
      }
      const wanted = keysByField(keys, match);
      if (match.kind !== guess.kind || [...wanted].some(([field, key]) => guessedKeys.get(field) !== key)) return undefined;

      const fields = stagedFields(match.kind).map((f, i) => `c${i} AS ${f}`);
      await numberRecords(conn, layout === 'newline_delimited' ? { first: 1, step: 1 } : facts.arrayLines!, fields);
      return {
        format: 'json',
        encoding: 'utf-8',
        match,
        headers: clean.headers,
        recordsRead: records,
        unreadable: [],
        staged: records,
        headerNotes: clean.notes
      };
    }
  };
}

/** Lines that follow from a record's position: record i (from 0) starts on line first + i × step. */
interface RegularLines {
  first: number;
  step: number;
}

/**
 * The lines of a JSON array's elements as a rule when they follow one: one element per line
 * (step 1), elements of the same number of lines each (pretty-printed records of the same keys),
 * or all on one line (step 0).
 */
export function regularLines(lines: Int32Array): RegularLines | undefined {
  if (lines.length === 0) return undefined;
  const first = lines[0];
  const step = lines.length > 1 ? lines[1] - first : 0;
  for (let i = 2; i < lines.length; i++) if (lines[i] !== first + i * step) return undefined;
  return { first, step };
}

/**
 * The view `staged`: the staged fields and __source_line, the line each record starts on. Lines
 * that follow a rule are worked out from the row number; others are joined to the rows by position
 * once, into a table, as a view would join them again at every use.
 */
async function numberRecords(conn: DuckDBConnection, lines: RegularLines | Int32Array, fields: string[]): Promise<void> {
  const rule = lines instanceof Int32Array ? regularLines(lines) : lines;
  if (rule) {
    await conn.run(`CREATE TEMP VIEW staged AS SELECT rowid * ${rule.step} + ${rule.first} AS __source_line, ${fields.join(', ')} FROM staged_raw`);
    return;
  }
  await conn.run('CREATE TEMP TABLE staged_line (line INTEGER NOT NULL)');
  const appender = await conn.createAppender('staged_line', 'main', 'temp');
  try {
    for (const line of lines as Int32Array) {
      appender.appendInteger(line);
      appender.endRow();
    }
  } finally {
    appender.closeSync();
  }
  await conn.run(`CREATE TEMP TABLE staged_numbered AS SELECT l.line::BIGINT AS __source_line, ${fields.join(', ')} FROM staged_raw POSITIONAL JOIN staged_line l;
    DROP TABLE staged_raw; DROP TABLE staged_line; ALTER TABLE staged_numbered RENAME TO staged_raw;
    CREATE TEMP VIEW staged AS SELECT * FROM staged_raw`);
}
