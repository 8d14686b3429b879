/**
 * A tiny IGF database, small enough to work every expected figure out by hand.
 *
 * Countries (un_regional_group, un_developing, g77, wb_income, m49_region), chosen so that the four
 * global-south definitions disagree:
 *   DEU weog              developed   not G77   high          Europe
 *   USA weog (observer)   developed   not G77   high          Americas
 *   POL eastern_european  developed   not G77   high          Europe
 *   CHN asia_pacific      developing  G77       upper_middle  Asia
 *   KOR asia_pacific      developing  not G77   high          Asia     (south only by UN and regional groups)
 *   MEX grulac            developing  not G77   upper_middle  Americas (left the G77 in 1994)
 *   HKG (no group)        developing  not G77   high          Asia     (a territory outside the groups)
 *   ETH african           developing  G77       low           Africa   (an LDC)
 *   BRA grulac            developing  G77       upper_middle  Americas
 *   VEN grulac            developing  G77       (none)        Americas (World Bank: unclassified)
 *
 * Meetings: 2019 Berlin (host DEU), 2020 online (no host), 2021 Katowice (host POL).
 * The expected figures are in the tests; the record groups below are what they are computed from.
 *
 * Source sets (a set is all synthetic or all real, and the metrics never mix two):
 *   demo                  every record group below, attendance group l included, all synthetic: the
 *                         default set (as in the pipeline's database), so default requests and the
 *                         dashboard see the figures worked out in the tests
 *   fixture               the same records, real, without the synthetic group l (2019: 39 attendees)
 *   public_session_pages  REGION_ONLY_SPEAKERS, real: 2021 speakers with a regional group and, but for
 *                         one, no country, as the IGF's session pages give them
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { createSchema } from '../../pipelines/database/open.ts';


export const COUNTRIES: [string, string | null, boolean, boolean, string | null, string, string][] = [
  // iso3, un_regional_group, un_developing, g77, wb_income, m49_region, m49 (HKG has no world-atlas shape)
  ['DEU', 'weog', false, false, 'high', 'Europe', '276'],
  ['USA', 'weog', false, false, 'high', 'Americas', '840'],
  ['POL', 'eastern_european', false, false, 'high', 'Europe', '616'],
  ['CHN', 'asia_pacific', true, true, 'upper_middle', 'Asia', '156'],
  ['KOR', 'asia_pacific', true, false, 'high', 'Asia', '410'],
  ['MEX', 'grulac', true, false, 'upper_middle', 'Americas', '484'],
  ['HKG', null, true, false, 'high', 'Asia', '344'],
  ['ETH', 'african', true, true, 'low', 'Africa', '231'],
  ['BRA', 'grulac', true, true, 'upper_middle', 'Americas', '076'],
  ['VEN', 'grulac', true, true, null, 'Americas', '862']
];

/** country, stakeholder_group, gender, participation_mode, first_time, number of records, only in the demo set */
type AttendanceGroup = [string | null, string, string, string, boolean | null, number, boolean?];

/** 2019: 40 records. */
export const ATTENDANCE_2019: AttendanceGroup[] = [
  ['DEU', 'government', 'male', 'onsite', false, 6], //                         a
  ['DEU', 'private_sector', 'female', 'onsite', true, 6], //                    b
  ['USA', 'civil_society', 'female', 'online', false, 6], //                    c
  ['CHN', 'government', 'male', 'onsite', true, 5], //                          d
  ['KOR', 'technical_community', 'male', 'online', null, 5], //                 e
  ['ETH', 'civil_society', 'female', 'onsite', true, 4], //                     f
  ['MEX', 'academia', 'other', 'online', false, 2], //                          g
  ['MEX', 'civil_society', 'male', 'onsite', true, 1], //                       h
  ['HKG', 'private_sector', 'undisclosed', 'online', false, 2], //              i
  ['POL', 'intergovernmental_organization', 'male', 'unknown', null, 1], //     j
  [null, 'media', 'unknown', 'onsite', true, 1], //                             k
  [null, 'other', 'male', 'online', false, 1, true] //                          l (synthetic: in the demo set only)
];

