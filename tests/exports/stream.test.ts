import { describe, expect, it } from 'vitest';
import { DataType, RecordBatchFileReader, tableFromIPC } from 'apache-arrow';
import { ROWS_PER_BATCH, arrowStream, coalesce, wholeTableSelect } from '../../src/lib/server/exports/stream.ts';
import type { ExportTable } from '../../src/lib/server/exports/tables.ts';
import type { DownloadMetadata } from '../../src/lib/server/download/metadata.ts';
import { databaseFile } from './database-file.ts';

const part = (bytes: number, fill: number) => new Uint8Array(bytes).fill(fill);

describe('coalesce (the Arrow writer’s parts as socket writes)', () => {
  it('merges runs of small parts and passes parts of 64 KiB or more on without copying', () => {
    const big = part(70_000, 2);
    const exact = part(65_536, 5);
    const parts = [part(10, 1), big, part(5, 3), part(5, 4), exact, part(3, 6)];
    const out = coalesce(parts);
    expect(out.map((p) => p.byteLength)).toEqual([10, 70_000, 10, 65_536, 3]);
    expect(out[1]).toBe(big);
    expect(out[3]).toBe(exact);
    expect(Array.from(out[2])).toEqual([3, 3, 3, 3, 3, 4, 4, 4, 4, 4]);
  });

  it('closes a run of small parts once it reaches 64 KiB, keeping every byte in order', () => {
    const parts = Array.from({ length: 5 }, (_, i) => part(30_000, i));
    const out = coalesce(parts);
    expect(out.map((p) => p.byteLength)).toEqual([90_000, 60_000]);
    expect(Buffer.concat(out)).toEqual(Buffer.concat(parts));
  });

  it('gives nothing for nothing', () => {
    expect(coalesce([])).toEqual([]);
  });
});

/** An export table over a test table of the test's own database. */
function testTable(from: string, columns: ExportTable['columns']): ExportTable {
  return { name: 'speakers', title: 'test', definition: 'test', population: null, hasSourceSets: false, suppressed: false, from, columns };
}

/** What the Arrow schema metadata is written from; its values do not matter here. */
const meta = {
  title: 'test', name: 'speakers', kind: 'table', definition: 'test', population: null, filters: {}, source: 's', licence: 'l', citation: 'c',
  url: 'u', data_version: { hash: 'h' }, generated_at: 'g', source_sets: [], synthetic: false, suppression: null
} as unknown as DownloadMetadata;

/** A property of a watched object as the object itself has it (methods bound to it). */
function forward(target: object, prop: string | symbol): unknown {
  const value = Reflect.get(target, prop);
  return typeof value === 'function' ? value.bind(target) : value;
}

