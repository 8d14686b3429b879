import sql from './participation.sql?raw';
import { commonFragments, compose, statement } from './sql.ts';
import { SHARE_COLUMNS, shareMetric } from './share-rows.ts';
import { countRows, shareRows, sortRows, type CountCell, type DraftRow } from './cells.ts';
import type { MetricParams } from './params.ts';
import type { MetricModule } from './types.ts';

function mainStatement(p: MetricParams) {
  return statement(compose(sql, commonFragments(p.population)), p);
}

const COUNT_DIMENSIONS = ['participants', 'countries_represented', 'sessions', 'speakers'];
const ORDER = [...COUNT_DIMENSIONS, 'participation_mode', 'first_time'];

function build(cells: CountCell[], p: MetricParams): DraftRow[] {
  // years of the population only (sessions and speakers are counted for every year in range)
  const years = new Set(cells.filter((c) => c.dimension === 'participants').map((c) => c.year));
  const own = cells.filter((c) => years.has(c.year));
  const rows = [
    ...countRows(own, COUNT_DIMENSIONS),
    ...shareRows(own, 'participation_mode'),
    ...(p.population === 'attendees' ? shareRows(own, 'first_time') : [])
  ];
  // a year without sessions or speakers shows 0
  for (const year of years) {
    for (const d of ['sessions', 'speakers']) {
      if (!rows.some((r) => r.year === year && r.dimension === d)) rows.push({ ...countRows([{ year, dimension: d, category: d, count: 0 }], [d])[0] });
    }
  }
  return sortRows(rows, ORDER);
}

export const participation: MetricModule = shareMetric({
  name: 'participation',
  title: 'Participation',
  columns: SHARE_COLUMNS,
  statement: mainStatement,
  build,
  describe: (p) => [
    'Participation per meeting year.',
    'participants: records of the population; countries_represented: distinct countries and territories among them (records without a known country not counted); sessions: distinct sessions listed for the year (session or speaker records, not filtered); speakers: speakers under the same filters, one person per session.',
    'participation_mode: onsite and online shares of the records whose mode is known (unknown outside).',
    p.population === 'attendees'
      ? 'first_time: share of first-time participants among the records that say whether it is their first IGF (unknown outside).'
      : ''
  ],
  finish: { attendeeCounts: ['participants'] }
});
