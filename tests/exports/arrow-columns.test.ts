import { describe, expect, it } from 'vitest';
import { makeVector, type Data } from 'apache-arrow';
import { BatchReader, UNORDERED } from '../../src/lib/server/exports/arrow-columns.ts';
import type { ExportColumnType } from '../../src/lib/server/exports/tables.ts';
import { databaseFile } from './database-file.ts';

const DAY_MS = 86_400_000;
// A database file, checkpointed: its string columns are stored compressed (dictionary, FSST), so
// the scan hands out strings the way a real export table does.
const db = databaseFile('igf-arrow-columns-');

/** The first batch of a query's rows (null for none), or UNORDERED. */
async function read(sql: string, types: ExportColumnType[], capacity = 100_000) {
  const reader = new BatchReader(await db.conn.stream(sql), types);
  try {
    return await reader.read(capacity);
  } finally {
    await reader.close();
  }
}

function values(data: Data): unknown[] {
  return [...makeVector(data)];
}

describe('readColumns (DuckDB vectors copied into Arrow buffers)', () => {
  it('copies strings at and around the 12-byte inline limit, empty, null and multi-byte, in order', async () => {
    const strings = ['', 'twelve bytes', 'thirteen byte', null, 'Ñandú – São Tomé e Príncipe', 'x', 'a longer string than twelve', 'and another one after it'];
    const list = strings.map((s) => (s === null ? 'NULL' : `'${s}'`)).join(', ');
    const r = await read(`SELECT unnest([${list}]) AS s, CAST(generate_subscripts([${list}], 1) AS INTEGER)`, ['string']);
    if (r === UNORDERED || r === null) throw new Error('unordered or empty');
    expect(r.length).toBe(8);
    expect(values(r.columns[0])).toEqual(strings);
    expect(r.columns[0].nullCount).toBe(1);
    // Offsets are UTF-8 byte positions: 'Ñandú – São Tomé e Príncipe' is 27 characters, 34 bytes (Ñ ú ã é í take 2, the dash 3).
    expect(Array.from(r.columns[0].valueOffsets)).toEqual([0, 0, 12, 25, 25, 59, 60, 87, 111]);
  });

  it('copies integers, dates, doubles and booleans with their nulls, null slots zeroed', async () => {
    const r = await read(
      `SELECT * FROM (VALUES
         (1, DATE '1970-01-02', 0.1, true, 1),
         (NULL, NULL, NULL, NULL, 2),
         (-5, DATE '2025-06-23', -1e300, false, 3),
         (2147483647, DATE '1969-12-31', 1350, true, 4)) AS t(i, d, f, b, n)`,
      ['int', 'date', 'float', 'bool']
    );
    if (r === UNORDERED || r === null) throw new Error('unordered or empty');
    const [ints, dates, floats, bools] = r.columns;
    expect(values(ints)).toEqual([1, null, -5, 2147483647]);
    expect(values(dates)).toEqual([DAY_MS, null, 20262 * DAY_MS, -DAY_MS]);
    expect(values(floats)).toEqual([0.1, null, -1e300, 1350]);
    expect(values(bools)).toEqual([true, null, false, true]);
    expect(r.columns.map((c) => c.nullCount)).toEqual([1, 1, 1, 1]);
    expect(ints.values[1]).toBe(0);
    expect(floats.values[1]).toBe(0);
    // Bits: row 0 and row 3 true; the null row's bit clear.
    expect(bools.values[0]).toBe(0b1001);
  });

  it('equals DuckDB value for value across many chunks of stored, repeated and unique strings', async () => {
    // 10,000 rows (five chunks): repeated long values (dictionary-compressed), unique long values,
    // inline values and nulls interleaved, so runs of adjacent strings start and stop often.
    await db.conn.run(`CREATE OR REPLACE TABLE mixed AS
      SELECT CAST(i AS INTEGER) AS i,
             CASE WHEN i % 7 = 0 THEN NULL WHEN i % 3 = 0 THEN 'short ' || (i % 5) ELSE 'organisation number ' || (i % 11) END AS repeated,
             CASE WHEN i % 13 = 0 THEN NULL WHEN i % 2 = 0 THEN 'p' || i ELSE 'participant with id ' || i || ' ü' END AS unique_text,
             CASE WHEN i % 17 = 0 THEN NULL ELSE DATE '2006-10-30' + CAST(i % 7000 AS INTEGER) END AS day,
             CASE WHEN i % 19 = 0 THEN NULL ELSE i / 8.0 END AS share,
             CASE WHEN i % 23 = 0 THEN NULL ELSE i % 2 = 0 END AS flag
      FROM range(10000) AS r(i)`);
    await db.conn.run('CHECKPOINT');
    const sql = 'SELECT i, repeated, unique_text, day, share, flag FROM mixed';
    const r = await read(`${sql.replace('FROM', ', CAST(rowid AS INTEGER) FROM')}`, ['int', 'string', 'string', 'date', 'float', 'bool']);
    if (r === UNORDERED || r === null) throw new Error('unordered or empty');
    expect(r.length).toBe(10_000);
    const expected = (await db.conn.runAndReadAll(`SELECT i, repeated, unique_text, (day - DATE '1970-01-01') * ${DAY_MS}, share, flag FROM mixed ORDER BY rowid`)).getRowsJS();
    const columns = r.columns.map(values);
    const rows = expected.map((_, i) => columns.map((c) => c[i]));
    expect(rows).toEqual(expected.map((row) => row.map((v) => (typeof v === 'bigint' ? Number(v) : v))));
  });

  it('reads constant columns as one value per row, and an empty result as no rows', async () => {
    const r = await read(`SELECT 'the same long text in every row' AS s, 7 AS i, CAST(n AS INTEGER) FROM range(3000) AS r(n)`, ['string', 'int']);
    if (r === UNORDERED || r === null) throw new Error('unordered or empty');
    expect(r.length).toBe(3000);
    expect(new Set(values(r.columns[0]))).toEqual(new Set(['the same long text in every row']));
    expect(values(r.columns[0])).toHaveLength(3000);
    expect(new Set(values(r.columns[1]))).toEqual(new Set([7]));
    expect(await read('SELECT CAST(n AS VARCHAR), CAST(n AS INTEGER) FROM range(0) AS r(n)', ['string'])).toBeNull();
  });

  it('copies a few very long strings in a batch sized for many rows (the buffer grows to need, not to capacity)', async () => {
    const r = await read(`SELECT repeat(chr(97 + CAST(n AS INTEGER)), 40000), CAST(n AS INTEGER) FROM range(3) AS r(n)`, ['string'], 122_880);
    if (r === UNORDERED || r === null) throw new Error('unordered or empty');
    expect(values(r.columns[0])).toEqual(['a'.repeat(40_000), 'b'.repeat(40_000), 'c'.repeat(40_000)]);
  });

  it('says UNORDERED when the ordinal column steps back or repeats', async () => {
    expect(await read('SELECT CAST(n AS VARCHAR), CAST(3 - n AS INTEGER) FROM range(3) AS r(n)', ['string'])).toBe(UNORDERED);
    expect(await read('SELECT CAST(n AS VARCHAR), 1 FROM range(2) AS r(n)', ['string'])).toBe(UNORDERED);
  });

  it('refuses a column whose DuckDB type is not the one its bytes are read as', async () => {
    await expect(read('SELECT 1.5::DOUBLE AS share, 0', ['int'])).rejects.toThrow(/share is DOUBLE/);
    await expect(read('SELECT 1::BIGINT AS n, 0', ['int'])).rejects.toThrow(/n is BIGINT/);
  });

  it('reads a result in batches of whole chunks, the chunk that does not fit starting the next batch', async () => {
    // 5,000 rows come as chunks of 2,048, 2,048 and 904: in batches of at most 3,000 rows the second
    // chunk does not fit beside the first, and starts the second batch with the third.
    const reader = new BatchReader(await db.conn.stream('SELECT CAST(n AS INTEGER), CAST(n AS INTEGER) FROM range(5000) AS r(n)'), ['int']);
    try {
      const lengths: number[] = [];
      const seen: unknown[] = [];
      for (let b = await reader.read(3000); b !== null; b = await reader.read(3000)) {
        if (b === UNORDERED) throw new Error('unordered');
        lengths.push(b.length);
        seen.push(...values(b.columns[0]));
      }
      expect(lengths).toEqual([2048, 2952]);
      expect(seen).toEqual(Array.from({ length: 5000 }, (_, i) => i));
    } finally {
      await reader.close();
    }
  });

  it('says UNORDERED when an ordinal does not exceed the last one of an earlier batch', async () => {
    // Ordinals 0..2047, then 0..951 again: the second batch steps back across the boundary.
    const reader = new BatchReader(await db.conn.stream('SELECT CAST(n AS INTEGER), CAST(n % 2048 AS INTEGER) FROM range(3000) AS r(n)'), ['int']);
    try {
      expect(await reader.read(2048)).not.toBe(UNORDERED);
      expect(await reader.read(2048)).toBe(UNORDERED);
    } finally {
      await reader.close();
    }
  });
});
