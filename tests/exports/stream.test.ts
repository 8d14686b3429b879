import { describe, expect, it } from 'vitest';
import { ascending } from '../../src/lib/server/exports/stream.ts';

describe('ascending (the proof that a batch came in rowid order)', () => {
  it('accepts strictly increasing rowids, gaps included', () => {
    expect(ascending('0,1,2,5,9')).toBe(true);
    expect(ascending('122880')).toBe(true);
  });
  it('refuses any step back, repeats, junk and missing lists', () => {
    expect(ascending('0,2,1')).toBe(false);
    expect(ascending('3,3')).toBe(false);
    expect(ascending('1,x')).toBe(false);
    expect(ascending('')).toBe(false);
    expect(ascending(null)).toBe(false);
  });
});
