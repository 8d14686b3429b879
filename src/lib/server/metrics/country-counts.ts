/**
 * Participants per country and meeting year: the figures behind the world map. One share row per
 * country with records in the year (countries without records are not listed: their count is 0)
 * and one excluded row for the records without a known country, which the suppression needs: it
 * is the T - D part of the year's total, and a small one hides the denominator.
 */
import sql from './country-counts.sql?raw';
import { commonFragments, compose, statement, type SqlRow } from './sql.ts';
import { BOUND_COLUMNS, shareMetric } from './share-rows.ts';
import type { MetricParams } from './params.ts';
import type { CountCell, DraftRow } from './cells.ts';
import type { Column, MetricModule } from './types.ts';

export const COUNTRY_DIMENSION = 'country';
export const UNKNOWN_COUNTRY = 'unknown';

export const COUNTRY_COLUMNS: Column[] = [
  { name: 'year', type: 'int', description: 'Meeting year.' },
  { name: 'kind', type: 'string', description: 'share: a country (inside the denominator); excluded: records without a known country.' },
  { name: 'category', type: 'string', description: 'ISO 3166 alpha-3 code of the country, or unknown.' },
  { name: 'iso3', type: 'string', description: 'ISO 3166 alpha-3 code (empty on the unknown row).' },
  { name: 'm49', type: 'string', description: 'UN M49 code, three digits zero-padded (the ids of the world-atlas shapes).' },
  { name: 'country', type: 'string', description: 'English short name of the country or territory.' },
  { name: 'count', type: 'int', description: 'Records from the country (null when suppressed).' },
  { name: 'denominator', type: 'int', description: 'Records of the year with a known country.' },
  { name: 'total', type: 'int', description: 'All records of the year in the selection, known country or not.' },
  { name: 'share', type: 'float', description: 'count / denominator.' },
  { name: 'ci_low', type: 'float', description: 'Wilson 95 % score interval, lower bound.' },
  { name: 'ci_high', type: 'float', description: 'Wilson 95 % score interval, upper bound.' },
  { name: 'coverage', type: 'float', description: 'denominator / total: the share of records with a known country.' },
  ...BOUND_COLUMNS,
  { name: 'low_n', type: 'bool', description: 'True when the denominator is below 30 records.' },
  {
    name: 'suppressed',
    type: 'bool',
    description: 'True when the row hides an attendee figure below the threshold k, or one that would let it be recovered.'
  },
  { name: 'host_iso3', type: 'string', description: "ISO3 code of the meeting's host country (empty for the all-online 2020 meeting)." },
  { name: 'host_m49', type: 'string', description: "M49 code of the meeting's host country." }
];

function mainStatement(p: MetricParams) {
  return statement(compose(sql, commonFragments(p.population)), p);
}

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/**
 * Draft rows per year: the countries in the order the SQL gives them (ISO3), then the unknown row
 * (0 when every record has a country). Not ordered by count: the position of a suppressed row among
 * the others would tell its size.
 */
export function countryDrafts(cells: readonly (CountCell & SqlRow)[]): DraftRow[] {
  const years = new Map<number, (CountCell & SqlRow)[]>();
  for (const c of cells) {
    const y = Number(c.year);
    const list = years.get(y);
    if (list) list.push(c);
    else years.set(y, [c]);
  }
  const out: DraftRow[] = [];
  for (const [year, list] of [...years].sort((a, b) => a[0] - b[0])) {
    const known = list.filter((c) => c.category !== UNKNOWN_COUNTRY);
    const unknown = list.filter((c) => c.category === UNKNOWN_COUNTRY).reduce((s, c) => s + Number(c.count), 0);
    const denominator = known.reduce((s, c) => s + Number(c.count), 0);
    const total = denominator + unknown;
    const coverage = total > 0 ? denominator / total : null;
    const host = { host_iso3: text(list[0].host_iso3), host_m49: text(list[0].host_m49) };
    const base = { year, population: null, dimension: COUNTRY_DIMENSION, definition: null, denominator, total, coverage, value: null, ...host };
    for (const c of known) {
      const count = Number(c.count);
      out.push({
        ...base,
        kind: 'share',
        category: String(c.category),
        iso3: String(c.category),
        m49: text(c.m49),
        country: text(c.country),
        count,
        share: denominator > 0 ? count / denominator : null
      });
    }
    out.push({ ...base, kind: 'excluded', category: UNKNOWN_COUNTRY, iso3: null, m49: null, country: null, count: unknown, share: null });
  }
  return out;
}

export const countryCounts: MetricModule = shareMetric({
  name: 'countries',
  title: 'Participants per country',
  columns: COUNTRY_COLUMNS,
  statement: mainStatement,
  build: countryDrafts,
  describe: (p) => [
    'Participants per country and meeting year: one row per country or territory with records in the year (count = records from it; countries without records are not listed), share = count / records with a known country, and one excluded row (category unknown) for the records without a known country. m49 is the UN M49 code that identifies the country on a world map.'
  ]
});
