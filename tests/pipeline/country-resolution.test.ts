import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { listAmbiguousAliasKeys, loadCountryReference } from '../../pipelines/reference/load-countries.ts';
import { loadMeetings } from '../../pipelines/reference/load-meetings.ts';
import { createSchema } from '../../pipelines/database/open.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const REFERENCE_DIR = path.join(ROOT, 'data/reference');

let conn: DuckDBConnection;
let counts: { countries: number; aliases: number };
let loadMs: number;

async function rows(sql: string, params: DuckDBValue[] = []): Promise<Record<string, unknown>[]> {
  return (await conn.runAndReadAll(sql, params)).getRowObjectsJson();
}

async function resolve(spelling: string): Promise<string | null> {
  const r = await rows('SELECT iso3 FROM country_alias WHERE alias_key = country_key($1)', [spelling]);
  return r.length ? String(r[0].iso3) : null;
}

beforeAll(async () => {
  conn = await (await DuckDBInstance.create(':memory:')).connect();
  await createSchema(conn);
  await conn.run(readFileSync(path.join(ROOT, 'pipelines/schema/macros.sql'), 'utf8'));
  const t0 = performance.now();
  counts = await loadCountryReference(conn, REFERENCE_DIR);
  loadMs = performance.now() - t0;
});

