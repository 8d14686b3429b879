/**
 * GET /api/v1/export/{attendance|speakers|sessions|published_figures|countries}.{csv|arrow|parquet|metadata.json}
 * GET /api/v1/export   (the list: tables, columns, row counts, URLs)
 *
 * Full tables, streamed from a connection of their own. The path only ever selects an entry of
 * TABLES; nothing from the request reaches SQL or the file system.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { DatabaseUnavailableError, dedicatedConnection } from '../db.ts';
import { suppressionK } from '../metrics/suppression.ts';
import { attendanceCellsSqlFor, EXPORT_FORMATS, EXPORT_TABLES, TABLES, isExportTable, type ExportTable, type ExportTableName } from './tables.ts';
import { hasIncomeHistory } from '../metrics/income-join.ts';
import { exportRows, suppressAttendanceCells, type AttendanceCell, type AttendanceExportRow } from './attendance-cells.ts';
import { dataVersion, describeDownload, type ColumnMetadata, type DataVersion, type DownloadMetadata, type SourceSetMetadata } from '../download/metadata.ts';
import { contentType, suffixOf, type FormatId } from '../download/formats.ts';
import { arrowStream, csvStream, parquetStream } from './stream.ts';

export class ExportRequestError extends Error {
  constructor(
    readonly parameter: string,
    readonly value: string | null,
    readonly allowed: string[],
    message: string
  ) {
    super(message);
  }
  toJSON() {
    return { error: 'invalid_export_request', parameter: this.parameter, value: this.value, allowed: this.allowed, message: this.message };
  }
}

/** The file suffixes of an export: its row formats and its metadata (the download registry's). */
const FILE_FORMATS = [...EXPORT_FORMATS.map(suffixOf), suffixOf('metadata')] as readonly string[];
type FileFormat = 'csv' | 'arrow' | 'parquet' | 'metadata.json';

const CONTENT_TYPES = Object.fromEntries(
  ([...EXPORT_FORMATS, 'metadata'] as FormatId[]).map((f) => [suffixOf(f), contentType(f)])
) as Record<FileFormat, string>;

/**
 * `speakers.arrow` -> table and format; anything else is a 400 that lists what exists. The one
 * parameter taken is `v`, a data version (its first 12 or more hex digits, as `x-igf-data-version`
 * gives it): a URL with it names one version's file, which may be cached for good; it is answered
 * only while that version is the database's.
 */
export function parseExportPath(
  segment: string,
  query: URLSearchParams
): { table: ExportTableName; format: FileFormat; version: string | null } {
  const dot = segment.indexOf('.');
  const name = dot < 0 ? segment : segment.slice(0, dot);
  const format = dot < 0 ? '' : segment.slice(dot + 1);
  if (!isExportTable(name)) {
    throw new ExportRequestError('table', name, [...EXPORT_TABLES], `Unknown export table "${name}". Tables: ${EXPORT_TABLES.join(', ')}.`);
  }
  if (!FILE_FORMATS.includes(format)) {
    throw new ExportRequestError(
      'format',
      format || null,
      [...FILE_FORMATS],
      format ? `Unknown export format ".${format}". Formats: ${FILE_FORMATS.join(', ')}.` : `Give a format: /api/v1/export/${name}.csv (or .arrow, .parquet, .metadata.json).`
    );
  }
  const version = query.get('v');
  if (version !== null && (!/^[0-9a-f]{12,64}$/.test(version) || query.getAll('v').length > 1)) {
    throw new ExportRequestError('v', version, [], `v names a data version: 12 to 64 lowercase hex digits of x-igf-data-version ("${version}" given).`);
  }
  const first = [...query.keys()].find((k) => k !== 'v');
  if (first !== undefined) {
    throw new ExportRequestError(
      first,
      query.get(first),
      ['v'],
      `Full-table exports take no parameters but v, the data version ("${first}" given): they are always the whole table.`
    );
  }
  return { table: name, format: format as FileFormat, version };
}

// The attendance export's rows of the newest data version (computing them reads every record):
// the shown cells, and the hidden cells of each source set and year as one row (exportRows).
let attendanceCache: { version: string; k: number; rows: AttendanceExportRow[] } | null = null;

async function suppressedAttendance(conn: DuckDBConnection, version: DataVersion, k: number) {
  if (attendanceCache && attendanceCache.version === version.hash && attendanceCache.k === k) return attendanceCache.rows;
  const cells = (await conn.runAndReadAll(attendanceCellsSqlFor(await hasIncomeHistory(conn)))).getRowObjectsJS() as unknown as (AttendanceCell & { synthetic: boolean })[];
  const { suppressed } = suppressAttendanceCells(cells, k);
  const rows = exportRows(cells, suppressed);
  attendanceCache = { version: version.hash, k, rows };
  return rows;
}