describe('arrowStream (a table over several batches)', () => {
  const ROWS = ROWS_PER_BATCH * 2 + 1000;
  const table = testTable('t', [
    { name: 'i', type: 'int', description: 'row' },
    { name: 's', type: 'string', description: 'text' }
  ]);

  const db = databaseFile('igf-arrow-stream-', async (conn) => {
    await conn.run(`CREATE TABLE t AS SELECT CAST(n AS INTEGER) AS i, CASE WHEN n % 3 = 0 THEN 'short' ELSE 'a longer value ' || n END AS s FROM range(${ROWS}) r(n)`);
    await conn.run('CHECKPOINT');
  });

  it('writes every row in order, batch after batch, and releases the connection once', async () => {
    let released = 0;
    const body = arrowStream(db.conn, table, meta, () => released++);
    const parts: Uint8Array[] = [];
    for await (const part of body as unknown as AsyncIterable<Uint8Array>) parts.push(part);
    const arrow = tableFromIPC(Buffer.concat(parts));
    expect(arrow.numRows).toBe(ROWS);
    expect(arrow.batches.length).toBe(3);
    const i = arrow.getChild('i')!;
    const s = arrow.getChild('s')!;
    for (const n of [0, 1, ROWS_PER_BATCH - 1, ROWS_PER_BATCH, ROWS - 1]) {
      expect(i.get(n)).toBe(n);
      expect(s.get(n)).toBe(n % 3 === 0 ? 'short' : `a longer value ${n}`);
    }
    expect(released).toBe(1);
  });

  it('should the rows ever come out of order, asks for the rest after the last row handed on, sorted', async () => {
    // The first query's rowid column steps back in the second batch (as if DuckDB had not kept the
    // table's order); the rows already handed on stay, the rest come from a sorted query.
    const streamed: string[] = [];
    const watched = new Proxy(db.conn, {
      get(target, prop) {
        if (prop !== 'stream') return forward(target, prop);
        return (sql: string) => {
          streamed.push(sql);
          return target.stream(streamed.length === 1 ? sql.replace('CAST(rowid AS INTEGER)', `CAST(CASE WHEN rowid = ${ROWS_PER_BATCH + 5} THEN 0 ELSE rowid END AS INTEGER)`) : sql);
        };
      }
    });
    const parts: Uint8Array[] = [];
    for await (const part of arrowStream(watched, table, meta, () => {}) as unknown as AsyncIterable<Uint8Array>) parts.push(part);
    const arrow = tableFromIPC(Buffer.concat(parts));
    expect(streamed).toHaveLength(2);
    expect(streamed[1]).toMatch(new RegExp(`WHERE rowid > ${ROWS_PER_BATCH - 1} ORDER BY rowid$`));
    expect(arrow.numRows).toBe(ROWS);
    expect([...arrow.getChild('i')!]).toEqual(Array.from({ length: ROWS }, (_, n) => n));
  });

  it('when the client goes away mid-file, settles the batch under way before releasing the connection', async () => {
    // The connection as the stream sees it, counting the DuckDB calls under way.
    let pending = 0;
    const track = <T>(p: Promise<T>) => {
      pending++;
      return p.finally(() => pending--);
    };
    const watched = new Proxy(db.conn, {
      get(target, prop) {
        if (prop !== 'stream') return forward(target, prop);
        return (sql: string) =>
          track(target.stream(sql)).then(
            (result) => new Proxy(result, { get: (r, p) => (p === 'fetchChunk' ? () => track(r.fetchChunk()) : forward(r, p)) })
          );
      }
    });
    let released = 0;
    let pendingAtRelease = -1;
    const reader = arrowStream(watched, table, meta, () => {
      released++;
      pendingAtRelease = pending;
    }).getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    expect(released).toBe(1);
    expect(pendingAtRelease).toBe(0);
    // The connection is free: a query on it runs (it would fail while a streamed result was pending).
    const r = await db.conn.runAndReadAll('SELECT count(*)::INTEGER FROM t');
    expect(r.getRows()[0][0]).toBe(ROWS);
  });
});

describe('arrowStream (columns looked up in the country table)', () => {
  const db = databaseFile('igf-arrow-lookup-', async (conn) => {
    await conn.run(`CREATE TABLE person (i INTEGER, country_iso3 VARCHAR, region VARCHAR);
      INSERT INTO person VALUES (0, 'KEN', NULL), (1, 'NOR', 'south'), (2, NULL, 'south'), (3, 'ATL', NULL), (4, 'HKG', 'north'), (5, NULL, NULL);`);
  });

  const lookup = { key: 'person.country_iso3', value: 'c.developing', otherwise: "CASE person.region WHEN 'south' THEN true WHEN 'north' THEN false END" };
  const table = testTable('person', [
    { name: 'i', type: 'int', description: 'row' },
    { name: 'south', type: 'bool', description: 'flag', countryLookup: lookup }
  ]);

  /** The column as exported, and the queries that were streamed for it. */
  async function exported(): Promise<{ south: unknown[]; streamed: string[] }> {
    const streamed: string[] = [];
    const watched = new Proxy(db.conn, {
      get(target, prop) {
        if (prop === 'stream') return (sql: string) => (streamed.push(sql), target.stream(sql));
        return forward(target, prop);
      }
    });
    const parts: Uint8Array[] = [];
    for await (const part of arrowStream(watched, table, meta, () => {}) as unknown as AsyncIterable<Uint8Array>) parts.push(part);
    return { south: [...tableFromIPC(Buffer.concat(parts)).getChild('south')!], streamed };
  }

  // Kenya south, Norway north whatever the record says; no country: the record's region; a code the
  // table lacks (ATL): the region too, here none; Hong Kong's value is NULL, so its region decides
  // (coalesce, as in columnSql); neither: unknown.
  const EXPECTED = [true, false, true, null, false, null];

  it('reads them from per-country lists in the one ordered scan', async () => {
    await db.conn.run(`CREATE OR REPLACE TABLE country (iso3 VARCHAR, developing BOOLEAN);
      INSERT INTO country VALUES ('KEN', true), ('NOR', false), ('HKG', NULL);`);
    const { south, streamed } = await exported();
    expect(south).toEqual(EXPECTED);
    expect(streamed).toHaveLength(1);
    expect(streamed[0]).not.toMatch(/FROM country/);
  });

  it('gives CSV and Parquet the same values, listed without a join and so without a sort', async () => {
    await db.conn.run(`CREATE OR REPLACE TABLE country (iso3 VARCHAR, developing BOOLEAN);
      INSERT INTO country VALUES ('KEN', true), ('NOR', false), ('HKG', NULL);`);
    const listed = await wholeTableSelect(db.conn, table);
    expect(listed).not.toMatch(/FROM country|ORDER BY/);
    expect((await db.conn.runAndReadAll(listed)).getRowsJS().map((r) => r[1])).toEqual(EXPECTED);
    // A code that cannot be listed: the lookup stays a subquery, a join, so the rows are sorted.
    await db.conn.run(`INSERT INTO country VALUES ('x''y', true)`);
    const joined = await wholeTableSelect(db.conn, table);
    expect(joined).toMatch(/FROM country c WHERE .* ORDER BY rowid$/);
    expect((await db.conn.runAndReadAll(joined)).getRowsJS().map((r) => r[1])).toEqual(EXPECTED);
  });

  it('keeps the lookups as subqueries, and sorts, when a code cannot be listed, with the same values', async () => {
    await db.conn.run(`CREATE OR REPLACE TABLE country (iso3 VARCHAR, developing BOOLEAN);
      INSERT INTO country VALUES ('KEN', true), ('NOR', false), ('HKG', NULL), ('x''y', true);`);
    const { south, streamed } = await exported();
    expect(south).toEqual(EXPECTED);
    expect(streamed).toHaveLength(1);
    expect(streamed[0]).toMatch(/FROM country c WHERE c\.iso3 = person\.country_iso3.* ORDER BY rowid$/);
  });
});

