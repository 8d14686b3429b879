import { describe, expect, it } from 'vitest';
import { headline, hostSplit } from './shape.ts';

const share = (year: number, count: number, denominator: number) => ({
  year,
  kind: 'share',
  dimension: 'global_south',
  definition: 'un_developing',
  category: 'global_south',
  count,
  denominator,
  share: count / denominator,
  coverage: 1,
  low_n: false,
  suppressed: false
});
const pick = { dimension: 'global_south', category: 'global_south', definition: 'un_developing' };

describe('host-effect split of a headline change', () => {
  // 2024 (a global-south host): 1,428 of 2,000 records from the global south, of them 800 from the
  // host country; without the host 628 of 1,200. 2025: 580 of 2,000, host 0 of them (a north host,
  // 600 of its records): without the host 580 of 1,400.
  // With the host: 0.29 − 0.714 = −0.424 (−42.4 pts).
  // Without: 580/1400 − 628/1200 = 0.414286 − 0.523333 = −0.109048 (−10.9 pts).
  // Host part: −0.424 − (−0.109048) = −0.314952 (−31.5 pts): the larger part, so it dominates.
  const withHost = headline('gs', [share(2024, 1428, 2000), share(2025, 580, 2000)], pick, 'percent', 2025);
  const withoutHost = headline('gs', [share(2024, 628, 1200), share(2025, 580, 1400)], pick, 'percent', 2025);

  it('splits the change into host and rest, by hand', () => {
    const s = hostSplit(withHost, withoutHost)!;
    expect(s.change).toBeCloseTo(-0.424, 6);
    expect(s.withoutHost).toBeCloseTo(-0.109048, 6);
    expect(s.host).toBeCloseTo(-0.314952, 6);
    expect(s.host + s.withoutHost).toBeCloseTo(s.change, 12);
    expect(s.dominates).toBe(true);
  });

  it('does not call a small host part dominant', () => {
    // 2024: 500 / 1000 with host, 450 / 900 without; 2025: 450 / 1000 with, 410 / 910 without.
    // With: −0.05. Without: 410/910 − 0.5 = 0.450549 − 0.5 = −0.049451. Host: −0.000549.
    const a = headline('gs', [share(2024, 500, 1000), share(2025, 450, 1000)], pick, 'percent', 2025);
    const b = headline('gs', [share(2024, 450, 900), share(2025, 410, 910)], pick, 'percent', 2025);
    const s = hostSplit(a, b)!;
    expect(s.withoutHost).toBeCloseTo(-0.049451, 6);
    expect(s.host).toBeCloseTo(-0.000549, 6);
    expect(s.dominates).toBe(false);
  });

  it('gives no split when a change is unknown or the years differ', () => {
    const suppressed = headline('gs', [{ ...share(2024, 1, 1), share: null, count: null, suppressed: true }, share(2025, 580, 1400)], pick, 'percent', 2025);
    expect(hostSplit(withHost, suppressed)).toBeNull();
    const other = headline('gs', [share(2023, 628, 1200), share(2025, 580, 1400)], pick, 'percent', 2025);
    expect(hostSplit(withHost, other)).toBeNull();
    expect(hostSplit(withHost, null)).toBeNull();
  });
});
