/**
 * Gets one input file into the temporary table `staged`: one VARCHAR column
 * per field of its record kind (NULL where the file has no such column) and
 * `__source_line`, the line (or Parquet row) the record came from.
 *
 * Fast path: a well-formed UTF-8 CSV is read by DuckDB itself and line
 * numbers follow from row order; so are JSON lines and JSON arrays that
 * JSON.parse would read the same way (stage-json.ts). Anything messier (bad
 * records, multi-line fields, blank lines, other encodings, JSON that only
 * DuckDB accepts) is parsed here and rewritten as a clean temporary CSV that
 * DuckDB then reads: slower, but every line number stays exact. Temporary
 * tables live in memory, never in the database file, so dropped columns
 * (names) leave no trace there.
 */
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { decodeInput, isParquet, parseJsonRecords, readBytes, sha256Hex, startsJson, startsJsonArray, InputError, type FileFacts, type InputFormat, SNIFF_BYTES } from '../files/input-file.ts';
import { scanCsv, sniffDelimiter, csvField, quickLineCheck, longFieldReason, CsvError, MAX_FIELD_BYTES, type BadRecord } from '../files/csv.ts';
import { FIELDS, type RecordKind } from '../records/kinds.ts';
import { resolveKind, cleanHeaders, type HeaderMatch, type ManualMap } from '../records/headers.ts';
import { parseSessionPage } from '../files/session-page.ts';
import { startJsonRead, type JsonEarlyRead } from './stage-json.ts';

/** Characters DuckDB's readers take as a glob pattern in a path. */
const GLOB_CHARACTERS = /[*?[\]{}]/;

export interface StagedFile {
  format: InputFormat;
  encoding: string;
  match: HeaderMatch;
  headers: string[];
  /** Records in the file, good and bad. */
  recordsRead: number;
  /** Records the reader could not take apart (wrong field count, bad quoting, invalid JSON). */
  unreadable: BadRecord[];
  /** Rows in `staged`. */
  staged: number;
  /** Things about the headers a user should know (renamed empty headers, repeated names). */
  headerNotes: string[];
}

export interface StageOptions {
  /** The record kind, when the user forced one. */
  kind?: RecordKind;
  /** Columns mapped by hand (`--map`). */
  manual?: ManualMap;
  /** Fields given for the whole file on the command line; they need no column. */
  implied?: ReadonlySet<string>;
  progress?: StageProgress;
}

export type StageProgress = (phase: string, fraction?: number) => void;

/** Fields that go into `staged`; attendee names are never read. */
export function stagedFields(kind: RecordKind): string[] {
  return Object.keys(FIELDS[kind]).filter((f) => !(kind === 'attendance' && f === 'name'));
}

/** The columns (indexes into the headers) that feed some staged field, each once, in field order. */
function stagedColumns(match: HeaderMatch): number[] {
  return [...new Set(stagedFields(match.kind).map((f) => match.columns[f]).filter((i) => i !== undefined))];
}

/** Drops everything a load leaves in memory; views first, as they read the tables. */
export async function clearStaging(conn: DuckDBConnection): Promise<void> {
  await conn.run(
    `DROP VIEW IF EXISTS checked; DROP VIEW IF EXISTS staged_keys; DROP VIEW IF EXISTS staged;
     DROP TABLE IF EXISTS first_of_session; DROP TABLE IF EXISTS map_year; DROP TABLE IF EXISTS staged_raw;
     DROP TABLE IF EXISTS staged_line; DROP TABLE IF EXISTS staged_numbered;`
  );
}

/**
 * `facts` come from the caller's one pass over the file (readFileFacts: its hash, whether it is
 * plain UTF-8 of one record per line, the lines of a JSON array's elements). A file that starts as
 * a plain UTF-8 CSV (startEarlyRead) or as JSON (startEarlyJsonRead) is already being read by
 * DuckDB meanwhile; when the facts confirm it, the file's bytes are never held in Node. Anything
 * else is read whole and decoded here.
 */
