/**
 * Country spellings as they turn up in registration and speaker lists:
 * formal names, former names, the six UN languages, typos, and pairs of
 * names close enough to be confused. Run through buildCountryMap, the same
 * step the load uses.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { loadCountryReference } from '../../pipelines/reference/load-countries.ts';
import { buildCountryMap, countryResolutionSummary } from '../../pipelines/load/country-match.ts';
import { createSchema } from '../../pipelines/database/open.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

type Expected = [spelling: string, iso3: string | null];

const FORMAL: Expected[] = [
  ['Italian Republic', 'ITA'],
  ['Plurinational State of Bolivia', 'BOL'],
  ['Kingdom of Eswatini', 'SWZ'],
  ['Commonwealth of Australia', 'AUS'],
  ['Federal Democratic Republic of Nepal', 'NPL'],
  ['Republic of Türkiye', 'TUR'],
  ['Union of Myanmar', 'MMR'],
  ['Republic of the Union of Myanmar', 'MMR'],
  ['French Republic', 'FRA'],
  ['Federal Republic of Germany', 'DEU'],
  ['Kingdom of Spain', 'ESP'],
  ['Portuguese Republic', 'PRT'],
  ['Hellenic Republic', 'GRC'],
  ['Swiss Confederation', 'CHE'],
  ['Kingdom of the Netherlands', 'NLD'],
  ['Grand Duchy of Luxembourg', 'LUX'],
  ['Principality of Liechtenstein', 'LIE'],
  ['Republic of San Marino', 'SMR'],
  ['the Holy See', 'VAT'],
  ['State of Palestine', 'PSE'],
  ['Russian Federation', 'RUS'],
  ["People's Republic of China", 'CHN'],
  ['Republic of India', 'IND'],
  ['Islamic Republic of Pakistan', 'PAK'],
  ["People's Republic of Bangladesh", 'BGD'],
  ['Democratic Socialist Republic of Sri Lanka', 'LKA'],
  ["Lao People's Democratic Republic", 'LAO'],
  ['Socialist Republic of Viet Nam', 'VNM'],
  ['Socialist Republic of Vietnam', 'VNM'],
  ['Republic of the Philippines', 'PHL'],
  ['Republic of Philippines', 'PHL'],
  ['Islamic Republic of Iran', 'IRN'],
  ['Hashemite Kingdom of Jordan', 'JOR'],
  ['Kingdom of Saudi Arabia', 'SAU'],
  ['Sultanate of Oman', 'OMN'],
  ['Arab Republic of Egypt', 'EGY'],
  ['State of Libya', 'LBY'],
  ["People's Democratic Republic of Algeria", 'DZA'],
  ['Federal Republic of Nigeria', 'NGA'],
  ['Republic of the Niger', 'NER'],
  ['Republic of Niger', 'NER'],
  ['Republic of the Sudan', 'SDN'],
  ['Republic of Sudan', 'SDN'],
  ['Republic of South Sudan', 'SSD'],
  ['Federal Democratic Republic of Ethiopia', 'ETH'],
  ['Republic of Kenya', 'KEN'],
  ["Republic of Côte d'Ivoire", 'CIV'],
  ['United Mexican States', 'MEX'],
  ['Federative Republic of Brazil', 'BRA'],
  ['Argentine Republic', 'ARG'],
  ['Bolivarian Republic of Venezuela', 'VEN'],
  ['Oriental Republic of Uruguay', 'URY'],
  ['Eastern Republic of Uruguay', 'URY'],
  ['Co-operative Republic of Guyana', 'GUY'],
  ['Cooperative Republic of Guyana', 'GUY'],
  ['Commonwealth of the Bahamas', 'BHS'],
  ['Commonwealth of Dominica', 'DMA'],
  ['Kyrgyz Republic', 'KGZ'],
  ['Republic of Moldova', 'MDA'],
  ['Republic of North Macedonia', 'MKD'],
  ['Independent State of Samoa', 'WSM'],
  ['Independent State of Papua New Guinea', 'PNG'],
  ['Republic of the Marshall Islands', 'MHL'],
  ['Union of the Comoros', 'COM'],
  ['Democratic Republic of Timor-Leste', 'TLS'],
  ['United Kingdom of Great Britain and Northern Ireland', 'GBR']
];

const FORMER: Expected[] = [
  ['Libyan Arab Jamahiriya', 'LBY'],
  ["Great Socialist People's Libyan Arab Jamahiriya", 'LBY'],
  ['Zaire', 'COD'],
  ['Zaïre', 'COD'],
  ['Byelorussian SSR', 'BLR'],
  ['Byelorussian Soviet Socialist Republic', 'BLR'],
  ['Ukrainian SSR', 'UKR'],
  ['Upper Volta', 'BFA'],
  ['Dahomey', 'BEN'],
  ['Ceylon', 'LKA'],
  ['Burma', 'MMR'],
  ['Union of Burma', 'MMR'],
  ['Swaziland', 'SWZ'],
  ['Kingdom of Swaziland', 'SWZ'],
  ['Kampuchea', 'KHM'],
  ['Democratic Kampuchea', 'KHM'],
  ['The former Yugoslav Republic of Macedonia', 'MKD'],
  ['Holy See (Vatican City State)', 'VAT'],
  ['Western Samoa', 'WSM'],
  ['East Timor', 'TLS'],
  ['Turkey', 'TUR'],
  ['Republic of Turkey', 'TUR'],
  ['Cape Verde', 'CPV'],
  ['Czech Republic', 'CZE'],
  ['Siam', 'THA'],
  ['Persia', 'IRN'],
  ['Democratic Yemen', 'YEM'],
  ['Kirghizia', 'KGZ']
];

const SIX_LANGUAGES: Expected[] = [
  ['Francia', 'FRA'],
  ['Франция', 'FRA'],
  ['فرنسا', 'FRA'],
  ['法国', 'FRA'],
  ['Inde', 'IND'],
  ['Индия', 'IND'],
  ['الهند', 'IND'],
  ['印度', 'IND'],
  ['Nigéria', 'NGA'],
  ['Нигерия', 'NGA'],
  ['尼日利亚', 'NGA'],
  ['Нигер', 'NER'],
  ['尼日尔', 'NER'],
  ['Afrique du Sud', 'ZAF'],
  ['Sudáfrica', 'ZAF'],
  ['Южная Африка', 'ZAF'],
  ['南非', 'ZAF'],
  ['República Dominicana', 'DOM'],
  ['République dominicaine', 'DOM'],
  ['Доминиканская Республика', 'DOM'],
  ['多米尼加共和国', 'DOM'],
  ['Dominique', 'DMA'],
  ['Soudan du Sud', 'SSD'],
  ['Южный Судан', 'SSD'],
  ['南苏丹', 'SSD'],
  ['苏丹', 'SDN'],
  ['Guinée équatoriale', 'GNQ'],
  ['Guinea Ecuatorial', 'GNQ'],
  ['République de Corée', 'KOR'],
  ['République italienne', 'ITA']
];

/** Typos: each must come back with how = 'close'. */
const TYPOS: Expected[] = [
  ['Mauritus', 'MUS'],
  ['Lichtenstein', 'LIE'],
  ['Kyrgystan', 'KGZ'],
  ['Swistzerland', 'CHE'],
  ['Switerland', 'CHE'],
  ['Argentinia', 'ARG'],
  ['Columbia', 'COL'],
  ['Guatamala', 'GTM'],
  ['Nicaraugua', 'NIC'],
  ['Phillippines', 'PHL'],
  ['Philipines', 'PHL'],
  ['Kazakstan', 'KAZ'],
  ['Uzbekstan', 'UZB'],
  ['Tailand', 'THA'],
  ['Pakisthan', 'PAK'],
  ['Marocco', 'MAR'],
  ['Camaroon', 'CMR'],
  ['Ethopia', 'ETH'],
  ['Zimbabwae', 'ZWE'],
  ['Venezuala', 'VEN'],
  ['Luxemburg', 'LUX'],
  ['Portugual', 'PRT'],
  ['Domincan Republic', 'DOM'],
  ['Saudia Arabia', 'SAU'],
  ['Austrailia', 'AUS'],
  ['Equador', 'ECU'],
  ['Lebannon', 'LBN'],
  ['New Zeland', 'NZL'],
  ['Republic of Mauritus', 'MUS'],
  ['Guinea Bisau', 'GNB']
];

