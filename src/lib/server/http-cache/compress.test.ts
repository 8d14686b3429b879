import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chooseEncoding, compress, isCompressible } from './compress.ts';

describe('chooseEncoding', () => {
  it.each([
    [null, null],
    ['', null],
    ['identity', null],
    ['gzip', 'gzip'],
    ['gzip, deflate', 'gzip'],
    ['gzip, deflate, br', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0.5, gzip;q=0.8', 'gzip'],
    ['br;q=0.8, gzip;q=0.8', 'br'],
    ['GZIP;Q=1', 'gzip'],
    ['*', 'br'],
    ['*;q=0', null],
    ['gzip;q=0, *', 'br'],
    ['deflate', null]
  ])('%s -> %s', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });
});

describe('isCompressible', () => {
  it.each([
    ['text/html; charset=utf-8', true],
    ['application/json; charset=utf-8', true],
    ['text/csv; charset=utf-8', true],
    ['image/svg+xml', true],
    ['application/vnd.apache.arrow.file', false],
    ['application/vnd.apache.parquet', false],
    ['application/zip', false],
    ['application/jsonp', false],
    [null, false]
  ])('%s -> %s', (type, expected) => {
    expect(isCompressible(type)).toBe(expected);
  });
});

describe('compress', () => {
  const body = new TextEncoder().encode('year,category,count\r\n'.repeat(500));
  it('brotli and gzip decompress to the same bytes, and are smaller', async () => {
    const br = await compress(body, 'br');
    const gz = await compress(body, 'gzip');
    expect(Buffer.from(brotliDecompressSync(br)).equals(Buffer.from(body))).toBe(true);
    expect(Buffer.from(gunzipSync(gz)).equals(Buffer.from(body))).toBe(true);
    expect(br.byteLength).toBeLessThan(body.byteLength / 20);
    expect(gz.byteLength).toBeLessThan(body.byteLength / 20);
  });
});
