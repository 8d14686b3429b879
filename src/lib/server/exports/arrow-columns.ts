/**
 * Arrow columns copied straight out of DuckDB's result vectors, chunk by chunk, without making a
 * JavaScript value of any cell: numbers, dates and booleans are copied from the vector's memory,
 * and strings from DuckDB's 16-byte `string_t` entries (the Node API only reads them value by value).
 *
 * A `string_t` is a uint32 byte length followed by the bytes themselves when they fit in 12 bytes,
 * or else (at byte 8) a pointer to them. Strings a scan produces usually lie back to back in memory,
 * so consecutive pointers that continue one another are read with one native call: about 5,000
 * calls for the 2.6 million long strings of the 1M-row speakers benchmark. Only the bytes of the
 * strings themselves are ever read.
 *
 * Relies on the C API's result chunks being flat vectors (as the Node API does) and on a
 * little-endian machine (as Arrow's JavaScript library does).
 */
import { endianness } from 'node:os';
import duckdb from '@duckdb/node-bindings';
import { DuckDBTypeId, type DuckDBDataChunk, type DuckDBResult } from '@duckdb/node-api';
import { Bool, DateDay, Float64, Int32, Utf8, makeData, type Data } from 'apache-arrow';
import type { ExportColumnType } from './tables.ts';

const LITTLE_ENDIAN = endianness() === 'LE';

/** The DuckDB type each export column is cast to, so that its vector has the layout read here. */
export const DUCKDB_TYPE: Record<ExportColumnType, { sql: string; id: DuckDBTypeId }> = {
  string: { sql: 'VARCHAR', id: DuckDBTypeId.VARCHAR },
  int: { sql: 'INTEGER', id: DuckDBTypeId.INTEGER },
  date: { sql: 'DATE', id: DuckDBTypeId.DATE },
  float: { sql: 'DOUBLE', id: DuckDBTypeId.DOUBLE },
  bool: { sql: 'BOOLEAN', id: DuckDBTypeId.BOOLEAN }
};

export const UNORDERED = Symbol('unordered');

/** Rows of a result as Arrow columns, with each row's ordinal (the result's last column). */
export interface ColumnBatch {
  length: number;
  columns: Data[];
  ordinals: Int32Array;
}

/**
 * A streamed result read batch by batch as Arrow columns. The result's columns are `types` (each
 * cast to its DUCKDB_TYPE) and then an INTEGER ordinal of the row, which must strictly increase
 * over the whole result (next() says UNORDERED where it does not). DuckDB produces the next chunk
 * on its own threads while one is copied; close() settles that fetch, so the connection can be used
 * again however the reading ends.
 */
export class BatchReader {
  private next: Promise<DuckDBDataChunk | null>;
  /** A chunk fetched that did not fit in the batch before: the first of the next one. */
  private held: DuckDBDataChunk | null = null;
  private previous = -1;
  private ended = false;

  constructor(
    private readonly result: DuckDBResult,
    private readonly types: ExportColumnType[]
  ) {
    // Refused here, not at import: the CSV and Parquet exports that share this module do not depend on it.
    if (!LITTLE_ENDIAN) throw new Error('export: the Arrow export reads DuckDB vectors as little-endian memory, and this machine is big-endian');
    const expected = [...types.map((t) => DUCKDB_TYPE[t]), DUCKDB_TYPE.int];
    expected.forEach(({ sql, id }, i) => {
      if (result.columnTypeId(i) !== id) throw new Error(`export: column ${result.columnName(i)} is ${result.columnType(i)}, expected ${sql}`);
    });
    this.next = result.fetchChunk();
  }

  /**
   * Up to `capacity` rows in whole chunks (a chunk holds at most 2,048), or null after the last.
   * UNORDERED when an ordinal does not exceed the one before it, in this batch or an earlier one.
   */
  async read(capacity: number): Promise<ColumnBatch | typeof UNORDERED | null> {
    if (this.ended) return null;
    const { types } = this;
    const builders = types.map((t) => columnBuilder(t, capacity));
    const ordinals = new Int32Array(capacity);
    let length = 0;
    for (;;) {
      const chunk = this.held ?? (await this.next);
      this.held = null;
      if (!chunk || chunk.rowCount === 0) {
        this.ended = true;
        break;
      }
      const rows = chunk.rowCount;
      if (length + rows > capacity) {
        if (length === 0) throw new Error(`export: a chunk of ${rows} rows is more than a batch of ${capacity}`);
        this.held = chunk;
        break;
      }
      this.next = this.result.fetchChunk();
      const ordinal = duckdb.vector_get_data(duckdb.data_chunk_get_vector(chunk.chunk, types.length), rows * 4);
      const chunkOrdinals = new Int32Array(ordinal.buffer, ordinal.byteOffset, rows);
      for (const n of chunkOrdinals) {
        if (!(n > this.previous)) return UNORDERED;
        this.previous = n;
      }
      ordinals.set(chunkOrdinals, length);
      builders.forEach((b, i) => b.append(duckdb.data_chunk_get_vector(chunk.chunk, i), rows));
      length += rows;
    }
    if (length === 0) return null;
    return { length, columns: builders.map((b) => b.finish()), ordinals: ordinals.subarray(0, length) };
  }