/** 2021: 60 records, no cell below 5. */
export const ATTENDANCE_2021: AttendanceGroup[] = [
  ['POL', 'government', 'female', 'onsite', true, 10],
  ['POL', 'civil_society', 'male', 'onsite', false, 5],
  ['DEU', 'private_sector', 'male', 'online', false, 8],
  ['BRA', 'civil_society', 'female', 'onsite', true, 7],
  ['VEN', 'technical_community', 'male', 'online', true, 5],
  ['ETH', 'academia', 'female', 'onsite', false, 5],
  ['KOR', 'intergovernmental_organization', 'female', 'onsite', false, 5],
  ['CHN', 'media', 'male', 'online', true, 5],
  ['USA', 'government', 'male', 'onsite', false, 5],
  ['MEX', 'private_sector', 'female', 'online', true, 5]
];

/** year, session_id, title, session_type */
export const SESSIONS: [number, string, string, string][] = [
  [2019, 'S1', 'Data governance, with a "quoted" word, and commas', 'workshop'],
  [2019, 'S2', 'Main session on connectivity', 'main_session'],
  [2019, 'S3', 'Digital inclusion', 'workshop'],
  [2019, 'S4', 'Open forum', 'open_forum'],
  [2021, 'S5', 'AI and rights', 'workshop'],
  [2021, 'S6', 'Main session on trust', 'main_session'],
  [2021, 'S7', 'Youth', 'workshop'],
  [2021, 'S8', 'A session without speakers', 'open_forum']
];

/** year, session_id, name, role, country, stakeholder_group, gender, mode */
export const SPEAKERS: [number, string, string | null, string, string | null, string, string, string][] = [
  [2019, 'S1', 'Ann', 'speaker', 'DEU', 'government', 'female', 'onsite'],
  [2019, 'S1', 'Bob', 'moderator', 'USA', 'private_sector', 'male', 'onsite'],
  [2019, 'S1', ' bob ', 'speaker', 'USA', 'private_sector', 'male', 'onsite'], // the same person: counts once in S1
  [2019, 'S1', 'Chen', 'speaker', 'CHN', 'civil_society', 'male', 'online'],
  [2019, 'S2', 'Dan', 'speaker', 'DEU', 'government', 'male', 'onsite'],
  [2019, 'S2', 'Fritz', 'speaker', 'POL', 'technical_community', 'male', 'onsite'],
  [2019, 'S2', 'Gao', 'speaker', 'HKG', 'academia', 'male', 'online'],
  [2019, 'S3', 'Hana', 'speaker', 'ETH', 'civil_society', 'female', 'onsite'],
  [2019, 'S3', null, 'speaker', 'MEX', 'private_sector', 'unknown', 'onsite'], // nameless: a person of its own
  [2019, 'S3', null, 'speaker', null, 'other', 'undisclosed', 'online'],
  [2019, 'S4', 'Jo', 'speaker', 'USA', 'government', 'male', 'online'],
  [2019, 'S4', 'Ann', 'speaker', 'DEU', 'government', 'female', 'onsite'], // Ann again, in another session: counts again
  [2021, 'S5', 'Kim', 'speaker', 'KOR', 'civil_society', 'female', 'onsite'],
  [2021, 'S5', 'Lu', 'speaker', 'CHN', 'government', 'female', 'online'],
  [2021, 'S5', 'Vera', 'moderator', 'VEN', 'technical_community', 'male', 'onsite'],
  [2021, 'S6', 'Max', 'speaker', 'POL', 'government', 'male', 'onsite'],
  [2021, 'S6', 'Nils', 'speaker', 'DEU', 'private_sector', 'male', 'onsite'],
  [2021, 'S7', 'Olu', 'speaker', 'ETH', 'academia', 'female', 'online']
];