// Expected ISO3 for each spelling, written out by hand.
const RESOLVES: [string, string][] = [
  // Germany in the six UN languages, plus codes and a German self-name
  ['Germany', 'DEU'],
  ['Allemagne', 'DEU'],
  ['Alemania', 'DEU'],
  ['Германия', 'DEU'],
  ['ألمانيا', 'DEU'],
  ['德国', 'DEU'],
  ['Deutschland', 'DEU'],
  ['de', 'DEU'],
  ['DEU', 'DEU'],
  ['276', 'DEU'],
  // Côte d'Ivoire: apostrophes, accents, case, languages
  ['Côte d’Ivoire', 'CIV'],
  ["Cote d'Ivoire", 'CIV'],
  ['COTE D IVOIRE', 'CIV'],
  ['Ivory Coast', 'CIV'],
  ['Costa de Marfil', 'CIV'],
  ['Кот-д’Ивуар', 'CIV'],
  ["Кот-д'Ивуар", 'CIV'],
  ['كوت ديفوار', 'CIV'],
  ['科特迪瓦', 'CIV'],
  // codes: ISO2 / ISO3 in any case, M49 padded and not
  ['076', 'BRA'],
  ['76', 'BRA'],
  ['br', 'BRA'],
  ['bra', 'BRA'],
  ['004', 'AFG'],
  ['4', 'AFG'],
  ['NAM', 'NAM'],
  ['516', 'NAM'],
  ['Namibia', 'NAM'],
  // Brazil and other host countries in other languages
  ['Brasil', 'BRA'],
  ['Brésil', 'BRA'],
  ['巴西', 'BRA'],
  ['Бразилия', 'BRA'],
  ['البرازيل', 'BRA'],
  ['Suisse', 'CHE'],
  ['Schweiz', 'CHE'],
  ['Suiza', 'CHE'],
  ['Japon', 'JPN'],
  ['日本', 'JPN'],
  ['Chine', 'CHN'],
  ['中国', 'CHN'],
  ['Китай', 'CHN'],
  ['الصين', 'CHN'],
  ['Inde', 'IND'],
  ['México', 'MEX'],
  ['Mexique', 'MEX'],
  ['Égypte', 'EGY'],
  ['مصر', 'EGY'],
  ['Egypt, Arab Rep.', 'EGY'],
  ['Kenia', 'KEN'],
  ['Pologne', 'POL'],
  ['Norvège', 'NOR'],
  ['Noruega', 'NOR'],
  ['Norge', 'NOR'],
  ['Éthiopie', 'ETH'],
  ['Etiopía', 'ETH'],
  ['Arabie saoudite', 'SAU'],
  ['Arabia Saudita', 'SAU'],
  ['المملكة العربية السعودية', 'SAU'],
  // Türkiye
  ['Türkiye', 'TUR'],
  ['Turkiye', 'TUR'],
  ['Turkey', 'TUR'],
  ['Turquie', 'TUR'],
  ['Турция', 'TUR'],
  ['土耳其', 'TUR'],
  // UN long forms, World Bank forms, ISO 3166 forms
  ['Viet Nam', 'VNM'],
  ['Vietnam', 'VNM'],
  ['Việt Nam', 'VNM'],
  ['Iran (Islamic Republic of)', 'IRN'],
  ['Iran, Islamic Rep.', 'IRN'],
  ['Iran', 'IRN'],
  ['Bolivia (Plurinational State of)', 'BOL'],
  ['Bolivia, Plurinational State of', 'BOL'],
  ['Bolivia', 'BOL'],
  ['United Republic of Tanzania', 'TZA'],
  ['Tanzania', 'TZA'],
  ['Venezuela, RB', 'VEN'],
  ['Democratic Republic of the Congo', 'COD'],
  ['Congo, Dem. Rep.', 'COD'],
  ['DR Congo', 'COD'],
  ['DRC', 'COD'],
  ['RDC', 'COD'],
  ['Congo-Kinshasa', 'COD'],
  ['Congo', 'COG'], // the UN short name of the Republic of the Congo
  ['Congo, Rep.', 'COG'],
  ['Republic of the Congo', 'COG'],
  ['Congo-Brazzaville', 'COG'],
  ['The Netherlands', 'NLD'],
  ['Netherlands (Kingdom of the)', 'NLD'],
  ['Holland', 'NLD'],
  ['Pays-Bas', 'NLD'],
  ['Países Bajos', 'NLD'],
  ['Нидерланды', 'NLD'],
  ['Korea, Rep.', 'KOR'],
  ['South Korea', 'KOR'],
  ['Republic of Korea', 'KOR'],
  ['Korea (Republic of)', 'KOR'],
  ['大韩民国', 'KOR'],
  ['Республика Корея', 'KOR'],
  ['North Korea', 'PRK'],
  ['DPRK', 'PRK'],
  ["Democratic People's Republic of Korea", 'PRK'],
  ["Korea, Dem. People's Rep.", 'PRK'],
  ['Hong Kong SAR, China', 'HKG'],
  ['Hong Kong', 'HKG'],
  ['China, Hong Kong Special Administrative Region', 'HKG'],
  ['Macau', 'MAC'],
  ['Macao SAR, China', 'MAC'],
  ['Taiwan', 'TWN'],
  ['Chinese Taipei', 'TWN'],
  // common English aliases
  ['USA', 'USA'],
  ['U.S.A.', 'USA'],
  ['us', 'USA'],
  ['United States', 'USA'],
  ['United States of America', 'USA'],
  ['Etats-Unis', 'USA'],
  ['Estados Unidos', 'USA'],
  ['美国', 'USA'],
  ['США', 'USA'],
  ['UK', 'GBR'],
  ['U.K.', 'GBR'],
  ['gb', 'GBR'],
  ['Great Britain', 'GBR'],
  ['England', 'GBR'],
  ['Scotland', 'GBR'],
  ['Royaume-Uni', 'GBR'],
  ['Reino Unido', 'GBR'],
  ['United Kingdom of Great Britain and Northern Ireland', 'GBR'],
  ['Russia', 'RUS'],
  ['Russian Federation', 'RUS'],
  ['Россия', 'RUS'],
  ['UAE', 'ARE'],
  ['Czech Republic', 'CZE'],
  ['Czechia', 'CZE'],
  ['Syria', 'SYR'],
  ['Syrian Arab Republic', 'SYR'],
  ['Laos', 'LAO'],
  ['Lao PDR', 'LAO'],
  ['Moldova', 'MDA'],
  ['Macedonia', 'MKD'],
  ['North Macedonia', 'MKD'],
  ['Swaziland', 'SWZ'],
  ['Eswatini', 'SWZ'],
  ['Cape Verde', 'CPV'],
  ['Cabo Verde', 'CPV'],
  ['Burma', 'MMR'],
  ['East Timor', 'TLS'],
  ['Timor Leste', 'TLS'],
  ['Palestine', 'PSE'],
  ['State of Palestine', 'PSE'],
  ['West Bank and Gaza', 'PSE'],
  ['Vatican', 'VAT'],
  ['Holy See', 'VAT'],
  ['Micronesia', 'FSM'],
  ['Micronesia (Federated States of)', 'FSM'],
  ['Brunei', 'BRN'],
  // articles, "St"/"Saint", "&", spacing
  ['The Gambia', 'GMB'],
  ['Gambia, The', 'GMB'],
  ['Bahamas, The', 'BHS'],
  ['St Lucia', 'LCA'],
  ['St. Lucia', 'LCA'],
  ['Saint Lucia', 'LCA'],
  ['Sainte-Lucie', 'LCA'],
  ['St. Kitts & Nevis', 'KNA'],
  ['St Vincent and the Grenadines', 'VCT'],
  ['Saint Vincent and the Grenadines', 'VCT'],
  ['Trinidad', 'TTO'],
  ['Trinidad & Tobago', 'TTO'],
  ['Bosnia', 'BIH'],
  ['Bosnia & Herzegovina', 'BIH'],
  ['São Tomé and Príncipe', 'STP'],
  ['Sao Tome and Principe', 'STP'],
  ['Curaçao', 'CUW'],
  ['Curacao', 'CUW'],
  ['Aland Islands', 'ALA'],
  ['  Kenya  ', 'KEN'],
  ['\tFRANCE\n', 'FRA'],
  ['france', 'FRA']
];