export async function stageFile(conn: DuckDBConnection, path: string, facts: Promise<FileFacts>, options: StageOptions = {}): Promise<StagedFile> {
  const progress = options.progress ?? (() => {});
  const kindOptions = { forced: options.kind, manual: options.manual, implied: options.implied };
  progress('reading');
  // Awaited below; until then a failed read (empty file, no permission) must not count as unhandled.
  facts.catch(() => {});
  await clearStaging(conn);
  const head = await readHead(path);
  const early = head && (await startEarlyRead(conn, path, head, kindOptions));
  const earlyJson = head && !early ? await startEarlyJsonRead(conn, path, head, kindOptions) : undefined;
  if (early || earlyJson) progress('loading');
  try {
    const known = await facts;
    if (early) {
      const direct = await keepEarlyRead(conn, early, known);
      if (direct) return direct;
    }
    if (earlyJson) {
      const direct = await earlyJson.keep(known);
      if (direct) return direct;
      await earlyJson.discard();
    }
    return await stageBytes(conn, path, known, early, kindOptions, progress);
  } catch (e) {
    await early?.discard();
    await earlyJson?.discard();
    throw e;
  }
}

/**
 * The early read as it is, when the whole file turned out to be the plain UTF-8 CSV its first bytes
 * promised, with one record per line (FileFacts.plainLines) and exactly as many rows as lines;
 * otherwise undefined, and the early read is left to stageBytes.
 */
async function keepEarlyRead(conn: DuckDBConnection, early: EarlyRead, facts: FileFacts): Promise<StagedFile | undefined> {
  if (!facts.plainLines.ok || !singleRecordLines(early.csv)) return undefined;
  if ((await early.result) instanceof Error) return undefined;
  const staged = await count(conn, 'staged_raw');
  if (staged !== facts.plainLines.lines) return undefined;
  return directStaged(conn, early.csv, 'utf-8', [], staged, staged);
}

/**
 * Stages a Parquet file from its path; reads any other file whole, checks it is the one hashed,
 * decodes it and stages it by the way its bytes allow.
 */
