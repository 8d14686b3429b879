/**
 * The closed vocabularies the fact tables store as ENUM types: each record's stakeholder group,
 * gender and participation mode is then one byte instead of a text. A million-row load writes them
 * 0.15 s faster (bench:pipeline, A/B), and the metrics group and compare them as integers.
 *
 * The values are the breakdown's codes of src/lib/domain/categories.ts, in alphabetical order, so
 * that ORDER BY sorts them as it sorted the text they replace. The types are made (or, after the
 * vocabulary changed in the code, remade) before schema.sql creates the tables that use them; a
 * database whose columns are still text gets them converted after it.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { categoryCodes, type Dimension } from '../../src/lib/domain/categories.ts';

interface StoredCategory {
  /** The ENUM type's name in the database. */
  type: string;
  dimension: Dimension;
  /** The `table.column`s stored as this type. */
  columns: ReadonlyArray<readonly [table: string, column: string]>;
}

export const STORED_CATEGORIES: readonly StoredCategory[] = [
  { type: 'stakeholder_group_code', dimension: 'stakeholder_group', columns: [['attendance', 'stakeholder_group'], ['speaker', 'stakeholder_group']] },
  { type: 'gender_code', dimension: 'gender', columns: [['attendance', 'gender'], ['speaker', 'gender']] },
  { type: 'participation_mode_code', dimension: 'participation_mode', columns: [['attendance', 'participation_mode'], ['speaker', 'participation_mode']] }
];

/** The type a categorical field's value is stored as: its ENUM, or VARCHAR for an open vocabulary. */
export function storedType(field: string): string {
  return STORED_CATEGORIES.find((c) => c.dimension === field)?.type ?? 'VARCHAR';
}

/** A category's codes, sorted as text. */
const codesOf = (c: StoredCategory) => [...(categoryCodes(c.dimension) as string[])].sort();
const literalList = (values: string[]) => values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ');

async function rows(conn: DuckDBConnection, sql: string, params: string[] = []): Promise<unknown[][]> {
  return (await conn.runAndReadAll(sql, params)).getRows() as unknown[][];
}

/** The data type of every column in the main schema, by `table.column`: one catalog query for all the checks of a run. */
async function columnTypes(conn: DuckDBConnection): Promise<Map<string, string>> {
  const found = await rows(conn, "SELECT table_name, column_name, data_type FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = 'main'");
  return new Map(found.map(([table, column, type]) => [`${table}.${column}`, String(type)]));
}

/**
 * Makes each ENUM type with the code's vocabulary. A type whose values differ (a category added or
 * renamed since the database was written) is remade: its columns turn back to text first, and
 * convertCategoryColumns turns them into the new type.
 */
export async function ensureCategoryTypes(conn: DuckDBConnection): Promise<void> {
  const found = await conn.runAndReadAll(
    `SELECT type_name, labels FROM duckdb_types() WHERE database_name = current_database() AND list_contains([${literalList(STORED_CATEGORIES.map((c) => c.type))}], type_name)`
  );
  const storedLabels = new Map(found.getRowsJS().map(([type, labels]) => [String(type), labels as string[]]));
  let columns: Map<string, string> | undefined;
  for (const category of STORED_CATEGORIES) {
    const wanted = codesOf(category);
    const stored = storedLabels.get(category.type);
    if (stored) {
      if (stored.join('\u0000') === wanted.join('\u0000')) continue;
      columns ??= await columnTypes(conn);
      for (const [table, column] of category.columns) {
        if (columns.has(`${table}.${column}`)) await conn.run(`ALTER TABLE ${table} ALTER COLUMN ${column} TYPE VARCHAR`);
      }
      await conn.run(`DROP TYPE ${category.type}`);
    }
    await conn.run(`CREATE TYPE ${category.type} AS ENUM (${literalList(wanted)})`);
  }
}

/** Thrown when a stored value is not a category of the code's vocabulary: the database needs a reload, not a guess. */
export class StoredCategoryError extends Error {}

/**
 * Converts the tables whose category columns are still text (a database written before these
 * types) by copying them, by column name, into the tables as `createTables` (schema.sql) now makes
 * them. A copy rather than ALTER COLUMN: DuckDB keeps a column's compression hint through a type
 * change, and the text's dictionary hint cannot apply to an ENUM.
 */
export async function convertCategoryColumns(conn: DuckDBConnection, createTables: () => Promise<void>): Promise<void> {
  const tables = new Set<string>();
  const columns = await columnTypes(conn);
  for (const category of STORED_CATEGORIES) {
    for (const [table, column] of category.columns) {
      if (columns.get(`${table}.${column}`) !== 'VARCHAR') continue;
      const unknown = await rows(
        conn,
        `SELECT DISTINCT ${column} FROM ${table} WHERE ${column} IS NOT NULL AND NOT list_contains([${literalList(codesOf(category))}], ${column}) ORDER BY 1 LIMIT 5`
      );
      if (unknown.length) {
        throw new StoredCategoryError(
          `${table}.${column} holds ${unknown.map((r) => JSON.stringify(r[0])).join(', ')}, which ${unknown.length === 1 ? 'is' : 'are'} not among the ${category.dimension} categories of this version; load the files again into a new database`
        );
      }
      tables.add(table);
    }
  }
  if (tables.size === 0) return;
  const old = (table: string) => `${table}_with_text_categories`;
  for (const table of tables) await conn.run(`ALTER TABLE ${table} RENAME TO ${old(table)}`);
  await createTables();
  for (const table of tables) {
    await conn.run(`INSERT INTO ${table} BY NAME SELECT * FROM ${old(table)}`);
    await conn.run(`DROP TABLE ${old(table)}`);
  }
}
