/**
 * The join that gives classification.sql each country's World Bank income group in the fiscal year
 * of the meeting (wi, from country_income and meeting.wb_fiscal_year). A database built before the
 * income history existed has neither: it is read with an empty wi, so every year falls back to
 * today's group (country.wb_income) until the pipeline runs again, instead of failing.
 */
import type { DuckDBConnection } from '@duckdb/node-api';

export const INCOME_JOIN = 'LEFT JOIN country_income AS wi ON wi.iso3 = c.iso3 AND wi.fiscal_year = m.wb_fiscal_year';

export const NO_INCOME_JOIN =
  'LEFT JOIN (SELECT CAST(NULL AS VARCHAR) AS iso3, CAST(NULL AS VARCHAR) AS income_group WHERE false) AS wi ON wi.iso3 = c.iso3';

/** Whether the database has the income history (the country_income table and meeting.wb_fiscal_year). */
export async function hasIncomeHistory(conn: DuckDBConnection): Promise<boolean> {
  const rows = (
    await conn.runAndReadAll(
      `SELECT (SELECT count(*) FROM duckdb_tables() WHERE table_name = 'country_income' AND NOT "temporary")
            + (SELECT count(*) FROM duckdb_columns() WHERE table_name = 'meeting' AND column_name = 'wb_fiscal_year' AND database_name <> 'temp') AS n`
    )
  ).getRows();
  return Number(rows[0][0]) === 2;
}

/** The income join for this database. */
export async function incomeJoin(conn: DuckDBConnection): Promise<string> {
  return (await hasIncomeHistory(conn)) ? INCOME_JOIN : NO_INCOME_JOIN;
}