  /** Settles the fetch under way (its error too: the reading has ended anyway). */
  async close(): Promise<void> {
    this.ended = true;
    await this.next.catch(() => null);
  }
}

/** Values of one column, appended chunk by chunk, then handed to Arrow as one Data. */
interface ColumnBuilder {
  /** Appends the first `rows` values of a flat DuckDB vector of the column's DUCKDB_TYPE. */
  append(vector: duckdb.Vector, rows: number): void;
  finish(): Data;
}

function columnBuilder(type: ExportColumnType, capacity: number): ColumnBuilder {
  switch (type) {
    case 'string':
      return new StringBuilder(capacity);
    case 'int':
      return new NumberBuilder(capacity, new Int32());
    case 'date':
      return new NumberBuilder(capacity, new DateDay());
    case 'float':
      return new NumberBuilder(capacity, new Float64());
    case 'bool':
      return new BoolBuilder(capacity);
  }
}

/** DuckDB's validity mask (uint64 words, least significant bit first; none = all valid) as bytes. */
function validityOf(vector: duckdb.Vector, rows: number): Uint8Array | null {
  return duckdb.vector_get_validity(vector, Math.ceil(rows / 64) * 8) ?? null;
}

/** Arrow's validity bitmap for up to `capacity` values, built as values are appended. */
class Validity {
  readonly bits: Uint8Array;
  length = 0;
  nullCount = 0;
  constructor(capacity: number) {
    this.bits = new Uint8Array((capacity + 7) >> 3);
  }
  /** Appends `rows` validity bits from a DuckDB mask; same bit order as Arrow's. */
  append(mask: Uint8Array | null, rows: number): void {
    const { bits } = this;
    for (let i = 0, at = this.length; i < rows; i++, at++) {
      if (mask === null || mask[i >> 3] & (1 << (i & 7))) bits[at >> 3] |= 1 << (at & 7);
      else this.nullCount++;
    }
    this.length += rows;
  }
  /** Whether value `i` of the rows just appended from `mask` is valid. */
  static valid(mask: Uint8Array | null, i: number): boolean {
    return mask === null || (mask[i >> 3] & (1 << (i & 7))) !== 0;
  }
  finish() {
    return { length: this.length, nullCount: this.nullCount, nullBitmap: this.bits.subarray(0, (this.length + 7) >> 3) };
  }
}

/** Numbers both stores keep as fixed-width little-endian values: INTEGER, DATE (days since 1970), DOUBLE. */
class NumberBuilder implements ColumnBuilder {
  private readonly values: Int32Array | Float64Array;
  private readonly validity: Validity;
  constructor(
    capacity: number,
    private readonly type: Int32 | DateDay | Float64
  ) {
    this.values = type instanceof Float64 ? new Float64Array(capacity) : new Int32Array(capacity);
    this.validity = new Validity(capacity);
  }
  append(vector: duckdb.Vector, rows: number): void {
    const data = duckdb.vector_get_data(vector, rows * this.values.BYTES_PER_ELEMENT);
    const mask = validityOf(vector, rows);
    const from = this.validity.length;
    const { buffer, byteOffset } = data;
    this.values.set(this.values instanceof Float64Array ? new Float64Array(buffer, byteOffset, rows) : new Int32Array(buffer, byteOffset, rows), from);
    // What DuckDB left in a null's slot is not ours to publish: an export's bytes depend on its values only.
    if (mask !== null) for (let i = 0; i < rows; i++) if (!Validity.valid(mask, i)) this.values[from + i] = 0;
    this.validity.append(mask, rows);
  }
  finish(): Data {
    const v = this.validity.finish();
    const data = this.values.subarray(0, v.length);
    if (this.type instanceof Float64) return makeData({ type: this.type, ...v, data: data as Float64Array });
    if (this.type instanceof DateDay) return makeData({ type: this.type, ...v, data: data as Int32Array });
    return makeData({ type: this.type, ...v, data: data as Int32Array });
  }
}

class BoolBuilder implements ColumnBuilder {
  private readonly values: Uint8Array;
  private readonly validity: Validity;
  constructor(capacity: number) {
    this.values = new Uint8Array((capacity + 7) >> 3);
    this.validity = new Validity(capacity);
  }
  append(vector: duckdb.Vector, rows: number): void {
    const data = duckdb.vector_get_data(vector, rows * duckdb.sizeof_bool);
    const mask = validityOf(vector, rows);
    const { values } = this;
    for (let i = 0, at = this.validity.length; i < rows; i++, at++) {
      if (data[i * duckdb.sizeof_bool] !== 0 && Validity.valid(mask, i)) values[at >> 3] |= 1 << (at & 7);
    }
    this.validity.append(mask, rows);
  }
  finish(): Data {
    const v = this.validity.finish();
    return makeData({ type: new Bool(), ...v, data: this.values.subarray(0, (v.length + 7) >> 3) });
  }
}

