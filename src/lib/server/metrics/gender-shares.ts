import sql from './gender-shares.sql?raw';
import { commonFragments, compose, statement } from './sql.ts';
import { SHARE_COLUMNS, shareMetric } from './share-rows.ts';
import type { MetricParams } from './params.ts';
import { parityRows, shareRows, sortRows, type CountCell, type DraftRow } from './cells.ts';
import type { MetricModule } from './types.ts';

function mainStatement(p: MetricParams) {
  return statement(compose(sql, commonFragments(p.population)), p);
}

function build(cells: CountCell[]): DraftRow[] {
  const rows = shareRows(cells, 'gender');
  return sortRows([...rows, ...parityRows(rows)], ['gender', 'gender_parity']);
}

export const genderShares: MetricModule = shareMetric({
  name: 'gender',
  title: 'Gender',
  columns: SHARE_COLUMNS,
  statement: mainStatement,
  build,
  describe: (p) => [
    'Gender shares per meeting year: female share = female / (female + male + other); undisclosed and unknown are outside the denominator (excluded rows, coverage).',
    'Parity index (kind ratio, gender_parity) = female / male; 1 = as many women as men; denominator = female + male.',
    p.population === 'attendees'
      ? 'When the other-gender count of a year is from 1 to k-1 and would be the only hidden cell of the denominator, it is published merged with the not-stated records: its row becomes an excluded row and the year\'s shares are over female + male.'
      : ''
  ],
  finish: { parents: { gender_parity: 'gender' }, inputs: { gender_parity: ['female', 'male'] } }
});