/** The TEMP table the attendance export streams from, on this connection only. */
async function prepareAttendance(conn: DuckDBConnection, version: DataVersion, k: number): Promise<void> {
  const rows = await suppressedAttendance(conn, version, k);
  await conn.run(`CREATE OR REPLACE TEMP TABLE export_attendance_cells (
    meeting_year INTEGER, country_iso3 VARCHAR, stakeholder_group VARCHAR, gender VARCHAR,
    participation_mode VARCHAR, participants INTEGER, suppressed BOOLEAN, synthetic BOOLEAN, source_set VARCHAR)`);
  const appender = await conn.createAppender('export_attendance_cells', 'main', 'temp');
  for (const r of rows) {
    appender.appendInteger(r.meeting_year);
    if (r.country_iso3 === null) appender.appendNull();
    else appender.appendVarchar(r.country_iso3);
    for (const v of [r.stakeholder_group, r.gender, r.participation_mode]) {
      if (v === null) appender.appendNull();
      else appender.appendVarchar(v);
    }
    if (r.participants === null) appender.appendNull();
    else appender.appendInteger(r.participants);
    appender.appendBoolean(r.suppressed);
    appender.appendBoolean(r.synthetic);
    appender.appendVarchar(r.source_set);
    appender.endRow();
  }
  appender.closeSync();
}

interface TableFacts {
  rows: number;
  /** The source sets of the rows (none for reference tables), each with whether it is synthetic. */
  sourceSets: SourceSetMetadata[];
  synthetic: boolean;
  /** Cells whose count is hidden (suppressed tables; attendance publishes them together), else null. */
  suppressedRows: number | null;
}

/** The source sets of some rows, by name: a set is synthetic when any of its rows is. */
function setsOf(rows: readonly { source_set: string; synthetic: boolean }[]): SourceSetMetadata[] {
  const synthetic = new Map<string, boolean>();
  for (const r of rows) synthetic.set(r.source_set, (synthetic.get(r.source_set) ?? false) || r.synthetic);
  return [...synthetic].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, s]) => ({ name, synthetic: s }));
}

