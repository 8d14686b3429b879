/**
 * Streams one export table from DuckDB as CSV, an Arrow IPC file or Parquet, so a million-row export
 * never exists in memory as a whole.
 *
 * CSV and Parquet are written by DuckDB's own writers to a temporary file that is streamed and
 * deleted. Arrow (no DuckDB Arrow writer is available offline) is read from one streamed query, batch
 * by batch as the client takes the bytes, and its vectors are copied into Arrow buffers without a
 * JavaScript value per cell (arrow-columns.ts).
 * Reading values one by one through the Node API cost 7.5 times DuckDB's own Parquet writer for 1M
 * speakers; having DuckDB aggregate each column of a batch to one text, about 4 times.
 */
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Dictionary, Field, Int32, RecordBatch, RecordBatchFileWriter, Schema, Struct, Utf8, makeData, vectorFromArray, type Data, type Vector } from 'apache-arrow';
import type { DuckDBConnection } from '@duckdb/node-api';
import { BatchReader, DUCKDB_TYPE, UNORDERED } from './arrow-columns.ts';
import { arrowType, csvSafeTextSql } from '../download/encoding.ts';
import { arrowFieldMetadata, arrowSchemaMetadata, type DownloadMetadata } from '../download/metadata.ts';
import { columnSql, type ExportColumn, type ExportTable } from './tables.ts';

/** Rows per Arrow record batch: DuckDB's row group size (a whole number of 2,048-row chunks). */
export const ROWS_PER_BATCH = 122_880;

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

/** A DOUBLE as JavaScript writes it: whole numbers without ".0" (DuckDB writes 1350.0), else the shortest exact form. */
function jsNumberText(e: string): string {
  return `CASE WHEN ${e} = trunc(${e}) AND abs(${e}) < 1e15 THEN CAST(CAST(${e} AS BIGINT) AS VARCHAR) ELSE CAST(${e} AS VARCHAR) END`;
}

/** A column as DuckDB's CSV writer gets it (`e`, its expression): floats the JavaScript way, text safe for spreadsheets, the rest as it is. */
function csvExpression(c: ExportColumn, e: string): string {
  if (c.type === 'float') return jsNumberText(e);
  if (c.type === 'string') return csvSafeTextSql(e);
  return e;
}

/** Whether an expression of ours holds a subquery (and so makes DuckDB join, which keeps no order). */
const isSubquery = (e: string) => /\bselect\b/i.test(e);

/**
 * Each column's SQL expression as every format scans it, the country lookups read from per-country
 * lists where they can be (countryLookupsWithoutJoin), and whether any expression is left a
 * subquery: a join, after which only ORDER BY rowid gives the table's order. A SELECT from one table
 * otherwise keeps it (DuckDB's documented order preservation, which COPY keeps too).
 */
async function scanExpressions(conn: DuckDBConnection, table: ExportTable): Promise<{ expressions: string[]; joins: boolean }> {
  const listed = await countryLookupsWithoutJoin(conn, table.columns);
  const expressions = table.columns.map((c) => listed.get(c.name) ?? columnSql(c));
  return { expressions, joins: expressions.some(isSubquery) };
}

/**
 * The whole table in storage order, as DuckDB's CSV and Parquet writers read it (`write` turns each
 * column's expression into what the writer gets), sorted only where a lookup is left a join.
 * 1M speakers to Parquet: 2.3-3.0 s with the four global-south flags as subqueries and sorted,
 * 0.5-0.9 s from the lists.
 */
export async function wholeTableSelect(
  conn: DuckDBConnection,
  table: ExportTable,
  write: (c: ExportColumn, e: string) => string = (_, e) => e
): Promise<string> {
  const { expressions, joins } = await scanExpressions(conn, table);
  const columns = table.columns.map((c, i) => `${write(c, expressions[i])} AS ${c.name}`);
  return `SELECT ${columns.join(', ')} FROM ${table.from}${joins ? ' ORDER BY rowid' : ''}`;
}

/**
 * RFC 4180 CSV (header line, CRLF, fields quoted where needed, empty field = null, a leading ' on
 * text that begins like a formula), written by DuckDB's own CSV writer to a temporary file and
 * streamed from there: building the text in SQL or in JavaScript cost 3 to 5 times DuckDB's writer.
 */
export async function csvStream(conn: DuckDBConnection, table: ExportTable, done: () => void): Promise<FileStream> {
  // Floats written as text the JavaScript way, and text columns (only they: a number written as
  // text is never changed) with a leading ' on a cell that begins like a spreadsheet formula
  // (CSV_TEXT_NOTE in encoding.ts).
  return copyStream(conn, await wholeTableSelect(conn, table, csvExpression), `${table.name}.csv`, `FORMAT csv, HEADER, NEW_LINE '\r\n'`, done);
}

// ---------- Arrow ----------

/** A categorical column's Arrow type: Int32 indices into Utf8 values, the column's position its dictionary id. */
const categoryType = (position: number) => new Dictionary(new Utf8(), new Int32(), position);