// Spellings that must stay unresolved.
const UNRESOLVED: [string, string][] = [
  ['Atlantis', 'not a country'],
  ['Europe', 'a region, not a country'],
  ['Africa', 'a region, not a country'],
  ['N/A', 'missing-value marker'],
  ['NA', 'missing-value marker; ISO2 of Namibia deliberately not aliased'],
  ['', 'empty'],
  ['   ', 'blank'],
  ['-', 'punctuation only'],
  ['Unknown', 'missing-value marker'],
  ['Korea', 'ambiguous: KOR or PRK (blocked in country_aliases.csv)'],
  ['Virgin Islands', 'ambiguous: VGB or VIR (blocked)'],
  ['Saint Martin', 'ambiguous: MAF or SXM (blocked)'],
  ['Kosovo', 'no ISO 3166 code in the reference data (blocked)'],
  ['XK', 'user-assigned code for Kosovo, not in the reference'],
  ['Saint', 'not a country (ISO2 "ST" must not turn into "Saint")'],
  ['IGO', "IGF's region bucket for intergovernmental organisations"]
];

describe('country-name resolution', () => {
  it('loads one row per ISO 3166 entry and a few thousand aliases, quickly', () => {
    expect(counts.countries).toBe(249);
    expect(counts.aliases).toBeGreaterThan(3000);
    // The load itself takes ~0.3 s; the bound only catches a regression to row-by-row work.
    expect(loadMs).toBeLessThan(3000);
  });

  it.each(RESOLVES)('%j -> %s', async (spelling, iso3) => {
    expect(await resolve(spelling)).toBe(iso3);
  });

  it.each(UNRESOLVED)('%j stays unresolved (%s)', async (spelling) => {
    expect(await resolve(spelling)).toBeNull();
  });

  it('resolves every country by its ISO3, M49 code and M49 name', async () => {
    const missing = await rows(`
      SELECT c.iso3 FROM country c
      WHERE NOT EXISTS (SELECT 1 FROM country_alias a WHERE a.alias_key = country_key(c.iso3) AND a.iso3 = c.iso3)
         OR NOT EXISTS (SELECT 1 FROM country_alias a WHERE a.alias_key = c.m49 AND a.iso3 = c.iso3)
         OR NOT EXISTS (SELECT 1 FROM country_alias a WHERE a.alias_key = country_key(c.name_en) AND a.iso3 = c.iso3)`);
    expect(missing).toEqual([]);
  });

  it('keeps every curated alias, with origin "curated", and none of the blocked ones', async () => {
    const curated = path.join(REFERENCE_DIR, 'country_aliases.csv');
    const [{ n }] = await rows(`SELECT count(*)::INTEGER AS n FROM read_csv($1, header = true, all_varchar = true)`, [curated]);
    expect(Number(n)).toBeGreaterThan(250);
    const wrong = await rows(
      `SELECT r.alias, r.iso3, a.iso3 AS got, a.origin
       FROM read_csv($1, header = true, all_varchar = true) r
       LEFT JOIN country_alias a ON a.alias_key = country_key(r.alias)
       WHERE (r.iso3 IS NOT NULL AND (a.iso3 IS DISTINCT FROM r.iso3 OR a.origin <> 'curated'))
          OR (r.iso3 IS NULL AND a.iso3 IS NOT NULL)`,
      [curated]
    );
    expect(wrong).toEqual([]);
  });

  it('maps no alias key to two countries, and no curated alias is ambiguous', async () => {
    const dup = await rows(`SELECT alias_key FROM country_alias GROUP BY alias_key HAVING count(DISTINCT iso3) > 1`);
    expect(dup).toEqual([]);

    const ambiguous = await listAmbiguousAliasKeys(conn, REFERENCE_DIR);
    const found = ambiguous.filter((a) => !a.blocked);
    // Left out because the reference data itself gives two countries for them.
    // ("Saint Martin" itself is also blocked in country_aliases.csv.)
    expect(found.map((a) => a.aliasKey)).toEqual(['san martin', 'سانت مارتن']);
    for (const a of found) expect(a.iso3s).toEqual(['MAF', 'SXM']);
    expect(ambiguous.filter((a) => a.blocked).map((a) => a.aliasKey)).toEqual([
      'korea', 'kosovo', 'saint martin', 'st martin', 'virgin islands'
    ]);
    // the listing leaves the loaded tables alone
    expect(Number((await rows('SELECT count(*) AS n FROM country_alias'))[0].n)).toBe(counts.aliases);
  });
});

