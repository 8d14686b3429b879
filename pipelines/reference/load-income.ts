/**
 * Loads data/reference/wb_income_history.csv (the World Bank's historical income classification,
 * one row per economy and fiscal year; see data/reference/PROVENANCE.md) into `country_income`,
 * replacing its previous contents.
 *
 * The metrics classify a record under the World Bank definition by its country's income group in
 * the fiscal year of the meeting (meeting.wb_fiscal_year, see load-meetings.ts), not by today's
 * group (classification.sql). A meeting after the last fiscal year of the file falls back to the
 * country's current group (country.wb_income).
 */
import type { DuckDBConnection } from '@duckdb/node-api';

export const INCOME_HISTORY_FILE = 'wb_income_history.csv';

const GROUPS = ['low', 'lower_middle', 'upper_middle', 'high'];

export async function loadIncomeHistory(conn: DuckDBConnection, csv: string): Promise<number> {
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE ref_income AS
       SELECT upper(trim(iso3)) AS iso3, fiscal_year, data_year, nullif(trim(income_group), '') AS income_group
       FROM read_csv(?, header = true,
                     columns = {'iso3': 'VARCHAR', 'fiscal_year': 'INTEGER', 'data_year': 'INTEGER', 'income_group': 'VARCHAR'})`,
    [csv]
  );
  try {
    const bad = (
      await conn.runAndReadAll(`
        SELECT iso3, fiscal_year, income_group FROM ref_income
        WHERE iso3 IS NULL OR NOT regexp_full_match(iso3, '[A-Z]{3}')
           OR fiscal_year IS NULL OR fiscal_year NOT BETWEEN 1989 AND 2100
           OR (income_group IS NOT NULL AND income_group NOT IN (${GROUPS.map((g) => `'${g}'`).join(', ')}))
        LIMIT 5`)
    ).getRowObjectsJson();
    if (bad.length > 0) throw new Error(`${csv}: invalid income rows: ${JSON.stringify(bad)}`);
    const dupes = (
      await conn.runAndReadAll(`SELECT iso3, fiscal_year FROM ref_income GROUP BY ALL HAVING count(*) > 1 LIMIT 5`)
    ).getRowObjectsJson();
    if (dupes.length > 0) throw new Error(`${csv}: an economy and fiscal year given twice: ${JSON.stringify(dupes)}`);

    await conn.run('DELETE FROM country_income');
    await conn.run('INSERT INTO country_income SELECT iso3, fiscal_year, data_year, income_group FROM ref_income');
    const rows = (await conn.runAndReadAll('SELECT count(*) FROM country_income')).getRows();
    return Number(rows[0][0]);
  } finally {
    await conn.run('DROP TABLE IF EXISTS ref_income');
  }
}
