/**
 * A DuckDB database file in a private temporary folder for the tests of one file or describe
 * block: made (and `setup` run on it) in beforeAll, closed and deleted in afterAll. A file, not
 * :memory:, so that checkpointed columns are stored compressed as in a real export table.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

export function databaseFile(prefix: string, setup: (conn: DuckDBConnection) => Promise<void> = async () => {}): { readonly conn: DuckDBConnection } {
  let dir: string | undefined;
  let instance: DuckDBInstance | undefined;
  let conn: DuckDBConnection | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    instance = await DuckDBInstance.create(join(dir, 'test.duckdb'));
    conn = await instance.connect();
    await setup(conn);
  });
  afterAll(() => {
    conn?.closeSync();
    instance?.closeSync();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return {
    get conn() {
      if (!conn) throw new Error('databaseFile: the database opens in beforeAll');
      return conn;
    }
  };
}