export function arrowSchema(table: ExportTable, meta: DownloadMetadata): Schema {
  const fields = table.columns.map(
    (c, i) => new Field(c.name, c.categorical ? categoryType(i) : arrowType(c.type), true, arrowFieldMetadata(c))
  );
  return new Schema(fields, arrowSchemaMetadata(meta));
}

/**
 * Each categorical column's distinct values, sorted (so an export's bytes depend on its values
 * only), with the SQL that reads a row's value as its index among them. The values become a
 * temporary ENUM type of the connection, made by DuckDB from a query (no value is ever written into
 * SQL), which a row's text is cast to by hash lookup: the scan hands over one integer a row instead
 * of the text. About 45 ms for the 13 such columns of 1M speakers; the values are written once,
 * ahead of the first record batch.
 */
async function categoryDictionaries(conn: DuckDBConnection, table: ExportTable): Promise<Map<string, { index: string; values: Vector<Utf8> }>> {
  const categorical = table.columns.filter((c) => c.categorical);
  if (categorical.length === 0) return new Map();
  const typeName = (i: number) => `export_category_${i}`;
  for (const [i, c] of categorical.entries()) {
    const e = columnSql(c);
    await conn.run(`CREATE OR REPLACE TEMP TYPE ${typeName(i)} AS ENUM (SELECT DISTINCT ${e} FROM ${table.from} WHERE ${e} IS NOT NULL ORDER BY 1)`);
  }
  const lists = (await conn.runAndReadAll(`SELECT ${categorical.map((_, i) => `enum_range(NULL::${typeName(i)})`).join(', ')}`)).getRowsJS()[0];
  return new Map(
    categorical.map((c, i) => [
      c.name,
      { index: `enum_code(CAST(${columnSql(c)} AS ${typeName(i)}))`, values: vectorFromArray(lists[i] as string[], new Utf8()) }
    ])
  );
}

/**
 * How far DuckDB may run ahead of the reader of a streamed result. At DuckDB's default (about 1 MB)
 * a scan waited for the reader chunk by chunk, on one thread; with room for a few batches it scans
 * on all its threads while this one copies (1M speakers: DuckDB's side of the stream 0.6 s -> 0.35 s).
 */
const STREAM_BUFFER = '64MB';

/**
 * The table as Arrow record batches of up to ROWS_PER_BATCH rows, in storage order, from one
 * streamed query. A SELECT from one table keeps the table's order (DuckDB's documented order
 * preservation, on all threads), so no ORDER BY is needed (a sort of 1M speakers with all their text
 * cost more than the rest of the export); each row's rowid, read alongside, proves it, and should a
 * rowid ever not exceed the one before, the rest is asked for again after the last row handed on,
 * sorted. Columns computed by a subquery (a country lookup that could not be listed) make DuckDB
 * join, which keeps no order: then the whole query is sorted.
 */
async function* recordBatches(conn: DuckDBConnection, table: ExportTable, schema: Schema): AsyncGenerator<RecordBatch> {
  const last = Number((await conn.runAndReadAll(`SELECT coalesce(max(rowid), -1)::BIGINT FROM ${table.from}`)).getRows()[0][0]);
  // The rowid travels as an INTEGER beside the columns (DuckDB's rowids start at 0 and stay dense).
  if (last > 0x7fff_ffff) throw new Error(`export ${table.name}: rowids beyond 2^31 are not supported by the Arrow export`);
  const { expressions, joins } = await scanExpressions(conn, table);
  const dictionaries = await categoryDictionaries(conn, table);
  /** What the scan hands over: a categorical column's indices as integers, in place of its text. */
  const scanned = table.columns.map((c, i) => dictionaries.get(c.name)?.index ?? expressions[i]);
  const types = table.columns.map((c) => (dictionaries.has(c.name) ? 'int' : c.type));
  const select = table.columns.map((c, i) => `CAST(${scanned[i]} AS ${DUCKDB_TYPE[types[i]].sql}) AS ${c.name}`).join(', ');
  const query = (after: number, sorted: boolean) =>
    `SELECT ${select}, CAST(rowid AS INTEGER) FROM ${table.from}${after >= 0 ? ` WHERE rowid > ${after}` : ''}${sorted ? ' ORDER BY rowid' : ''}`;
  // A connection's own setting (its scope is LOCAL): the API's pooled connections keep DuckDB's default.
  await conn.run(`SET SESSION streaming_buffer_size = '${STREAM_BUFFER}'`);

  let reader = new BatchReader(await conn.stream(query(-1, joins)), types);
  let handedOn = -1;
  let sorted = joins;
  try {
    for (;;) {
      const batch = await reader.read(ROWS_PER_BATCH);
      if (batch === null) break;
      if (batch === UNORDERED) {
        if (sorted) throw new Error(`export ${table.name}: rows came out of order even with ORDER BY`);
        await reader.close();
        reader = new BatchReader(await conn.stream(query(handedOn, true)), types);
        sorted = true;
        continue;
      }
      handedOn = batch.ordinals[batch.length - 1];
      const children = table.columns.map((c, i) => {
        const data = batch.columns[i];
        const dictionary = dictionaries.get(c.name);
        if (!dictionary) return data;
        const { length, nullCount, nullBitmap, values } = data as Data<Int32>;
        return makeData({ type: schema.fields[i].type as Dictionary<Utf8, Int32>, length, nullCount, nullBitmap, data: values, dictionary: dictionary.values });
      });
      yield new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: batch.length, nullCount: 0, children }));
    }
  } finally {
    await reader.close();
  }
}

