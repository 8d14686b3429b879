import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, filterQuery, parseFilters, resolveYears } from './filters.ts';

describe('filters', () => {
  it('defaults for an empty query, and an empty query string back', () => {
    const { filters, invalid } = parseFilters(new URLSearchParams());
    expect(filters).toEqual(DEFAULT_FILTERS);
    expect(invalid).toEqual([]);
    expect(filterQuery(filters)).toBe('');
  });

  it('round-trips every filter through the query string', () => {
    const q = '?from=2010&to=2020&year=2015&population=speakers&mode=online&definition=g77&exclude_host=true&target=40&q=ai&sort=speakers&dir=desc';
    const { filters, invalid } = parseFilters(new URLSearchParams(q));
    expect(invalid).toEqual([]);
    expect(filterQuery(filters)).toBe(q);
  });

  it('invalid values fall back to defaults and are reported', () => {
    const { filters, invalid } = parseFilters(new URLSearchParams('year=20x5&mode=both&target=150&exclude_host=yes&from=2020&to=2010'));
    expect(filters.year).toBeNull();
    expect(filters.mode).toBe('all');
    expect(filters.target).toBe(50);
    expect(filters.exclude_host).toBe(false);
    expect([filters.from, filters.to]).toEqual([null, null]);
    expect(invalid.map((i) => i.name)).toEqual(['year', 'mode', 'exclude_host', 'target', 'from']);
  });

  it('a year outside the data falls back to the latest; the range clips the years', () => {
    const f = parseFilters(new URLSearchParams('year=1999&from=2019')).filters;
    const r = resolveYears(f, [2021, 2019, 2020, 2018]);
    expect(r.year).toBe(2021);
    expect(r.years).toEqual([2019, 2020, 2021]);
    expect(r.invalid).toHaveLength(1);
  });
});
