/**
 * Stakeholder group, gender and participation mode are stored as ENUMs of the domain's codes
 * (pipelines/schema/category-types.ts): new databases get them, older ones are converted with every
 * row kept, and a value outside the code's vocabulary stops the run instead of being guessed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { createSchema } from '../../pipelines/database/open.ts';
import { STORED_CATEGORIES, StoredCategoryError } from '../../pipelines/schema/category-types.ts';
import { runPipeline } from '../../pipelines/run.ts';
import { categoryCodes } from '../../src/lib/domain/categories.ts';
import { ROOT, query, sha256, workspace } from './helpers.ts';

/** schema.sql as it was before the ENUMs: the three columns as dictionary-compressed text. */
const TEXT_SCHEMA = readFileSync(join(ROOT, 'pipelines/schema/schema.sql'), 'utf8')
  .replaceAll(' stakeholder_group_code NOT NULL', ' VARCHAR NOT NULL USING COMPRESSION dictionary')
  .replaceAll(' gender_code NOT NULL', ' VARCHAR NOT NULL USING COMPRESSION dictionary')
  .replaceAll(' participation_mode_code NOT NULL', ' VARCHAR NOT NULL USING COMPRESSION dictionary');

async function withDatabase<T>(path: string, work: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(path);
  const conn = await instance.connect();
  try {
    return await work(conn);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

const types = (conn: DuckDBConnection) =>
  conn
    .runAndReadAll("SELECT table_name, column_name, data_type FROM duckdb_columns() WHERE table_name IN ('attendance', 'speaker') AND column_name IN ('stakeholder_group', 'gender', 'participation_mode') ORDER BY 1, 2")
    .then((r) => r.getRows().map(([table, column, type]) => `${table}.${column}: ${String(type).startsWith('ENUM') ? 'ENUM' : type}`));

/** An attendance row of the old text schema, in its column order. */
const oldRow = (year: number, group: string, gender: string, mode: string, line: number) =>
  `(${year}, 'k${line}', 'FRA', 'France', '${group}', '${gender}', '${mode}', true, 'old.csv', ${line}, false, 'user')`;

describe('categories stored as ENUMs', () => {
  it('gives a new database the three types, their codes in alphabetical order, so ORDER BY sorts as text did', async () => {
    const ws = workspace();
    await withDatabase(ws.db, async (conn) => {
      await createSchema(conn);
      expect(await types(conn)).toEqual([
        'attendance.gender: ENUM', 'attendance.participation_mode: ENUM', 'attendance.stakeholder_group: ENUM',
        'speaker.gender: ENUM', 'speaker.participation_mode: ENUM', 'speaker.stakeholder_group: ENUM'
      ]);
      for (const c of STORED_CATEGORIES) {
        const values = (await conn.runAndReadAll(`SELECT enum_range(NULL::${c.type})`)).getRowsJS()[0][0];
        expect(values, c.type).toEqual([...(categoryCodes(c.dimension) as string[])].sort());
      }
      expect((await conn.runAndReadAll('SELECT enum_range(NULL::participation_mode_code)')).getRowsJS()[0][0]).toEqual(['online', 'onsite', 'unknown']);
    });
  });

  it('converts a database written with text columns, keeping every row, its values and the schema’s column order', async () => {
    const ws = workspace();
    await withDatabase(ws.db, async (conn) => {
      await conn.run(TEXT_SCHEMA);
      await conn.run(`INSERT INTO attendance VALUES ${[oldRow(2019, 'government', 'female', 'onsite', 2), oldRow(2019, 'media', 'unknown', 'online', 3), oldRow(2022, 'other', 'undisclosed', 'unknown', 4)].join(', ')}`);
      expect((await types(conn))[0]).toBe('attendance.gender: VARCHAR');
      const before = (await conn.runAndReadAll('SELECT * FROM attendance ORDER BY source_line')).getRowsJS();
      await createSchema(conn);
      expect((await types(conn)).every((t) => t.endsWith(': ENUM'))).toBe(true);
      expect((await conn.runAndReadAll('SELECT * FROM attendance ORDER BY source_line')).getRowsJS()).toEqual(before);
      // The constraint came with the new table: a row without a gender is still refused.
      await expect(conn.run(`INSERT INTO attendance (meeting_year, stakeholder_group, participation_mode, source_file, source_line, synthetic, source_set) VALUES (2019, 'media', 'onsite', 'x', 9, false, 'user')`)).rejects.toThrow(/NOT NULL/);
      expect((await conn.runAndReadAll("SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE '%with_text_categories'")).getRowsJS()).toEqual([[0n]]);
    });
  });

  it('refuses, naming it, a stored value the code no longer knows, and the pipeline leaves that database unchanged', async () => {
    const ws = workspace();
    await withDatabase(ws.db, async (conn) => {
      await conn.run(TEXT_SCHEMA);
      await conn.run(`INSERT INTO attendance VALUES ${[oldRow(2019, 'government', 'female', 'onsite', 2), oldRow(2019, 'technical_and_academic', 'male', 'onsite', 3)].join(', ')}`);
      await expect(createSchema(conn)).rejects.toThrow(StoredCategoryError);
      await expect(createSchema(conn)).rejects.toThrow('attendance.stakeholder_group holds "technical_and_academic", which is not among the stakeholder_group categories of this version');
    });
    const before = sha256(ws.db);
    const report = await runPipeline({ db: ws.db, inputs: [], referenceOnly: true });
    expect(report.ok).toBe(false);
    expect(report.error).toContain('technical_and_academic');
    expect(report.error).toMatch(/the database was not changed$/);
    // A problem with the database, said plainly: not reported as a bug.
    expect(report.unexpected).toBeUndefined();
    expect(sha256(ws.db)).toBe(before);
  });

  it('remakes a type whose values differ from the code’s (a category added since), its rows kept', async () => {
    const ws = workspace();
    await withDatabase(ws.db, async (conn) => {
      await conn.run("CREATE TYPE gender_code AS ENUM ('female', 'male', 'unknown')");
      await createSchema(conn);
      await conn.run(`INSERT INTO attendance VALUES ${oldRow(2019, 'government', 'female', 'onsite', 2)}`);
      await conn.run(`INSERT INTO attendance VALUES ${oldRow(2019, 'media', 'male', 'online', 3)}`);
    });
    await withDatabase(ws.db, async (conn) => {
      // An older version's type: one category fewer.
      await conn.run('ALTER TABLE attendance ALTER COLUMN gender TYPE VARCHAR; ALTER TABLE speaker ALTER COLUMN gender TYPE VARCHAR; DROP TYPE gender_code');
      await conn.run("CREATE TYPE gender_code AS ENUM ('female', 'male', 'unknown')");
      await conn.run('ALTER TABLE attendance ALTER COLUMN gender TYPE gender_code; ALTER TABLE speaker ALTER COLUMN gender TYPE gender_code');
      await createSchema(conn);
      expect((await conn.runAndReadAll('SELECT enum_range(NULL::gender_code)')).getRowsJS()[0][0]).toEqual(['female', 'male', 'other', 'undisclosed', 'unknown']);
      expect((await conn.runAndReadAll('SELECT gender::VARCHAR FROM attendance ORDER BY source_line')).getRowsJS()).toEqual([['female'], ['male']]);
    });
    expect((await query(ws.db, "SELECT count(*) AS n FROM attendance WHERE gender = 'male'"))[0].n).toBe(1n);
  });
});