/**
 * Source set public_session_pages, 2021: session, name, country, regional group as the page gives it.
 * No gender, stakeholder group or mode (the pages give none). By region (one person per session):
 *   african 2 (Amina, Fatou), asia_pacific 1 (Bao), eastern_european 1 (Dmitri), grulac 2 (Carla, and
 *   Ines by her country MEX), weog 2 (Erik; Jon by his second record), unknown 1 (Hugo) -> 9 persons,
 *   8 with a region, 7 of them region-only (all but Ines).
 */
export const REGION_ONLY_SPEAKERS: [string, string, string | null, string | null][] = [
  ['R1', 'Amina', null, 'African Group'],
  ['R1', 'Bao', null, 'Asia-Pacific Group'],
  ['R1', 'Carla', null, 'GRULAC'],
  ['R2', 'Dmitri', null, 'Eastern European Group'],
  ['R2', 'Erik', null, 'WEOG'],
  ['R2', 'Fatou', null, 'African Group'],
  ['R3', 'Hugo', null, null], // neither country nor region
  ['R3', 'Ines', 'MEX', 'GRULAC'], // a country: her region is the country's
  ['R3', 'Jon', null, null], // Jon's first record has no region ...
  ['R3', 'Jon', null, 'WEOG'] // ... his second does: a person's field comes from the first record that has it
];

const REGIONAL_GROUP_OF: Record<string, string> = {
  'African Group': 'african',
  'Asia-Pacific Group': 'asia_pacific',
  'Eastern European Group': 'eastern_european',
  GRULAC: 'grulac',
  WEOG: 'weog'
};

/** year, metric, category, value, unit */
export const PUBLISHED: [number, string, string, number, string][] = [
  [2019, 'participants_total', 'all', 45, 'count'],
  [2019, 'gender_share', 'female', 40, 'percent'],
  [2019, 'workshops', 'all', 10, 'count'],
  [2021, 'stakeholder_share', 'government', 25, 'percent'],
  [2021, 'stakeholder_share', 'technical_and_academic', 15, 'percent'],
  [2021, 'region_share', 'grulac', 30, 'percent'],
  [2021, 'countries_represented', 'all', 9, 'count'],
  [2021, 'participants_onsite', 'all', 40, 'count_lower_bound']
];

/**
 * The source of every published figure: as long and unbroken as the real ones (IGF file-depot
 * PDFs). The shares have no title (below), so that the pages show this address, and the phone
 * tests meet a table cell that is one long word.
 */
export const PUBLISHED_SOURCE_URL =
  'https://www.intgovforum.org/en/filedepot_download/8398/19234-IGF2019-Participation-Statistics-by-Stakeholder-Group-Region-and-Gender.pdf';

export interface Fixture {
  dir: string;
  path: string;
  cleanup(): void;
}

const q = (v: string | number | boolean | null) =>
  v === null ? 'NULL' : typeof v === 'string' ? `'${v.replace(/'/g, "''")}'` : String(v);

