import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { createFixtureDatabase, openReadOnly, type Fixture } from './fixture.ts';
import { computeMetric, parseMetricParams } from '../../src/lib/server/metrics/index.ts';
import { CONTENT_TYPES, metricResponse } from '../../src/lib/server/metrics/serialize.ts';
import { toArrow } from '../../src/lib/server/download/arrow.ts';
import { toCsv } from '../../src/lib/server/download/csv.ts';
import { toJsonBody } from '../../src/lib/server/download/json.ts';
import { parseCsv } from '../exports/csv-read.ts';
import type { MetricResult } from '../../src/lib/server/metrics/types.ts';
import type { DuckDBConnection } from '@duckdb/node-api';

let fixture: Fixture;
let db: { conn: DuckDBConnection; close(): void };
let sessions: MetricResult;
let gender: MetricResult;

beforeAll(async () => {
  fixture = await createFixtureDatabase();
  db = await openReadOnly(fixture.path);
  sessions = await computeMetric(db.conn, 'sessions', parseMetricParams('sessions', { level: 'session' }), { k: 5 });
  gender = await computeMetric(db.conn, 'gender', parseMetricParams('gender', {}), { k: 5 });
});
afterAll(() => {
  db?.close();
  fixture?.cleanup();
});

describe('csv', () => {
  it('has a header, CRLF lines and quotes fields with commas and quotes', () => {
    const csv = toCsv(sessions);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(sessions.columns.map((c) => c.name));
    expect(rows).toHaveLength(sessions.rows.length + 1);
    const title = rows[1][rows[0].indexOf('title')];
    expect(title).toBe('Data governance, with a "quoted" word, and commas');
    expect(csv).toContain('"Data governance, with a ""quoted"" word, and commas"');
  });

  it('writes null as an empty field and booleans as true/false', () => {
    const rows = parseCsv(toCsv(gender));
    const h = rows[0];
    const other2019 = rows.find((r) => r[h.indexOf('year')] === '2019' && r[h.indexOf('category')] === 'other')!;
    expect(other2019[h.indexOf('count')]).toBe('');
    expect(other2019[h.indexOf('suppressed')]).toBe('true');
  });
});

describe('arrow', () => {
  it('is an IPC file that reads back with types and metadata', () => {
    const bytes = toArrow(gender);
    expect(new TextDecoder().decode(bytes.slice(0, 6))).toBe('ARROW1');
    const table = tableFromIPC(bytes);
    expect(table.numRows).toBe(gender.rows.length);
    expect(table.schema.fields.map((f) => f.name)).toEqual(gender.columns.map((c) => c.name));
    expect(String(table.schema.fields.find((f) => f.name === 'count')!.type)).toBe('Int32');
    expect(String(table.schema.fields.find((f) => f.name === 'share')!.type)).toBe('Float64');
    expect(table.schema.metadata.get('metric')).toBe('gender');
    expect(table.schema.metadata.get('synthetic')).toBe('true');
    const rows = table.toArray().map((r) => r.toJSON());
    const male = rows.find((r) => r.year === 2019 && r.category === 'male')!;
    expect(male.count).toBe(19);
    expect(rows.find((r) => r.year === 2019 && r.category === 'other')!.count).toBeNull();
  });
});

describe('responses', () => {
  it('json carries metric, params, definition, synthetic and rows', () => {
    const body = JSON.parse(toJsonBody(gender));
    expect(Object.keys(body)).toEqual(['metric', 'params', 'definition', 'synthetic', 'suppression', 'rows']);
    expect(body.synthetic).toBe(true);
  });

  it('content types and the synthetic header', async () => {
    for (const format of ['json', 'csv', 'arrow'] as const) {
      const r = metricResponse(gender, format);
      expect(r.headers.get('content-type')).toBe(CONTENT_TYPES[format]);
      expect(r.headers.get('x-igf-synthetic')).toBe('true');
      expect((await r.arrayBuffer()).byteLength).toBeGreaterThan(0);
    }
    expect(CONTENT_TYPES.arrow).toBe('application/vnd.apache.arrow.file');
    expect(CONTENT_TYPES.csv).toBe('text/csv; charset=utf-8');
  });
});
