/**
 * Streams one export table from DuckDB as CSV, an Arrow IPC file or Parquet, so a million-row export
 * never exists in memory as a whole.
 *
 * CSV and Parquet are written by DuckDB's own writers to a temporary file that is streamed and
 * deleted. Arrow (no DuckDB Arrow writer is available offline) is read in batches of one row group:
 * the next batch is queried only when the client has taken the bytes of the previous one, and DuckDB
 * does the per-value work. Per batch it returns each text column as one blob of UTF-8 bytes with its
 * byte lengths, and each other column as one comma-separated text. Reading values one by one through
 * the Node API instead cost 7.5 times DuckDB's own Parquet writer for 1M speakers.
 */
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Bool, DateDay, Field, Float64, Int32, RecordBatch, RecordBatchFileWriter, Schema, Struct, Utf8, makeData, type Data } from 'apache-arrow';
import { DuckDBBlobValue, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { arrowType } from './encoding.ts';
import { arrowFieldMetadata, arrowSchemaMetadata, unitOf, type DownloadMetadata } from './metadata.ts';
import { wholeTableSql, type ExportColumn, type ExportTable } from './tables.ts';

/**
 * Rowids per batch (and rows per Arrow record batch): DuckDB's row group size, so that a batch is
 * one row group, which DuckDB scans on one thread in storage order (see batches()).
 */
export const ROWS_PER_BATCH = 122_880;

function expression(c: ExportColumn): string {
  return c.sql ?? c.name;
}

/** `ORDER BY rowid` inside each aggregate, or nothing (see batches()). */
type Order = ' ORDER BY rowid' | '';

/**
 * Each batch of rowids as one row of `select(order)`: aggregates over the batch's rows, in rowid
 * order. Ordered aggregates cost DuckDB a sort each, about three times the rest of the query, so a
 * batch is first asked for without them: it is one row group, scanned in storage order, and every
 * aggregate of one query sees the rows in the same sequence. The batch's rowids, aggregated alongside,
 * prove that sequence was rowid order; when they do not, the batch is asked again with ORDER BY.
 * The rowid bounds are numbers computed here, never request input. Empty batches (rowid gaps left
 * by replaced files) are skipped. Yields [count, ...aggregates].
 */
async function* batches(conn: DuckDBConnection, table: ExportTable, select: (order: Order) => string): AsyncGenerator<DuckDBValue[]> {
  const reader = await conn.runAndReadAll(`SELECT coalesce(max(rowid), -1)::BIGINT AS last FROM ${table.from}`);
  const last = Number(reader.getRows()[0][0]);
  const query = (order: Order, lo: number) =>
    `SELECT count(*)::INTEGER, string_agg(CAST(rowid AS VARCHAR), ','${order}), ${select(order)}
     FROM ${table.from} WHERE rowid >= ${lo} AND rowid < ${lo + ROWS_PER_BATCH}`;
  for (let lo = 0; lo <= last; lo += ROWS_PER_BATCH) {
    let row = (await conn.runAndReadAll(query('', lo))).getRows()[0];
    if (Number(row[0]) === 0) continue;
    if (!ascending(row[1])) row = (await conn.runAndReadAll(query(' ORDER BY rowid', lo))).getRows()[0];
    yield [row[0], ...row.slice(2)];
  }
}

export function ascending(rowids: DuckDBValue): boolean {
  if (typeof rowids !== 'string') return false;
  let previous = -1;
  for (const id of rowids.split(',')) {
    const n = /^\d+$/.test(id) ? Number(id) : NaN;
    if (!(n > previous)) return false;
    previous = n;
  }
  return true;
}

/** A pull-driven byte stream over an async generator; `done` runs once however it ends. */
function pullStream(source: AsyncGenerator<Uint8Array>, done: () => void): ReadableStream<Uint8Array> {
  let finished = false;
  const finish = () => {
    if (!finished) {
      finished = true;
      done();
    }
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await source.next();
        if (next.done) {
          finish();
          controller.close();
        } else {
          controller.enqueue(next.value);
        }
      } catch (e) {
        finish();
        console.error('export stream failed:', e);
        controller.error(e);
      }
    },
    async cancel() {
      await source.return(undefined);
      finish();
    }
  });
}

function blobBytes(v: DuckDBValue): Uint8Array {
  return v instanceof DuckDBBlobValue ? v.bytes : new Uint8Array(0);
}

// ---------- CSV ----------