describe('curated alias checks', () => {
  /** A reference directory with the real files and a replacement country_aliases.csv. */
  async function loadWithCurated(csv: string) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'country-ref-'));
    try {
      for (const f of ['unsd_m49_en.csv', 'datasets_country-codes.csv', 'cccommons_countries_master.csv',
        'cccommons_country_group_membership.csv', 'un_regional_groups_g77.csv']) {
        symlinkSync(path.join(REFERENCE_DIR, f), path.join(dir, f));
      }
      writeFileSync(path.join(dir, 'country_aliases.csv'), csv);
      const c = await (await DuckDBInstance.create(':memory:')).connect();
      await createSchema(c);
      await c.run(readFileSync(path.join(ROOT, 'pipelines/schema/macros.sql'), 'utf8'));
      return await loadCountryReference(c, dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('rejects a curated key that points to two countries', async () => {
    await expect(loadWithCurated('alias,iso3,note\nCongo,COD,\n the congo ,COG,\n')).rejects.toThrow(/ambiguous/);
  });

  it('rejects a curated alias with an unknown ISO3 code', async () => {
    await expect(loadWithCurated('alias,iso3,note\nKosovo,XKX,\n')).rejects.toThrow(/not in the M49 list/);
  });
});

describe('country table', () => {
  async function country(iso3: string) {
    return (await rows('SELECT * FROM country WHERE iso3 = $1', [iso3]))[0];
  }

  it('puts the 193 UN members in exactly one regional group each', async () => {
    const groups = await rows(
      `SELECT un_regional_group AS g, count(*)::INTEGER AS n FROM country WHERE un_regional_group IS NOT NULL GROUP BY 1 ORDER BY 1`
    );
    expect(groups).toEqual([
      { g: 'african', n: 54 },
      { g: 'asia_pacific', n: 54 },
      { g: 'eastern_european', n: 23 },
      { g: 'grulac', n: 33 },
      { g: 'weog', n: 29 }
    ]);
    expect((await country('USA')).un_regional_group).toBe('weog');
    expect((await country('TUR')).un_regional_group).toBe('weog');
    expect((await country('KIR')).un_regional_group).toBe('asia_pacific');
    expect((await country('ARM')).un_regional_group).toBe('eastern_european');
    expect((await country('AZE')).un_regional_group).toBe('eastern_european');
    expect((await country('AUS')).un_regional_group).toBe('weog');
    expect((await country('NZL')).un_regional_group).toBe('weog');
    // territories and non-members have no group
    expect((await country('PSE')).un_regional_group).toBeNull();
    expect((await country('HKG')).un_regional_group).toBeNull();
    expect((await country('TWN')).un_regional_group).toBeNull();
  });

  it('counts China and Palestine in the G77', async () => {
    expect((await country('CHN')).g77).toBe(true);
    expect((await country('PSE')).g77).toBe(true);
    expect((await country('IND')).g77).toBe(true);
    expect((await country('TUR')).g77).toBe(false);
    expect((await country('HKG')).g77).toBe(false);
    expect(Number((await rows('SELECT count(*) AS n FROM country WHERE g77'))[0].n)).toBe(134);
  });

  it('takes developed/developing from the UN SDG regions and income from the World Bank', async () => {
    const usa = await country('USA');
    expect(usa.un_developing).toBe(false);
    expect(usa.wb_income).toBe('high');
    expect((await country('JPN')).un_developing).toBe(false);
    expect((await country('KEN')).un_developing).toBe(true);
    expect((await country('KEN')).wb_income).toBe('lower_middle');
    expect((await country('CHN')).wb_income).toBe('upper_middle');
    expect((await country('AFG')).wb_income).toBe('low');
    // in neither SDG group
    expect((await country('ATA')).un_developing).toBeNull();
    expect((await country('TWN')).un_developing).toBeNull();
    const income = await rows(
      `SELECT coalesce(wb_income, '-') AS i, count(*)::INTEGER AS n FROM country GROUP BY 1 ORDER BY 1`
    );
    expect(income).toEqual([
      { i: '-', n: 34 },
      { i: 'high', n: 85 },
      { i: 'low', n: 25 },
      { i: 'lower_middle', n: 47 },
      { i: 'upper_middle', n: 58 }
    ]);
  });

  it('has M49 codes, names, regions and the LDC/LLDC/SIDS flags', async () => {
    const afg = await country('AFG');
    expect(afg).toMatchObject({ iso2: 'AF', m49: '004', name_en: 'Afghanistan', m49_region: 'Asia', m49_subregion: 'Southern Asia', ldc: true, lldc: true, sids: false });
    expect((await country('NAM')).iso2).toBe('NA');
    expect((await country('BRA')).m49).toBe('076');
    // São Tomé and Príncipe graduated from LDC status in December 2024
    expect((await country('STP'))).toMatchObject({ ldc: false, sids: true });
    const flags = await rows(
      `SELECT count(*) FILTER (ldc)::INTEGER AS ldc, count(*) FILTER (lldc)::INTEGER AS lldc, count(*) FILTER (sids)::INTEGER AS sids FROM country`
    );
    expect(flags).toEqual([{ ldc: 44, lldc: 32, sids: 53 }]);
  });
});