/** A country code this module writes into SQL itself: three capital letters or digits, nothing to escape. */
const ISO3 = /^[A-Z0-9]{3}$/;

/**
 * The country lookups of a table's columns (ExportColumn.countryLookup) as expressions without a
 * join, so that they come in the scan's order: each lookup's value for every country in a list,
 * indexed by the row's code as a position in an ENUM of the codes (a text cast to an ENUM is a hash
 * lookup; TRY_CAST gives NULL for a code the table lacks, and so does the list at a NULL index).
 * 1M speakers: about 0.1 s more in the scan, where the second, sorted query took 0.34 s.
 *
 * Empty (the lookups go to that second query) when the country table holds no rows, repeats or
 * holds a code this SQL could not quote plainly, or a lookup is not a boolean column.
 */
async function countryLookupsWithoutJoin(conn: DuckDBConnection, columns: ExportColumn[]): Promise<Map<string, string>> {
  const lookups = columns.filter((c) => c.countryLookup);
  if (lookups.length === 0 || lookups.some((c) => c.type !== 'bool')) return new Map();
  const values = lookups.map((c) => `CAST(${c.countryLookup!.value} AS BOOLEAN)`).join(', ');
  const countries = (await conn.runAndReadAll(`SELECT c.iso3, ${values} FROM country c ORDER BY c.iso3`)).getRows();
  const codes = countries.map((r) => r[0]);
  if (codes.length === 0 || !codes.every((code) => typeof code === 'string' && ISO3.test(code)) || new Set(codes).size !== codes.length) return new Map();
  const codeType = `ENUM(${codes.map((code) => `'${code}'`).join(', ')})`;
  return new Map(
    lookups.map((c, i) => {
      const { key, otherwise } = c.countryLookup!;
      const list = `CAST([${countries.map((r) => (r[i + 1] === null ? 'NULL' : r[i + 1] ? 'true' : 'false')).join(', ')}] AS BOOLEAN[])`;
      const found = `(${list})[enum_code(TRY_CAST(${key} AS ${codeType})) + 1]`;
      return [c.name, otherwise === undefined ? found : `coalesce(${found}, ${otherwise})`];
    })
  );
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
  async function drain(untilDone = false): Promise<Uint8Array[]> {
    const parts: Uint8Array[] = [];
    for (;;) {
      const r = untilDone ? await pending : await Promise.race([pending, Promise.resolve(EMPTY)]);
      if (r === EMPTY || r.done) break;
      pending = queued.next();
      parts.push(r.value);
    }
    return coalesce(parts);
  }

  writer.reset(undefined, schema);
  yield* await drain();
  // The next batch is asked for before this one's bytes are handed on: DuckDB reads it on its own
  // thread while the client takes the bytes (two batches in memory at most). However this ends, the
  // request under way is settled before the connection can be released.
  const batches = recordBatches(conn, table, schema);
  let next = batches.next();
  try {
    for (;;) {
      const r = await next;
      if (r.done) break;
      next = batches.next();
      writer.write(r.value);
      yield* await drain();
    }
  } finally {
    await next.catch(() => null);
    await batches.return(undefined);
  }
  writer.finish();
  // After finish the queue closes: drain to the end (next() resolves with done).
  yield* await drain(true);
}

/** Parts this size or larger go to the socket as they are; smaller ones are merged first. */
const SOCKET_WRITE_BYTES = 1 << 16;

/**
 * The writer's parts (message headers, padding, one part per column buffer) in as few writes as
 * copying allows: runs of small parts merged into one, large parts passed on without a copy.
 */
export function coalesce(parts: Uint8Array[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  let small: Uint8Array[] = [];
  let smallBytes = 0;
  const flush = () => {
    if (small.length === 0) return;
    const merged = new Uint8Array(smallBytes);
    let at = 0;
    for (const p of small) {
      merged.set(p, at);
      at += p.byteLength;
    }
    out.push(merged);
    small = [];
    smallBytes = 0;
  };
  for (const p of parts) {
    if (p.byteLength >= SOCKET_WRITE_BYTES) {
      flush();
      out.push(p);
    } else {
      small.push(p);
      smallBytes += p.byteLength;
      if (smallBytes >= SOCKET_WRITE_BYTES) flush();
    }
  }
  flush();
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
export async function parquetStream(conn: DuckDBConnection, table: ExportTable, meta: DownloadMetadata, done: () => void): Promise<FileStream> {
  const kv = [...arrowSchemaMetadata(meta)].map(([k, v]) => `${k}: ${literal(v)}`).join(', ');
  return copyStream(conn, await wholeTableSelect(conn, table), `${table.name}.parquet`, `FORMAT parquet, COMPRESSION zstd, KV_METADATA {${kv}}`, done);
}
