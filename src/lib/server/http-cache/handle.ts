/**
 * The response cache as a SvelteKit `handle`: every GET and HEAD the app answers (pages, their
 * __data.json, the API, the exports, the embeds) gets an ETag from the data version and the request
 * key, a Cache-Control, a 304 when If-None-Match names its tag, and a compressed body when the client
 * accepts one. Successful responses up to `maxEntryBytes` are kept in a byte-bounded LRU with their
 * compressed variants; identical requests that arrive while one is being computed wait for it.
 *
 * Not cached: anything but a plain 200 (errors and 503s included), responses that set cookies, are
 * already encoded, vary on a header other than Accept-Encoding or say no-store (but SvelteKit's
 * page data, see cacheable), and every request while the database is unavailable (no data version:
 * the request goes to the app untouched). Bodies
 * above `maxEntryBytes` (large exports) are streamed as they come, never buffered past that bound;
 * their tag is remembered so that a revalidation is still a 304.
 */
import type { Handle, RequestEvent } from '@sveltejs/kit';
import { ByteLru } from './lru.ts';
import { Coalescer } from './coalesce.ts';
import { entityTag, ifNoneMatch } from './etag.ts';
import { BROTLI_BEST, MIN_COMPRESS_BYTES, chooseEncoding, compress, compressStream, isCompressible, type Encoding } from './compress.ts';
import { requestKey } from './key.ts';
import { cacheControl, isPageData } from './policy.ts';
import { pageDataFailed } from './page-data.ts';

export interface HttpCacheOptions {
  /** Bytes the cache may hold; 0 switches storing and coalescing off (tags, 304s and compression stay). */
  maxBytes: number;
  /** The largest body kept; larger ones stream through. */
  maxEntryBytes: number;
  /** The data version of the database requests will read; throws when there is none (no database). */
  dataVersion: () => Promise<string>;
  now?: () => Date;
}

/** Headers a stored response does not keep: they are set per reply, or describe one computation. */
const PER_REPLY = new Set(['content-length', 'content-encoding', 'transfer-encoding', 'etag', 'cache-control', 'vary', 'date', 'connection', 'server-timing']);

interface Entry {
  key: string;
  etag: string;
  cacheControl: string;
  headers: [string, string][];
  /** null: too large to keep; the entry only answers revalidations. */
  body: Uint8Array | null;
  compressible: boolean;
  variants: Partial<Record<Encoding, Promise<Uint8Array | null>>>;
  sizes: Partial<Record<Encoding, number>>;
  /** The body and headers of a hit, per encoding, built once. */
  hits: Partial<Record<Encoding | 'identity', { body: Uint8Array; headers: [string, string][] }>>;
  /** Brotli replies from memory; the second one has the variant recompressed at brotli's best. */
  brotliHits: number;
}

type Captured = { entry: Entry; serverTiming: string | null } | { response: Response };

export interface HttpCache {
  handle: Handle;
  /** Bytes held and entries (for tests and monitoring). */
  stats(): { bytes: number; entries: number; inFlight: number };
}

function entryBytes(e: Entry): number {
  let n = 256 + e.key.length + e.etag.length + e.cacheControl.length;
  for (const [k, v] of e.headers) n += k.length + v.length + 16;
  n += e.body?.byteLength ?? 0;
  for (const size of Object.values(e.sizes)) n += size ?? 0;
  return n;
}

/**
 * Whether a response may be stored and tagged under the request key alone. SvelteKit marks its page
 * data `private, no-store` whatever the page; that is addressed to browsers and proxies (policy.ts
 * keeps it for them). Here page data is a function of the request key and the data version like
 * the page itself (no route reads cookies or other headers, key.ts), so it is kept: in-app
 * navigation, which fetches it, is then answered from memory too. Unless it reports a failed load,
 * which SvelteKit sends with a 200 (page-data.ts; checked once the body is read, in capture).
 */
function cacheable(res: Response, pageData: boolean): boolean {
  if (res.status !== 200) return false;
  if (res.headers.has('set-cookie') || res.headers.has('content-encoding')) return false;
  if (!pageData && /no-store|private/i.test(res.headers.get('cache-control') ?? '')) return false;
  const vary = res.headers.get('vary');
  if (vary && vary.split(',').some((h) => h.trim().toLowerCase() !== 'accept-encoding')) return false;
  return true;
}

function storedHeaders(res: Response): [string, string][] {
  const out: [string, string][] = [];
  res.headers.forEach((value, name) => {
    if (!PER_REPLY.has(name)) out.push([name, value]);
  });
  return out;
}

/** A stream of the chunks already read, then the rest of the reader. */
function rejoin(chunks: Uint8Array[], reader: ReadableStreamDefaultReader<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = chunks.shift();
      if (next) return controller.enqueue(next);
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    }
  });
}

