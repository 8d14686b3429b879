/**
 * Streams one export table from DuckDB as CSV, an Arrow IPC file or Parquet, chunk by chunk, so a
 * million-row export never exists in memory as a whole: the next DuckDB chunk is read only when the
 * client has taken the bytes of the previous one.
 */
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
  Bool,
  DateDay,
  Field,
  Float64,
  Int32,
  RecordBatch,
  RecordBatchFileWriter,
  Schema,
  Struct,
  Utf8,
  makeData,
  type Data,
  type DataType
} from 'apache-arrow';
import { DuckDBDateValue, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { arrowFieldMetadata, arrowSchemaMetadata, unitOf, type DownloadMetadata } from './metadata.ts';
import type { ExportColumn, ExportTable } from './tables.ts';

/** Rows per Arrow record batch: large enough that per-batch overhead is small, small enough to stream. */
const ROWS_PER_BATCH = 65_536;

async function* duckdbChunks(conn: DuckDBConnection, sql: string): AsyncGenerator<{ rows: number; columns: DuckDBValue[][] }> {
  const result = await conn.stream(sql);
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) return;
    yield { rows: chunk.rowCount, columns: chunk.getColumns() };
  }
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

// ---------- CSV ----------

const encoder = new TextEncoder();

function csvValue(v: DuckDBValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof DuckDBDateValue) return v.toString();
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

async function* csvBytes(conn: DuckDBConnection, table: ExportTable): AsyncGenerator<Uint8Array> {
  yield encoder.encode(table.columns.map((c) => c.name).join(',') + '\r\n');
  for await (const { rows, columns } of duckdbChunks(conn, table.sql)) {
    let text = '';
    for (let r = 0; r < rows; r++) {
      let line = csvValue(columns[0][r]);
      for (let c = 1; c < columns.length; c++) line += ',' + csvValue(columns[c][r]);
      text += line + '\r\n';
    }
    yield encoder.encode(text);
  }
}

/** RFC 4180 CSV (header line, CRLF, quoted where needed; empty field = null). */
export function csvStream(conn: DuckDBConnection, table: ExportTable, done: () => void): ReadableStream<Uint8Array> {
  return pullStream(csvBytes(conn, table), done);
}

// ---------- Arrow ----------

function arrowType(t: ExportColumn['type']): DataType {
  switch (t) {
    case 'int':
      return new Int32();
    case 'float':
      return new Float64();
    case 'bool':
      return new Bool();
    case 'date':
      return new DateDay();
    case 'string':
      return new Utf8();
  }
}

/** Validity bitmap (bit set = value present) and null count of a column's values. */
function validity(values: DuckDBValue[]): { nullBitmap: Uint8Array; nullCount: number } {
  const nullBitmap = new Uint8Array((values.length + 7) >> 3);
  let nullCount = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] === null || values[i] === undefined) nullCount++;
    else nullBitmap[i >> 3] |= 1 << (i & 7);
  }
  return { nullBitmap, nullCount };
}

const utf8 = new TextEncoder();

/**
 * One column of a record batch, written straight into Arrow buffers: apache-arrow's generic
 * builders (vectorFromArray) cost several times more than DuckDB's own Parquet writer.
 */
function columnData(t: ExportColumn['type'], values: DuckDBValue[]): Data {
  const length = values.length;
  const { nullBitmap, nullCount } = validity(values);
  switch (t) {
    case 'int':
    case 'date': {
      const data = new Int32Array(length);
      for (let i = 0; i < length; i++) {
        const v = values[i];
        if (v !== null && v !== undefined) data[i] = t === 'date' ? (v as DuckDBDateValue).days : Number(v);
      }
      return t === 'date'
        ? makeData({ type: new DateDay(), length, nullCount, nullBitmap, data })
        : makeData({ type: new Int32(), length, nullCount, nullBitmap, data });
    }
    case 'float': {
      const data = new Float64Array(length);
      for (let i = 0; i < length; i++) {
        const v = values[i];
        if (v !== null && v !== undefined) data[i] = Number(v);
      }
      return makeData({ type: new Float64(), length, nullCount, nullBitmap, data });
    }
    case 'bool': {
      const data = new Uint8Array((length + 7) >> 3);
      for (let i = 0; i < length; i++) if (values[i] === true) data[i >> 3] |= 1 << (i & 7);
      return makeData({ type: new Bool(), length, nullCount, nullBitmap, data });
    }
    case 'string': {
      let room = 0;
      for (let i = 0; i < length; i++) {
        const v = values[i];
        if (typeof v === 'string') room += v.length * 3; // UTF-8 needs at most 3 bytes per UTF-16 unit
      }
      const bytes = new Uint8Array(room);
      const valueOffsets = new Int32Array(length + 1);
      let at = 0;
      for (let i = 0; i < length; i++) {
        const v = values[i];
        if (typeof v === 'string' && v.length > 0) at += utf8.encodeInto(v, bytes.subarray(at)).written;
        valueOffsets[i + 1] = at;
      }
      return makeData({ type: new Utf8(), length, nullCount, nullBitmap, valueOffsets, data: bytes.subarray(0, at) });
    }
  }
}