/** Names close to another country's name: each resolves to its own country, or stays unresolved. */
const TRAPS: Expected[] = [
  ['Niger', 'NER'],
  ['Nigeria', 'NGA'],
  ['Guinea', 'GIN'],
  ['Guinea-Bissau', 'GNB'],
  ['Guinea Bissau', 'GNB'],
  ['Equatorial Guinea', 'GNQ'],
  ['Papua New Guinea', 'PNG'],
  ['Dominica', 'DMA'],
  ['Dominican Republic', 'DOM'],
  ['Dominican', null], // Dominica + one letter, but the start of "Dominican Republic"
  ['Congo', 'COG'],
  ['DR Congo', 'COD'],
  ['Democratic Republic of the Congo', 'COD'],
  ['Sudan', 'SDN'],
  ['South Sudan', 'SSD'],
  ['Austria', 'AUT'],
  ['Australia', 'AUS'],
  ['Austrlia', null], // one letter from both Australia and Austria
  ['Iran', 'IRN'],
  ['Iraq', 'IRQ'],
  ['Irann', null], // Iran or Iraq? five letters are too few to guess
  ['Mali', 'MLI'],
  ['Malta', 'MLT'],
  ['Malawi', 'MWI'],
  ['Maldives', 'MDV'],
  ['Mauritania', 'MRT'],
  ['Mauritius', 'MUS'],
  ['Slovenia', 'SVN'],
  ['Slovakia', 'SVK'],
  ['Slovania', null], // one letter from both Slovenia and Slovakia
  ['Gambia', 'GMB'],
  ['Zambia', 'ZMB'],
  ['Samoa', 'WSM'],
  ['American Samoa', 'ASM'],
  ['Americas', null], // a region, not "America"
  ['Republic of China', null], // two letters from "Republic of Chile"
  ['Korea', null],
  ['South Korea', 'KOR'],
  ['North Korea', 'PRK'],
  ['Virgin Islands', null],
  ['Saint Martin', null],
  ['Kosovo', null],
  ['Europe', null],
  ['Latin America', null],
  ['Lybia', null], // a typo of Libya, but five letters are too few to guess (Lybia/Libya/Syria)
  ['Sweden', 'SWE'],
  ['Switzerland', 'CHE']
];

