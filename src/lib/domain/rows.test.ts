import { describe, expect, it } from 'vitest';
import { num } from './rows.ts';

describe('num', () => {
  it("is a cell's number, and null for everything that is not a finite number", () => {
    expect(num(0)).toBe(0);
    expect(num(0.25)).toBe(0.25);
    for (const v of [null, undefined, '3', true, Number.NaN, Number.POSITIVE_INFINITY]) expect(num(v)).toBeNull();
  });
});