/** A DOUBLE as JavaScript writes it: whole numbers without ".0" (DuckDB writes 1350.0), else the shortest exact form. */
function jsNumberText(e: string): string {
  return `CASE WHEN ${e} = trunc(${e}) AND abs(${e}) < 1e15 THEN CAST(CAST(${e} AS BIGINT) AS VARCHAR) ELSE CAST(${e} AS VARCHAR) END`;
}

/** The whole table with its floats written as text the JavaScript way, for DuckDB's CSV writer. */
function csvSelect(table: ExportTable): string {
  const columns = table.columns.map((c) => `${c.type === 'float' ? jsNumberText(expression(c)) : expression(c)} AS ${c.name}`);
  return `SELECT ${columns.join(', ')} FROM ${table.from} ORDER BY rowid`;
}

/**
 * RFC 4180 CSV (header line, CRLF, fields quoted where needed, empty field = null), written by
 * DuckDB's own CSV writer to a temporary file and streamed from there: building the text in SQL
 * or in JavaScript cost 3 to 5 times DuckDB's writer.
 */
export function csvStream(conn: DuckDBConnection, table: ExportTable, done: () => void): Promise<FileStream> {
  return copyStream(conn, csvSelect(table), `${table.name}.csv`, `FORMAT csv, HEADER, NEW_LINE '\r\n'`, done);
}

// ---------- Arrow ----------

export function arrowSchema(table: ExportTable, meta: DownloadMetadata): Schema {
  const fields = table.columns.map((c) => new Field(c.name, arrowType(c.type), true, arrowFieldMetadata({ ...c, unit: unitOf(c.name) })));
  return new Schema(fields, arrowSchemaMetadata(meta));
}

/**
 * Per column, the aggregate(s) that carry its values for one batch as text, in rowid order: a text
 * column as one blob of UTF-8 bytes plus its byte lengths; any other column as its values in their
 * shortest exact decimal form (dates as days since 1970, booleans 1/0), comma-separated, '' = null.
 */
function arrowSelect(table: ExportTable, order: Order): string {
  const joined = (e: string) => `string_agg(coalesce(${e}, ''), ','${order})`;
  return table.columns
    .map((c) => {
      const e = expression(c);
      switch (c.type) {
        case 'string':
          return `encode(string_agg(coalesce(${e}, ''), ''${order})), ${joined(`CAST(strlen(${e}) AS VARCHAR)`)}`;
        case 'date':
          return joined(`CAST(${e} - DATE '1970-01-01' AS VARCHAR)`);
        case 'bool':
          return joined(`CASE WHEN ${e} THEN '1' WHEN NOT ${e} THEN '0' END`);
        case 'float':
          return joined(jsNumberText(e));
        default:
          return joined(`CAST(${e} AS VARCHAR)`);
      }
    })
    .join(', ');
}

/** Validity bitmap (bit set = value present) of comma-separated values, and null count. */
function validity(values: string[]): { nullBitmap: Uint8Array; nullCount: number } {
  const nullBitmap = new Uint8Array((values.length + 7) >> 3);
  let nullCount = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] !== '') nullBitmap[i >> 3] |= 1 << (i & 7);
    else nullCount++;
  }
  return { nullBitmap, nullCount };
}

function separated(v: DuckDBValue, length: number): string[] {
  const values = typeof v === 'string' ? v.split(',') : [];
  if (values.length !== length) throw new Error(`export batch: expected ${length} values, got ${values.length}`);
  return values;
}

/** One column of a record batch, from the batch row's aggregate value(s), straight into Arrow buffers. */
function columnData(c: ExportColumn, row: DuckDBValue[], at: number, length: number): Data {
  if (c.type === 'string') {
    const bytes = blobBytes(row[at]);
    const lengths = separated(row[at + 1], length);
    const { nullBitmap, nullCount } = validity(lengths);
    const valueOffsets = new Int32Array(length + 1);
    for (let i = 0; i < length; i++) valueOffsets[i + 1] = valueOffsets[i] + (lengths[i] === '' ? 0 : Number(lengths[i]));
    return makeData({ type: new Utf8(), length, nullCount, nullBitmap, valueOffsets, data: bytes });
  }
  const values = separated(row[at], length);
  const { nullBitmap, nullCount } = validity(values);
  switch (c.type) {
    case 'int':
    case 'date': {
      const data = new Int32Array(length);
      for (let i = 0; i < length; i++) if (values[i] !== '') data[i] = Number(values[i]);
      return c.type === 'date'
        ? makeData({ type: new DateDay(), length, nullCount, nullBitmap, data })
        : makeData({ type: new Int32(), length, nullCount, nullBitmap, data });
    }
    case 'float': {
      const data = new Float64Array(length);
      for (let i = 0; i < length; i++) if (values[i] !== '') data[i] = Number(values[i]);
      return makeData({ type: new Float64(), length, nullCount, nullBitmap, data });
    }
    case 'bool': {
      const data = new Uint8Array((length + 7) >> 3);
      for (let i = 0; i < length; i++) if (values[i] === '1') data[i >> 3] |= 1 << (i & 7);
      return makeData({ type: new Bool(), length, nullCount, nullBitmap, data });
    }
  }
}

