import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { entityTag, ifNoneMatch } from './etag.ts';

describe('entityTag', () => {
  it('is the version prefix and a hash of the key, weak', () => {
    const key = 'http://x/gender?from=2019\nday=2026-11-30';
    const h = createHash('sha256').update(key).digest('hex').slice(0, 16);
    expect(entityTag('0123456789abcdef0123', key)).toBe(`W/"0123456789abcdef-${h}"`);
  });

  it('changes with the data version and with the request', () => {
    const t = entityTag('aaaaaaaaaaaaaaaa', 'k');
    expect(entityTag('bbbbbbbbbbbbbbbb', 'k')).not.toBe(t);
    expect(entityTag('aaaaaaaaaaaaaaaa', 'k2')).not.toBe(t);
    expect(entityTag('aaaaaaaaaaaaaaaa', 'k')).toBe(t);
  });
});

describe('ifNoneMatch', () => {
  const tag = 'W/"abc-123"';
  it.each([
    [null, false],
    ['', false],
    ['W/"abc-123"', true],
    ['"abc-123"', true], // weak comparison ignores W/
    ['"other", W/"abc-123"', true],
    ['"other"', false],
    ['*', true],
    ['W/"abc-1234"', false]
  ])('%s -> %s', (header, expected) => {
    expect(ifNoneMatch(header, tag)).toBe(expected);
  });
});
