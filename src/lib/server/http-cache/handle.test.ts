/**
 * The cache hook with a stand-in for SvelteKit's resolve that counts its calls: what is computed
 * once, what is kept, what is never kept, what a client gets back.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { createHttpCache, type HttpCacheOptions } from './handle.ts';

const VERSION = 'aaaaaaaaaaaaaaaa1111';
const KB = 1024;

function event(path: string, headers: Record<string, string> = {}, method = 'GET'): RequestEvent {
  const url = new URL(path, 'http://127.0.0.1:3000');
  // as SvelteKit does: a page-data request's event.url is the page's URL
  const pageUrl = new URL(url);
  pageUrl.pathname = pageUrl.pathname.replace(/\/__data\.json$/, '') || '/';
  pageUrl.searchParams.delete('x-sveltekit-invalidated');
  return { url: pageUrl, request: new Request(url, { method, headers }) } as unknown as RequestEvent;
}

/**
 * A page of `size` bytes that says which request it answers (for page data, in SvelteKit's format:
 * the cache reads it); counts its computations.
 */
function app(options: { size?: number; status?: number; type?: string; delay?: number; headers?: Record<string, string> } = {}) {
  const counter = { calls: 0 };
  const resolve = async (e: RequestEvent) => {
    counter.calls++;
    if (options.delay) await new Promise((r) => setTimeout(r, options.delay));
    const answers = `${e.url.pathname}${e.url.search}`;
    const pageData = new URL(e.request.url).pathname.endsWith('/__data.json');
    const text = pageData
      ? JSON.stringify({ type: 'data', nodes: [null, { type: 'data', data: [answers], uses: {} }] }).padEnd(options.size ?? 4 * KB, ' ')
      : `<p>${answers}</p>`.padEnd(options.size ?? 4 * KB, '.');
    return new Response(text, {
      status: options.status ?? 200,
      headers: { 'content-type': options.type ?? 'text/html; charset=utf-8', 'x-extra': 'kept', 'server-timing': 'sql;dur=1', ...options.headers }
    });
  };
  return { counter, resolve };
}

function cache(overrides: Partial<HttpCacheOptions> = {}) {
  return createHttpCache({
    maxBytes: 1024 * KB,
    maxEntryBytes: 256 * KB,
    dataVersion: async () => VERSION,
    now: () => new Date('2026-11-30T12:00:00Z'),
    ...overrides
  });
}

type Resolve = ReturnType<typeof app>['resolve'];
const call = (c: ReturnType<typeof cache>, e: RequestEvent, resolve: Resolve) =>
  c.handle({ event: e, resolve: resolve as never }) as Promise<Response>;
const bytes = async (r: Response) => Buffer.from(await r.arrayBuffer());

