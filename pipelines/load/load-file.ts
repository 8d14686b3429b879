/**
 * Loads one input file into an open database, accounting for every record:
 * rows_read = rows_loaded + rows_rejected, checked before anything is kept.
 * Loading the same bytes from the same path again changes nothing; changed
 * bytes at the same path replace that file's earlier rows.
 *
 * A file is identified by its path (load_log.file_key, a SHA-256 of the absolute path, so that no
 * path is stored) and named in the database by its name as given (load_log.file, the rows'
 * source_file, rejected_row.file): the base name, or folder/name for a file of an input folder,
 * never an absolute path or `..`. Names are unique: a second file of the same name from elsewhere
 * is named with its folder, or numbered (`speakers (2).csv`).
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { basename, dirname, extname, relative, resolve, isAbsolute } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { stageFile, clearStaging, type StageProgress } from './stage.ts';
import { categoricalFields, inputExpression, buildCategoryMaps, dropCategoryMaps, type Unresolved, type ResolvedByRule } from './categorical.ts';
import { buildRegionalGroupMap, summariseRegionalGroups, type RegionalGroupSummary } from './regional-group.ts';
import { readFileFacts, sha256Hex } from '../files/input-file.ts';
import { FIELDS, type RecordKind } from '../records/kinds.ts';
import type { ManualMap } from '../records/headers.ts';
import { DEMO, USER } from '../../src/lib/domain/source-sets.ts';

/** A statement of sql/, by its name (a record kind's name: published_figures -> published-figures.sql). */
const sql = (name: string) => readFileSync(new URL(`./sql/${name.replaceAll('_', '-')}.sql`, import.meta.url), 'utf8');

export interface FileReport {
  file: string;
  kind: RecordKind;
  status: 'loaded' | 'unchanged';
  format: string;
  encoding: string;
  sha256: string;
  synthetic: boolean;
  /** The source set the file's rows belong to (see load_log.source_set); null for published figures. */
  source_set: string | null;
  rows_read: number;
  rows_loaded: number;
  rows_rejected: number;
  rejected_by_reason: Record<string, number>;
  unresolved: Record<string, Unresolved>;
  /** Values decided by a rule worth checking: close country spellings, code over name, gender from a title ... */
  resolved_by_rule: ResolvedByRule;
  /** Speakers: regional groups that were not one group, unreadable, or overruled by the country. */
  regional_groups?: RegionalGroupSummary;
  ignored_columns: string[];
  /** "Header → field" for columns mapped with --map. */
  mapped_by_hand: string[];
  /** Empty or repeated header names, in plain words. */
  header_notes: string[];
  personal_columns_not_stored: string[];
}

export interface LoadOptions {
  kind?: RecordKind;
  /** Marks every row synthetic unless the file has its own synthetic column. */
  synthetic?: boolean;
  pseudonymKey: string;
  /** Columns mapped by hand (`--map 'Header=field'`). */
  manual?: ManualMap;
  /** The meeting year of every row that has none (a participant list of one meeting). */
  year?: number;
  /** The source set of the file's rows (`--source`); default 'demo' for synthetic rows, 'user' for real ones. */
  source?: string;
  /**
   * The name the file is stored under (source_file) when first loaded: `folder/name` for a file of
   * an input folder (see displayName); by default its base name.
   */
  name?: string;
  progress?: StageProgress;
}

const FACT_TABLE: Record<RecordKind, string> = {
  attendance: 'attendance',
  sessions: 'session',
  speakers: 'speaker',
  published_figures: 'published_figure'
};

/** How a file is named to the person running the pipeline (messages, reports): relative to the working directory when inside it. */
export function sourceName(path: string): string {
  const absolute = resolve(path);
  const rel = relative(process.cwd(), absolute);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : absolute;
}

/**
 * How a file is named in the database and in everything the server shows: its base name, or
 * `folder/name` when it was found in the input folder `folder` (that folder's own name). Never an
 * absolute path, never `..`: both parts are base names of resolved paths.
 */
