import { describe, expect, it } from 'vitest';
import { requestKey } from './key.ts';
import { cacheControl } from './policy.ts';
import { cacheSizesFromEnv } from './config.ts';

const at = new Date('2026-11-30T23:59:59Z');

describe('requestKey', () => {
  it('is origin, path and query as sent and the UTC day (the language is in the path or the query)', () => {
    expect(requestKey({ url: new URL('http://h:3000/gender?to=2019&from=2010'), now: at })).toBe('http://h:3000/gender?to=2019&from=2010\nday=2026-11-30');
    expect(requestKey({ url: new URL('http://h:3000/fr/gender?to=2019'), now: at })).toBe('http://h:3000/fr/gender?to=2019\nday=2026-11-30');
  });

  it('tells apart what the response is written from', () => {
    const key = (u: string, now = at) => requestKey({ url: new URL(u), now });
    const base = key('http://h/gender?from=2010&to=2019');
    expect(key('http://h/gender?to=2019&from=2010')).not.toBe(base); // pages echo the query as sent
    expect(key('http://other/gender?from=2010&to=2019')).not.toBe(base);
    expect(key('http://h/fr/gender?from=2010&to=2019')).not.toBe(base); // a page in another language
    expect(key('http://h/fr')).not.toBe(key('http://h/'));
    expect(key('http://h/api/v1/metrics/gender.zip?lang=fr')).not.toBe(key('http://h/api/v1/metrics/gender.zip'));
    expect(key('http://h/gender?from=2010&to=2019', new Date('2026-12-01T00:00:00Z'))).not.toBe(base);
    expect(key('http://h/gender?from=2010&to=2019#chart')).toBe(base); // a fragment is never sent
  });
});

describe('cacheControl', () => {
  it.each([
    ['/gender', 'public, max-age=60, stale-while-revalidate=300'],
    ['/embed/gender-shares', 'public, max-age=60, stale-while-revalidate=300'],
    ['/api/v1/metrics/gender.csv', 'public, max-age=60, stale-while-revalidate=300'],
    ['/api/v1/export/speakers.csv', 'public, max-age=60, stale-while-revalidate=300'],
    ['/api/v1/export/speakers.csv?v=0123456789ab', 'public, max-age=31536000, immutable'],
    ['/gender/__data.json?x-sveltekit-invalidated=01', 'private, no-store'],
    ['/__data.json?x-sveltekit-invalidated=01', 'private, no-store']
  ])('%s', (path, expected) => {
    expect(cacheControl(new URL(path, 'http://h'))).toBe(expected);
  });
});

describe('cacheSizesFromEnv', () => {
  it('defaults to 64 MB and 4 MB per entry; 0 switches storing off', () => {
    expect(cacheSizesFromEnv({})).toEqual({ maxBytes: 64 * 1048576, maxEntryBytes: 4 * 1048576 });
    expect(cacheSizesFromEnv({ IGF_HTTP_CACHE_MB: '0' })).toEqual({ maxBytes: 0, maxEntryBytes: 4 * 1048576 });
    expect(cacheSizesFromEnv({ IGF_HTTP_CACHE_MB: '2', IGF_HTTP_CACHE_ENTRY_MB: '8' })).toEqual({ maxBytes: 2 * 1048576, maxEntryBytes: 2 * 1048576 });
    expect(cacheSizesFromEnv({ IGF_HTTP_CACHE_MB: '0.5' }).maxBytes).toBe(524288);
  });
});