export function arrowSchema(table: ExportTable, meta: DownloadMetadata): Schema {
  const fields = table.columns.map(
    (c) => new Field(c.name, arrowType(c.type), true, arrowFieldMetadata({ ...c, unit: unitOf(c.name) }))
  );
  return new Schema(fields, arrowSchemaMetadata(meta));
}

function recordBatch(schema: Schema, table: ExportTable, columns: DuckDBValue[][][], rows: number): RecordBatch {
  const children = table.columns.map((c, i) => columnData(c.type, columns.length === 1 ? columns[0][i] : columns.flatMap((chunk) => chunk[i])));
  return new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: rows, nullCount: 0, children }));
}

/**
 * The writer queues the bytes of each batch synchronously; after every write this takes what is
 * queued (a resolved next() wins the race against the marker) and hands it on, so at most one
 * batch's bytes wait in memory.
 */
async function* arrowBytes(conn: DuckDBConnection, table: ExportTable, meta: DownloadMetadata): AsyncGenerator<Uint8Array> {
  const schema = arrowSchema(table, meta);
  const writer = new RecordBatchFileWriter();
  const queued = writer[Symbol.asyncIterator]();
  const EMPTY = Symbol('empty');
  let pending = queued.next();
  async function* drain(): AsyncGenerator<Uint8Array> {
    for (;;) {
      const r = await Promise.race([pending, Promise.resolve(EMPTY)]);
      if (r === EMPTY) return;
      if (r.done) return;
      pending = queued.next();
      yield r.value;
    }
  }

  writer.reset(undefined, schema);
  yield* drain();
  let chunks: DuckDBValue[][][] = [];
  let rows = 0;
  const flush = () => {
    if (rows === 0) return;
    writer.write(recordBatch(schema, table, chunks, rows));
    chunks = [];
    rows = 0;
  };
  for await (const chunk of duckdbChunks(conn, table.sql)) {
    chunks.push(chunk.columns);
    rows += chunk.rows;
    if (rows >= ROWS_PER_BATCH) {
      flush();
      yield* drain();
    }
  }
  flush();
  writer.finish();
  // After finish the queue closes: drain to the end (next() resolves with done).
  for (;;) {
    const r = await pending;
    if (r.done) return;
    pending = queued.next();
    yield r.value;
  }
}

/** Arrow IPC file format, record batches of up to 65,536 rows, with schema and field metadata. */
export function arrowStream(conn: DuckDBConnection, table: ExportTable, meta: DownloadMetadata, done: () => void): ReadableStream<Uint8Array> {
  return pullStream(arrowBytes(conn, table, meta), done);
}

// ---------- Parquet ----------

/** DuckDB string literal (the values are ours: metadata text, a path we made). */
function literal(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/**
 * DuckDB writes the Parquet file (zstd) to a private temporary directory, with the metadata as
 * Parquet key-value metadata; the file is streamed and deleted when the stream ends.
 */
export async function parquetStream(
  conn: DuckDBConnection,
  table: ExportTable,
  meta: DownloadMetadata,
  done: () => void
): Promise<{ body: ReadableStream<Uint8Array>; size: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'igf-export-'));
  const file = join(dir, `${table.name}.parquet`);
  const cleanup = () => {
    rmSync(dir, { recursive: true, force: true });
    done();
  };
  try {
    const kv = [...arrowSchemaMetadata(meta)].map(([k, v]) => `${k}: ${literal(v)}`).join(', ');
    await conn.run(`COPY (${table.sql.trim().replace(/;\s*$/, '')}) TO ${literal(file)} (FORMAT parquet, COMPRESSION zstd, KV_METADATA {${kv}})`);
  } catch (e) {
    cleanup();
    throw e;
  }
  const { size } = statSync(file);
  const node = createReadStream(file);
  let cleaned = false;
  const once = () => {
    if (!cleaned) {
      cleaned = true;
      cleanup();
    }
  };
  node.on('close', once);
  node.on('error', once);
  return { body: Readable.toWeb(node) as ReadableStream<Uint8Array>, size };
}
