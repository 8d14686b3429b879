/**
 * A synthetic benchmark database: the project schema, ~50 real countries with their classifications,
 * the 20 IGF meetings 2006-2025, and N attendance records (default 1,000,000) generated in SQL with
 * pseudo-random (hash-based, so reproducible) categories; ~3,000 sessions with ~12,000 speakers.
 * Every fact row is marked synthetic and belongs to the source set 'demo' (the default set the API
 * and the dashboard count). Depends on nothing but the pipeline's schema (createSchema).
 */
import { rmSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { createSchema } from '../../pipelines/database/open.ts';

// iso3, name, m49_region, un_regional_group, un_developing, g77, wb_income, ldc
const COUNTRIES: [string, string, string, string | null, boolean, boolean, string | null, boolean][] = [
  ['DZA', 'Algeria', 'Africa', 'african', true, true, 'upper_middle', false],
  ['EGY', 'Egypt', 'Africa', 'african', true, true, 'lower_middle', false],
  ['ETH', 'Ethiopia', 'Africa', 'african', true, true, 'low', true],
  ['GHA', 'Ghana', 'Africa', 'african', true, true, 'lower_middle', false],
  ['KEN', 'Kenya', 'Africa', 'african', true, true, 'lower_middle', false],
  ['NGA', 'Nigeria', 'Africa', 'african', true, true, 'lower_middle', false],
  ['SEN', 'Senegal', 'Africa', 'african', true, true, 'lower_middle', true],
  ['ZAF', 'South Africa', 'Africa', 'african', true, true, 'upper_middle', false],
  ['UGA', 'Uganda', 'Africa', 'african', true, true, 'low', true],
  ['TUN', 'Tunisia', 'Africa', 'african', true, true, 'lower_middle', false],
  ['CHN', 'China', 'Asia', 'asia_pacific', true, true, 'upper_middle', false],
  ['IND', 'India', 'Asia', 'asia_pacific', true, true, 'lower_middle', false],
  ['IDN', 'Indonesia', 'Asia', 'asia_pacific', true, true, 'upper_middle', false],
  ['JPN', 'Japan', 'Asia', 'asia_pacific', false, false, 'high', false],
  ['KOR', 'Republic of Korea', 'Asia', 'asia_pacific', true, false, 'high', false],
  ['PAK', 'Pakistan', 'Asia', 'asia_pacific', true, true, 'lower_middle', false],
  ['SAU', 'Saudi Arabia', 'Asia', 'asia_pacific', true, true, 'high', false],
  ['BGD', 'Bangladesh', 'Asia', 'asia_pacific', true, true, 'lower_middle', true],
  ['IRN', 'Iran', 'Asia', 'asia_pacific', true, true, 'upper_middle', false],
  ['FJI', 'Fiji', 'Oceania', 'asia_pacific', true, true, 'upper_middle', false],
  ['POL', 'Poland', 'Europe', 'eastern_european', false, false, 'high', false],
  ['RUS', 'Russian Federation', 'Europe', 'eastern_european', false, false, 'high', false],
  ['UKR', 'Ukraine', 'Europe', 'eastern_european', false, false, 'upper_middle', false],
  ['LTU', 'Lithuania', 'Europe', 'eastern_european', false, false, 'high', false],
  ['AZE', 'Azerbaijan', 'Asia', 'eastern_european', true, false, 'upper_middle', false],
  ['ARM', 'Armenia', 'Asia', 'eastern_european', true, false, 'upper_middle', false],
  ['ROU', 'Romania', 'Europe', 'eastern_european', false, false, 'high', false],
  ['BRA', 'Brazil', 'Americas', 'grulac', true, true, 'upper_middle', false],
  ['MEX', 'Mexico', 'Americas', 'grulac', true, false, 'upper_middle', false],
  ['ARG', 'Argentina', 'Americas', 'grulac', true, true, 'upper_middle', false],
  ['COL', 'Colombia', 'Americas', 'grulac', true, true, 'upper_middle', false],
  ['CHL', 'Chile', 'Americas', 'grulac', true, true, 'high', false],
  ['VEN', 'Venezuela', 'Americas', 'grulac', true, true, null, false],
  ['JAM', 'Jamaica', 'Americas', 'grulac', true, true, 'upper_middle', false],
  ['USA', 'United States', 'Americas', 'weog', false, false, 'high', false],
  ['CAN', 'Canada', 'Americas', 'weog', false, false, 'high', false],
  ['GBR', 'United Kingdom', 'Europe', 'weog', false, false, 'high', false],
  ['DEU', 'Germany', 'Europe', 'weog', false, false, 'high', false],
  ['FRA', 'France', 'Europe', 'weog', false, false, 'high', false],
  ['CHE', 'Switzerland', 'Europe', 'weog', false, false, 'high', false],
  ['NOR', 'Norway', 'Europe', 'weog', false, false, 'high', false],
  ['GRC', 'Greece', 'Europe', 'weog', false, false, 'high', false],
  ['TUR', 'Türkiye', 'Asia', 'weog', true, false, 'upper_middle', false],
  ['AUS', 'Australia', 'Oceania', 'weog', false, false, 'high', false],
  ['NLD', 'Netherlands', 'Europe', 'weog', false, false, 'high', false],
  ['SWE', 'Sweden', 'Europe', 'weog', false, false, 'high', false],
  ['HKG', 'Hong Kong SAR, China', 'Asia', null, true, false, 'high', false],
  ['TWN', 'Taiwan', 'Asia', null, true, false, null, false],
  ['PSE', 'State of Palestine', 'Asia', null, true, true, 'lower_middle', false],
  ['PRI', 'Puerto Rico', 'Americas', null, true, false, 'high', false]
];

// year, city, host iso3 (NULL for 2020), format
const MEETINGS: [number, string | null, string | null, string][] = [
  [2006, 'Athens', 'GRC', 'onsite'],
  [2007, 'Rio de Janeiro', 'BRA', 'onsite'],
  [2008, 'Hyderabad', 'IND', 'onsite'],
  [2009, 'Sharm El Sheikh', 'EGY', 'onsite'],
  [2010, 'Vilnius', 'LTU', 'onsite'],
  [2011, 'Nairobi', 'KEN', 'onsite'],
  [2012, 'Baku', 'AZE', 'onsite'],
  [2013, 'Bali', 'IDN', 'onsite'],
  [2014, 'Istanbul', 'TUR', 'onsite'],
  [2015, 'João Pessoa', 'BRA', 'onsite'],
  [2016, 'Guadalajara', 'MEX', 'onsite'],
  [2017, 'Geneva', 'CHE', 'onsite'],
  [2018, 'Paris', 'FRA', 'onsite'],
  [2019, 'Berlin', 'DEU', 'onsite'],
  [2020, null, null, 'online'],
  [2021, 'Katowice', 'POL', 'hybrid'],
  [2022, 'Addis Ababa', 'ETH', 'hybrid'],
  [2023, 'Kyoto', 'JPN', 'hybrid'],
  [2024, 'Riyadh', 'SAU', 'hybrid'],
  [2025, 'Lillestrøm', 'NOR', 'hybrid']
];

const q = (v: string | number | boolean | null) =>
  v === null ? 'NULL' : typeof v === 'string' ? `'${v.replace(/'/g, "''")}'` : String(v);

/** Pseudo-random integer 0..99 for row i and a salt: reproducible across runs. */
const pct = (salt: string, expr = 'i') => `CAST(hash(${expr}, '${salt}') % 100 AS INTEGER)`;

export async function createBenchDatabase(path: string, attendanceRows = 1_000_000): Promise<void> {
  rmSync(path, { force: true });
  rmSync(`${path}.wal`, { force: true });
  const instance = await DuckDBInstance.create(path);
  const conn = await instance.connect();
  try {
    await createSchema(conn);
    await conn.run(
      'INSERT INTO country (iso3, name_en, m49_region, un_regional_group, un_developing, g77, wb_income, ldc) VALUES ' +
        COUNTRIES.map((c) => `(${c.map(q).join(', ')})`).join(', ')
    );
    await conn.run('INSERT INTO meeting (year, city, host_iso3, format) VALUES ' + MEETINGS.map((m) => `(${m.map(q).join(', ')})`).join(', '));

    // Attendance: year uniform over the 20 meetings; 25 % from the host country, 3 % without a
    // country, the rest spread over the reference countries; categorical values by fixed weights.
    await conn.run(`
      INSERT INTO attendance
      SELECT
        r.year,
        'bench-' || CAST(r.i AS VARCHAR),
        CASE WHEN r.c < 3 THEN NULL
             WHEN r.c < 28 AND m.host_iso3 IS NOT NULL THEN m.host_iso3
             ELSE cl.iso3s[1 + CAST(hash(r.i, 'country') % len(cl.iso3s) AS INTEGER)] END AS country_iso3,
        NULL,
        CASE WHEN r.s < 20 THEN 'government' WHEN r.s < 40 THEN 'private_sector' WHEN r.s < 65 THEN 'civil_society'
             WHEN r.s < 77 THEN 'technical_community' WHEN r.s < 87 THEN 'academia'
             WHEN r.s < 92 THEN 'intergovernmental_organization' WHEN r.s < 96 THEN 'media'
             WHEN r.s < 98 THEN 'other' ELSE 'unknown' END,
        CASE WHEN r.g < 42 THEN 'female' WHEN r.g < 92 THEN 'male' WHEN r.g < 93 THEN 'other'
             WHEN r.g < 96 THEN 'undisclosed' ELSE 'unknown' END,
        CASE WHEN r.year < 2020 THEN CASE WHEN r.m < 95 THEN 'onsite' ELSE 'unknown' END
             WHEN r.year = 2020 THEN 'online'
             ELSE CASE WHEN r.m < 60 THEN 'onsite' WHEN r.m < 97 THEN 'online' ELSE 'unknown' END END,
        CASE WHEN r.f < 40 THEN true WHEN r.f < 85 THEN false ELSE NULL END,
        'bench-attendance.csv',
        r.i + 2,
        true,
        'demo'
      FROM (
        SELECT range AS i,
               2006 + CAST(hash(range, 'year') % 20 AS INTEGER) AS year,
               ${pct('c', 'range')} AS c, ${pct('s', 'range')} AS s, ${pct('g', 'range')} AS g,
               ${pct('m', 'range')} AS m, ${pct('f', 'range')} AS f
        FROM range(${Math.trunc(attendanceRows)})
      ) AS r
      JOIN meeting AS m ON m.year = r.year
      CROSS JOIN (SELECT list(iso3 ORDER BY iso3) AS iso3s FROM country) AS cl
    `);

    // 150 sessions a year; 1 to 7 speakers each (about 12,000 speaker records).
    await conn.run(`
      INSERT INTO session (meeting_year, session_id, title, session_type, source_file, source_line, synthetic, source_set)
      SELECT 2006 + i // 150, 'WS' || CAST(i % 150 AS VARCHAR), 'Session ' || CAST(i AS VARCHAR),
             CASE i % 5 WHEN 0 THEN 'main_session' WHEN 1 THEN 'open_forum' ELSE 'workshop' END,
             'bench-sessions.csv', i + 2, true, 'demo'
      FROM (SELECT range AS i FROM range(3000))
    `);
    await conn.run(`
      INSERT INTO speaker (meeting_year, session_id, name, role, country_iso3, stakeholder_group, gender,
                           participation_mode, session_type, source_file, source_line, synthetic, source_set)
      SELECT s.meeting_year, s.session_id,
             'Speaker ' || CAST(hash(s.source_line, k.k, 'name') % 20000 AS VARCHAR),
             CASE WHEN k.k = 0 THEN 'moderator' ELSE 'speaker' END,
             CASE WHEN ${pct('sc', 's.source_line * 10 + k.k')} < 3 THEN NULL
                  ELSE cl.iso3s[1 + CAST(hash(s.source_line, k.k, 'sc2') % len(cl.iso3s) AS INTEGER)] END,
             CASE ${pct('ss', 's.source_line * 10 + k.k')} // 15 WHEN 0 THEN 'government' WHEN 1 THEN 'private_sector'
                  WHEN 2 THEN 'civil_society' WHEN 3 THEN 'technical_community' WHEN 4 THEN 'academia'
                  WHEN 5 THEN 'intergovernmental_organization' ELSE 'unknown' END,
             CASE WHEN ${pct('sg', 's.source_line * 10 + k.k')} < 38 THEN 'female'
                  WHEN ${pct('sg', 's.source_line * 10 + k.k')} < 95 THEN 'male' ELSE 'unknown' END,
             CASE WHEN ${pct('sm', 's.source_line * 10 + k.k')} < 70 THEN 'onsite' ELSE 'online' END,
             s.session_type, 'bench-speakers.csv', s.source_line * 10 + k.k, true, 'demo'
      FROM session AS s
      CROSS JOIN range(7) AS k(k)
      CROSS JOIN (SELECT list(iso3 ORDER BY iso3) AS iso3s FROM country) AS cl
      WHERE k.k <= CAST(hash(s.source_line, 'speakers') % 7 AS INTEGER)
    `);
    // As the pipeline stores it: a speaker's regional group is the country's when the country is known.
    await conn.run('UPDATE speaker SET regional_group = c.un_regional_group FROM country AS c WHERE c.iso3 = speaker.country_iso3');
    await conn.run(`
      INSERT INTO published_figure (year, metric, category, value, unit, source_url, quote, source_file, source_line)
      SELECT year, 'participants_total', 'all', 2000 + (year - 2006) * 150, 'count', 'https://example.org/bench',
             'synthetic benchmark figure', 'bench-published.csv', year
      FROM meeting
    `);
    await conn.run('CHECKPOINT');
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
