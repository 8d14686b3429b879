/** Distance to a target: the target of each row and the gap in percentage points, against hand-computed values. */
import { describe, expect, it } from 'vitest';
import { fixtureDatabase } from './fixture-suite.ts';
import { computeMetric, parseMetricParams, ParamError, type Row } from '../../src/lib/server/metrics/index.ts';
import { EQUAL_TARGETS, addTargets, gapPoints, targetFor } from '../../src/lib/server/metrics/targets.ts';

describe('targetFor and gapPoints', () => {
  it('a numeric target applies to every share row, as a fraction', () => {
    expect(targetFor(50, 'share', 'gender', 'female')).toBe(0.5);
    expect(targetFor(33.3, 'share', 'stakeholder_group', 'media')).toBeCloseTo(0.333, 12);
    expect(targetFor(50, 'excluded', 'gender', 'unknown')).toBeNull();
    expect(targetFor(50, 'index', 'stakeholder_balance', 'effective_groups')).toBeNull();
    expect(targetFor(null, 'share', 'gender', 'female')).toBeNull();
  });

  it('equal: parity for women and men, a fifth per regional group, none for catch-all categories', () => {
    expect(targetFor('equal', 'share', 'gender', 'female')).toBe(0.5);
    expect(targetFor('equal', 'share', 'gender', 'other')).toBeNull();
    expect(targetFor('equal', 'share', 'un_regional_group', 'grulac')).toBe(0.2);
    expect(targetFor('equal', 'share', 'un_regional_group', 'no_group')).toBeNull();
    expect(targetFor('equal', 'share', 'stakeholder_group', 'media')).toBeCloseTo(1 / 7, 15);
    expect(targetFor('equal', 'share', 'host', 'host_country')).toBeNull();
    // the equal shares of a breakdown add up to 1
    for (const [d, t] of Object.entries(EQUAL_TARGETS)) expect(Object.values(t).reduce((s, x) => s + x, 0), d).toBeCloseTo(1, 12);
  });

  it('gap = 100 × (share − target), null when either is missing (a hidden share stays hidden)', () => {
    expect(gapPoints(0.4, 0.5)).toBeCloseTo(-10, 12);
    expect(gapPoints(32 / 60, 0.5)).toBeCloseTo(10 / 3, 12); // 53.33 % against 50 %: +3.33 points
    expect(gapPoints(null, 0.5)).toBeNull();
    expect(gapPoints(0.4, null)).toBeNull();
    const rows: Row[] = [{ kind: 'share', dimension: 'gender', category: 'female', share: null, suppressed: true }];
    expect(addTargets(rows, { target: 50 })[0]).toMatchObject({ target: 0.5, gap_pts: null });
  });

  it('the parameter: a percent from 0 to 100 or equal; share metrics only', () => {
    expect(parseMetricParams('gender', { target: '50' }).target).toBe(50);
    expect(parseMetricParams('regions', { target: 'equal' }).target).toBe('equal');
    expect(parseMetricParams('global-south', { target: '33.3' }).target).toBe(33.3);
    expect(parseMetricParams('gender', {}).target).toBeNull();
    for (const bad of ['150', '-1', 'half', '1e2']) expect(() => parseMetricParams('gender', { target: bad })).toThrow(ParamError);
    expect(() => parseMetricParams('sessions', { target: '50' })).toThrow(ParamError);
    expect(() => parseMetricParams('countries', { target: '50' })).toThrow(ParamError);
  });
});

describe('target columns in the responses (fixture, source fixture, 2021: 60 attendees, every cell >= 5)', () => {
  const db = fixtureDatabase();
  const at = (rows: Row[], dimension: string, category: string) => rows.find((r) => r.year === 2021 && r.dimension === dimension && r.category === category)!;

  it('gender, target 50: women 32 of 60 = 53.33 %, +3.33 points; men 28 of 60, −3.33', async () => {
    const r = await computeMetric(db.conn, 'gender', parseMetricParams('gender', { source: 'fixture', target: '50' }), { k: 5 });
    expect(r.columns.slice(-2).map((c) => c.name)).toEqual(['target', 'gap_pts']);
    expect(at(r.rows, 'gender', 'female')).toMatchObject({ count: 32, denominator: 60, target: 0.5 });
    expect(at(r.rows, 'gender', 'female').gap_pts).toBeCloseTo(10 / 3, 10);
    expect(at(r.rows, 'gender', 'male').gap_pts).toBeCloseTo(-10 / 3, 10);
    expect(at(r.rows, 'gender', 'unknown')).toMatchObject({ kind: 'excluded', target: null, gap_pts: null });
    expect(r.definition).toContain('gap_pts = 100 × (share − target)');
  });

  it('regions, target equal: each of the five groups against 20 %', async () => {
    const r = await computeMetric(db.conn, 'regions', parseMetricParams('regions', { source: 'fixture', target: 'equal' }), { k: 5 });
    // African 5 (ETH), Asia-Pacific 10 (KOR, CHN), Eastern European 15 (POL), GRULAC 17 (BRA 7, VEN 5, MEX 5), WEOG 13 (DEU 8, USA 5)
    const expected: [string, number][] = [
      ['african', 100 * (5 / 60 - 0.2)], // −11.67
      ['asia_pacific', 100 * (10 / 60 - 0.2)], // −3.33
      ['eastern_european', 100 * (15 / 60 - 0.2)], // +5.00
      ['grulac', 100 * (17 / 60 - 0.2)], // +8.33
      ['weog', 100 * (13 / 60 - 0.2)] // +1.67
    ];
    for (const [group, gap] of expected) {
      expect(at(r.rows, 'un_regional_group', group).target, group).toBe(0.2);
      expect(at(r.rows, 'un_regional_group', group).gap_pts, group).toBeCloseTo(gap, 10);
    }
    expect(at(r.rows, 'un_regional_group', 'no_group')).toMatchObject({ target: null, gap_pts: null });
  });

  it('without a target the columns and rows are as before', async () => {
    const r = await computeMetric(db.conn, 'gender', parseMetricParams('gender', { source: 'fixture' }), { k: 5 });
    expect(r.columns.map((c) => c.name)).not.toContain('gap_pts');
    expect(Object.keys(r.rows[0])).not.toContain('target');
  });
});