describe('arrowStream (categorical columns as Arrow dictionaries)', () => {
  const ROWS = ROWS_PER_BATCH + 10;
  // Three values, one with a quote (the ENUM literal must escape it), and NULL every fifth row.
  const VALUES = ['workshop', "open forum's", 'main_session'];
  const valueAt = (n: number) => (n % 5 === 4 ? null : VALUES[n % 3]);
  const db = databaseFile('igf-arrow-categories-', async (conn) => {
    await conn.run(`CREATE TABLE t AS SELECT CAST(n AS INTEGER) AS i,
        CASE WHEN n % 5 = 4 THEN NULL ELSE ['workshop', 'open forum''s', 'main_session'][n % 3 + 1] END AS kind,
        CAST(NULL AS VARCHAR) AS never
      FROM range(${ROWS}) r(n)`);
    await conn.run('CREATE TABLE empty (i INTEGER, kind VARCHAR, never VARCHAR)');
    await conn.run('CHECKPOINT');
  });
  const columns: ExportTable['columns'] = [
    { name: 'i', type: 'int', description: 'row' },
    { name: 'kind', type: 'string', description: 'category', categorical: true },
    { name: 'never', type: 'string', description: 'always empty', categorical: true }
  ];

  async function bytesOf(from: string): Promise<Buffer> {
    const parts: Uint8Array[] = [];
    for await (const part of arrowStream(db.conn, testTable(from, columns), meta, () => {}) as unknown as AsyncIterable<Uint8Array>) parts.push(part);
    return Buffer.concat(parts);
  }

  it('writes them as Int32 indices into the sorted values, the values once for the whole file', async () => {
    const bytes = await bytesOf('t');
    const arrow = tableFromIPC(bytes);
    expect(arrow.batches.length).toBe(2);
    const kind = arrow.schema.fields[1].type;
    expect(DataType.isDictionary(kind)).toBe(true);
    expect(String(kind.indices)).toBe('Int32');
    expect(String(kind.dictionary)).toBe('Utf8');
    // Sorted by code unit: main_session < open forum's < workshop.
    expect([...arrow.batches[0].getChild('kind')!.data[0].dictionary!]).toEqual(['main_session', "open forum's", 'workshop']);
    expect(arrow.batches[0].getChild('kind')!.data[0].values.slice(0, 5)).toEqual(Int32Array.from([2, 1, 0, 2, 0]));
    for (const n of [0, 1, 2, 3, 4, 9, ROWS_PER_BATCH - 1, ROWS_PER_BATCH, ROWS - 1]) expect(arrow.getChild('kind')!.get(n)).toBe(valueAt(n));
    expect(arrow.getChild('kind')!.nullCount).toBe(Math.floor(ROWS / 5));
    expect([...arrow.getChild('never')!]).toEqual(Array(ROWS).fill(null));
    // One dictionary message per categorical column in the file, not one per batch.
    const reader = RecordBatchFileReader.from(bytes);
    reader.open();
    expect(reader.numDictionaries).toBe(2);
  });

  it('writes an empty table with its dictionary columns and no rows', async () => {
    const arrow = tableFromIPC(await bytesOf('empty'));
    expect(arrow.numRows).toBe(0);
    expect(DataType.isDictionary(arrow.schema.fields[1].type)).toBe(true);
  });
});
