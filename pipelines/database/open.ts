/**
 * Opens a pipeline database with the schema, the text-folding macros and the
 * synonym lookup in place.
 */
import { readFileSync } from 'node:fs';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { synonymRows } from '../records/synonyms.ts';

const schemaFile = (name: string) => readFileSync(new URL(`../schema/${name}`, import.meta.url), 'utf8');

export interface OpenDatabase {
  instance: DuckDBInstance;
  conn: DuckDBConnection;
  close(): void;
}

export async function openDatabase(path: string): Promise<OpenDatabase> {
  const instance = await DuckDBInstance.create(path);
  const conn = await instance.connect();
  await conn.run(schemaFile('schema.sql'));
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

/** A temporary table: it is rebuilt from the code on every run and never stored. */
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
  const clashes = await conn.runAndReadAll(
    'SELECT field, spelling_key FROM synonym GROUP BY ALL HAVING count(DISTINCT value) > 1'
  );
  if (clashes.currentRowCount > 0) {
    throw new Error(`synonym list maps one spelling to two values: ${JSON.stringify(clashes.getRows())}`);
  }
}
