import { describe, expect, it } from 'vitest';
import { coalesce } from '../../src/lib/server/exports/stream.ts';

const part = (bytes: number, fill: number) => new Uint8Array(bytes).fill(fill);

describe('coalesce (the Arrow writer’s parts as socket writes)', () => {
  it('merges runs of small parts and passes parts of 64 KiB or more on without copying', () => {
    const big = part(70_000, 2);
    const exact = part(65_536, 5);
    const parts = [part(10, 1), big, part(5, 3), part(5, 4), exact, part(3, 6)];
    const out = coalesce(parts);
    expect(out.map((p) => p.byteLength)).toEqual([10, 70_000, 10, 65_536, 3]);
    expect(out[1]).toBe(big);
    expect(out[3]).toBe(exact);
    expect(Array.from(out[2])).toEqual([3, 3, 3, 3, 3, 4, 4, 4, 4, 4]);
  });

  it('closes a run of small parts once it reaches 64 KiB, keeping every byte in order', () => {
    const parts = Array.from({ length: 5 }, (_, i) => part(30_000, i));
    const out = coalesce(parts);
    expect(out.map((p) => p.byteLength)).toEqual([90_000, 60_000]);
    expect(Buffer.concat(out)).toEqual(Buffer.concat(parts));
  });

  it('gives nothing for nothing', () => {
    expect(coalesce([])).toEqual([]);
  });
});
