/**
 * Opens a pipeline database with the schema, the text-folding macros and the
 * synonym lookup in place.
 */
import { readFileSync } from 'node:fs';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { synonymRows } from '../records/synonyms.ts';
import { convertCategoryColumns, ensureCategoryTypes } from '../schema/category-types.ts';
import { applyDataChanges } from '../schema/data-changes.ts';

const schemaFile = (name: string) => readFileSync(new URL(`../schema/${name}`, import.meta.url), 'utf8');

export interface OpenDatabase {
  instance: DuckDBInstance;
  conn: DuckDBConnection;
  close(): void;
}

export async function openDatabase(path: string): Promise<OpenDatabase> {
  const instance = await DuckDBInstance.create(path);
  const conn = await instance.connect();
  await createSchema(conn);
  await conn.run(schemaFile('macros.sql'));
  await conn.run(schemaFile('parse-macros.sql'));
  await createSynonymTable(conn);
  return {
    instance,
    conn,
    close() {
      conn.closeSync();
      instance.closeSync();
    }
  };
}

/**
 * The tables of schema.sql with the category types they use, made or brought up to date, stored rows
 * included (applyDataChanges): what every database the pipeline writes has, and what the test
 * fixtures start from.
 */
export async function createSchema(conn: DuckDBConnection): Promise<void> {
  await ensureCategoryTypes(conn);
  const createTables = () => conn.run(schemaFile('schema.sql')).then(() => undefined);
  await createTables();
  await convertCategoryColumns(conn, createTables);
  await applyDataChanges(conn);
}

/**
 * A temporary table: it is rebuilt from the code on every run and never stored. That no two
 * synonyms fold to one key with different values is a property of the code, checked by the tests
 * (synonymClashes), not on every run.
 */
async function createSynonymTable(conn: DuckDBConnection): Promise<void> {
  await conn.run('CREATE OR REPLACE TEMP TABLE synonym_spelling (field VARCHAR, spelling VARCHAR, value VARCHAR)');
  const appender = await conn.createAppender('synonym_spelling', 'main', 'temp');
  for (const [field, spelling, value] of synonymRows()) {
    appender.appendVarchar(field);
    appender.appendVarchar(spelling);
    appender.appendVarchar(value);
    appender.endRow();
  }
  appender.closeSync();
  await conn.run(`CREATE OR REPLACE TEMP TABLE synonym AS
    SELECT DISTINCT field, text_key(spelling) AS spelling_key, value FROM synonym_spelling`);
}

/** Spellings that fold (text_key) to one key with two values in the synonym table: [field, key] pairs; none is right. */
export async function synonymClashes(conn: DuckDBConnection): Promise<unknown[][]> {
  return (await conn.runAndReadAll('SELECT field, spelling_key FROM synonym GROUP BY ALL HAVING count(DISTINCT value) > 1 ORDER BY ALL')).getRows();
}
