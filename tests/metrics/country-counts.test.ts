/**
 * The countries metric (participants per country and year) against the hand-built fixture
 * (fixture.ts); the arithmetic is written out beside each expectation.
 *
 * Attendees 2019, 40 records: DEU 12 (a 6 + b 6), USA 6, CHN 5, KOR 5, ETH 4, MEX 3 (g 2 + h 1),
 *   HKG 2, POL 1, no country 2 (k, l)  ->  D = 38 with a known country, T = 40.
 * Attendees 2021, 60 records: POL 15 (10 + 5), DEU 8, BRA 7, VEN, ETH, KOR, CHN, USA, MEX 5 each
 *   ->  D = T = 60. Host: 2019 DEU (M49 276), 2021 POL (M49 616).
 */
import { describe, expect, it } from 'vitest';
import { fixtureDatabase } from './fixture-suite.ts';
import { PUBLISHED_SOURCE_URL } from './fixture.ts';
import { computeMetric, parseMetricParams, type MetricResult, type Row } from '../../src/lib/server/metrics/index.ts';
import { wilson } from '../../src/lib/server/metrics/wilson.ts';

const db = fixtureDatabase();

const countries = (query: Record<string, string> = {}, k = 5): Promise<MetricResult> =>
  computeMetric(db.conn, 'countries', parseMetricParams('countries', query), { k });

function byCategory(rows: Row[], year: number): Map<string, Row> {
  return new Map(rows.filter((r) => r.year === year).map((r) => [String(r.category), r]));
}

