/**
 * ?lang= over HTTP against the production build and the fixture database: an unknown language is a
 * 400 that names the six, and a language changes labels and the README only (columns, codes and
 * rows as in English), here French from src/lib/i18n/catalogs/fr.ts.
 */
import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { serveFixture } from './fixture-server.ts';

import { fr } from '../../src/lib/i18n/catalogs/fr.ts';

const served = serveFixture({ IGF_SUPPRESSION_K: '5' });

const get = (path: string) => fetch(served.url + path);

describe('lang on the metrics API', () => {
  it('?lang=xx is a 400 naming the languages', async () => {
    const r = await get('/api/v1/metrics/gender.zip?lang=xx');
    expect(r.status).toBe(400);
    const body = await r.json();
    expect(body).toMatchObject({ parameter: 'lang', value: 'xx', allowed: ['en', 'ar', 'zh', 'fr', 'ru', 'es'] });
    expect(body.message).toContain('Allowed: en, ar, zh, fr, ru, es');
  });

  it('?lang=fr: labels in French, columns and codes unchanged', async () => {
    const english = await (await get('/api/v1/metrics/gender.metadata.json?from=2019')).json();
    const r = await get('/api/v1/metrics/gender.metadata.json?from=2019&lang=fr');
    expect(r.status).toBe(200);
    const meta = await r.json();
    expect(meta.columns).toEqual(english.columns);
    expect(meta.definition).toBe(english.definition);
    expect(Object.keys(meta.labels.category)).toEqual(Object.keys(english.labels.category));
    expect(meta.lang).toBe('fr');
    expect(meta.labels.category.female).toBe(fr['category.female']);
    const csv = async (q: string) => (await get(`/api/v1/metrics/gender.csv?from=2019${q}`)).text();
    expect(await csv('&lang=fr')).toBe(await csv(''));
  });

  it('?lang=fr: the README of the bundle', async () => {
    const files = unzipSync(new Uint8Array(await (await get('/api/v1/metrics/gender.zip?from=2019&lang=fr')).arrayBuffer()));
    const readme = strFromU8(files['README.md']);
    expect(readme.split('\n')[0]).toBe(`# ${fr['metric.gender.title']}`);
    expect(readme).toContain(`| female | ${fr['category.female']} |`);
  });

  it('the index lists lang', async () => {
    const index = await (await get('/api/v1/metrics')).json();
    expect(index.lang.allowed).toEqual(['en', 'ar', 'zh', 'fr', 'ru', 'es']);
  });
});
