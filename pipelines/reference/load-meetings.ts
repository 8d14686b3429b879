/**
 * Loads data/meetings.csv (year,city,host_iso3,format; see data/PROVENANCE.md)
 * into the `meeting` table, replacing its previous contents.
 */
import type { DuckDBConnection } from '@duckdb/node-api';

const FORMATS = ['onsite', 'online', 'hybrid'];

export async function loadMeetings(conn: DuckDBConnection, meetingsCsv: string): Promise<number> {
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE ref_meeting AS
       SELECT year, nullif(trim(city), '') AS city, nullif(upper(trim(host_iso3)), '') AS host_iso3, lower(trim(format)) AS format
       FROM read_csv(?, header = true,
                     columns = {'year': 'INTEGER', 'city': 'VARCHAR', 'host_iso3': 'VARCHAR', 'format': 'VARCHAR'})`,
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
           OR (host_iso3 IS NOT NULL AND EXISTS (FROM country)
               AND host_iso3 NOT IN (SELECT iso3 FROM country))
      `)
    ).getRowObjectsJson();
    if (bad.length > 0) throw new Error(`${meetingsCsv}: invalid meeting rows: ${JSON.stringify(bad)}`);

    await conn.run('DELETE FROM meeting');
    await conn.run('INSERT INTO meeting SELECT year, city, host_iso3, format FROM ref_meeting');
    const rows = (await conn.runAndReadAll('SELECT count(*) FROM meeting')).getRows();
    return Number(rows[0][0]);
  } finally {
    await conn.run('DROP TABLE IF EXISTS ref_meeting');
  }
}