const SPLIT_STATES = [
  'USSR',
  'U.S.S.R.',
  'Soviet Union',
  'Union of Soviet Socialist Republics',
  'СССР',
  'Yugoslavia',
  'Socialist Federal Republic of Yugoslavia',
  'Federal Republic of Yugoslavia',
  'Czechoslovakia',
  'Serbia and Montenegro',
  'German Democratic Republic',
  'East Germany',
  'Netherlands Antilles'
];

const ALL: Expected[] = [
  ...FORMAL,
  ...FORMER,
  ...SIX_LANGUAGES,
  ...TYPOS,
  ...TRAPS,
  ...SPLIT_STATES.map((s): Expected => [s, null])
];

interface Mapped { raw: string; value: string | null; unresolved: boolean; how: string | null; matched: string | null }

let conn: DuckDBConnection;
const mapped = new Map<string, Mapped>();

/** Runs buildCountryMap over the given spellings (n = 1 each unless given). */
async function mapSpellings(spellings: [string, number][], target = 'map_country'): Promise<Mapped[]> {
  await conn.run('CREATE OR REPLACE TEMP TABLE test_spelling (raw VARCHAR, n BIGINT)');
  const appender = await conn.createAppender('test_spelling', 'main', 'temp');
  for (const [raw, n] of spellings) {
    appender.appendVarchar(raw);
    appender.appendBigInt(BigInt(n));
    appender.endRow();
  }
  appender.closeSync();
  await buildCountryMap(conn, 'test_spelling', target);
  return (await conn.runAndReadAll(`SELECT raw, value, unresolved, how, matched FROM ${target}`)).getRowObjectsJson() as unknown as Mapped[];
}

beforeAll(async () => {
  conn = await (await DuckDBInstance.create(':memory:')).connect();
  await createSchema(conn);
  await conn.run(readFileSync(path.join(ROOT, 'pipelines/schema/macros.sql'), 'utf8'));
  await loadCountryReference(conn, path.join(ROOT, 'data/reference'));
  for (const row of await mapSpellings(ALL.map(([s]) => [s, 1]))) mapped.set(row.raw, row);
});