/**
 * Stored bytes as a response body without the copy `new Response(bytes)` makes of them on every
 * reply (nothing downstream writes to a chunk it reads).
 */
function streamOf(body: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(body);
      controller.close();
    }
  });
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

export function createHttpCache(options: HttpCacheOptions): HttpCache {
  const now = options.now ?? (() => new Date());
  const store = options.maxBytes > 0 ? new ByteLru<Entry>(options.maxBytes) : null;
  const running = new Coalescer<Captured>();
  let lastVersion: string | null = null;

  function setValidators(headers: Headers, etag: string, cc: string, compressible: boolean): void {
    headers.set('etag', etag);
    headers.set('cache-control', cc);
    if (compressible) headers.set('vary', 'Accept-Encoding');
  }

  function notModified(etag: string, cc: string, compressible: boolean): Response {
    const headers = new Headers();
    setValidators(headers, etag, cc, compressible);
    return new Response(null, { status: 304, headers });
  }

  /** The body in `encoding`, compressed once per entry; null when compressing does not make it smaller. */
  function variant(entry: Entry, encoding: Encoding): Promise<Uint8Array | null> {
    const body = entry.body!;
    let pending = entry.variants[encoding];
    if (!pending) {
      pending = compress(body, encoding).then(
        (c) => {
          const kept = c.byteLength < body.byteLength ? c : null;
          entry.sizes[encoding] = kept?.byteLength ?? 0;
          // (unless it has been dropped, or replaced by a newer computation of the same key)
          if (store?.peek(entry.key) === entry) store.resize(entry.key, entryBytes(entry));
          return kept;
        },
        (e) => {
          console.error('http cache: compression failed:', e);
          return null;
        }
      );
      entry.variants[encoding] = pending;
    }
    return pending;
  }

  /** The body to send for an encoding and the headers that go with it. */
  async function representation(entry: Entry, encoding: Encoding | null): Promise<{ body: Uint8Array; headers: [string, string][] }> {
    const use = encoding && entry.compressible && entry.body!.byteLength >= MIN_COMPRESS_BYTES ? encoding : null;
    const built = entry.hits[use ?? 'identity'];
    if (built) return built;
    const compressed = use ? await variant(entry, use) : null;
    const body = compressed ?? entry.body!;
    const headers: [string, string][] = [...entry.headers, ['etag', entry.etag], ['cache-control', entry.cacheControl]];
    if (entry.compressible) headers.push(['vary', 'Accept-Encoding']);
    if (compressed) headers.push(['content-encoding', use!]);
    headers.push(['content-length', String(body.byteLength)]);
    const result = { body, headers };
    entry.hits[use ?? 'identity'] = result;
    return result;
  }

  /**
   * In the background, the brotli variant of a response asked for again recompressed at brotli's
   * best (on libuv's thread pool); replies switch to it when it is ready. Once per entry: a flood of
   * distinct addresses, each asked once, never triggers it.
   */
  function recompressBest(entry: Entry): void {
    const body = entry.body!;
    compress(body, 'br', BROTLI_BEST).then(
      async (best) => {
        const current = await entry.variants.br;
        if (!current || best.byteLength >= current.byteLength) return;
        entry.variants.br = Promise.resolve(best);
        entry.sizes.br = best.byteLength;
        delete entry.hits.br;
        if (store?.peek(entry.key) === entry) store.resize(entry.key, entryBytes(entry));
      },
      (e) => console.error('http cache: compression failed:', e)
    );
  }

  async function reply(entry: Entry, encoding: Encoding | null, head: boolean, state: string, serverTiming: string | null): Promise<Response> {
    const { body, headers } = await representation(entry, encoding);
    if (state === 'hit' && encoding === 'br' && entry.compressible && ++entry.brotliHits === 2 && entry.sizes.br) recompressBest(entry);
    const extra: [string, string][] = [['x-igf-cache', state]];
    if (serverTiming) extra.push(['server-timing', serverTiming]);
    return new Response(head ? null : streamOf(body), { status: 200, headers: [...headers, ...extra] });
  }

  /**
   * A response that is not kept: a 200 that may not be stored (it says no-store) is still
   * compressed, as it streams; large bodies streamed past the cache, and errors, go as they are.
   */
  function unkept(res: Response, encoding: Encoding | null): Response {
    if (!encoding || res.status !== 200 || !res.body || res.headers.has('content-encoding') || res.headers.get('x-igf-cache') === 'bypass') return res;
    if (!isCompressible(res.headers.get('content-type'))) return res;
    const headers = new Headers(res.headers);
    headers.delete('content-length');
    headers.set('content-encoding', encoding);
    const vary = headers.get('vary');
    headers.set('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    return new Response(compressStream(res.body, encoding), { status: 200, headers });
  }

  /** Read a response: a whole entry when it is cacheable and small enough, else the response to stream. */
  async function capture(res: Response, etag: string, cc: string, key: string, pageData: boolean): Promise<Captured> {
    if (!cacheable(res, pageData)) return { response: res };
    const compressible = isCompressible(res.headers.get('content-type'));
    const remember = () => {
      // too large to keep: remember the tag only, so that revalidations are answered without computing
      const tagOnly: Entry = { key, etag, cacheControl: cc, headers: [], body: null, compressible, variants: {}, sizes: {}, hits: {}, brotliHits: 0 };
      store?.set(key, tagOnly, entryBytes(tagOnly));
    };
    const stream = (body: ReadableStream<Uint8Array> | null) => {
      const headers = new Headers(res.headers);
      setValidators(headers, etag, cc, false);
      headers.set('x-igf-cache', 'bypass');
      return new Response(body, { status: 200, headers });
    };
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > options.maxEntryBytes) {
      remember();
      return { response: stream(res.body) };
    }
    const chunks: Uint8Array[] = [];
    let length = 0;
    if (res.body) {
      const reader = res.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        length += value.byteLength;
        if (length > options.maxEntryBytes) {
          remember();
          return { response: stream(rejoin(chunks, reader)) };
        }
      }
    }
    const body = concat(chunks, length);
    if (pageData && pageDataFailed(body)) return { response: new Response(streamOf(body), { status: res.status, headers: res.headers }) };
    const entry: Entry = {
      key,
      etag,
      cacheControl: cc,
      headers: storedHeaders(res),
      body,
      compressible,
      variants: {},
      sizes: {},
      hits: {},
      brotliHits: 0
    };
    store?.set(key, entry, entryBytes(entry));
    return { entry, serverTiming: res.headers.get('server-timing') };
  }

  const handle: Handle = async ({ event, resolve }) => {
    const { method, headers } = event.request;
    if (method !== 'GET' && method !== 'HEAD') return resolve(event);
    let version: string;
    try {
      version = await options.dataVersion();
    } catch {
      return resolve(event); // no database: the app answers its 503; nothing is tagged or kept
    }
    if (version !== lastVersion) {
      // a new database: what was kept for the old one is never served again, so free it now
      store?.clear();
      lastVersion = version;
    }
    // The URL as requested: SvelteKit's event.url has /__data.json and x-sveltekit-invalidated taken
    // off a page-data request, which would make it the page's key.
    const url = new URL(event.request.url);
    const request = requestKey({ url, now: now() });
    // Stored and coalesced per data version too: after a swap, no request meets an older entry.
    const key = `${version}\n${request}`;
    const hit = store?.get(key);
    const etag = hit?.etag ?? entityTag(version, request);
    const cc = hit?.cacheControl ?? cacheControl(url);
    const pageData = isPageData(url);
    const encoding = chooseEncoding(headers.get('accept-encoding'));
    const conditional = ifNoneMatch(headers.get('if-none-match'), etag);
    const head = method === 'HEAD';

    if (hit && conditional) return notModified(etag, cc, hit.compressible);
    if (hit?.body) return reply(hit, encoding, head, 'hit', null);

    if (head) {
      // A HEAD is computed but never stored: its body may be left out.
      const res = await resolve(event);
      if (!cacheable(res, pageData)) return res;
      // SvelteKit answers a HEAD with the GET's response: end its body (an export stream holds a
      // DuckDB connection and a temporary file until it is read or cancelled).
      await res.body?.cancel().catch(() => {});
      const out = new Response(null, { status: 200, headers: res.headers });
      setValidators(out.headers, etag, cc, isCompressible(res.headers.get('content-type')));
      return out;
    }

    const compute = async (e: RequestEvent) => capture(await resolve(e), etag, cc, key, pageData);
    let captured: Captured;
    let state = 'miss';
    if (store && !hit) {
      const { value, leader } = await running.run(key, () => compute(event));
      captured = value;
      if (!leader) {
        state = 'shared';
        if ('response' in captured) captured = await compute(event); // the leader's stream is its own
      }
    } else {
      captured = await compute(event);
    }
    if ('response' in captured) {
      const res = captured.response;
      if (conditional && res.headers.get('etag') === etag) {
        await res.body?.cancel().catch(() => {});
        return notModified(etag, cc, false);
      }
      return unkept(res, encoding);
    }
    if (conditional) return notModified(etag, cc, captured.entry.compressible);
    return reply(captured.entry, encoding, false, state, state === 'miss' ? captured.serverTiming : null);
  };

  return {
    handle,
    stats: () => ({ bytes: store?.bytes ?? 0, entries: store?.size ?? 0, inFlight: running.inFlight })
  };
}