describe('http cache hook', () => {
  it('computes a page once, then answers from memory with the same bytes and headers', async () => {
    const c = cache();
    const { counter, resolve } = app();
    const first = await call(c, event('/gender?from=2019'), resolve);
    const second = await call(c, event('/gender?from=2019'), resolve);
    expect(counter.calls).toBe(1);
    expect([first.headers.get('x-igf-cache'), second.headers.get('x-igf-cache')]).toEqual(['miss', 'hit']);
    expect(first.headers.get('etag')).toMatch(/^W\/"aaaaaaaaaaaaaaaa-[0-9a-f]{16}"$/);
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(second.headers.get('x-extra')).toBe('kept');
    expect(first.headers.get('server-timing')).toBe('sql;dur=1'); // the computation's own timing
    expect(second.headers.get('server-timing')).toBeNull(); // a hit took no SQL
    expect(second.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=300');
    expect(second.headers.get('vary')).toBe('Accept-Encoding');
    const [a, b] = [await bytes(first), await bytes(second)];
    expect(a.equals(b)).toBe(true);
    expect(a.byteLength).toBe(4 * KB);
    expect(second.headers.get('content-length')).toBe(String(4 * KB));
  });

  it('keeps one entry and tag per language: the / and /fr pages, the API with and without ?lang=fr', async () => {
    const c = cache();
    const { counter, resolve } = app();
    const paths = ['/', '/fr', '/gender', '/fr/gender', '/api/v1/metrics/gender.zip', '/api/v1/metrics/gender.zip?lang=fr'];
    const first = await Promise.all(paths.map((p) => call(c, event(p), resolve)));
    expect(counter.calls).toBe(paths.length);
    expect(c.stats().entries).toBe(paths.length);
    const tags = first.map((r) => r.headers.get('etag'));
    expect(new Set(tags).size).toBe(paths.length);
    const again = await Promise.all(paths.map((p) => call(c, event(p), resolve)));
    expect(counter.calls).toBe(paths.length);
    expect(again.map((r) => r.headers.get('etag'))).toEqual(tags);
    const bodies = await Promise.all(again.map(async (r) => (await bytes(r)).toString('utf8')));
    for (const [i, p] of paths.entries()) expect(bodies[i].startsWith(`<p>${p}</p>`)).toBe(true);
  });

  it('N concurrent identical requests: one computation, N equal bodies', async () => {
    const c = cache();
    const { counter, resolve } = app({ delay: 30 });
    const replies = await Promise.all(Array.from({ length: 12 }, () => call(c, event('/regions'), resolve)));
    expect(counter.calls).toBe(1);
    const states = replies.map((r) => r.headers.get('x-igf-cache'));
    expect(states.filter((s) => s === 'miss')).toHaveLength(1);
    expect(states.filter((s) => s === 'shared')).toHaveLength(11);
    const bodies = await Promise.all(replies.map(bytes));
    for (const b of bodies) expect(b.equals(bodies[0])).toBe(true);
  });

  it('answers If-None-Match with 304 and no body, without computing again', async () => {
    const c = cache();
    const { counter, resolve } = app();
    const etag = (await call(c, event('/gender'), resolve)).headers.get('etag')!;
    const r = await call(c, event('/gender', { 'if-none-match': etag }), resolve);
    expect(r.status).toBe(304);
    expect(r.body).toBeNull();
    expect(r.headers.get('etag')).toBe(etag);
    expect(r.headers.get('cache-control')).toContain('max-age=60');
    expect(counter.calls).toBe(1);
    const other = await call(c, event('/gender', { 'if-none-match': 'W/"something-else"' }), resolve);
    expect(other.status).toBe(200);
  });

  it('a new data version is a new tag and a new computation', async () => {
    let version = VERSION;
    const c = cache({ dataVersion: async () => version });
    const { counter, resolve } = app();
    const before = (await call(c, event('/gender'), resolve)).headers.get('etag')!;
    version = 'bbbbbbbbbbbbbbbb2222';
    const after = await call(c, event('/gender', { 'if-none-match': before }), resolve);
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(before);
    expect(after.headers.get('x-igf-cache')).toBe('miss');
    expect(counter.calls).toBe(2);
    expect(c.stats().entries).toBe(1); // the old version's entry is gone
  });

  it('gzip and brotli when accepted, decompressing to the identity bytes; kept per encoding', async () => {
    const c = cache();
    const { counter, resolve } = app({ size: 20 * KB });
    const plain = await call(c, event('/gender'), resolve);
    const identity = await bytes(plain);
    expect(plain.headers.get('content-encoding')).toBeNull();
    for (const [accept, encoding, decode] of [
      ['gzip, deflate', 'gzip', gunzipSync],
      ['gzip, deflate, br', 'br', brotliDecompressSync],
      ['br;q=0, gzip', 'gzip', gunzipSync]
    ] as const) {
      for (let i = 0; i < 2; i++) {
        const r = await call(c, event('/gender', { 'accept-encoding': accept }), resolve);
        expect(r.headers.get('content-encoding')).toBe(encoding);
        const body = await bytes(r);
        expect(r.headers.get('content-length')).toBe(String(body.byteLength));
        expect(body.byteLength).toBeLessThan(identity.byteLength);
        expect(Buffer.from(decode(body)).equals(identity)).toBe(true);
      }
    }
    expect(counter.calls).toBe(1);
    const held = c.stats().bytes;
    expect(held).toBeGreaterThan(20 * KB); // the body and its two variants
    expect(held).toBeLessThan(22 * KB);
  });

  it('a brotli variant asked for again is recompressed at brotli 11 in the background: smaller, same bytes decoded', async () => {
    const c = cache();
    const rows = Array.from({ length: 3000 }, (_, i) => ({ year: 2006 + (i % 20), category: ['african', 'weog', 'grulac'][i % 3], count: (i * 7919) % 1000, share: ((i * 104729) % 997) / 997 }));
    const json = JSON.stringify({ rows });
    const resolve: Resolve = async () => new Response(json, { headers: { 'content-type': 'application/json' } });
    const get = async () => {
      const r = await call(c, event('/api/v1/metrics/regions', { 'accept-encoding': 'br' }), resolve);
      return { state: r.headers.get('x-igf-cache'), body: await bytes(r) };
    };
    const first = await get(); // miss: quality 6
    const second = await get(); // hit
    const third = await get(); // hit: starts the recompression
    expect([first.state, second.state, third.state]).toEqual(['miss', 'hit', 'hit']);
    expect(third.body.equals(first.body)).toBe(true);
    const heldBefore = c.stats().bytes;
    let later = third;
    for (let i = 0; i < 100 && later.body.byteLength === first.body.byteLength; i++) {
      await new Promise((r) => setTimeout(r, 50));
      later = await get();
    }
    expect(later.body.byteLength).toBeLessThan(first.body.byteLength);
    expect(brotliDecompressSync(later.body).toString()).toBe(json);
    expect(c.stats().bytes).toBe(heldBefore - (first.body.byteLength - later.body.byteLength));
  });

  it('does not compress binary formats or small bodies', async () => {
    const c = cache();
    const arrow = app({ type: 'application/vnd.apache.arrow.file', size: 20 * KB });
    const r = await call(c, event('/api/v1/metrics/gender.arrow', { 'accept-encoding': 'br' }), arrow.resolve);
    expect(r.headers.get('content-encoding')).toBeNull();
    expect(r.headers.get('vary')).toBeNull();
    const small = app({ type: 'application/json', size: 200 });
    const s = await call(c, event('/api/v1/metrics/host', { 'accept-encoding': 'br' }), small.resolve);
    expect(s.headers.get('content-encoding')).toBeNull();
    expect(s.headers.get('vary')).toBe('Accept-Encoding');
  });

  it.each([
    ['a 400', { status: 400 }],
    ['a 404', { status: 404 }],
    ['a 500', { status: 500 }],
    ['a 503', { status: 503 }],
    ['a response that sets a cookie', { headers: { 'set-cookie': 'a=1' } }],
    ['a response that varies on Cookie', { headers: { vary: 'Cookie' } }],
    ['a no-store response', { headers: { 'cache-control': 'no-store' } }]
  ])('never keeps or tags %s', async (_, options) => {
    const c = cache();
    const { counter, resolve } = app(options);
    const first = await call(c, event('/api/v1/metrics/gender?from=abc'), resolve);
    await call(c, event('/api/v1/metrics/gender?from=abc'), resolve);
    expect(counter.calls).toBe(2);
    expect(first.headers.get('etag')).toBeNull();
    expect(first.headers.get('x-igf-cache')).toBeNull();
    expect(c.stats().entries).toBe(0);
  });

  it('a no-store 200 that is not page data is not kept but still compressed, as it streams', async () => {
    const c = cache();
    const { counter, resolve } = app({ size: 20 * KB, type: 'application/json', headers: { 'cache-control': 'private, no-store' } });
    const plain = await bytes(await call(c, event('/api/v1/metrics/gender'), resolve));
    const r = await call(c, event('/api/v1/metrics/gender', { 'accept-encoding': 'gzip' }), resolve);
    expect(r.headers.get('content-encoding')).toBe('gzip');
    expect(r.headers.get('content-length')).toBeNull();
    expect(r.headers.get('vary')).toBe('Accept-Encoding');
    expect(r.headers.get('cache-control')).toBe('private, no-store');
    expect(r.headers.get('etag')).toBeNull();
    const body = await bytes(r);
    expect(body.byteLength).toBeLessThan(plain.byteLength);
    expect(Buffer.from(gunzipSync(body)).equals(plain)).toBe(true);
    const br = await bytes(await call(c, event('/api/v1/metrics/gender', { 'accept-encoding': 'br' }), resolve));
    expect(Buffer.from(brotliDecompressSync(br)).equals(plain)).toBe(true);
    expect(counter.calls).toBe(3);
    expect(c.stats().entries).toBe(0);
  });

  it("SvelteKit's page data (private, no-store) is kept here, and still sent as private, no-store", async () => {
    const c = cache();
    const { counter, resolve } = app({ size: 20 * KB, type: 'application/json', headers: { 'cache-control': 'private, no-store' } });
    const path = '/gender/__data.json?x-sveltekit-invalidated=01';
    const first = await call(c, event(path), resolve);
    const plain = await bytes(first);
    const again = await call(c, event(path, { 'accept-encoding': 'gzip' }), resolve);
    expect(counter.calls).toBe(1);
    expect([first.headers.get('x-igf-cache'), again.headers.get('x-igf-cache')]).toEqual(['miss', 'hit']);
    for (const r of [first, again]) expect(r.headers.get('cache-control')).toBe('private, no-store');
    expect(again.headers.get('content-encoding')).toBe('gzip');
    expect(Buffer.from(gunzipSync(await bytes(again))).equals(plain)).toBe(true);
    expect(c.stats().entries).toBe(1);
  });

  it('page data that reports a failed load (SvelteKit sends it as a 200) is not kept', async () => {
    const c = cache();
    let calls = 0;
    const resolve = async () => {
      calls++;
      const body = '{"type":"data","nodes":[{"type":"skip"},{"type":"error","error":{"message":"Internal Error"},"status":500}]}\n';
      return new Response(body.padEnd(4 * KB, ' '), { status: 200, headers: { 'content-type': 'application/json', 'cache-control': 'private, no-store' } });
    };
    const path = '/gender/__data.json?x-sveltekit-invalidated=01';
    const first = await call(c, event(path), resolve as never);
    const second = await call(c, event(path, { 'accept-encoding': 'gzip' }), resolve as never);
    expect(calls).toBe(2);
    expect(first.headers.get('x-igf-cache')).toBeNull();
    expect(second.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(await bytes(second)).toString()).toContain('"type":"error"');
    expect(c.stats().entries).toBe(0);
  });

  it("a page's data request is never answered with the page (SvelteKit gives both one event.url)", async () => {
    const c = cache();
    const { counter, resolve } = app();
    const page = await call(c, event('/regions?from=2019'), resolve);
    const data = await call(c, event('/regions/__data.json?from=2019&x-sveltekit-invalidated=01'), resolve);
    expect(counter.calls).toBe(2);
    expect(data.headers.get('x-igf-cache')).toBe('miss');
    expect(data.headers.get('etag')).not.toBe(page.headers.get('etag'));
    const other = await call(c, event('/regions/__data.json?from=2019&x-sveltekit-invalidated=10'), resolve);
    expect(other.headers.get('x-igf-cache')).toBe('miss');
    expect(counter.calls).toBe(3);
  });

  it('without a database (no data version) passes every request through untouched', async () => {
    const c = cache({
      dataVersion: async () => {
        throw new Error('database_unavailable');
      }
    });
    const { counter, resolve } = app({ status: 503 });
    const r = await call(c, event('/gender'), resolve);
    await call(c, event('/gender'), resolve);
    expect(r.status).toBe(503);
    expect(r.headers.get('etag')).toBeNull();
    expect(counter.calls).toBe(2);
  });

  it('streams a body above the entry limit without keeping it, still tagged, and answers its revalidation with 304', async () => {
    const c = cache({ maxEntryBytes: 64 * KB });
    for (const declared of [true, false]) {
      const { counter, resolve } = app({ size: 200 * KB, type: 'text/csv; charset=utf-8' });
      const path = `/api/v1/export/speakers.csv?declared=${declared}`;
      const withLength: Resolve = async (e) => {
        const r = await resolve(e);
        if (declared) r.headers.set('content-length', String(200 * KB));
        return r;
      };
      const r = await call(c, event(path, { 'accept-encoding': 'gzip' }), withLength);
      expect(r.headers.get('x-igf-cache')).toBe('bypass');
      expect(r.headers.get('content-encoding')).toBeNull();
      expect((await bytes(r)).byteLength).toBe(200 * KB); // every byte, including those read before the limit
      expect(c.stats().bytes).toBeLessThan(4 * KB); // only its tag is remembered
      const again = await call(c, event(path), withLength);
      expect(again.headers.get('x-igf-cache')).toBe('bypass');
      await bytes(again);
      expect(counter.calls).toBe(2);
      const revalidated = await call(c, event(path, { 'if-none-match': r.headers.get('etag')! }), withLength);
      expect(revalidated.status).toBe(304);
      expect(counter.calls).toBe(2);
    }
  });

  it('memory stays bounded under a flood of distinct query strings', async () => {
    const c = cache({ maxBytes: 100 * KB });
    const { counter, resolve } = app({ size: 10 * KB });
    for (let i = 0; i < 2000; i++) {
      await call(c, event(`/gender?x=${i}`, { 'accept-encoding': i % 2 ? 'br' : 'gzip' }), resolve);
      expect(c.stats().bytes).toBeLessThanOrEqual(100 * KB);
    }
    expect(counter.calls).toBe(2000);
    expect(c.stats().entries).toBeLessThanOrEqual(9); // about 10.3 KB each with its variant
    expect(c.stats().entries).toBeGreaterThanOrEqual(8);
    // the newest are kept, the first long gone
    expect((await call(c, event('/gender?x=1999'), resolve)).headers.get('x-igf-cache')).toBe('hit');
    expect((await call(c, event('/gender?x=0'), resolve)).headers.get('x-igf-cache')).toBe('miss');
  });

  it('with the cache off (0 MB) every request is computed, but tagged, revalidated and compressed', async () => {
    const c = cache({ maxBytes: 0 });
    const { counter, resolve } = app({ size: 8 * KB, delay: 10 });
    const replies = await Promise.all([1, 2, 3].map(() => call(c, event('/gender', { 'accept-encoding': 'gzip' }), resolve)));
    expect(counter.calls).toBe(3);
    expect(replies.map((r) => r.headers.get('content-encoding'))).toEqual(['gzip', 'gzip', 'gzip']);
    const etag = replies[0].headers.get('etag')!;
    expect((await call(c, event('/gender', { 'if-none-match': etag }), resolve)).status).toBe(304);
    expect(c.stats()).toEqual({ bytes: 0, entries: 0, inFlight: 0 });
  });

  it('HEAD: headers of the GET, no body; a HEAD is never what is kept', async () => {
    const c = cache();
    const { counter, resolve } = app();
    const headFirst = await call(c, event('/gender', {}, 'HEAD'), resolve);
    expect(headFirst.status).toBe(200);
    expect(headFirst.body).toBeNull();
    expect(c.stats().entries).toBe(0);
    const get = await call(c, event('/gender'), resolve);
    const head = await call(c, event('/gender', {}, 'HEAD'), resolve);
    expect(head.headers.get('etag')).toBe(get.headers.get('etag'));
    expect(headFirst.headers.get('etag')).toBe(get.headers.get('etag'));
    expect(head.headers.get('content-length')).toBe(String(4 * KB));
    expect(head.body).toBeNull();
    expect(counter.calls).toBe(2);
  });

  it('HEAD ends the body it does not send, and a client going away cancels a streamed export (each holds a connection until then)', async () => {
    const c = cache({ maxEntryBytes: 64 * KB });
    let cancelled = 0;
    const streaming: Resolve = async () => {
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          controller.enqueue(new Uint8Array(32 * KB));
        },
        cancel() {
          cancelled++;
        }
      });
      return new Response(body, { status: 200, headers: { 'content-type': 'text/csv' } });
    };
    const head = await call(c, event('/api/v1/export/speakers.csv', {}, 'HEAD'), streaming);
    expect(head.body).toBeNull();
    expect(cancelled).toBe(1);
    const get = await call(c, event('/api/v1/export/speakers.csv'), streaming);
    expect(get.headers.get('x-igf-cache')).toBe('bypass');
    await get.body!.cancel(); // the client goes away
    expect(cancelled).toBe(2);
  });

  it('leaves other methods alone', async () => {
    const c = cache();
    const { counter, resolve } = app();
    const r = await call(c, event('/gender', {}, 'POST'), resolve);
    await call(c, event('/gender', {}, 'POST'), resolve);
    expect(r.headers.get('etag')).toBeNull();
    expect(counter.calls).toBe(2);
  });
});
