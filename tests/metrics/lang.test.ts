/**
 * ?lang= on the metric endpoints, in process against the fixture database, with a stand-in French
 * catalog (every English message marked "[fr] "): labels, the title and the README follow the
 * language; column names, codes, rows and the CSV do not; an unknown language is a 400.
 */
import { ru } from '../../src/lib/i18n/catalogs/ru.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { createFixtureDatabase, type Fixture } from './fixture.ts';
import { closeDatabase } from '../../src/lib/server/db.ts';
import { handleMetricRequest } from '../../src/lib/server/metrics/http.ts';
import { registerCatalog } from '../../src/lib/i18n/index.ts';
import { en, type Messages } from '../../src/lib/i18n/en.ts';

let fixture: Fixture;
const saved = process.env.IGF_DB;
const FR = '[fr] ';

beforeAll(async () => {
  fixture = await createFixtureDatabase();
  process.env.IGF_DB = fixture.path;
  registerCatalog('fr', Object.fromEntries(Object.entries(en).map(([k, v]) => [k, FR + v])) as Messages);
}, 120_000);
afterAll(() => {
  closeDatabase();
  if (saved === undefined) delete process.env.IGF_DB;
  else process.env.IGF_DB = saved;
  fixture?.cleanup();
});

const get = (metric: string, query: string) => {
  const url = new URL(`http://localhost/api/v1/metrics/${metric}${query}`);
  return handleMetricRequest(url.pathname.split('/').pop()!, url);
};

describe('lang on the metric endpoints', () => {
  it('labels the codes in the metadata in the language asked for; columns, codes and rows unchanged', async () => {
    const english = await (await get('gender.metadata.json', '?from=2019&to=2021')).json();
    const french = await (await get('gender.metadata.json', '?from=2019&to=2021&lang=fr')).json();
    expect(english.lang).toBe('en');
    expect(english.labels.category.female).toBe('Women');
    expect(french.lang).toBe('fr');
    expect(french.label).toBe(`${FR}Gender`);
    expect(french.labels.category.female).toBe(`${FR}Women`);
    expect(french.labels.dimension.gender).toBe(`${FR}Gender`);
    expect(Object.keys(french.labels.category)).toEqual(Object.keys(english.labels.category));
    // machine-readable text stays English and identical
    expect(french.columns).toEqual(english.columns);
    expect(french.title).toBe(english.title);
    expect(french.definition).toBe(english.definition);
    expect(french.filters).toEqual(english.filters);
  });

  it('labels a definition column with the definition labels (each code column is its own catalog prefix)', async () => {
    const french = await (await get('global-south.metadata.json', '?definition=all&lang=fr')).json();
    expect(Object.keys(french.labels.definition).sort()).toEqual(['g77', 'regional_groups', 'un_developing', 'wb_non_high_income']);
    expect(french.labels.definition.g77).toBe(`${FR}${en['definition.g77']}`);
  });

  it('writes the README of the bundle in that language, with the codes and their labels', async () => {
    const response = await get('gender.zip', '?from=2019&to=2021&lang=fr');
    expect(response.status).toBe(200);
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const readme = strFromU8(files['README.md']);
    expect(readme.split('\n')[0]).toBe(`# ${FR}Gender`);
    expect(readme).toContain(`## ${FR}Definition`);
    expect(readme).toContain(`${FR}${en['metric.gender.definition']}`);
    expect(readme).toContain(`## ${FR}Labels of the codes`);
    expect(readme).toContain(`| female | ${FR}Women |`);
    expect(readme).toContain(`| ${FR}column | ${FR}type |`);
    // the columns keep their names, and the exact English definition is still there
    const meta = JSON.parse(strFromU8(files[Object.keys(files).find((f) => f.endsWith('.metadata.json'))!]));
    expect(readme).toContain(meta.definition);
    for (const c of meta.columns) expect(readme).toContain(`| ${c.name} | ${c.type} |`);
  });

  it('leaves the CSV and the JSON rows as they are', async () => {
    const csv = async (q: string) => (await get('gender.csv', q)).text();
    expect(await csv('?from=2019&lang=fr')).toBe(await csv('?from=2019'));
    const rows = async (q: string) => (await (await get('regions.json', q)).json()).rows;
    expect(await rows('?from=2019&lang=fr')).toEqual(await rows('?from=2019'));
  });

  it('keeps the English README of an English request', async () => {
    const files = unzipSync(new Uint8Array(await (await get('gender.zip', '?from=2019')).arrayBuffer()));
    const readme = strFromU8(files['README.md']);
    expect(readme.split('\n')[0]).toBe('# Gender');
    expect(readme).toContain('## Definition');
    expect(readme).toContain('| female | Women |');
    expect(readme).not.toContain(FR);
  });

  it('answers an unknown or repeated language with a 400 that names the languages', async () => {
    const r = await get('gender.zip', '?lang=xx');
    expect(r.status).toBe(400);
    const body = await r.json();
    expect(body).toMatchObject({ error: 'invalid_parameter', parameter: 'lang', value: 'xx', allowed: ['en', 'ar', 'zh', 'fr', 'ru', 'es'] });
    expect(body.message).toContain('Invalid value for lang: "xx". Allowed: en, ar, zh, fr, ru, es');
    const twice = await get('gender.json', '?lang=fr&lang=es');
    expect(twice.status).toBe(400);
    expect((await twice.json()).message).toContain('"lang" is given more than once');
  });

  it('names lang among the parameters of a metric when a parameter is unknown', async () => {
    const r = await get('gender.json', '?language=fr');
    expect(r.status).toBe(400);
    const body = await r.json();
    expect(body).toMatchObject({ error: 'invalid_parameter', parameter: 'language' });
    expect(body.allowed).toContain('lang');
    expect(body.message).toMatch(/^Unknown parameter "language"\. Parameters of gender: .*\blang\b/);
  });

  it('answers in each of the six languages from its catalog', async () => {
    const meta = await (await get('gender.metadata.json', '?lang=ru')).json();
    expect(meta.lang).toBe('ru');
    expect(meta.labels.category.female).toBe(ru['category.female']);
    expect(meta.labels.category.female).not.toBe('Women');
  });
});
