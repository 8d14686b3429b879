import { describe, expect, it } from 'vitest';
import type { Row } from '../common.ts';
import {
  breakClass,
  breakLabels,
  countBreaks,
  mapData,
  mapSummary,
  mapTable,
  shapeStatus,
  shapeTip,
  shownCounts,
  unmappedNames
} from './shape.ts';

const base = { year: 2019, denominator: null, total: 40, coverage: null, low_n: false, host_iso3: 'DEU', host_m49: '276' };
const share = (iso3: string, m49: string | null, count: number | null, name = iso3): Row => ({
  ...base,
  kind: 'share',
  category: iso3,
  iso3,
  m49,
  country: name,
  count,
  share: null,
  ci_low: null,
  ci_high: null,
  suppressed: true
});

/** The countries metric's 2019 attendee rows of the test fixture at k = 5 (see tests/metrics/country-counts.test.ts). */
const ROWS_2019: Row[] = [
  share('CHN', '156', 5),
  share('DEU', '276', 12, 'Germany'),
  share('ETH', '231', null),
  share('HKG', '344', null, 'Hong Kong'),
  share('KOR', '410', 5),
  share('MEX', '484', null),
  share('POL', '616', null),
  share('USA', '840', 6),
  { ...base, kind: 'excluded', category: 'unknown', iso3: null, m49: null, country: null, count: null, share: null, suppressed: true },
  { ...share('DEU', '276', 8), year: 2021 }
];

describe('mapData', () => {
  const map = mapData(ROWS_2019, 2019, ['HKG']);

  it('keeps the year, largest count first, suppressed countries after by name', () => {
    expect(map.countries.map((c) => c.iso3)).toEqual(['DEU', 'USA', 'CHN', 'KOR', 'ETH', 'HKG', 'MEX', 'POL']);
    expect(map.countries[0]).toMatchObject({ name: 'Germany', count: 12, host: true, onMap: true, suppressed: false });
    expect(map.countries.find((c) => c.iso3 === 'HKG')).toMatchObject({ count: null, suppressed: true, onMap: false });
    expect(map).toMatchObject({ year: 2019, total: 40, hostIso3: 'DEU', hostM49: '276', unknown: { count: null, suppressed: true } });
  });

  it('counts in colour are the shown ones only: a suppressed count is never a zero', () => {
    expect(shownCounts(map)).toEqual([12, 6, 5, 5]);
  });

  it('a year without rows is empty', () => {
    const empty = mapData(ROWS_2019, 2030);
    expect(empty.countries).toEqual([]);
    expect(mapSummary(empty)).toBe('no participant with a known country');
  });
});

describe('colour classes', () => {
  it('1-2-5 breaks between the smallest and largest count', () => {
    // 5 .. 12: the round numbers above 5 and up to 12 are 10
    expect(countBreaks([12, 6, 5, 5])).toEqual([10]);
    expect(breakLabels([12, 6, 5, 5], [10])).toEqual(['5–9', '10–12']);
    // 5 .. 812: 10 20 50 100 200 500 is six, more than five; 1-3 gives 10 30 100 300
    expect(countBreaks([5, 812])).toEqual([10, 30, 100, 300]);
    expect(breakLabels([5, 812], [10, 30, 100, 300])).toEqual(['5–9', '10–29', '30–99', '100–299', '300–812']);
    // 5 .. 40,000: 1-3 gives seven; powers of ten 10 100 1,000 10,000
    expect(countBreaks([5, 40_000])).toEqual([10, 100, 1000, 10_000]);
  });

  it('one count or none: a single class', () => {
    expect(countBreaks([7, 7])).toEqual([]);
    expect(breakLabels([7, 7], [])).toEqual(['7']);
    expect(countBreaks([])).toEqual([]);
    expect(breakLabels([], [])).toEqual([]);
  });

  it('a count at a break belongs to the class above it', () => {
    expect([5, 9, 10, 29, 30, 812].map((c) => breakClass(c, [10, 30, 100, 300]))).toEqual([0, 0, 1, 1, 2, 4]);
  });
});

describe('shapes', () => {
  const map = mapData(ROWS_2019, 2019, ['HKG']);
  const byM49 = (m49: string) => map.countries.find((c) => c.m49 === m49);

  it('filled, hatched, empty, host left out, or without a code', () => {
    expect(shapeStatus(byM49('276'), '276', '276', false)).toBe('count');
    expect(shapeStatus(byM49('231'), '231', '276', false)).toBe('suppressed');
    expect(shapeStatus(undefined, '250', '276', false)).toBe('none');
    expect(shapeStatus(undefined, '276', '276', true)).toBe('host_excluded');
    expect(shapeStatus(undefined, undefined, '276', false)).toBe('unmatched');
  });

  it('tooltips say suppressed, never zero', () => {
    expect(shapeTip('Germany', 'count', byM49('276'), 5)).toBe('Germany: 12');
    expect(shapeTip('ETH', 'suppressed', byM49('231'), 5)).toBe('ETH: suppressed (under 5 records, or protecting such a count)');
    expect(shapeTip('France', 'none', undefined, 5)).toBe('France: no participants');
    const withShare = { ...byM49('276')!, share: 12 / 38 };
    expect(shapeTip('Germany', 'count', withShare, 5)).toBe('Germany: 12 (31.6%)');
  });
});

describe('table and text', () => {
  const map = mapData(ROWS_2019, 2019, ['HKG']);

  it('one row per country, then the unknown records; notes for host and missing shapes', () => {
    const rows = mapTable(map);
    expect(rows).toHaveLength(9);
    expect(rows[0]).toMatchObject({ country: 'Germany', count: '12', share: 'suppressed', note: 'host country' });
    expect(rows.find((r) => r.iso3 === 'HKG')).toMatchObject({ count: 'suppressed', note: 'not on the map' });
    expect(rows.at(-1)).toMatchObject({ country: 'Country unknown', count: 'suppressed' });
  });

  it('lists the countries without a shape, and sums up for the alt text', () => {
    expect(unmappedNames(map)).toEqual(['Hong Kong']);
    expect(mapSummary(map)).toBe(
      '8 countries or territories with participants, 4 of them with a suppressed count; the most from Germany (12), USA (6) and CHN (5)'
    );
  });
});
