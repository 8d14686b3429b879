import { describe, expect, it } from 'vitest';
import { Coalescer } from './coalesce.ts';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('Coalescer', () => {
  it('runs one computation for concurrent callers of one key and gives all its value', async () => {
    const c = new Coalescer<number>();
    let computed = 0;
    const compute = async () => {
      computed++;
      await tick();
      return 42;
    };
    const results = await Promise.all(Array.from({ length: 10 }, () => c.run('k', compute)));
    expect(computed).toBe(1);
    expect(results.map((r) => r.value)).toEqual(Array(10).fill(42));
    expect(results.filter((r) => r.leader)).toHaveLength(1);
    expect(c.inFlight).toBe(0);
  });

  it('computes different keys separately, and a key again once its computation is done', async () => {
    const c = new Coalescer<string>();
    let computed = 0;
    const compute = (v: string) => async () => {
      computed++;
      await tick();
      return v;
    };
    const [a, b] = await Promise.all([c.run('a', compute('A')), c.run('b', compute('B'))]);
    expect([a.value, b.value, computed]).toEqual(['A', 'B', 2]);
    const again = await c.run('a', compute('A2'));
    expect([again.value, again.leader, computed]).toEqual(['A2', true, 3]);
  });

  it('gives every waiting caller the failure, then forgets it', async () => {
    const c = new Coalescer<number>();
    let computed = 0;
    const failing = async () => {
      computed++;
      await tick();
      throw new Error('boom');
    };
    const settled = await Promise.allSettled([c.run('k', failing), c.run('k', failing), c.run('k', failing)]);
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(computed).toBe(1);
    expect((await c.run('k', async () => 7)).value).toBe(7);
  });
});