describe('country names in the six languages', () => {
  const nameOf = async (iso3: string, language: string) =>
    (await rows('SELECT name FROM country_name WHERE iso3 = $1 AND language = $2', [iso3, language]))[0]?.name;

  it('names every country in each language once', async () => {
    const perLanguage = await rows(`SELECT language, count(*)::INTEGER AS n, count(DISTINCT iso3)::INTEGER AS countries FROM country_name GROUP BY 1 ORDER BY 1`);
    expect(perLanguage).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh'].map((language) => ({ language, n: 249, countries: 249 })));
  });

  it('writes every Arabic, Chinese and Russian name in its own script, never the English fallback', async () => {
    const script: Record<string, RegExp> = { ar: /\p{Script=Arabic}/u, zh: /\p{Script=Han}/u, ru: /\p{Script=Cyrillic}/u };
    for (const [language, letters] of Object.entries(script)) {
      const names = await rows('SELECT iso3, name FROM country_name WHERE language = $1', [language]);
      expect(names.filter((r) => !letters.test(String(r.name))).map((r) => `${r.iso3} ${r.name}`), language).toEqual([]);
    }
  });

  it('names Taiwan, which cccommons lacks, from the official names of datasets/country-codes', async () => {
    expect(await nameOf('TWN', 'zh')).toBe('台湾');
    expect(await nameOf('TWN', 'ar')).toBe('تايوان');
    expect(await nameOf('TWN', 'ru')).toBe('Тайвань');
    expect(await nameOf('TWN', 'fr')).toBe('Taïwan');
    expect(await nameOf('TWN', 'es')).toBe('Taiwán');
    expect(await nameOf('TWN', 'en')).toBe('Taiwan');
  });

  it('takes the M49 overview (cccommons) wherever it has a name, and the other file only where it has none', async () => {
    const file = path.join(REFERENCE_DIR, 'cccommons_countries_master.csv');
    const differing = await rows(
      `WITH m AS (
         UNPIVOT (SELECT iso3, country_name_ar AS ar, country_name_zh AS zh, country_name_fr AS fr, country_name_ru AS ru, country_name_es AS es
                  FROM read_csv($1, all_varchar = true))
         ON ar, zh, fr, ru, es INTO NAME language VALUE name)
       SELECT n.iso3, n.language, n.name, m.name AS cccommons
       FROM country_name n JOIN m ON m.iso3 = n.iso3 AND m.language = n.language
       WHERE trim(m.name) <> '' AND n.name <> trim(m.name)`,
      [file]
    );
    expect(differing).toEqual([]);
    // and cccommons has every country but Taiwan: 248 countries × 5 languages take their names from it
    const fromCccommons = await rows(
      `SELECT count(*)::INTEGER AS n FROM country_name n JOIN read_csv($1, all_varchar = true) m USING (iso3) WHERE n.language <> 'en'`,
      [file]
    );
    expect(fromCccommons).toEqual([{ n: 248 * 5 }]);
  });
});