/** Row count, source sets, synthetic flag and hidden cells; attendance from its suppressed cells, the rest from their table. */
async function tableFacts(conn: DuckDBConnection, table: ExportTable, version: DataVersion, k: number): Promise<TableFacts> {
  if (table.name === 'attendance') {
    const cells = await suppressedAttendance(conn, version, k);
    const sourceSets = setsOf(cells);
    // suppressedRows: the hidden cells, published together as one row per source set and year
    const hidden = cells.reduce((n, c) => n + (c.suppressed ? c.cells : 0), 0);
    return { rows: cells.length, sourceSets, synthetic: sourceSets.some((s) => s.synthetic), suppressedRows: hidden };
  }
  if (!table.hasSourceSets) {
    const [row] = (await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${table.from}`)).getRowObjectsJS() as { n: number }[];
    return { rows: row.n, sourceSets: [], synthetic: false, suppressedRows: null };
  }
  const perSet = (
    await conn.runAndReadAll(`SELECT source_set, count(*)::INTEGER AS n, bool_or(synthetic) AS synthetic FROM ${table.from} GROUP BY source_set`)
  ).getRowObjectsJS() as { source_set: string; n: number; synthetic: boolean }[];
  const sourceSets = setsOf(perSet);
  return { rows: perSet.reduce((s, r) => s + r.n, 0), sourceSets, synthetic: sourceSets.some((s) => s.synthetic), suppressedRows: null };
}

function tableMetadata(table: ExportTable, facts: TableFacts, version: DataVersion, url: string, k: number): DownloadMetadata {
  return describeDownload({
    title: table.title,
    name: table.name,
    kind: 'table',
    definition: table.definition,
    population: table.population,
    filters: {},
    columns: table.columns,
    rows: facts.rows,
    source_sets: facts.sourceSets,
    synthetic: facts.synthetic,
    suppression: table.suppressed ? { k, applied: true } : null,
    url,
    version
  });
}

/** An export's facts and metadata (its file at `url`); reads no more than counts. */
export async function describeExport(conn: DuckDBConnection, name: ExportTableName, url: string) {
  const table = TABLES[name];
  const version = await dataVersion(conn);
  const k = suppressionK();
  const facts = await tableFacts(conn, table, version, k);
  return { table, version, facts, meta: tableMetadata(table, facts, version, url, k) };
}

/** Before streaming a table: attendance streams from a TEMP table of its suppressed cells. */
export async function prepareExport(conn: DuckDBConnection, name: ExportTableName, version: DataVersion): Promise<void> {
  if (name === 'attendance') await prepareAttendance(conn, version, suppressionK());
}

function errorJson(body: unknown, status: number): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } });
}

export async function handleExportRequest(segment: string, url: URL): Promise<Response> {
  let release: (() => void) | null = null;
  try {
    const { table: name, format, version: wanted } = parseExportPath(segment, url.searchParams);
    const leased = await dedicatedConnection();
    release = leased.release;
    const conn = leased.conn;
    const fileUrl = new URL(`/api/v1/export/${name}.${format === 'metadata.json' ? 'csv' : format}`, url).href;
    const { table, version, meta } = await describeExport(conn, name, fileUrl);
    if (wanted !== null && !version.hash.startsWith(wanted)) {
      release();
      release = null;
      return errorJson(
        {
          error: 'data_version_not_served',
          version: wanted,
          current: version.hash,
          message: `Data version ${wanted} is no longer served; the current one is ${version.hash}: /api/v1/export/${name}.${format}?v=${version.hash.slice(0, 12)}`
        },
        404
      );
    }
    const headers: Record<string, string> = {
      'content-type': CONTENT_TYPES[format],
      'content-disposition': `${format === 'metadata.json' ? 'inline' : 'attachment'}; filename="igf-${name}.${format}"`,
      'x-igf-rows': String(meta.rows),
      'x-igf-synthetic': String(meta.synthetic),
      'x-igf-data-version': version.hash
    };
    if (format === 'metadata.json') {
      release();
      return new Response(JSON.stringify(meta, null, 2), { status: 200, headers });
    }
    await prepareExport(conn, name, version);
    const done = release;
    release = null; // the stream owns the connection from here
    if (format === 'arrow') return new Response(arrowStream(conn, table, meta, done), { status: 200, headers });
    const file = format === 'csv' ? await csvStream(conn, table, done) : await parquetStream(conn, table, meta, done);
    headers['content-length'] = String(file.size);
    return new Response(file.body, { status: 200, headers });
  } catch (e) {
    release?.();
    if (e instanceof ExportRequestError) return errorJson(e.toJSON(), 400);
    if (e instanceof DatabaseUnavailableError) return errorJson({ error: 'database_unavailable', reason: e.reason, message: e.message }, 503);
    console.error('export API error:', e);
    return errorJson({ error: 'internal_error', message: 'The export could not be produced; see the server log.' }, 500);
  }
}

export interface ExportListing {
  name: ExportTableName;
  title: string;
  definition: string;
  rows: number;
  /** The source sets the table holds, each with whether it is synthetic (none for reference tables). */
  source_sets: SourceSetMetadata[];
  synthetic: boolean;
  suppressed: boolean;
  suppressed_rows: number | null;
  columns: ColumnMetadata[];
  files: { format: string; url: string }[];
  metadata_url: string;
}

/** Every export with its row count, schema and URLs (the data page and GET /api/v1/export). */
export async function listExports(origin: string): Promise<{ data_version: DataVersion; exports: ExportListing[] }> {
  const leased = await dedicatedConnection();
  try {
    const exports: ExportListing[] = [];
    let version: DataVersion | null = null;
    for (const name of EXPORT_TABLES) {
      const d = await describeExport(leased.conn, name, new URL(`/api/v1/export/${name}.csv`, origin).href);
      version = d.version;
      exports.push({
        name,
        title: d.table.title,
        definition: d.table.definition,
        rows: d.meta.rows ?? 0,
        source_sets: d.meta.source_sets,
        synthetic: d.meta.synthetic,
        suppressed: d.table.suppressed,
        suppressed_rows: d.facts.suppressedRows,
        columns: d.meta.columns,
        files: EXPORT_FORMATS.map((f) => ({ format: f, url: `/api/v1/export/${name}.${f}` })),
        metadata_url: `/api/v1/export/${name}.metadata.json`
      });
    }
    return { data_version: version!, exports };
  } finally {
    leased.release();
  }
}

export async function handleExportIndex(url: URL): Promise<Response> {
  try {
    return new Response(JSON.stringify(await listExports(url.origin)), {
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache' }
    });
  } catch (e) {
    if (e instanceof DatabaseUnavailableError) return errorJson({ error: 'database_unavailable', reason: e.reason, message: e.message }, 503);
    console.error('export index error:', e);
    return errorJson({ error: 'internal_error', message: 'The export list could not be produced; see the server log.' }, 500);
  }
}
