/**
 * Changes to the stored rows of databases written by earlier versions. Each is applied once per
 * database and recorded by name in schema_change: as a statement of schema.sql it would scan every
 * stored row on every run (30 ms per million attendance rows for the key cut below).
 */
import type { DuckDBConnection } from '@duckdb/node-api';

const DATA_CHANGES: ReadonlyArray<{ name: string; sql: string }> = [
  // Keys stored before they were cut to 128 bits: the same cut, so that a person keeps one key.
  { name: 'participant_key_128_bits', sql: 'UPDATE attendance SET participant_key = left(participant_key, 32) WHERE length(participant_key) > 32' }
];

/** Applies the changes this database has not had yet (schema.sql has made schema_change). */
export async function applyDataChanges(conn: DuckDBConnection): Promise<void> {
  const applied = new Set((await conn.runAndReadAll('SELECT name FROM schema_change')).getRows().map((r) => String(r[0])));
  for (const change of DATA_CHANGES) {
    if (applied.has(change.name)) continue;
    await conn.run(change.sql);
    await conn.run('INSERT INTO schema_change VALUES ($1, now()::TIMESTAMP)', [change.name]);
  }
}