function recordBatch(schema: Schema, table: ExportTable, row: DuckDBValue[]): RecordBatch {
  const length = Number(row[0]);
  let at = 1;
  const children = table.columns.map((c) => {
    const data = columnData(c, row, at, length);
    at += c.type === 'string' ? 2 : 1;
    return data;
  });
  return new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length, nullCount: 0, children }));
}

/**
 * The writer queues the bytes of each batch synchronously; after every write this takes what is
 * queued (a settled next() wins the race against the marker) and hands it on, so at most one
 * batch's bytes wait in memory.
 */
async function* arrowBytes(conn: DuckDBConnection, table: ExportTable, meta: DownloadMetadata): AsyncGenerator<Uint8Array> {
  const schema = arrowSchema(table, meta);
  const writer = new RecordBatchFileWriter();
  const queued = writer[Symbol.asyncIterator]();
  const EMPTY = Symbol('empty');
  let pending = queued.next();
  /** Everything queued so far as one buffer: one write to the socket per batch, not one per column buffer. */
  async function drain(untilDone = false): Promise<Uint8Array> {
    const parts: Uint8Array[] = [];
    for (;;) {
      const r = untilDone ? await pending : await Promise.race([pending, Promise.resolve(EMPTY)]);
      if (r === EMPTY || r.done) break;
      pending = queued.next();
      parts.push(r.value);
    }
    return concat(parts);
  }

  writer.reset(undefined, schema);
  yield await drain();
  for await (const row of batches(conn, table, (order) => arrowSelect(table, order))) {
    writer.write(recordBatch(schema, table, row));
    yield await drain();
  }
  writer.finish();
  // After finish the queue closes: drain to the end (next() resolves with done).
  yield await drain(true);
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/** Arrow IPC file format, record batches of up to 122,880 rows, with schema and field metadata. */
export function arrowStream(conn: DuckDBConnection, table: ExportTable, meta: DownloadMetadata, done: () => void): ReadableStream<Uint8Array> {
  return pullStream(arrowBytes(conn, table, meta), done);
}

// ---------- Files written by DuckDB (CSV, Parquet) ----------

/** DuckDB string literal (the values are ours: metadata text, a path we made). */
function literal(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

export interface FileStream {
  body: ReadableStream<Uint8Array>;
  size: number;
}

/**
 * DuckDB COPYs `select` to a file in a private temporary directory, which is then streamed and
 * deleted when the stream ends (or fails, or is cancelled). The file name and options are ours.
 */
async function copyStream(conn: DuckDBConnection, select: string, fileName: string, options: string, done: () => void): Promise<FileStream> {
  const dir = mkdtempSync(join(tmpdir(), 'igf-export-'));
  const file = join(dir, fileName);
  let cleaned = false;
  const cleanup = () => {
    if (cleaned) return;
    cleaned = true;
    rmSync(dir, { recursive: true, force: true });
    done();
  };
  try {
    await conn.run(`COPY (${select}) TO ${literal(file)} (${options})`);
  } catch (e) {
    cleanup();
    throw e;
  }
  const { size } = statSync(file);
  const node = createReadStream(file);
  node.on('close', cleanup);
  node.on('error', cleanup);
  return { body: Readable.toWeb(node) as ReadableStream<Uint8Array>, size };
}

/** Parquet (zstd) written by DuckDB, with the metadata as Parquet key-value metadata. */
export function parquetStream(conn: DuckDBConnection, table: ExportTable, meta: DownloadMetadata, done: () => void): Promise<FileStream> {
  const kv = [...arrowSchemaMetadata(meta)].map(([k, v]) => `${k}: ${literal(v)}`).join(', ');
  return copyStream(conn, wholeTableSql(table), `${table.name}.parquet`, `FORMAT parquet, COMPRESSION zstd, KV_METADATA {${kv}}`, done);
}
