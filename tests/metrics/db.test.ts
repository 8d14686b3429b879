/**
 * db.ts: the database path from IGF_DB, HTTP 503 when the file is missing, and a new instance when
 * the pipeline replaces the file (rename).
 */
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { createFixtureDatabase, type Fixture } from './fixture.ts';
import { closeDatabase, databasePath, withConnection } from '../../src/lib/server/db.ts';
import { loadMetric } from '../../src/lib/server/metrics/index.ts';
import { handleMetricRequest } from '../../src/lib/server/metrics/http.ts';

let a: Fixture;
let b: Fixture;
const saved = process.env.IGF_DB;

beforeAll(async () => {
  a = await createFixtureDatabase();
  b = await createFixtureDatabase();
  // b differs: no 2021 records
  const instance = await DuckDBInstance.create(b.path);
  const conn = await instance.connect();
  await conn.run('DELETE FROM attendance WHERE meeting_year = 2021; CHECKPOINT');
  conn.closeSync();
  instance.closeSync();
});
afterAll(() => {
  closeDatabase();
  if (saved === undefined) delete process.env.IGF_DB;
  else process.env.IGF_DB = saved;
  a?.cleanup();
  b?.cleanup();
});

describe('db', () => {
  it('defaults to data/igf.duckdb and reads IGF_DB', () => {
    delete process.env.IGF_DB;
    expect(databasePath().endsWith(join('data', 'igf.duckdb'))).toBe(true);
    process.env.IGF_DB = '/tmp/x/igf.duckdb';
    expect(databasePath()).toBe('/tmp/x/igf.duckdb');
  });

  it('answers 503 with a hint when the file does not exist', async () => {
    process.env.IGF_DB = join(a.dir, 'missing.duckdb');
    closeDatabase();
    const r = await handleMetricRequest('gender', new URL('http://localhost/api/v1/metrics/gender'));
    expect(r.status).toBe(503);
    const body = await r.json();
    expect(body).toMatchObject({ error: 'database_unavailable', reason: 'missing' });
    expect(body.message).toContain('npm run pipeline');
  });

  it('opens read-only and reopens when the file is replaced', async () => {
    process.env.IGF_DB = a.path;
    closeDatabase();
    const before = await loadMetric('participation');
    expect(before.rows.some((r) => r.year === 2021)).toBe(true);
    await expect(withConnection((c) => c.run('CREATE TABLE x (a INTEGER)'))).rejects.toThrow(/read-only/);
    // the pipeline's swap: rename a complete new file over the old one
    renameSync(b.path, a.path);
    await new Promise((r) => setTimeout(r, 1100));
    const after = await loadMetric('participation');
    expect(after.rows.some((r) => r.year === 2021)).toBe(false);
  });
});
