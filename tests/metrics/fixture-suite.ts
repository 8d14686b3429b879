/**
 * The fixture database (fixture.ts), read-only, for the tests of one file or describe block: built
 * before them and removed after. `db.conn` is its connection while the tests run.
 */
import { afterAll, beforeAll } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { createFixtureDatabase, openReadOnly, type Fixture } from './fixture.ts';

export function fixtureDatabase(): { readonly conn: DuckDBConnection } {
  let fixture: Fixture | undefined;
  let db: { conn: DuckDBConnection; close(): void } | undefined;
  beforeAll(async () => {
    fixture = await createFixtureDatabase();
    db = await openReadOnly(fixture.path);
  });
  afterAll(() => {
    db?.close();
    fixture?.cleanup();
  });
  return {
    get conn() {
      if (!db) throw new Error('The fixture database is open only while the tests run');
      return db.conn;
    }
  };
}
