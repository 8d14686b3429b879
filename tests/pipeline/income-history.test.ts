/**
 * The World Bank definition of the global south uses each country's income group in the fiscal year
 * of the meeting (data/reference/wb_income_history.csv), not today's for every year. Hand-picked
 * countries whose group changed, with the expected class written out from the World Bank file
 * (FY N = July N-1 to June N; a meeting opened in July or later of year Y is in FY Y+1).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { loadCountryReference } from '../../pipelines/reference/load-countries.ts';
import { loadMeetings, wbFiscalYear } from '../../pipelines/reference/load-meetings.ts';
import { loadIncomeHistory } from '../../pipelines/reference/load-income.ts';
import { prepareConnection } from '../../src/lib/server/metrics/summary.ts';
import { createSchema } from '../../pipelines/database/open.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

// [iso3, meeting year, World Bank FY of the meeting, income group then, global-south class then, today's class]
const CASES: [string, number, number, string | null, string, string][] = [
  // Romania: high FY2021, upper-middle FY2022, high again from FY2023 (today high)
  ['ROU', 2020, 2021, 'high', 'global_north', 'global_north'],
  ['ROU', 2021, 2022, 'upper_middle', 'global_south', 'global_north'],
  ['ROU', 2022, 2023, 'high', 'global_north', 'global_north'],
  // Argentina: high in FY2016 and FY2019 only (today upper-middle)
  ['ARG', 2015, 2016, 'high', 'global_north', 'global_south'],
  ['ARG', 2016, 2017, 'upper_middle', 'global_south', 'global_south'],
  ['ARG', 2018, 2019, 'high', 'global_north', 'global_south'],
  ['ARG', 2019, 2020, 'upper_middle', 'global_south', 'global_south'],
  // Russia: high FY2014-FY2016 and from FY2025, upper-middle in between (today high)
  ['RUS', 2013, 2014, 'high', 'global_north', 'global_north'],
  ['RUS', 2016, 2017, 'upper_middle', 'global_south', 'global_north'],
  ['RUS', 2024, 2025, 'high', 'global_north', 'global_north'],
  // Chile: upper-middle to FY2013, high from FY2014
  ['CHL', 2012, 2013, 'upper_middle', 'global_south', 'global_north'],
  ['CHL', 2013, 2014, 'high', 'global_north', 'global_north'],
  // Venezuela: high FY2016, upper-middle to FY2021, not classified FY2022-FY2026 (today lower-middle)
  ['VEN', 2015, 2016, 'high', 'global_north', 'global_south'],
  ['VEN', 2019, 2020, 'upper_middle', 'global_south', 'global_south'],
  ['VEN', 2021, 2022, null, 'unknown', 'global_south'],
  // Costa Rica: upper-middle in FY2025, high from FY2026. IGF 2025 opened in June 2025, still FY2025.
  ['CRI', 2024, 2025, 'upper_middle', 'global_south', 'global_north'],
  ['CRI', 2025, 2025, 'upper_middle', 'global_south', 'global_north']
];

let conn: DuckDBConnection;

beforeAll(async () => {
  conn = await (await DuckDBInstance.create(':memory:')).connect();
  await createSchema(conn);
  await conn.run(readFileSync(path.join(ROOT, 'pipelines/schema/macros.sql'), 'utf8'));
  await loadCountryReference(conn, path.join(ROOT, 'data/reference'));
  await loadMeetings(conn, path.join(ROOT, 'data/meetings.csv'));
  await loadIncomeHistory(conn, path.join(ROOT, 'data/reference/wb_income_history.csv'));
  // one attendance record per case, in source set 'history'
  const values = CASES.map(([iso3, year], i) => `(${year}, NULL, '${iso3}', '${iso3}', 'government', 'female', 'onsite', NULL, 'list.csv', ${i + 1}, false, 'history')`);
  await conn.run(`INSERT INTO attendance VALUES ${values.join(', ')}`);
  await prepareConnection(conn);
}, 60_000);

describe('World Bank fiscal year of a meeting', () => {
  it('is the year after the opening year from July, the same year before July', () => {
    expect(wbFiscalYear('2006-10')).toBe(2007);
    expect(wbFiscalYear('2010-09')).toBe(2011);
    expect(wbFiscalYear('2024-12')).toBe(2025);
    expect(wbFiscalYear('2025-06')).toBe(2025);
    expect(wbFiscalYear('2025-07')).toBe(2026);
  });

  it('is stored with every meeting: IGF 2025 (Lillestrøm, June 2025) in FY2025, the others in the next FY', async () => {
    const rows = (await conn.runAndReadAll('SELECT year, opened, wb_fiscal_year FROM meeting ORDER BY year')).getRowObjectsJson();
    expect(rows).toHaveLength(20);
    for (const r of rows) expect(r.wb_fiscal_year, String(r.year)).toBe(Number(r.year) === 2025 ? 2025 : Number(r.year) + 1);
  });
});

describe('historical income group lookup', () => {
  it('loads every row of the World Bank file', async () => {
    const [r] = (
      await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n, min(fiscal_year) AS first, max(fiscal_year) AS last,
                                       count(*) FILTER (WHERE income_group IS NULL)::INTEGER AS empty FROM country_income`)
    ).getRowObjectsJson();
    expect(r).toMatchObject({ n: 8364, first: 1989, last: 2026 });
  });

  it.each(CASES)('%s at IGF %i (FY%i, %s): %s; today\'s group would say %s', async (iso3, year, fy, group, expected) => {
    const [income] = (
      await conn.runAndReadAll('SELECT income_group FROM country_income WHERE iso3 = $1 AND fiscal_year = $2', [iso3, fy])
    ).getRowObjectsJson();
    expect(income.income_group).toBe(group);
    const rows = (
      await conn.runAndReadAll(
        `SELECT DISTINCT gs_wb_non_high_income AS gs FROM attendance_summary WHERE source_set = 'history' AND iso3 = $1 AND year = $2`,
        [iso3, year]
      )
    ).getRowObjectsJson();
    expect(rows).toEqual([{ gs: expected }]);
  });

  it('the cases are ones where the historical group differs from today\'s somewhere', () => {
    expect(CASES.filter(([, , , , then, now]) => then !== now).length).toBeGreaterThanOrEqual(8);
  });
});
