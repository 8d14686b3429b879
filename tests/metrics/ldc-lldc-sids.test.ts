/**
 * LDC, LLDC and SIDS shares against the fixture (fixture.ts), worked out by hand. Ethiopia is the
 * fixture's one LDC and LLDC; no fixture country is a SIDS.
 *   2021 (source fixture, 60 records, every country known): ETH 5 -> 5/60 in ldc, lldc and the three
 *        together; sids 0/60.
 *   2019 (source fixture, 39 records: 38 with a country, 1 without): ETH 4 -> 4/38, below k = 5.
 */
import { describe, expect, it } from 'vitest';
import { fixtureDatabase } from './fixture-suite.ts';
import { computeMetric, parseMetricParams, type Row } from '../../src/lib/server/metrics/index.ts';

const db = fixtureDatabase();

const find = (rows: Row[], year: number, dimension: string, category: string) => {
  const found = rows.filter((r) => r.year === year && r.dimension === dimension && r.category === category);
  expect(found, `${year} ${dimension} ${category}`).toHaveLength(1);
  return found[0];
};

describe('ldc-lldc-sids', () => {
  it('2021: 5 of 60 attendees from an LDC (and LLDC), none from a SIDS, with Wilson intervals', async () => {
    const r = await computeMetric(db.conn, 'ldc-lldc-sids', parseMetricParams('ldc-lldc-sids', { source: 'fixture' }), { k: 5 });
    for (const [dimension, category] of [
      ['ldc', 'ldc'],
      ['lldc', 'lldc'],
      ['ldc_lldc_sids', 'ldc_lldc_sids']
    ]) {
      const row = find(r.rows, 2021, dimension, category);
      expect(row).toMatchObject({ kind: 'share', count: 5, denominator: 60, total: 60, coverage: 1, suppressed: false, low_n: false });
      expect(row.share).toBeCloseTo(1 / 12, 12);
      // Wilson 95 %: centre (p + z²/2n) / (1 + z²/n) = 0.108405, half-width 0.072284
      expect(row.ci_low).toBeCloseTo(0.036121, 5);
      expect(row.ci_high).toBeCloseTo(0.180689, 5);
      // no missing data: the bounds are the share
      expect(row.bound_low).toBeCloseTo(1 / 12, 12);
      expect(row.bound_high).toBeCloseTo(1 / 12, 12);
    }
    expect(find(r.rows, 2021, 'sids', 'sids')).toMatchObject({ count: 0, share: 0, denominator: 60 });
    expect(find(r.rows, 2021, 'sids', 'not_sids')).toMatchObject({ count: 60, share: 1 });
    expect(find(r.rows, 2021, 'ldc', 'unknown')).toMatchObject({ kind: 'excluded', count: 0 });
  });

  it('2019: the 4 Ethiopians are hidden (below k), with the other class as complement; the unknown cell of 1 is shown', async () => {
    const r = await computeMetric(db.conn, 'ldc-lldc-sids', parseMetricParams('ldc-lldc-sids', { source: 'fixture' }), { k: 5 });
    expect(find(r.rows, 2019, 'ldc', 'ldc')).toMatchObject({ count: null, share: null, suppressed: true });
    expect(find(r.rows, 2019, 'ldc', 'not_ldc')).toMatchObject({ count: null, share: null, suppressed: true });
    expect(find(r.rows, 2019, 'ldc', 'unknown')).toMatchObject({ kind: 'excluded', count: 1, suppressed: false });
    // no SIDS: a zero reveals no one; 0 / 38 shown
    expect(find(r.rows, 2019, 'sids', 'sids')).toMatchObject({ count: 0, share: 0, denominator: 38, total: 39, suppressed: false });
    // without suppression: 4 / 38, bounds 4/39 .. 5/39
    const open = await computeMetric(db.conn, 'ldc-lldc-sids', parseMetricParams('ldc-lldc-sids', { source: 'fixture' }), { k: 1 });
    const ldc = find(open.rows, 2019, 'ldc', 'ldc');
    expect(ldc).toMatchObject({ count: 4, denominator: 38, total: 39 });
    expect(ldc.share).toBeCloseTo(4 / 38, 12);
    expect(ldc.bound_low).toBeCloseTo(4 / 39, 12);
    expect(ldc.bound_high).toBeCloseTo(5 / 39, 12);
  });

  it('says which lists and date it uses', async () => {
    const r = await computeMetric(db.conn, 'ldc-lldc-sids', parseMetricParams('ldc-lldc-sids', {}), { k: 5 });
    expect(r.definition).toContain('UN-OHRLLS');
    expect(r.definition).toContain('2026-08-21');
    expect(r.columns.map((c) => c.name)).toContain('coverage');
  });
});