describe('countries', () => {
  it('2021 attendees: one row per country in ISO3 order, then unknown; shares of 60', async () => {
    const r = await countries();
    const rows = r.rows.filter((x) => x.year === 2021);
    expect(rows.map((x) => x.category)).toEqual(['BRA', 'CHN', 'DEU', 'ETH', 'KOR', 'MEX', 'POL', 'USA', 'VEN', 'unknown']);
    const pol = byCategory(r.rows, 2021).get('POL')!;
    // 15 / 60 = 0.25, every record has a country: coverage 60 / 60 = 1; 60 >= 30: not low_n
    const ci = wilson(15, 60)!;
    expect(pol).toMatchObject({
      kind: 'share',
      iso3: 'POL',
      m49: '616',
      country: 'POL', // the fixture names countries by their code
      count: 15,
      denominator: 60,
      total: 60,
      share: 0.25,
      coverage: 1,
      low_n: false,
      suppressed: false,
      host_iso3: 'POL',
      host_m49: '616'
    });
    expect(pol.ci_low).toBeCloseTo(ci.low, 12);
    expect(pol.ci_high).toBeCloseTo(ci.high, 12);
    // BRA's M49 code keeps its leading zero, as the world-atlas ids do
    expect(byCategory(r.rows, 2021).get('BRA')).toMatchObject({ m49: '076', count: 7, share: 7 / 60 });
    expect(byCategory(r.rows, 2021).get('unknown')).toMatchObject({ kind: 'excluded', iso3: null, m49: null, count: 0, share: null });
    expect(r.columns.map((c) => c.name)).toEqual([
      'year', 'kind', 'category', 'iso3', 'm49', 'country', 'count', 'denominator', 'total', 'share',
      'ci_low', 'ci_high', 'coverage', 'bound_low', 'bound_high', 'low_n', 'suppressed', 'host_iso3', 'host_m49'
    ]);
    expect(r.synthetic).toBe(true); // record l of 2019 is synthetic
  });

  it('exclude_host: the host drops out of the rows but stays named as host', async () => {
    const rows = byCategory((await countries({ exclude_host: 'true' })).rows, 2021);
    expect(rows.has('POL')).toBe(false);
    // 60 - 15 (POL) = 45 records; DEU 8 / 45
    expect(rows.get('DEU')).toMatchObject({ count: 8, denominator: 45, total: 45, share: 8 / 45, host_iso3: 'POL', host_m49: '616' });
  });

  it('2019 attendees, k = 5: small countries suppressed, never shown as zero; the small unknown is shown', async () => {
    const rows = byCategory((await countries()).rows, 2019);
    // primary: ETH 4, MEX 3, HKG 2, POL 1 (inside D: four hidden, so no complement is needed)
    for (const c of ['ETH', 'MEX', 'HKG', 'POL']) {
      expect(rows.get(c), c).toMatchObject({ count: null, share: null, ci_low: null, ci_high: null, bound_low: null, suppressed: true });
    }
    // unknown 2 is missing data: shown, and it hides nothing (it used to hide D as T - D)
    expect(rows.get('unknown')).toMatchObject({ count: 2, suppressed: false });
    const deu = rows.get('DEU')!;
    expect(deu).toMatchObject({ count: 12, denominator: 38, share: 12 / 38, coverage: 0.95, total: 40, suppressed: false });
    // bounds with u = 2: 12 / 40 and 14 / 40
    expect(deu.bound_low).toBeCloseTo(12 / 40, 12);
    expect(deu.bound_high).toBeCloseTo(14 / 40, 12);
    expect(rows.get('USA')).toMatchObject({ count: 6, denominator: 38 });
    expect(rows.get('CHN')?.count).toBe(5);
    expect(rows.get('KOR')?.count).toBe(5);
    expect(rows.get('HKG')).toMatchObject({ m49: '344', host_iso3: 'DEU', host_m49: '276' });
  });

  it('2019 attendees without suppression: D = 38, coverage 38 / 40', async () => {
    const rows = byCategory((await countries({}, 1)).rows, 2019);
    expect(rows.get('DEU')).toMatchObject({ count: 12, denominator: 38, total: 40, share: 12 / 38, coverage: 0.95, suppressed: false });
    expect(rows.get('HKG')).toMatchObject({ count: 2, share: 2 / 38 });
    expect(rows.get('unknown')).toMatchObject({ kind: 'excluded', count: 2, share: null, coverage: 0.95 });
  });

  it('secondary suppression inside D: 2019 onsite, k = 2', async () => {
    // onsite: DEU 12 (a, b), CHN 5 (d), ETH 4 (f), MEX 1 (h), unknown 1 (k); T = 23, D = 22.
    // primary (1 <= count < 2): MEX only (unknown is missing data). MEX is the one hidden cell of D,
    // so the smallest other non-zero cell of D, ETH 4, goes too. D stays.
    const rows = byCategory((await countries({ mode: 'onsite' }, 2)).rows, 2019);
    expect(rows.get('MEX')?.count).toBeNull();
    expect(rows.get('ETH')).toMatchObject({ count: null, suppressed: true });
    expect(rows.get('unknown')).toMatchObject({ count: 1, suppressed: false });
    expect(rows.get('DEU')).toMatchObject({ count: 12, denominator: 22, total: 23 });
    expect(rows.get('CHN')?.count).toBe(5);
  });

  it('a lone small unknown outside D hides nothing: 2019 online, k = 2', async () => {
    // online: USA 6 (c), KOR 5 (e), MEX 2 (g), HKG 2 (i), unknown 1 (l); T = 16, D = 15.
    // Before, unknown 1 hid D and then HKG; now no cell of a real attribute is below 2.
    const rows = byCategory((await countries({ mode: 'online' }, 2)).rows, 2019);
    expect([...rows.values()].some((x) => x.suppressed)).toBe(false);
    expect(rows.get('unknown')?.count).toBe(1);
    expect(rows.get('HKG')).toMatchObject({ count: 2, denominator: 15, share: 2 / 15 });
  });

  it('speakers are public: no suppression; one record per person per session', async () => {
    const r = await countries({ population: 'speakers', to: '2019' });
    expect(r.suppression.applied).toBe(false);
    const rows = byCategory(r.rows, 2019);
    // DEU: Ann (S1), Dan (S2), Ann again (S4) = 3; USA: Bob (S1, twice), Jo (S4) = 2;
    // CHN, POL, HKG, ETH, MEX 1 each; one nameless speaker without a country. T = 11, D = 10.
    expect(rows.get('DEU')).toMatchObject({ count: 3, denominator: 10, total: 11, share: 0.3, low_n: true, suppressed: false });
    const ci = wilson(3, 10)!;
    expect(rows.get('DEU')?.ci_low).toBeCloseTo(ci.low, 12);
    expect(rows.get('POL')).toMatchObject({ count: 1, share: 0.1, suppressed: false });
    expect(rows.get('unknown')).toMatchObject({ count: 1, suppressed: false });
    expect([...rows.values()].some((x) => x.suppressed)).toBe(false);
    expect(r.rows.every((x) => x.year === 2019)).toBe(true);
  });

  it('refuses the row filters of the breakdowns and speaker-only session types for attendees', () => {
    expect(() => parseMetricParams('countries', { dimension: 'country' })).toThrow(/does not apply/);
    expect(() => parseMetricParams('countries', { session_type: 'workshop' })).toThrow(/population=speakers/);
  });
});

describe('published figures carry their source and quote', () => {
  it('every row has source_url, source_title and the quote, after the computed columns', async () => {
    const r = await computeMetric(db.conn, 'published', parseMetricParams('published', {}), { k: 5 });
    expect(r.columns.map((c) => c.name).slice(-3)).toEqual(['source_title', 'source_url', 'quote']);
    expect(r.rows).toHaveLength(8);
    for (const row of r.rows) {
      // the fixture's shares have no title, as many real figures have none
      const title = row.unit === 'percent' ? null : 'Fixture source';
      expect(row).toMatchObject({ source_url: PUBLISHED_SOURCE_URL, source_title: title, quote: 'a quote' });
    }
  });
});