/** Build the fixture database in a new temp directory; returns its path. */
export async function createFixtureDatabase(): Promise<Fixture> {
  const dir = mkdtempSync(join(tmpdir(), 'igf-metrics-'));
  const path = join(dir, 'igf.duckdb');
  const instance = await DuckDBInstance.create(path);
  const conn = await instance.connect();
  try {
    await createSchema(conn);
    for (const [iso3, group, dev, g77, wb, region, m49] of COUNTRIES) {
      await conn.run(
        `INSERT INTO country (iso3, m49, name_en, m49_region, un_regional_group, un_developing, g77, wb_income)
         VALUES (${q(iso3)}, ${q(m49)}, ${q(iso3)}, ${q(region)}, ${q(group)}, ${q(dev)}, ${q(g77)}, ${q(wb)})`
      );
    }
    // Ethiopia is a least developed and a landlocked developing country (UN-OHRLLS); no fixture country is a SIDS.
    await conn.run(`UPDATE country SET ldc = (iso3 = 'ETH'), lldc = (iso3 = 'ETH'), sids = false`);
    await conn.run(`INSERT INTO meeting (year, city, host_iso3, format) VALUES (2019, 'Berlin', 'DEU', 'hybrid'), (2020, NULL, NULL, 'online'), (2021, 'Katowice', 'POL', 'hybrid')`);
    for (const [set, synthetic] of [
      ['demo', true],
      ['fixture', false]
    ] as const) {
      const file = (kind: string) => (set === 'demo' ? `demo/${kind}.csv` : `fixture-${kind}.csv`);
      let line = 1;
      for (const [year, groups] of [
        [2019, ATTENDANCE_2019],
        [2021, ATTENDANCE_2021]
      ] as [number, AttendanceGroup[]][]) {
        for (const [country, sg, gender, mode, first, n, demoOnly] of groups) {
          if (demoOnly && !synthetic) continue;
          for (let i = 0; i < n; i++, line++) {
            await conn.run(
              `INSERT INTO attendance VALUES (${year}, ${q(`${set}-p${line}`)}, ${q(country)}, ${q(country)}, ${q(sg)}, ${q(gender)},
               ${q(mode)}, ${q(first)}, ${q(file('attendance'))}, ${line}, ${synthetic}, ${q(set)})`
            );
          }
        }
      }
      line = 1;
      for (const [year, id, title, type] of SESSIONS) {
        await conn.run(
          `INSERT INTO session (meeting_year, session_id, title, session_type, source_file, source_line, synthetic, source_set)
           VALUES (${year}, ${q(id)}, ${q(title)}, ${q(type)}, ${q(file('sessions'))}, ${line++}, ${synthetic}, ${q(set)})`
        );
      }
      line = 1;
      for (const [year, id, name, role, country, sg, gender, mode] of SPEAKERS) {
        await conn.run(
          `INSERT INTO speaker (meeting_year, session_id, name, role, country_iso3, stakeholder_group, gender,
                                participation_mode, source_file, source_line, synthetic, source_set, regional_group)
           VALUES (${year}, ${q(id)}, ${q(name)}, ${q(role)}, ${q(country)}, ${q(sg)}, ${q(gender)}, ${q(mode)},
                   ${q(file('speakers'))}, ${line++}, ${synthetic}, ${q(set)},
                   (SELECT un_regional_group FROM country WHERE iso3 = ${q(country)}))`
        );
      }
    }
    let line = 1;
    for (const [id, name, country, group] of REGION_ONLY_SPEAKERS) {
      // as the pipeline stores them: the country's regional group when the country is known, else the page's
      await conn.run(
        `INSERT INTO speaker (meeting_year, session_id, name, role, country_iso3, stakeholder_group, gender, participation_mode,
                              session_title, source_file, source_line, synthetic, source_set, regional_group, regional_group_raw, source_url)
         VALUES (2021, ${q(id)}, ${q(name)}, 'speaker', ${q(country)}, 'unknown', 'unknown', 'unknown', ${q(`Session ${id}`)},
                 'session-pages.csv', ${line++}, false, 'public_session_pages',
                 coalesce((SELECT un_regional_group FROM country WHERE iso3 = ${q(country)}), ${q(group === null ? null : REGIONAL_GROUP_OF[group])}),
                 ${q(group)}, ${q(`https://www.intgovforum.org/en/content/igf-2021-${id.toLowerCase()}`)})`
      );
    }
    line = 1;
    for (const [year, metric, category, value, unit] of PUBLISHED) {
      // The shares have no source title, as many real figures have none: the pages then show the address.
      const title = unit === 'percent' ? null : 'Fixture source';
      await conn.run(
        `INSERT INTO published_figure (year, metric, category, value, unit, source_url, source_title, quote, source_file, source_line)
         VALUES (${year}, ${q(metric)}, ${q(category)}, ${value}, ${q(unit)}, ${q(PUBLISHED_SOURCE_URL)}, ${q(title)},
                 'a quote', 'fixture-published.csv', ${line++})`
      );
    }
    await conn.run('CHECKPOINT');
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
  return { dir, path, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A read-only connection to a database file, and a way to close it. */
export async function openReadOnly(path: string): Promise<{ conn: DuckDBConnection; close(): void }> {
  const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
  const conn = await instance.connect();
  return {
    conn,
    close() {
      conn.closeSync();
      instance.closeSync();
    }
  };
}
