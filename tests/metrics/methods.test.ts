/** Effective number of groups and missing-data bounds, against hand-computed values. */
import { describe, expect, it } from 'vitest';
import { balanceRows, shareRows } from '../../src/lib/server/metrics/cells.ts';
import { finishShareRows } from '../../src/lib/server/metrics/share-rows.ts';

describe('effective number of groups (Hill number of order 2)', () => {
  it('1 / sum p^2 beside Pielou J and Blau', () => {
    // government 2, private 1, civil 1 (+ 0, 0) -> p = 1/2, 1/4, 1/4; sum p^2 = 3/8
    const cells = [
      { year: 2019, dimension: 'stakeholder_group', category: 'government', count: 2 },
      { year: 2019, dimension: 'stakeholder_group', category: 'private_sector', count: 1 },
      { year: 2019, dimension: 'stakeholder_group', category: 'civil_society', count: 1 },
      { year: 2019, dimension: 'stakeholder_group', category: 'unknown', count: 3 }
    ];
    const groups = { government: 'g', private_sector: 'p', civil_society: 'c', technical_community: 't', intergovernmental_organization: 'i' };
    const rows = balanceRows(shareRows(cells, 'stakeholder_group'), 'stakeholder_group', 'stakeholder_balance', groups);
    const v = (c: string) => rows.find((r) => r.category === c)!.value!;
    expect(v('effective_groups')).toBeCloseTo(8 / 3, 12); // 2.6667
    expect(v('blau_normalised')).toBeCloseTo((1 - 3 / 8) / (1 - 1 / 5), 12); // 0.78125
    expect(v('pielou_j')).toBeCloseTo(-(0.5 * Math.log(0.5) + 2 * 0.25 * Math.log(0.25)) / Math.log(5), 12); // 0.6460
    expect(rows.find((r) => r.category === 'effective_groups')).toMatchObject({ kind: 'index', denominator: 4, total: 7 });
    // five equal groups: 5; everyone in one: 1
    const even = ['government', 'private_sector', 'civil_society', 'technical_community', 'intergovernmental_organization'].map((category) => ({
      year: 2020, dimension: 'stakeholder_group', category, count: 7
    }));
    const e = (cs: typeof even) => balanceRows(shareRows(cs, 'stakeholder_group'), 'stakeholder_group', 'b', groups).find((r) => r.category === 'effective_groups')!.value;
    expect(e(even)).toBeCloseTo(5, 12);
    expect(e(even.slice(0, 1))).toBeCloseTo(1, 12);
  });
});

describe('missing-data bounds', () => {
  it('bound_low = n / (N + u), bound_high = (n + u) / (N + u)', () => {
    // south 3, north 5, unknown 2: N = 8, u = 2 -> south 3/10 .. 5/10 around 3/8
    const cells = [
      { year: 2019, dimension: 'global_south', definition: 'g77', category: 'global_south', count: 3 },
      { year: 2019, dimension: 'global_south', definition: 'g77', category: 'global_north', count: 5 },
      { year: 2019, dimension: 'global_south', definition: 'g77', category: 'unknown', count: 2 }
    ];
    const rows = finishShareRows(shareRows(cells, 'global_south'), { suppress: false, k: 5 });
    expect(rows[0]).toMatchObject({ share: 3 / 8, bound_low: 0.3, bound_high: 0.5 });
    expect(rows[1]).toMatchObject({ share: 5 / 8, bound_low: 0.5, bound_high: 0.7 });
    expect(rows[2]).toMatchObject({ kind: 'excluded', bound_low: null, bound_high: null });
  });

  it('gender: u = undisclosed + unknown; stakeholder other (a known value) is not in u', () => {
    const g = [
      { year: 2019, dimension: 'gender', category: 'female', count: 40 },
      { year: 2019, dimension: 'gender', category: 'male', count: 50 },
      { year: 2019, dimension: 'gender', category: 'other', count: 10 },
      { year: 2019, dimension: 'gender', category: 'undisclosed', count: 15 },
      { year: 2019, dimension: 'gender', category: 'unknown', count: 5 }
    ];
    const female = finishShareRows(shareRows(g, 'gender'), { suppress: true, k: 5 })[0];
    // N = 100, u = 20: 40/120 .. 60/120
    expect(female.bound_low).toBeCloseTo(1 / 3, 12);
    expect(female.bound_high).toBeCloseTo(0.5, 12);
    const s = [
      { year: 2019, dimension: 'stakeholder_group', category: 'government', count: 30 },
      { year: 2019, dimension: 'stakeholder_group', category: 'media', count: 10 },
      { year: 2019, dimension: 'stakeholder_group', category: 'other', count: 20 },
      { year: 2019, dimension: 'stakeholder_group', category: 'unknown', count: 10 }
    ];
    const gov = finishShareRows(shareRows(s, 'stakeholder_group'), { suppress: true, k: 5 })[0];
    // N = 40, u = 10: 30/50 .. 40/50
    expect(gov).toMatchObject({ share: 0.75, bound_low: 0.6, bound_high: 0.8 });
  });
});