describe('country spellings through buildCountryMap', () => {
  it('covers at least 150 spellings', () => {
    expect(new Set(ALL.map(([s]) => s)).size).toBe(ALL.length);
    expect(ALL.length).toBeGreaterThanOrEqual(150);
  });

  it('resolves none to a wrong country and at least 98% of the resolvable ones', () => {
    const wrong = ALL.filter(([s, iso3]) => mapped.get(s)!.value !== null && mapped.get(s)!.value !== iso3)
      .map(([s, iso3]) => `${s}: expected ${iso3}, got ${mapped.get(s)!.value}`);
    expect(wrong).toEqual([]);
    const resolvable = ALL.filter(([, iso3]) => iso3 !== null);
    const missed = resolvable.filter(([s]) => mapped.get(s)!.value === null).map(([s]) => s);
    expect(missed.length / resolvable.length, `missed: ${missed.join(', ')}`).toBeLessThanOrEqual(0.02);
  });

  it.each([...FORMAL, ...FORMER, ...SIX_LANGUAGES, ...TRAPS])('%j -> %s', (spelling, iso3) => {
    expect(mapped.get(spelling)!.value).toBe(iso3);
  });

  it.each(TYPOS)('typo %j -> %s, reported as a close spelling', (spelling, iso3) => {
    const row = mapped.get(spelling)!;
    expect(row).toMatchObject({ value: iso3, unresolved: false, how: 'close' });
    expect(row.matched).toBeTruthy();
  });

  it('names the country a close spelling was taken for', () => {
    expect(mapped.get('Mauritus')).toMatchObject({ how: 'close', value: 'MUS', matched: 'Mauritius' });
    expect(mapped.get('Mauritius')).toMatchObject({ how: 'exact', matched: null });
  });

  it.each(SPLIT_STATES)('%j stays unresolved and is flagged as a former state that split', (spelling) => {
    expect(mapped.get(spelling)).toMatchObject({ value: null, unresolved: true, how: 'split_state' });
  });

  it('flags a misspelt former state as split, not as the nearest country', async () => {
    const rows = await mapSpellings([['Czechoslovakya', 1], ['Yugoslavija', 1]]);
    for (const row of rows) expect(row).toMatchObject({ value: null, unresolved: true, how: 'split_state' });
  });

  it('leaves other unknown spellings as "unknown", and blanks and missing-value markers out', async () => {
    const rows = await mapSpellings([['Atlantis', 1], ['', 1], ['   ', 1], ['N/A', 1], ['Korea', 1]]);
    const by = new Map(rows.map((r) => [r.raw, r]));
    expect(by.get('Atlantis')).toMatchObject({ value: null, unresolved: true, how: 'unknown' });
    expect(by.get('Korea')).toMatchObject({ value: null, unresolved: true, how: 'unknown' });
    for (const blank of ['', '   ', 'N/A']) expect(by.get(blank)).toMatchObject({ value: null, unresolved: false, how: null });
  });
});

describe('country_alias_blocked', () => {
  it('tells former states that split from other blocked spellings, with the reason', async () => {
    const rows = (await conn.runAndReadAll(
      `SELECT alias_key, kind, reason FROM country_alias_blocked WHERE alias_key IN ('ussr', 'yugoslavia', 'korea', 'kosovo', 'americas', 'san martin') ORDER BY 1`
    )).getRowObjectsJson();
    expect(rows.map((r) => [r.alias_key, r.kind])).toEqual([
      ['americas', 'region'],
      ['korea', 'blocked'],
      ['kosovo', 'blocked'],
      ['san martin', 'reference_conflict'],
      ['ussr', 'split_state'],
      ['yugoslavia', 'split_state']
    ]);
    expect(String(rows.find((r) => r.alias_key === 'ussr')!.reason)).toMatch(/^split state: .*15 states/);
  });
});

describe('countryResolutionSummary', () => {
  it('counts rows, not spellings, for close matches and former states', async () => {
    await mapSpellings([['Mauritus', 40], ['Lichtenstein', 2], ['USSR', 3], ['Yugoslavia', 5], ['Kenya', 100], ['Atlantis', 1]], 'map_country_summary');
    const summary = await countryResolutionSummary(conn, 'map_country_summary');
    expect(summary).toEqual({
      close: {
        count: 42,
        examples: [
          { raw: 'Mauritus', iso3: 'MUS', name: 'Mauritius' },
          { raw: 'Lichtenstein', iso3: 'LIE', name: 'Liechtenstein' }
        ]
      },
      split_states: { count: 8, top: [{ value: 'Yugoslavia', count: 5 }, { value: 'USSR', count: 3 }] }
    });
  });
});

describe('speed', () => {
  it('maps a few hundred distinct spellings, most of them unknown, in well under a second', async () => {
    const spellings: [string, number][] = ALL.map(([s]) => [s, 1000]);
    for (let i = 0; i < 300; i++) spellings.push([`Unknown place number ${i} somewhere`, 10]);
    const t0 = performance.now();
    const rows = await mapSpellings(spellings);
    const ms = performance.now() - t0;
    expect(rows.length).toBe(spellings.length);
    // ~0.2 s here; the bound only catches a regression to comparing every row or every pair of strings.
    expect(ms).toBeLessThan(3000);
  });
});