export function displayName(path: string, folder?: string): string {
  const parts = [folder === undefined ? '' : basename(resolve(folder)), basename(resolve(path))];
  return parts.filter((p) => p !== '' && p !== '.' && p !== '..').join('/') || 'input';
}

/** What identifies a file across runs (load_log.file_key): the SHA-256 of its absolute path, which itself is never stored. */
export function fileKey(path: string): string {
  return createHash('sha256').update(resolve(path)).digest('hex');
}

/** `name`, else `folder/name` (when `folder` is known and not in it yet), else `name (2)`, `name (3)` ... */
function* candidateNames(name: string, folder: string | null): Generator<string> {
  yield name;
  const withFolder = folder === null ? null : displayName(name, folder);
  if (withFolder !== null && !name.includes('/') && withFolder !== name) yield withFolder;
  const base = withFolder ?? name;
  const ext = extname(base);
  for (let n = 2; ; n++) yield `${base.slice(0, base.length - ext.length)} (${n})${ext}`;
}

async function nameTaken(conn: DuckDBConnection, name: string): Promise<boolean> {
  return (await rows(conn, 'SELECT 1 FROM load_log WHERE file = $1', [name])).length > 0;
}

/**
 * The name a file is stored under: the one it was first loaded under (found by its key), else the
 * first free candidate, so that two files of the same name never share (and replace) rows.
 */
async function storedName(conn: DuckDBConnection, key: string, name: string, folder: string | null): Promise<string> {
  const known = await rows(conn, 'SELECT file FROM load_log WHERE file_key = $1', [key]);
  if (known.length) return String(known[0][0]);
  for (const candidate of candidateNames(name, folder)) if (!(await nameTaken(conn, candidate))) return candidate;
  throw new Error('unreachable');
}

/**
 * Databases written before file keys named files by their path (relative to the working directory,
 * else absolute): give each such file its key (from that path) and its base name, rows included.
 */
export async function adoptPathNamedFiles(conn: DuckDBConnection): Promise<void> {
  const old = await rows(conn, "SELECT file FROM load_log WHERE file_key IS NULL AND kind <> 'reference' ORDER BY file");
  for (const [file] of old) {
    const path = String(file);
    const name = await storedNameForOld(conn, path);
    if (name !== path) {
      for (const table of Object.values(FACT_TABLE)) await conn.run(`UPDATE ${table} SET source_file = $2 WHERE source_file = $1`, [path, name]);
      await conn.run('UPDATE rejected_row SET file = $2 WHERE file = $1', [path, name]);
      // file is the primary key: a new row, then the old one goes
      await conn.run('INSERT INTO load_log SELECT * REPLACE ($2 AS file) FROM load_log WHERE file = $1', [path, name]);
      await conn.run('DELETE FROM load_log WHERE file = $1', [path]);
    }
    await conn.run('UPDATE load_log SET file_key = $2 WHERE file = $1', [name, fileKey(path)]);
  }
}

async function storedNameForOld(conn: DuckDBConnection, path: string): Promise<string> {
  const name = displayName(path);
  if (name === path) return name;
  for (const candidate of candidateNames(name, dirname(resolve(path)))) if (!(await nameTaken(conn, candidate))) return candidate;
  throw new Error('unreachable');
}

export async function fileSha256(path: string): Promise<string> {
  return sha256Hex(await readFile(path));
}