const STRING_T_BYTES = 16;
const INLINE_MAX = 12;
const INT32_MAX = 0x7fff_ffff;
const UINT32_MAX = 0xffff_ffff;

class StringBuilder implements ColumnBuilder {
  private readonly offsets: Int32Array;
  private bytes = new Uint8Array(1 << 16);
  private readonly validity: Validity;
  /** Where each string of the current run goes in `bytes`, and its length (scratch, per vector). */
  private runAts = new Int32Array(0);
  private runLengths = new Int32Array(0);
  constructor(private readonly capacity: number) {
    this.offsets = new Int32Array(capacity + 1);
    this.validity = new Validity(capacity);
  }

  append(vector: duckdb.Vector, rows: number): void {
    const entries = duckdb.vector_get_data(vector, rows * STRING_T_BYTES);
    const words = new Uint32Array(entries.buffer, entries.byteOffset, rows * 4);
    const mask = validityOf(vector, rows);
    const first = this.validity.length;
    const { offsets } = this;

    // Offsets first: they give the bytes this chunk needs. A null's length word is not read.
    let end = offsets[first];
    for (let i = 0; i < rows; i++) {
      end += Validity.valid(mask, i) ? words[4 * i] : 0;
      if (end > INT32_MAX) throw new Error(`export: more than ${INT32_MAX} bytes of text in one column of one batch (Arrow Utf8 offsets are 32-bit)`);
      offsets[first + i + 1] = end;
    }
    this.reserve(end, first + rows);
    const bytes = this.bytes;

    // A run: long strings whose bytes continue one another in DuckDB's memory, read in one call.
    // A scan writes the long strings of a vector back to back, with the short ones inline in their
    // entries: in the Arrow buffer a run's strings are then apart wherever a short one sits between
    // them, and are placed one by one (a native call per string cost more than the whole copy).
    let runEntry = -1;
    let runLength = 0;
    let runStrings = 0;
    let runApart = false;
    // Where the run's bytes end in DuckDB's memory: the pointer's high and low 32-bit words (no
    // arithmetic on whole 64-bit addresses, which a JavaScript number does not hold exactly).
    let runEndHigh = 0;
    let runEndLow = -1;
    if (this.runAts.length < rows) {
      this.runAts = new Int32Array(rows);
      this.runLengths = new Int32Array(rows);
    }
    const { runAts, runLengths } = this;
    const readRun = () => {
      if (runEntry < 0) return;
      const run = duckdb.get_data_from_pointer(entries.buffer as ArrayBuffer, entries.byteOffset + runEntry * STRING_T_BYTES + 8, runLength);
      if (!runApart) {
        bytes.set(run, runAts[0]);
      } else {
        for (let s = 0, from = 0; s < runStrings; s++) {
          const at = runAts[s];
          const length = runLengths[s];
          for (let k = 0; k < length; k++) bytes[at + k] = run[from + k];
          from += length;
        }
      }
      runEntry = -1;
    };
    for (let i = 0; i < rows; i++) {
      if (!Validity.valid(mask, i)) continue;
      const length = words[4 * i];
      const at = offsets[first + i];
      if (length <= INLINE_MAX) {
        const from = i * STRING_T_BYTES + 4;
        for (let k = 0; k < length; k++) bytes[at + k] = entries[from + k];
        continue;
      }
      const low = words[4 * i + 2];
      const high = words[4 * i + 3];
      if (runEntry >= 0 && low === runEndLow && high === runEndHigh) {
        if (at !== runAts[runStrings - 1] + runLengths[runStrings - 1]) runApart = true;
        runAts[runStrings] = at;
        runLengths[runStrings] = length;
        runStrings++;
        runLength += length;
      } else {
        readRun();
        runEntry = i;
        runAts[0] = at;
        runLengths[0] = length;
        runStrings = 1;
        runLength = length;
        runApart = false;
        runEndHigh = high;
      }
      // A run ends where the low word would carry into the high one.
      runEndLow = low + length <= UINT32_MAX ? low + length : -1;
    }
    readRun();
    this.validity.append(mask, rows);
  }

  /**
   * Room for `byteLength` bytes, `rows` values in: sized for the whole batch at the pace so far (one
   * copy beats many), but never beyond four times what is needed now, as a batch may hold far fewer
   * rows than its capacity.
   */
  private reserve(byteLength: number, rows: number): void {
    if (byteLength <= this.bytes.byteLength) return;
    const projected = Math.ceil((byteLength / rows) * this.capacity * 1.1);
    const grown = new Uint8Array(Math.max(byteLength, Math.min(projected, 4 * byteLength), this.bytes.byteLength * 2));
    grown.set(this.bytes);
    this.bytes = grown;
  }

  finish(): Data {
    const v = this.validity.finish();
    return makeData({
      type: new Utf8(),
      ...v,
      valueOffsets: this.offsets.subarray(0, v.length + 1),
      data: this.bytes.subarray(0, this.offsets[v.length])
    });
  }
}