describe('meetings', () => {
  beforeAll(async () => {
    expect(await loadMeetings(conn, path.join(ROOT, 'data/meetings.csv'))).toBe(20);
  });

  it('has 2006-2025 with a host country for every year but 2020', async () => {
    const m = await rows(`SELECT min(year) AS lo, max(year) AS hi, count(host_iso3)::INTEGER AS hosted,
                                 count(DISTINCT host_iso3)::INTEGER AS host_countries FROM meeting`);
    expect(m).toEqual([{ lo: 2006, hi: 2025, hosted: 19, host_countries: 18 }]); // Brazil hosted twice
    expect(await rows(`SELECT year, city, host_iso3, format FROM meeting WHERE host_iso3 IS NULL`)).toEqual([
      { year: 2020, city: 'online', host_iso3: null, format: 'online' }
    ]);
    const formats = await rows(`SELECT format, count(*)::INTEGER AS n FROM meeting GROUP BY 1 ORDER BY 1`);
    expect(formats).toEqual([
      { format: 'hybrid', n: 5 },
      { format: 'online', n: 1 },
      { format: 'onsite', n: 14 }
    ]);
    const hosts = await rows(`SELECT year, host_iso3 FROM meeting WHERE year IN (2014, 2019, 2025) ORDER BY year`);
    expect(hosts).toEqual([
      { year: 2014, host_iso3: 'TUR' },
      { year: 2019, host_iso3: 'DEU' },
      { year: 2025, host_iso3: 'NOR' }
    ]);
  });

  it('matches the host cities and countries of the published figures', async () => {
    const published = path.join(ROOT, 'data/published/participation_aggregates.csv');
    const mismatches = await rows(
      `WITH p AS (SELECT DISTINCT year::INTEGER AS year, host_city, host_country
                  FROM read_csv($1, header = true, all_varchar = true))
       SELECT m.year, m.city, p.host_city, m.host_iso3, p.host_country
       FROM meeting m FULL JOIN p USING (year)
       LEFT JOIN country_alias a ON a.alias_key = country_key(p.host_country)
       WHERE m.city IS DISTINCT FROM p.host_city
          OR (m.host_iso3 IS NOT NULL AND a.iso3 IS DISTINCT FROM m.host_iso3)`,
      [published]
    );
    expect(mismatches).toEqual([]);
  });
});
