/**
 * The HTTP cache through the production build (`node build`): ETags and 304s, Cache-Control,
 * compression negotiation, request coalescing, the size bound, errors never cached, cached and
 * uncached bodies byte for byte, and a pipeline run changing every tag. Requests go through
 * node:http, which (unlike fetch) hands over the bytes as sent, compressed or not.
 */
import { request } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureDatabase, type Fixture } from '../metrics/fixture.ts';
import { ensureBuild, startServer, warmUpRuns, type RunningServer } from '../metrics/server.ts';
import { serveFixture } from '../metrics/fixture-server.ts';
import { runPipeline } from '../../pipelines/run.ts';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function raw(base: string, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, base), { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const header = (r: Raw, name: string) => r.headers[name] as string | undefined;

/** The body as the server wrote it before any content coding. */
function decoded(r: Raw): Buffer {
  const enc = header(r, 'content-encoding');
  if (enc === 'br') return brotliDecompressSync(r.body);
  if (enc === 'gzip') return gunzipSync(r.body);
  expect(enc).toBeUndefined();
  return r.body;
}

// Both servers write the same absolute URLs (citations, permalinks) whatever port they listen on.
const ORIGIN = 'http://igf.test';

describe('HTTP cache over the production build', () => {
  let fixture: Fixture;
  let cached: RunningServer;
  let uncached: RunningServer;

  beforeAll(async () => {
    await ensureBuild();
    fixture = await createFixtureDatabase();
    cached = await startServer(fixture.path, { ORIGIN });
    uncached = await startServer(fixture.path, { ORIGIN, IGF_HTTP_CACHE_MB: '0' });
  }, 300_000);
  afterAll(async () => {
    await cached?.stop();
    await uncached?.stop();
    fixture?.cleanup();
  });

  // Pages, SvelteKit's page data, an embed, the API in JSON and CSV, the indexes, an export.
  const PATHS = [
    '/gender',
    '/regions?from=2019&source=demo',
    '/methodology',
    '/embed/gender-female?source=demo',
    '/api/v1/metrics/gender',
    '/api/v1/metrics/global-south.csv?definition=all',
    '/api/v1/metrics',
    '/api/v1/export',
    '/api/v1/export/speakers.csv'
  ];

  it.each(PATHS)('%s: uncached, first (computed) and second (kept) bodies are byte-identical, in every encoding', async (path) => {
    const plain = await raw(uncached.url, path);
    const plainAgain = await raw(uncached.url, path);
    expect(plain.status).toBe(200);
    expect(plainAgain.body.equals(plain.body)).toBe(true); // the app itself answers the same bytes twice
    const first = await raw(cached.url, path);
    const second = await raw(cached.url, path);
    // (the server's start-up check asked for /api/v1/metrics already)
    expect([header(first, 'x-igf-cache'), header(second, 'x-igf-cache')]).toEqual([path === '/api/v1/metrics' ? 'hit' : 'miss', 'hit']);
    expect(first.body.equals(plain.body)).toBe(true);
    expect(second.body.equals(plain.body)).toBe(true);
    expect(header(second, 'content-type')).toBe(header(plain, 'content-type'));
    expect(header(second, 'content-disposition')).toBe(header(plain, 'content-disposition'));
    expect(Number(header(second, 'content-length'))).toBe(plain.body.byteLength);
    for (const accept of ['gzip', 'br', 'gzip, deflate, br']) {
      const r = await raw(cached.url, path, { 'accept-encoding': accept });
      expect(header(r, 'content-encoding')).toBe(accept === 'gzip' ? 'gzip' : 'br');
      expect(Number(header(r, 'content-length'))).toBe(r.body.byteLength);
      expect(r.body.byteLength).toBeLessThan(plain.body.byteLength);
      expect(decoded(r).equals(plain.body)).toBe(true);
      const u = await raw(uncached.url, path, { 'accept-encoding': accept });
      expect(decoded(u).equals(plain.body)).toBe(true);
    }
  });

  it("SvelteKit's page data is kept by the server, sent as private, no-store, and compressed for clients that accept it", async () => {
    // what in-app navigation fetches
    const path = '/gender/__data.json?source=demo&x-sveltekit-invalidated=01';
    const page = await raw(cached.url, '/gender?source=demo'); // kept: it must not answer its data request
    expect(header(page, 'content-type')).toContain('text/html');
    const plain = await raw(uncached.url, path);
    expect(plain.status).toBe(200);
    expect(header(plain, 'content-type')).toBe('application/json');
    expect(header(plain, 'cache-control')).toBe('private, no-store');
    const first = await raw(cached.url, path, { 'accept-encoding': 'br' });
    expect(header(first, 'x-igf-cache')).toBe('miss');
    for (const accept of ['gzip', 'br']) {
      const r = await raw(cached.url, path, { 'accept-encoding': accept });
      expect(header(r, 'x-igf-cache')).toBe('hit');
      expect(header(r, 'cache-control')).toBe('private, no-store');
      expect(header(r, 'content-encoding')).toBe(accept);
      expect(decoded(r).equals(plain.body)).toBe(true);
      expect(r.body.byteLength).toBeLessThan(plain.body.byteLength / 3);
    }
  });

  it('no Accept-Encoding, identity, or only codings we do not send: the plain body', async () => {
    for (const accept of [undefined, 'identity', 'deflate', 'br;q=0, gzip;q=0']) {
      const r = await raw(cached.url, '/gender', accept ? { 'accept-encoding': accept } : {});
      expect(header(r, 'content-encoding')).toBeUndefined();
      expect(header(r, 'vary')).toBe('Accept-Encoding');
      expect(r.body.toString('utf8')).toMatch(/^<!doctype html>/i);
    }
  });

  it('ETag round trip: 304 without a body for the same tag, on pages, the API and exports, cached or not', async () => {
    for (const server of [cached, uncached]) {
      for (const path of ['/gender', '/api/v1/metrics/gender.csv?to=2019', '/api/v1/export/speakers.csv']) {
        const first = await raw(server.url, path);
        const etag = header(first, 'etag')!;
        expect(etag).toMatch(/^W\/"[0-9a-f]{16}-[0-9a-f]{16}"$/);
        const again = await raw(server.url, path, { 'if-none-match': etag });
        expect(again.status).toBe(304);
        expect(again.body.byteLength).toBe(0);
        expect(header(again, 'etag')).toBe(etag);
        expect(header(again, 'cache-control')).toBe(header(first, 'cache-control'));
        const several = await raw(server.url, path, { 'if-none-match': `"nope", ${etag}` });
        expect(several.status).toBe(304);
        const other = await raw(server.url, path, { 'if-none-match': 'W/"0000000000000000-0000000000000000"' });
        expect(other.status).toBe(200);
        expect(other.body.equals(first.body)).toBe(true);
      }
    }
  });

  it('tags tell requests apart: another query, another order, another path', async () => {
    const tag = async (path: string) => header(await raw(cached.url, path), 'etag');
    const tags = await Promise.all(['/gender', '/gender?from=2019', '/gender?from=2019&to=2021', '/gender?to=2021&from=2019', '/regions'].map(tag));
    expect(new Set(tags).size).toBe(5);
    expect(await tag('/gender?from=2019')).toBe(tags[1]);
  });

  it('tags and entries per language: / and /fr, a page and its /fr page, the API with and without ?lang=fr', async () => {
    const paths = ['/', '/fr', '/methodology', '/fr/methodology', '/api/v1/metrics/gender.metadata.json?from=2019', '/api/v1/metrics/gender.metadata.json?from=2019&lang=fr'];
    const first = await Promise.all(paths.map((p) => raw(cached.url, p)));
    expect(first.map((r) => r.status)).toEqual(paths.map(() => 200));
    expect(new Set(first.map((r) => header(r, 'etag'))).size).toBe(paths.length);
    const second = await Promise.all(paths.map((p) => raw(cached.url, p)));
    expect(second.map((r) => header(r, 'x-igf-cache'))).toEqual(paths.map(() => 'hit'));
    for (const [i, r] of second.entries()) {
      expect(header(r, 'etag')).toBe(header(first[i], 'etag'));
      expect(r.body.equals(first[i].body)).toBe(true);
    }
    const lang = (r: Raw) => /<html[^>]*\blang="([^"]+)"/.exec(r.body.toString('utf8'))?.[1];
    expect([lang(second[0]), lang(second[1]), lang(second[2]), lang(second[3])]).toEqual(['en', 'fr', 'en', 'fr']);
    expect([JSON.parse(second[4].body.toString('utf8')).lang, JSON.parse(second[5].body.toString('utf8')).lang]).toEqual(['en', 'fr']);
  });

  it('Cache-Control: short with stale-while-revalidate for pages and the API, a year for a versioned export', async () => {
    const cc = async (path: string) => header(await raw(cached.url, path), 'cache-control');
    expect(await cc('/gender')).toBe('public, max-age=60, stale-while-revalidate=300');
    expect(await cc('/api/v1/metrics/gender')).toBe('public, max-age=60, stale-while-revalidate=300');
    const exp = await raw(cached.url, '/api/v1/export/sessions.csv');
    expect(header(exp, 'cache-control')).toBe('public, max-age=60, stale-while-revalidate=300');
    const version = header(exp, 'x-igf-data-version')!.slice(0, 12);
    const pinned = await raw(cached.url, `/api/v1/export/sessions.csv?v=${version}`);
    expect(pinned.status).toBe(200);
    expect(header(pinned, 'cache-control')).toBe('public, max-age=31536000, immutable');
    expect(pinned.body.equals(exp.body)).toBe(true);
    expect(header(pinned, 'content-disposition')).toBe('attachment; filename="igf-sessions.csv"');
  });

  it('HEAD: the GET headers and tag, no body', async () => {
    const get = await raw(cached.url, '/stakeholders');
    const head = await raw(cached.url, '/stakeholders', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.byteLength).toBe(0);
    expect(header(head, 'etag')).toBe(header(get, 'etag'));
    expect(header(head, 'content-length')).toBe(String(get.body.byteLength));
    const exportHead = await raw(cached.url, '/api/v1/export/speakers.arrow', {}, 'HEAD');
    expect(exportHead.status).toBe(200);
    expect(header(exportHead, 'etag')).toMatch(/^W\//);
  });

  it('errors are never kept nor tagged', async () => {
    for (const [path, status] of [
      ['/api/v1/metrics/gender?from=abc', 400],
      ['/api/v1/metrics/nothing', 404],
      ['/api/v1/export/speakers.csv?v=000000000000', 404],
      ['/embed/no-such-chart', 404],
      ['/no-such-page', 404]
    ] as const) {
      for (let i = 0; i < 2; i++) {
        const r = await raw(cached.url, path);
        expect(r.status, path).toBe(status);
        expect(header(r, 'etag') ?? '', path).not.toMatch(/^W\//); // (SvelteKit tags its error page itself)
        expect(header(r, 'cache-control') ?? '', path).not.toContain('public');
        expect(header(r, 'x-igf-cache'), path).toBeUndefined();
      }
    }
  });

  it('concurrent identical requests are computed once', async () => {
    const path = '/representation?source=demo&mode=onsite';
    const replies = await Promise.all(Array.from({ length: 10 }, () => raw(cached.url, path, { 'accept-encoding': 'br' })));
    const states = replies.map((r) => header(r, 'x-igf-cache'));
    expect(states.filter((s) => s === 'miss')).toHaveLength(1);
    expect(states.every((s) => s === 'miss' || s === 'shared' || s === 'hit')).toBe(true);
    const bodies = replies.map(decoded);
    for (const b of bodies) expect(b.equals(bodies[0])).toBe(true);
  });
});

describe('HTTP cache size bound over HTTP', () => {
  const server = serveFixture({ IGF_HTTP_CACHE_MB: '1' });

  it('a flood of distinct query strings evicts the oldest pages; the newest stay', async () => {
    const page = await raw(server.url, '/gender?source=demo&flood=0');
    expect(page.body.byteLength).toBeGreaterThan(40_000); // so 60 of them are far above 1 MB
    for (let i = 1; i < 60; i++) expect((await raw(server.url, `/gender?source=demo&flood=${i}`)).status).toBe(200);
    expect(header(await raw(server.url, '/gender?source=demo&flood=59'), 'x-igf-cache')).toBe('hit');
    expect(header(await raw(server.url, '/gender?source=demo&flood=0'), 'x-igf-cache')).toBe('miss');
  });
});

/**
 * A database the pipeline builds from one CSV in a temporary folder (the pseudonym key kept there
 * too), served by the production build for the tests of one describe; `load` runs the pipeline on
 * a further CSV while it is served, as a user would.
 */
function servedPipelineDatabase(prefix: string, firstCsv: string, env: Record<string, string> = {}) {
  let dir = '';
  let server: RunningServer | undefined;
  const savedKey = process.env.IGF_PSEUDONYM_KEY_FILE;
  const db = () => join(dir, 'igf.duckdb');
  async function load(name: string, csvText: string): Promise<void> {
    writeFileSync(join(dir, name), csvText);
    const report = await runPipeline({ db: db(), inputs: [join(dir, name)] });
    expect(report.ok, report.error).toBe(true);
  }
  beforeAll(async () => {
    await ensureBuild();
    dir = mkdtempSync(join(tmpdir(), prefix));
    process.env.IGF_PSEUDONYM_KEY_FILE = join(dir, 'pseudonym.key');
    await load('a.csv', firstCsv);
    server = await startServer(db(), env);
  }, 300_000);
  afterAll(async () => {
    await server?.stop();
    if (savedKey === undefined) delete process.env.IGF_PSEUDONYM_KEY_FILE;
    else process.env.IGF_PSEUDONYM_KEY_FILE = savedKey;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return { load, server: () => server! };
}

describe('a pipeline run changes every tag', () => {
  const csv = (year: number, n: number) =>
    'meeting_year,participant_id,country,stakeholder_group,gender\n' +
    Array.from({ length: n }, (_, i) => `${year},p${year}-${i},${i % 2 ? 'Kenya' : 'Germany'},${i % 3 ? 'Civil society' : 'Government'},${i % 2 ? 'female' : 'male'}`).join('\n') +
    '\n';
  const served = servedPipelineDatabase('igf-http-cache-', csv(2019, 30));

  it('new tags and new content after the atomic swap; the old tag is no longer a 304', async () => {
    const server = served.server();
    const paths = ['/api/v1/metrics/participation?source=user', '/gender?source=user', '/api/v1/export/attendance.csv'];
    const before = await Promise.all(paths.map((p) => raw(server.url, p, { 'accept-encoding': 'br' })));
    for (const [i, r] of before.entries()) {
      expect(r.status, paths[i]).toBe(200);
      // kept: asked again, it is a hit with the same tag
      expect(header(await raw(server.url, paths[i], { 'accept-encoding': 'br' }), 'x-igf-cache')).toBe('hit');
    }
    const oldVersion = header(before[2], 'x-igf-data-version')!;
    expect(decoded(before[0]).toString()).not.toContain('2021');

    await served.load('b.csv', csv(2021, 40));

    // The server notices the replaced file within a second or so.
    let after: Raw[] = [];
    for (let tries = 0; tries < 50; tries++) {
      after = await Promise.all(paths.map((p, i) => raw(server.url, p, { 'accept-encoding': 'br', 'if-none-match': header(before[i], 'etag')! })));
      if (after.every((r) => r.status === 200)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    for (const [i, r] of after.entries()) {
      expect(r.status, paths[i]).toBe(200);
      expect(header(r, 'etag')).not.toBe(header(before[i], 'etag'));
      expect(decoded(r).equals(decoded(before[i])), paths[i]).toBe(false);
    }
    expect(decoded(after[0]).toString()).toContain('2021');
    expect(header(after[2], 'x-igf-data-version')).not.toBe(oldVersion);
    // a file named by the old version is gone, the new one is served
    expect((await raw(server.url, `/api/v1/export/attendance.csv?v=${oldVersion.slice(0, 12)}`)).status).toBe(404);
    expect((await raw(server.url, `/api/v1/export/attendance.csv?v=${header(after[2], 'x-igf-data-version')!.slice(0, 12)}`)).status).toBe(200);
    // the new tags revalidate
    const again = await raw(server.url, paths[1], { 'if-none-match': header(after[1], 'etag')! });
    expect(again.status).toBe(304);
  });
});

describe('without a database', () => {
  let dir: string;
  let server: RunningServer;
  beforeAll(async () => {
    await ensureBuild();
    dir = mkdtempSync(join(tmpdir(), 'igf-http-cache-none-'));
    server = await startServer(join(dir, 'missing.duckdb'));
  }, 300_000);
  afterAll(async () => {
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('nothing is tagged or kept: pages and the API answer their 503, the index its error listing', async () => {
    for (const path of ['/gender', '/api/v1/metrics/gender', '/api/v1/metrics']) {
      for (let i = 0; i < 2; i++) {
        const r = await raw(server.url, path, { 'accept-encoding': 'br' });
        expect(r.status, path).toBe(path === '/api/v1/metrics' ? 200 : 503);
        expect(header(r, 'etag') ?? '', path).not.toMatch(/^W\//);
        expect(header(r, 'x-igf-cache'), path).toBeUndefined();
        expect(header(r, 'cache-control') ?? '', path).not.toContain('public');
      }
    }
  });
});

describe('the cache warm-up (IGF_WARM)', () => {
  const csv = (year: number) => `meeting_year,participant_id,country,stakeholder_group,gender\n${year},a,Kenya,Civil society,female\n${year},b,Germany,Government,male\n`;
  const served = servedPipelineDatabase('igf-http-cache-warm-', csv(2019), { IGF_WARM: '1' });
  // Paths of the default list (warm.ts), first requested by no one but the warm-up.
  const paths = ['/api/v1/metrics/gender', '/api/v1/metrics/participation', '/', '/fr/gender', '/zh/regions', '/es/data', '/ar/regions/__data.json?x-sveltekit-invalidated=01'];

  it('answers the first reader of every default view from memory, after the start and after a pipeline run', async () => {
    const server = served.server();
    const [first] = await warmUpRuns(server, 1);
    expect(first).toMatchObject({ warmed: 131, total: 131 });
    const before = [];
    for (const path of paths) {
      const r = await raw(server.url, path, { 'accept-encoding': 'br' });
      expect([r.status, header(r, 'x-igf-cache')], path).toEqual([200, 'hit']);
      before.push(r);
    }
    // a view that is not in the list is computed for its first reader
    expect(header(await raw(server.url, '/api/v1/metrics/gender?from=2019'), 'x-igf-cache')).toBe('miss');

    await served.load('b.csv', csv(2021));
    const [, second] = await warmUpRuns(server, 2);
    expect(second.version).not.toBe(first.version);
    expect(second).toMatchObject({ warmed: 131, total: 131 });
    for (const [i, path] of paths.entries()) {
      const r = await raw(server.url, path, { 'accept-encoding': 'br' });
      expect([r.status, header(r, 'x-igf-cache')], path).toEqual([200, 'hit']);
      expect(header(r, 'etag'), path).not.toBe(header(before[i], 'etag'));
    }
    expect(decoded(await raw(server.url, '/api/v1/metrics/participation', { 'accept-encoding': 'br' })).toString()).toContain('2021');
  }, 180_000);
});
