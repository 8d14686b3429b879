import { describe, expect, it } from 'vitest';
import { ByteLru } from './lru.ts';

describe('ByteLru', () => {
  it('drops the least recently used values until the bytes fit', () => {
    const lru = new ByteLru<string>(100);
    lru.set('a', 'A', 40);
    lru.set('b', 'B', 40);
    expect(lru.get('a')).toBe('A'); // a is now the most recent: b goes first
    lru.set('c', 'C', 40); // 120 > 100
    expect(lru.has('b')).toBe(false);
    expect(lru.has('a')).toBe(true);
    expect(lru.has('c')).toBe(true);
    expect(lru.bytes).toBe(80);
    expect(lru.size).toBe(2);
  });

  it('does not store a value larger than the bound, and replacing a key counts it once', () => {
    const lru = new ByteLru<string>(100);
    expect(lru.set('big', 'X', 101)).toBe(false);
    expect(lru.bytes).toBe(0);
    lru.set('a', 'A1', 30);
    lru.set('a', 'A2', 50);
    expect(lru.bytes).toBe(50);
    expect(lru.get('a')).toBe('A2');
  });

  it('resize grows a value in place and evicts others, never the resized one while it fits', () => {
    const lru = new ByteLru<string>(100);
    lru.set('a', 'A', 30);
    lru.set('b', 'B', 30);
    lru.set('c', 'C', 30);
    lru.resize('a', 60); // 60 + 30 + 30 = 120: b (the oldest but a) goes
    expect([lru.has('a'), lru.has('b'), lru.has('c')]).toEqual([true, false, true]);
    expect(lru.bytes).toBe(90);
    lru.resize('a', 150); // larger than the bound: dropped
    expect(lru.has('a')).toBe(false);
    expect(lru.bytes).toBe(30);
  });

  it('peek does not change the order of eviction', () => {
    const lru = new ByteLru<string>(100);
    lru.set('a', 'A', 50);
    lru.set('b', 'B', 50);
    expect(lru.peek('a')).toBe('A');
    lru.set('c', 'C', 50); // a is still the least recently used
    expect([lru.has('a'), lru.has('b'), lru.has('c')]).toEqual([false, true, true]);
    expect(lru.peek('a')).toBeUndefined();
  });

  it('stays within the bound under 10,000 distinct keys', () => {
    const lru = new ByteLru<number>(1000);
    for (let i = 0; i < 10_000; i++) {
      lru.set(`/gender?x=${i}`, i, 70);
      expect(lru.bytes).toBeLessThanOrEqual(1000);
    }
    expect(lru.size).toBe(14); // floor(1000 / 70)
    expect(lru.has('/gender?x=9999')).toBe(true);
    expect(lru.has('/gender?x=9985')).toBe(false);
  });
});
