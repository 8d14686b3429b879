/**
 * Loads data/meetings.csv (year,city,host_iso3,format,opened; see data/PROVENANCE.md)
 * into the `meeting` table, replacing its previous contents.
 *
 * wb_fiscal_year: the World Bank fiscal year whose income classification was valid when the
 * meeting opened. The World Bank's FY N runs from 1 July of N-1 to 30 June of N and its
 * classification is published on 1 July, so a meeting opened in July or later of year Y falls in
 * FY Y+1, one opened before July in FY Y (IGF 2025, Lillestrøm, June 2025: FY2025).
 */
import type { DuckDBConnection } from '@duckdb/node-api';

const FORMATS = ['onsite', 'online', 'hybrid'];

/** The World Bank fiscal year of a meeting that opened in the month `opened` (YYYY-MM). */
export function wbFiscalYear(opened: string): number {
  const [year, month] = opened.split('-').map(Number);
  return month >= 7 ? year + 1 : year;
}
const WB_FISCAL_YEAR_SQL = `CASE WHEN right(opened, 2)::INTEGER >= 7 THEN left(opened, 4)::INTEGER + 1 ELSE left(opened, 4)::INTEGER END`;

export async function loadMeetings(conn: DuckDBConnection, meetingsCsv: string): Promise<number> {
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE ref_meeting AS
       SELECT year, nullif(trim(city), '') AS city, nullif(upper(trim(host_iso3)), '') AS host_iso3, lower(trim(format)) AS format,
              nullif(trim(opened), '') AS opened
       FROM read_csv(?, header = true,
                     columns = {'year': 'INTEGER', 'city': 'VARCHAR', 'host_iso3': 'VARCHAR', 'format': 'VARCHAR', 'opened': 'VARCHAR'})`,
    [meetingsCsv]
  );
  try {
    // Host codes are checked against `country` only when it has been loaded,
    // so the two loaders can run in either order.
    const bad = (
      await conn.runAndReadAll(`
        SELECT year, host_iso3, format FROM ref_meeting
        WHERE year IS NULL
           OR format NOT IN (${FORMATS.map((f) => `'${f}'`).join(', ')}) OR format IS NULL
           OR (host_iso3 IS NULL) <> (format = 'online')
           OR NOT regexp_full_match(coalesce(opened, ''), '\\d{4}-(0[1-9]|1[0-2])')
           OR left(opened, 4)::INTEGER <> year
           OR (host_iso3 IS NOT NULL AND EXISTS (FROM country)
               AND host_iso3 NOT IN (SELECT iso3 FROM country))
      `)
    ).getRowObjectsJson();
    if (bad.length > 0) throw new Error(`${meetingsCsv}: invalid meeting rows: ${JSON.stringify(bad)}`);

    await conn.run('DELETE FROM meeting');
    await conn.run(
      `INSERT INTO meeting (year, city, host_iso3, format, opened, wb_fiscal_year)
       SELECT year, city, host_iso3, format, opened, ${WB_FISCAL_YEAR_SQL} FROM ref_meeting`
    );
    const rows = (await conn.runAndReadAll('SELECT count(*) FROM meeting')).getRows();
    return Number(rows[0][0]);
  } finally {
    await conn.run('DROP TABLE IF EXISTS ref_meeting');
  }
}
