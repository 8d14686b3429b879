/**
 * Content negotiation and compression with node:zlib: brotli or gzip for the text formats (HTML,
 * JSON, CSV, SVG) when the client accepts them, nothing for formats that are compressed already or
 * binary (Arrow, Parquet, ZIP) and for bodies too small to gain.
 */
import { Readable, pipeline } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { promisify } from 'node:util';
import { brotliCompress, constants, createBrotliCompress, createGzip, gzip } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Bodies below this size are sent as they are (headers and framing would eat the gain). */
export const MIN_COMPRESS_BYTES = 1024;

/** Brotli quality 6 and gzip level 6: near the best ratio at a fraction of brotli 11's time. */
const BROTLI_QUALITY = 6;
const GZIP_LEVEL = 6;
/**
 * Brotli's best, for responses served again and again: about a fifth smaller than quality 6 on the
 * pages, at 0.3–0.5 s of a core per page instead of 5 ms, so it is only worth it for what is kept
 * and asked for repeatedly.
 */
export const BROTLI_BEST = 11;

const COMPRESSIBLE = /^(text\/html|text\/csv|text\/plain|application\/json|image\/svg\+xml)\s*(;|$)/i;

export function isCompressible(contentType: string | null): boolean {
  return contentType !== null && COMPRESSIBLE.test(contentType.trim());
}

/**
 * The encoding to send for an Accept-Encoding header: br before gzip when both are acceptable (q > 0),
 * else gzip, else none. `*` accepts both; `identity` alone, a missing header or q=0 mean none.
 */
export function chooseEncoding(acceptEncoding: string | null): Encoding | null {
  if (!acceptEncoding) return null;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    let weight = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p);
      if (m) weight = Number(m[1]);
    }
    q.set(name.trim(), Number.isFinite(weight) ? weight : 0);
  }
  const weight = (enc: Encoding) => q.get(enc) ?? (enc === 'gzip' ? q.get('x-gzip') : undefined) ?? q.get('*') ?? 0;
  const br = weight('br');
  const gzipWeight = weight('gzip');
  if (br > 0 && br >= gzipWeight) return 'br';
  if (gzipWeight > 0) return 'gzip';
  return null;
}

/** The body compressed with `encoding` (brotli at `quality`, default 6). */
export async function compress(body: Uint8Array, encoding: Encoding, quality = BROTLI_QUALITY): Promise<Uint8Array> {
  const out =
    encoding === 'br'
      ? await brotli(body, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: quality,
            [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT
          }
        })
      : await gz(body, { level: GZIP_LEVEL });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/**
 * A body compressed as it streams, for responses that are not kept because they say no-store.
 * Cancelling the result cancels the source.
 */
export function compressStream(body: ReadableStream<Uint8Array>, encoding: Encoding): ReadableStream<Uint8Array> {
  const z =
    encoding === 'br'
      ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } })
      : createGzip({ level: GZIP_LEVEL });
  pipeline(Readable.fromWeb(body as NodeReadableStream<Uint8Array>), z, () => {
    /* errors end the response; the client sees it cut short */
  });
  return Readable.toWeb(z) as unknown as ReadableStream<Uint8Array>;
}
