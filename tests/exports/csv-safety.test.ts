/**
 * Text a spreadsheet would run as a formula (OWASP: =, +, -, @, tab, carriage return at the start)
 * gets a leading ' in every CSV the product writes: the metric CSVs (written here in JavaScript) and
 * the table exports (written by DuckDB's CSV writer, so protected in the SQL). Numbers never change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { csvField, csvSafeText, CSV_TEXT_NOTE } from '../../src/lib/server/download/encoding.ts';
import { csvStream } from '../../src/lib/server/exports/stream.ts';
import { bundleReadme, describeDownload } from '../../src/lib/server/download/metadata.ts';
import type { ExportTable } from '../../src/lib/server/exports/tables.ts';
import { toCsv } from '../../src/lib/server/download/csv.ts';
import type { MetricResult } from '../../src/lib/server/metrics/types.ts';
import { parseCsv } from './csv-read.ts';

/** The dangerous texts and what the CSV must hold for them (before RFC 4180 quoting). */
const DANGEROUS: [string, string][] = [
  ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
  ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
  ['@SUM(1)', "'@SUM(1)"],
  ['-2+3', "'-2+3"],
  ['\tTabbed', "'\tTabbed"],
  ['\rReturned', "'\rReturned"],
  ['-', "'-"]
];
const HARMLESS = ['plain', 'a=b', "it's", ' =leading space', '', 'Ünïcode @ end', '3-2'];

describe('csvField and csvSafeText', () => {
  it.each(DANGEROUS)('text %j is written as %j', (value, safe) => {
    expect(csvSafeText(value)).toBe(safe);
    expect(parseCsv(csvField(value, true) + '\r\n')[0][0]).toBe(safe);
  });

  it.each(HARMLESS)('text %j is written as it is', (value) => {
    expect(csvSafeText(value)).toBe(value);
  });

  it('never changes a number, nor text outside a text column', () => {
    expect(csvField(-3, true)).toBe('-3');
    expect(csvField(-0.25, true)).toBe('-0.25');
    expect(csvField(-3)).toBe('-3');
    expect(csvField('-3')).toBe('-3'); // a column that is not text
    expect(csvField('-3', true)).toBe("'-3"); // text is text, whatever it looks like
    expect(csvField(null, true)).toBe('');
  });
});

describe('metric CSV (toCsv)', () => {
  it('prefixes text cells that begin like a formula, in text columns only; numbers unchanged', () => {
    const result: MetricResult = {
      metric: 'sessions',
      params: {},
      definition: 'd',
      synthetic: false,
      suppression: { k: 5, applied: false },
      columns: [
        { name: 'title', type: 'string', description: '' },
        { name: 'difference', type: 'float', description: '' },
        { name: 'count', type: 'int', description: '' }
      ],
      rows: [...DANGEROUS, ...HARMLESS.map((h) => [h, h])].map(([title], i) => ({ title, difference: -3 - i / 4, count: -i }))
    };
    const rows = parseCsv(toCsv(result));
    expect(rows[0]).toEqual(['title', 'difference', 'count']);
    expect(rows.slice(1).map((r) => r[0])).toEqual([...DANGEROUS.map(([, safe]) => safe), ...HARMLESS]);
    expect(rows.slice(1).map((r) => r[1])).toEqual(result.rows.map((r) => String(r.difference)));
    expect(rows.slice(1).map((r) => r[2])).toEqual(result.rows.map((r) => String(r.count)));
    expect(rows[1][1]).toBe('-3');
  });
});

describe('table export CSV (DuckDB writer)', () => {
  let conn: DuckDBConnection;
  let close: () => void;
  beforeAll(async () => {
    const instance = await DuckDBInstance.create(':memory:');
    conn = await instance.connect();
    close = () => (conn.closeSync(), instance.closeSync());
    await conn.run('CREATE TABLE t (name VARCHAR, value DOUBLE, n BIGINT, ok BOOLEAN)');
    const values = [...DANGEROUS.map(([v]) => v), ...HARMLESS, null];
    for (const [i, v] of values.entries()) {
      await conn.run('INSERT INTO t VALUES ($1, $2, $3, $4)', [v, -3 - i / 2, -i, i % 2 === 0] as never);
    }
  });
  afterAll(() => close?.());

  it('prefixes text cells that begin like a formula; floats, integers and booleans unchanged', async () => {
    const table = {
      name: 'speakers',
      from: 't',
      columns: [
        { name: 'name', type: 'string', description: '' },
        { name: 'value', type: 'float', description: '' },
        // a number written as text by its SQL: not a text column, so never prefixed
        { name: 'n', type: 'int', description: '', sql: 'CAST(n AS VARCHAR)' },
        { name: 'ok', type: 'bool', description: '' }
      ]
    } as unknown as ExportTable;
    let done = false;
    const file = await csvStream(conn, table, () => (done = true));
    const text = await new Response(file.body).text();
    expect(done).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(['name', 'value', 'n', 'ok']);
    const body = rows.slice(1);
    expect(body.map((r) => r[0])).toEqual([...DANGEROUS.map(([, safe]) => safe), ...HARMLESS, '']);
    expect(body.map((r) => r[1])).toEqual(body.map((_, i) => String(-3 - i / 2)));
    expect(body.map((r) => r[2])).toEqual(body.map((_, i) => String(-i)));
    expect(body[0].slice(1)).toEqual(['-3', '0', 'true']);
    expect(body[1].slice(1)).toEqual(['-3.5', '-1', 'false']);
  });
});

describe('the CSV metadata says so', () => {
  it('in the metadata JSON and the bundle README, in one sentence', () => {
    const meta = describeDownload({
      title: 'T',
      name: 'sessions',
      kind: 'metric',
      definition: 'd',
      population: null,
      filters: {},
      columns: [],
      rows: 0,
      source_sets: [],
      synthetic: false,
      suppression: null,
      url: 'http://x/api',
      version: { hash: '0'.repeat(64), loaded_at: null, files: 0 }
    });
    expect(meta.csv_text).toBe(CSV_TEXT_NOTE);
    expect(CSV_TEXT_NOTE.split('. ').length).toBe(1);
    expect(bundleReadme(meta, ['x.csv'])).toContain(CSV_TEXT_NOTE);
  });
});
