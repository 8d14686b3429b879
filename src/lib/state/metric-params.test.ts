/**
 * Pages hand the metric layer typed parameters (metricParams) instead of a query string it parses
 * again: for every metric, filter state and override, they are what the API's parser makes of the
 * same request (metricQuery's strings through parseMetricParams).
 */
import { describe, expect, it } from 'vitest';
import { METRICS } from '$lib/domain/metrics.ts';
import { parseMetricParams } from '$lib/server/metrics/params.ts';
import { DEFAULT_FILTERS, filtersOf, type Filters } from './filters.ts';
import { metricParams, metricQuery, type Overrides } from './metrics.server.ts';

const FILTERS: Filters[] = [
  DEFAULT_FILTERS,
  { ...DEFAULT_FILTERS, source: 'demo', population: 'speakers', mode: 'online', definition: 'g77', exclude_host: true, from: 2010, to: 2015, year: 2012 },
  { ...DEFAULT_FILTERS, source: 'public_session_pages', mode: 'onsite', definition: 'regional_groups' }
];
const OVERRIDES: Overrides[] = [{}, { population: 'attendees' }, { population: 'speakers', source: 'public_session_pages' }, { level: 'session' }];

describe('metricParams', () => {
  for (const metric of METRICS) {
    it(`${metric}: the typed parameters equal the parsed query`, () => {
      for (const f of FILTERS) {
        for (const o of OVERRIDES) {
          if (o.level && metric !== 'sessions') continue;
          expect(metricParams(metric, f, o)).toEqual(parseMetricParams(metric, metricQuery(metric, f, o)));
        }
      }
    });
  }
  it("global-south: definition 'all'", () => {
    expect(metricParams('global-south', DEFAULT_FILTERS, { definition: 'all' })).toEqual(
      parseMetricParams('global-south', metricQuery('global-south', DEFAULT_FILTERS, { definition: 'all' }))
    );
  });
});

describe('filtersOf', () => {
  it('parses a URL once and returns the same result', () => {
    const url = new URL('http://x/gender?year=2019&mode=bogus');
    const first = filtersOf(url);
    expect(filtersOf(url)).toBe(first);
    expect(first.filters.year).toBe(2019);
    expect(first.invalid.map((i) => i.name)).toEqual(['mode']);
  });
});