export async function loadFile(conn: DuckDBConnection, path: string, options: LoadOptions): Promise<FileReport> {
  const key = fileKey(path);
  const given = options.name ?? displayName(path);
  const file = await storedName(conn, key, given, given.includes('/') ? null : dirname(resolve(path)));
  const progress = options.progress ?? (() => {});
  const previous = await rows(
    conn,
    'SELECT sha256, kind, rows_read, rows_loaded, rows_rejected, synthetic, source_set FROM load_log WHERE file_key = $1',
    [key]
  );
  // The file is read and hashed while DuckDB already reads a new file (stageFile). A file loaded
  // before waits for its hash: unchanged bytes are not staged at all.
  const facts = readFileFacts(path);
  // Handled where it is awaited; this only keeps a failed read from being reported as unhandled meanwhile.
  facts.catch(() => {});
  const earlier = previous.length > 0 ? await facts : undefined;
  const unchanged =
    earlier !== undefined &&
    previous[0][0] === earlier.sha256 &&
    (!options.kind || previous[0][1] === options.kind) &&
    (!options.synthetic || previous[0][5] === true) &&
    (!options.source || previous[0][6] === options.source) &&
    // Columns mapped by hand or a year given may read the same bytes differently: load again.
    !options.manual?.size &&
    options.year === undefined;
  if (unchanged) {
    const [, kind, read, loaded, rejected, synthetic, sourceSet] = previous[0];
    return {
      file,
      kind: kind as RecordKind,
      status: 'unchanged',
      format: '',
      encoding: '',
      sha256: earlier.sha256,
      synthetic: Boolean(synthetic),
      source_set: sourceSet === null ? null : String(sourceSet),
      rows_read: Number(read),
      rows_loaded: Number(loaded),
      rows_rejected: Number(rejected),
      rejected_by_reason: await rejectedByReason(conn, file),
      unresolved: {},
      resolved_by_rule: {},
      ignored_columns: [],
      mapped_by_hand: [],
      header_notes: [],
      personal_columns_not_stored: []
    };
  }

  const yearField = (kind: RecordKind) => (kind === 'published_figures' ? 'year' : 'meeting_year');
  const staged = await stageFile(
    conn,
    path,
    facts,
    { kind: options.kind, manual: options.manual, implied: new Set(options.year === undefined ? [] : ['meeting_year']), progress }
  );
  const { sha256 } = await facts;
  const kind = staged.match.kind;
  const fields = FIELDS[kind];
  const has = (f: string) => f in fields;
  progress('normalising');

  // Each categorical field is read from its columns joined into one
  // <field>_input, normalised once per distinct input (see categorical.ts).
  const categorical = categoricalFields(kind, staged.match);
  // The year is a validated integer from the command line, never file text.
  const yearText = options.year === undefined ? yearField(kind) : `coalesce(given(${yearField(kind)}), '${Math.trunc(options.year)}')`;
  await conn.run(`CREATE OR REPLACE TEMP VIEW staged_keys AS
    SELECT *, ${yearText} AS year_text,
      ${categorical.map((f) => `${inputExpression(f)} AS ${f.field}_input`).join(', ')}${categorical.length ? ',' : ''}
      ${sessionKey(kind)} AS session_key,
      ${has('session_id')} AS needs_session,
      ${kind === 'sessions'} AS unique_session
    FROM staged`);
  await conn.run(sql('check'));
  if (has('regional_group')) await buildRegionalGroupMap(conn);

  const { unresolved, resolved_by_rule } = categorical.length
    ? await buildCategoryMaps(conn, categorical)
    : { unresolved: {}, resolved_by_rule: {} };
  for (const [field, parser] of Object.entries({ date: 'session_date', attendance_onsite: 'head_count', attendance_online: 'head_count', women_share_estimate: 'share_0_1' })) {
    if (!has(field)) continue;
    const found = await rows(
      conn,
      `SELECT trim(${field}), count(*) AS n FROM checked
       WHERE reason IS NULL AND given(${field}) IS NOT NULL AND ${parser}(${field}) IS NULL GROUP BY 1 ORDER BY n DESC, 1`
    );
    if (found.length) unresolved[field] = summarise(found);
  }

  progress('writing');
  // A file that changed kind must not leave rows behind in its old table.
  for (const table of Object.values(FACT_TABLE)) await conn.run(`DELETE FROM ${table} WHERE source_file = $1`, [file]);
  await conn.run('DELETE FROM rejected_row WHERE file = $1', [file]);

  const params: Array<string | boolean | null> = [file];
  if (kind !== 'published_figures') params.push(options.synthetic ?? false);
  if (kind === 'attendance') params.push(options.pseudonymKey);
  if (kind !== 'published_figures') params.push(options.source ?? null);
  const inserted = await conn.run(sql(kind), params);
  const rowsLoaded = inserted.rowsChanged;

  await conn.run(`INSERT INTO rejected_row SELECT $1, __source_line, reason FROM checked WHERE reason IS NOT NULL`, [file]);
  if (staged.unreadable.length) {
    const appender = await conn.createAppender('rejected_row');
    for (const bad of staged.unreadable) {
      appender.appendVarchar(file);
      appender.appendBigInt(BigInt(bad.line));
      appender.appendVarchar(bad.reason);
      appender.endRow();
    }
    appender.closeSync();
  }
  const rowsRejected = Number((await rows(conn, 'SELECT count(*) FROM rejected_row WHERE file = $1', [file]))[0][0]);
  if (staged.recordsRead !== rowsLoaded + rowsRejected) {
    throw new Error(
      `accounting failed: read ${staged.recordsRead} records but loaded ${rowsLoaded} and rejected ${rowsRejected}`
    );
  }

  const [synthetic, sourceSet] =
    kind === 'published_figures'
      ? [false, null]
      : ((
          await rows(
            conn,
            `SELECT coalesce(bool_or(synthetic), $2), coalesce(string_agg(DISTINCT source_set, ',' ORDER BY source_set), $3)
             FROM ${FACT_TABLE[kind]} WHERE source_file = $1`,
            [file, options.synthetic ?? false, options.source ?? (options.synthetic ? DEMO : USER)]
          )
        )[0] as [boolean, string]);
  await conn.run(
    `INSERT OR REPLACE INTO load_log (file, sha256, kind, rows_read, rows_loaded, rows_rejected, synthetic, loaded_at, source_set, file_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, now()::TIMESTAMP, $8, $9)`,
    [file, sha256, kind, staged.recordsRead, rowsLoaded, rowsRejected, Boolean(synthetic), sourceSet, key]
  );
  const regionalGroups = has('regional_group') ? await summariseRegionalGroups(conn, file) : undefined;
  await clearStaging(conn);
  await dropCategoryMaps(conn);
  await conn.run('DROP TABLE IF EXISTS map_regional_group');

  const personal = Object.entries(fields)
    .filter(([field, spec]) => spec.personal && staged.match.columns[field] !== undefined)
    .map(([field]) => staged.headers[staged.match.columns[field]]);
  return {
    file,
    kind,
    status: 'loaded',
    format: staged.format,
    encoding: staged.encoding,
    sha256,
    synthetic: Boolean(synthetic),
    source_set: sourceSet,
    rows_read: staged.recordsRead,
    rows_loaded: rowsLoaded,
    rows_rejected: rowsRejected,
    rejected_by_reason: await rejectedByReason(conn, file),
    unresolved,
    resolved_by_rule,
    ...(regionalGroups && Object.keys(regionalGroups).length ? { regional_groups: regionalGroups } : {}),
    ignored_columns: staged.match.ignored,
    mapped_by_hand: staged.match.mappedByHand,
    header_notes: [...staged.headerNotes, ...staged.match.unusedMappings],
    personal_columns_not_stored: kind === 'attendance' ? personal : []
  };
}

/**
 * What identifies a session: its id; for speakers without one (main
 * sessions, Dynamic Coalitions have no number) the session's title.
 */
function sessionKey(kind: RecordKind): string {
  if (kind === 'speakers') return 'coalesce(given(session_id), given(session_title))';
  return kind === 'sessions' ? 'given(session_id)' : 'NULL::VARCHAR';
}

async function rejectedByReason(conn: DuckDBConnection, file: string): Promise<Record<string, number>> {
  const found = await rows(conn, 'SELECT reason, count(*) FROM rejected_row WHERE file = $1 GROUP BY reason ORDER BY 2 DESC, 1', [file]);
  return Object.fromEntries(found.map(([reason, n]) => [String(reason), Number(n)]));
}

function summarise(found: unknown[][]): Unresolved {
  return {
    count: found.reduce((sum, r) => sum + Number(r[1]), 0),
    top: found.slice(0, 5).map((r) => ({ value: String(r[0]), count: Number(r[1]) }))
  };
}

async function rows(conn: DuckDBConnection, query: string, params: Array<string | number | boolean | null> = []): Promise<unknown[][]> {
  const reader = await conn.runAndReadAll(query, params);
  return reader.getRows() as unknown[][];
}