async function stageBytes(
  conn: DuckDBConnection,
  path: string,
  facts: FileFacts,
  early: EarlyRead | undefined,
  kindOptions: KindOptions,
  progress: StageProgress
): Promise<StagedFile> {
  // DuckDB reads Parquet itself; only a name it would take as a glob pattern needs the bytes (below).
  if (isParquet(facts.head) && !GLOB_CHARACTERS.test(path)) return stageParquet(conn, path, kindOptions, 'parquet');
  const bytes = await readBytes(path);
  if (sha256Hex(bytes) !== facts.sha256) {
    throw new InputError('changed while it was being read; load it again once it is complete');
  }
  const input = decodeInput(bytes);

  // Only a file that turned out to be the CSV its first bytes promised keeps DuckDB's early read
  // (a saved session page is never read early: startEarlyRead skips .html and .txt).
  if (early && input.format !== 'csv') await early.discard();
  if (input.format === 'parquet') {
    // DuckDB reads a path as a glob ("x[1].parquet" matches x1.parquet): such a name is read
    // from a private copy of the bytes already hashed, never from what the pattern matches.
    const dir = await mkdtemp(join(tmpdir(), 'igf-stage-'));
    try {
      const copy = join(dir, 'input.parquet');
      await writeFile(copy, bytes, { mode: 0o600 });
      return await stageParquet(conn, copy, kindOptions, input.encoding);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  if (isSessionPageFile(path, input.utf8)) {
    return stageRows(conn, { ...input, format: 'session_page' }, progress, sessionPageRows(path, input.utf8.toString('utf8')));
  }
  if (input.format === 'json') return stageRows(conn, input, progress, jsonRows(input.utf8, kindOptions));

  const csv = csvStart(input.utf8, kindOptions);
  const { delimiter, header, headerNotes, match } = csv;

  // Optimistic fast path: DuckDB starts reading the file on its own threads
  // while the scan below checks, on this one, that its reading will be exact.
  let duckdbRead: Promise<unknown> | undefined;
  // A name DuckDB would read as a glob pattern takes the exact path below instead.
  if (!input.reencoded && !input.invalidUtf8 && !GLOB_CHARACTERS.test(path)) {
    const statement = stagingRead(header, match);
    if (early?.statement === statement && early.csv.delimiter === delimiter) {
      duckdbRead = early.result;
    } else {
      await early?.discard();
      progress('loading');
      duckdbRead = conn.run(statement, [path, delimiter]).catch((e: unknown) => e);
    }
  } else {
    await early?.discard();
  }

  // The cheap pre-scan (no parsing), for files keepEarlyRead did not take (a BOM, a .txt name).
  if (duckdbRead && singleRecordLines(csv)) {
    const quick = quickLineCheck(input.utf8);
    const duckdbError = await duckdbRead;
    if (quick.ok && !(duckdbError instanceof Error)) {
      const staged = await count(conn, 'staged_raw');
      if (staged === quick.lines) return directStaged(conn, csv, input.encoding, [], staged, staged);
    }
  }

  let scan;
  try {
    scan = scanCsv(input.utf8, delimiter, undefined, (f) => progress('checking', f), { rejectInvalidUtf8: input.invalidUtf8 });
  } catch (e) {
    await duckdbRead;
    if (e instanceof CsvError) throw new InputError(e.message);
    throw e;
  }
  const duckdbError = await duckdbRead;
  if (duckdbRead && scan.simple && !(duckdbError instanceof Error)) {
    const staged = await count(conn, 'staged_raw');
    if (staged !== scan.records) {
      throw new Error(`DuckDB read ${staged} records where the scan found ${scan.records}: refusing to guess line numbers`);
    }
    return directStaged(conn, csv, input.encoding, scan.bad, scan.records, staged);
  }
  await conn.run('DROP TABLE IF EXISTS staged_raw');

  const rows: Array<{ fields: string[]; line: number }> = [];
  scanCsv(input.utf8, delimiter, (fields, line) => rows.push({ fields: fields.slice(), line }), undefined, { rejectInvalidUtf8: input.invalidUtf8 });
  return stageRows(conn, input, progress, { headers: header, recordsRead: scan.records, unreadable: scan.bad, match, rows, headerNotes });
}

/** What a CSV's first 64 KB say: its delimiter, header and record kind. */
interface CsvStart {
  start: string;
  delimiter: string;
  header: string[];
  headerNotes: string[];
  match: HeaderMatch;
}

function csvStart(utf8: Buffer, kindOptions: KindOptions): CsvStart {
  const start = utf8.subarray(0, SNIFF_BYTES).toString('utf8');
  const delimiter = sniffDelimiter(start);
  const { headers: header, notes } = cleanHeaders(readHeader(start, delimiter));
  return { start, delimiter, header, headerNotes: notes, match: resolveKind(header, kindOptions) };
}

/**
 * Whether a file whose every line is one record (quickLineCheck) can be numbered from DuckDB's row
 * order: its header is one line, and it has more than one column (DuckDB would read a line of
 * spaces in a one-column file as a value where the scan skips it as blank).
 */
function singleRecordLines(csv: CsvStart): boolean {
  return csv.header.length > 1 && singleLineHeader(csv.start, csv.delimiter, csv.header.length);
}

/**
 * DuckDB's read in staged_raw (`staged` rows, as its caller counted them) as the file's records:
 * record i (row order) is on line i + 2, as quickLineCheck or the full scan (CsvScan.simple) showed.
 */
async function directStaged(
  conn: DuckDBConnection,
  csv: CsvStart,
  encoding: string,
  unreadable: BadRecord[],
  recordsRead: number,
  staged: number
): Promise<StagedFile> {
  const { match } = csv;
  await conn.run(
    `CREATE TEMP VIEW staged AS SELECT rowid + 2 AS __source_line, ${stagedFields(match.kind)
      .map((f) => (match.columns[f] === undefined ? `NULL::VARCHAR AS ${f}` : `c${match.columns[f]} AS ${f}`))
      .join(', ')} FROM staged_raw`
  );
  return { format: 'csv', encoding, match, headers: csv.header, recordsRead, unreadable, staged, headerNotes: csv.headerNotes };
}

/** The statement that copies the columns a CSV's kind needs into staged_raw ($1 path, $2 delimiter). */
function stagingRead(header: string[], match: HeaderMatch): string {
  const columns = `{${header.map((_, i) => `'c${i}': 'VARCHAR'`).join(', ')}}`;
  const wanted = stagedColumns(match);
  return `CREATE TEMP TABLE staged_raw AS
         SELECT ${wanted.length ? wanted.map((i) => `c${i}`).join(', ') : '1 AS c_none'}
         FROM read_csv($1, header = true, delim = $2, quote = '"', escape = '"', auto_detect = false,
                       strict_mode = true, null_padding = false, columns = ${columns})`;
}

interface EarlyRead {
  /** What the file's first 64 KB say, as stageBytes would work it out from the same bytes. */
  csv: CsvStart;
  statement: string;
  /** The statement's outcome: undefined, or the error DuckDB raised. */
  result: Promise<unknown>;
  /** Waits for the read and drops what it staged (the file was not what its first bytes promised). */
  discard(): Promise<void>;
}

/**
 * Starts DuckDB's read of a file whose first 64 KB decode (decodeInput) as a plain UTF-8 CSV without
 * BOM (`head`, see readHead), before the whole file has been read and hashed.
 * keepEarlyRead keeps it if the whole file is that CSV with one record per line; stageBytes if the
 * full scan vouches for it (same delimiter, header and kind); otherwise it is discarded. Nothing
 * here throws: a head that cannot be recognised starts nothing, and the usual path reports the
 * problem.
 */
async function startEarlyRead(conn: DuckDBConnection, path: string, head: Buffer, kindOptions: KindOptions): Promise<EarlyRead | undefined> {
  // Whole lines only, so that a character cut at the 64 KB boundary does not look invalid.
  const lastLine = head.lastIndexOf(0x0a);
  if (lastLine < 0) return undefined;
  let csv: CsvStart;
  let statement: string;
  try {
    // The whole file is decoded the same way once it is read; only plain UTF-8 CSV (no BOM) is read directly.
    const decoded = decodeInput(head.subarray(0, lastLine + 1));
    if (decoded.format !== 'csv' || decoded.encoding !== 'utf-8') return undefined;
    csv = csvStart(head, kindOptions);
    statement = stagingRead(csv.header, csv.match);
  } catch {
    return undefined;
  }
  const result = conn.run(statement, [path, csv.delimiter]).then(
    () => undefined,
    (e: unknown) => e
  );
  return {
    csv,
    statement,
    result,
    async discard() {
      await result;
      await conn.run('DROP TABLE IF EXISTS staged_raw');
    }
  };
}

/**
 * The file's first SNIFF_BYTES, for an early read; undefined for a file that is never read early: a
 * name DuckDB would take as a glob pattern, a saved session page (.html, .txt), or a file that
 * cannot be opened (the usual path then reports why).
 */
async function readHead(path: string): Promise<Buffer | undefined> {
  if (GLOB_CHARACTERS.test(path) || /\.(html?|txt)$/i.test(path)) return undefined;
  try {
    const file = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(SNIFF_BYTES);
      const { bytesRead } = await file.read(buffer, 0, SNIFF_BYTES, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await file.close();
    }
  } catch {
    return undefined;
  }
}

/**
 * Starts DuckDB's read of a file that starts as JSON lines or a JSON array (stage-json.ts). Its
 * first bytes are all it asks of the file: `{` or `[` first (so no BOM) and no NUL (UTF-16 without
 * BOM, which DuckDB would only refuse after a read); DuckDB itself refuses invalid UTF-8.
 */
async function startEarlyJsonRead(conn: DuckDBConnection, path: string, head: Buffer, kindOptions: KindOptions): Promise<JsonEarlyRead | undefined> {
  if (!startsJson(head) || head.includes(0)) return undefined;
  return startJsonRead(conn, path, startsJsonArray(head) ? 'array' : 'newline_delimited', kindOptions);
}

interface RowSource {
  headers: string[];
  recordsRead: number;
  unreadable: BadRecord[];
  match: HeaderMatch;
  rows: Iterable<{ fields: (string | null)[]; line: number }>;
  headerNotes: string[];
}

export type KindOptions = Parameters<typeof resolveKind>[1];

function jsonRows(utf8: Buffer, kindOptions: KindOptions): RowSource {
  const parsed = parseJsonRecords(utf8);
  const unreadable = [...parsed.bad];
  const objects: Array<{ value: Record<string, unknown>; line: number }> = [];
  for (const r of parsed.records) {
    if (r.value && typeof r.value === 'object' && !Array.isArray(r.value)) objects.push({ value: r.value as Record<string, unknown>, line: r.line });
    else unreadable.push({ line: r.line, reason: 'not a JSON object' });
  }
  const headers: string[] = [];
  const seen = new Set<string>();
  for (const o of objects) for (const k of Object.keys(o.value)) if (!seen.has(k)) (seen.add(k), headers.push(k));
  const clean = cleanHeaders(headers);
  const match = resolveKind(clean.headers, kindOptions);
  // The CSV rule for a value too long to be a cell (MAX_FIELD_BYTES), for the values that are staged.
  const stagedKeys = stagedColumns(match).map((i) => headers[i]);
  const kept = objects.filter((o) => {
    const longest = Math.max(0, ...stagedKeys.map((k) => Buffer.byteLength(jsonText(o.value[k]) ?? '')));
    if (longest > MAX_FIELD_BYTES) unreadable.push({ line: o.line, reason: longFieldReason(longest) });
    return longest <= MAX_FIELD_BYTES;
  });
  unreadable.sort((a, b) => a.line - b.line);
  return {
    headers: clean.headers,
    recordsRead: parsed.records.length + parsed.bad.length,
    unreadable,
    match,
    headerNotes: clean.notes,
    rows: (function* () {
      for (const o of kept) yield { fields: headers.map((h) => jsonText(o.value[h])), line: o.line };
    })()
  };
}

/**
 * A saved IGF session page: an .html/.htm file, or a .txt file copied from a
 * browser that lists people the way session pages do ("Speaker 1: …",
 * "Organizer 2: …", an "Onsite Moderator" heading). Other .txt files are read
 * as CSV.
 */
function isSessionPageFile(path: string, utf8: Buffer): boolean {
  if (/\.html?$/i.test(path)) return true;
  if (!/\.txt$/i.test(path)) return false;
  return /^\s*(?:speaker|organi[sz]er|proposer's name)\s*\d*\s*:|^\s*(?:onsite|online) moderator\b/im.test(utf8.toString('utf8'));
}

/**
 * A saved IGF session page as speaker records: one row per person listed,
 * with the session's year, id (or title), type and page address; lines that
 * looked like a person but could not be read are rejected by line.
 */
function sessionPageRows(path: string, text: string): RowSource {
  // The file's own name only: a parent folder called "igf2019" must not date the page.
  const page = parseSessionPage(text, { fileName: basename(path), isHtml: /\.html?$/i.test(path) });
  const headers = [
    'meeting_year', 'session_id', 'session_title', 'session_type', 'role', 'name', 'honorific', 'organization',
    'stakeholder_group', 'regional_group', 'source_url'
  ];
  return {
    headers,
    recordsRead: page.people.length + page.problems.length,
    unreadable: page.problems.map((p) => ({ line: p.line, reason: p.reason })),
    match: resolveKind(headers, { forced: 'speakers' }),
    headerNotes: [],
    rows: page.people.map((person) => ({
      line: person.line,
      fields: [
        page.year === null ? null : String(page.year),
        page.sessionId,
        page.title,
        page.sessionType,
        person.role,
        person.name,
        person.honorific,
        person.organization,
        person.stakeholderGroupRaw,
        person.regionalGroupRaw,
        page.sourceUrl
      ]
    }))
  };
}

function jsonText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** The slow, exact path: write mapped fields plus line numbers to a private temporary CSV, then let DuckDB read it. */
async function stageRows(
  conn: DuckDBConnection,
  input: { encoding: string; format: InputFormat },
  progress: StageProgress,
  source: RowSource
): Promise<StagedFile> {
  const { match } = source;
  const fields = stagedFields(match.kind);
  const dir = await mkdtemp(join(tmpdir(), 'igf-stage-'));
  const tmp = join(dir, 'staged.csv');
  try {
    progress('rewriting');
    await writeCsv(tmp, ['__source_line', ...fields], function* () {
      for (const { fields: values, line } of source.rows) {
        yield [String(line), ...fields.map((f) => (match.columns[f] === undefined ? null : values[match.columns[f]] ?? null))];
      }
    });
    progress('loading');
    const columns = `{'__source_line': 'BIGINT', ${fields.map((f) => `'${f}': 'VARCHAR'`).join(', ')}}`;
    await conn.run(
      `CREATE TEMP TABLE staged_raw AS SELECT * FROM read_csv($1, header = true, delim = ',', quote = '"', escape = '"',
         auto_detect = false, strict_mode = true, columns = ${columns})`,
      [tmp]
    );
    await conn.run('CREATE TEMP VIEW staged AS SELECT * FROM staged_raw');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const staged = await count(conn, 'staged_raw');
  return {
    format: input.format,
    encoding: input.encoding,
    match,
    headers: source.headers,
    recordsRead: source.recordsRead,
    unreadable: source.unreadable,
    staged,
    headerNotes: source.headerNotes
  };
}

async function writeCsv(path: string, header: string[], rows: () => Iterable<(string | null)[]>): Promise<void> {
  const out = createWriteStream(path, { mode: 0o600 });
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  let buffer = header.join(',') + '\n';
  for (const row of rows()) {
    buffer += row.map((v) => (v === null ? '' : v === '' ? '""' : csvField(v))).join(',') + '\n';
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise((r) => out.once('drain', r));
      buffer = '';
    }
  }
  out.end(buffer);
  await done;
}

async function stageParquet(conn: DuckDBConnection, path: string, kindOptions: KindOptions, encoding: string): Promise<StagedFile> {
  let headers: string[];
  try {
    const described = await conn.runAndReadAll('SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet($1))', [path]);
    headers = described.getRows().map((r) => String(r[0]));
  } catch (e) {
    throw new InputError(`is not a readable Parquet file (${plainMessage(e)})`);
  }
  const match = resolveKind(headers, kindOptions);
  const fields = stagedFields(match.kind);
  // Positional references (#n) keep the file's own column names out of the SQL text.
  await conn.run(
    `CREATE TEMP TABLE staged_raw AS SELECT file_row_number + 1 AS __source_line, ${fields
      .map((f) => (match.columns[f] === undefined ? `NULL::VARCHAR AS ${f}` : `CAST(#${match.columns[f] + 1} AS VARCHAR) AS ${f}`))
      .join(', ')} FROM read_parquet($1, file_row_number = true)`,
    [path]
  );
  await conn.run('CREATE TEMP VIEW staged AS SELECT * FROM staged_raw');
  const staged = await count(conn, 'staged_raw');
  return { format: 'parquet', encoding, match, headers, recordsRead: staged, unreadable: [], staged, headerNotes: [] };
}

async function count(conn: DuckDBConnection, table: string): Promise<number> {
  const r = await conn.runAndReadAll(`SELECT count(*) FROM ${table}`);
  return Number(r.getRows()[0][0]);
}


/** The header record: the first record of the first 64 KB is enough unless a header is absurdly long. */
function readHeader(start: string, delimiter: string): string[] {
  try {
    return scanCsv(start, delimiter).header;
  } catch (e) {
    if (e instanceof CsvError) throw new InputError(e.message);
    throw e;
  }
}

/** The header record ends at the first line end: its first line alone reads as the whole header. */
function singleLineHeader(start: string, delimiter: string, fields: number): boolean {
  const end = start.search(/\r|\n/);
  if (end < 0) return false;
  try {
    return scanCsv(start.slice(0, end), delimiter).header.length === fields;
  } catch {
    return false;
  }
}

/** DuckDB's first line without its "Invalid Input Error:" style prefix. */
function plainMessage(e: unknown): string {
  return String((e as Error)?.message ?? e).split('\n')[0].replace(/^[A-Za-z ]*Error: /, '');
}
