/**
 * Shares of participants from the countries in special situations that the IGF's travel support
 * targets: least developed countries (LDC), landlocked developing countries (LLDC), small island
 * developing states (SIDS), and the three together. Lists: UN M49 flags as of 2026-08-21
 * (data/reference/PROVENANCE.md), checked against UN-OHRLLS; today's lists for every year.
 */
import sql from './ldc-lldc-sids-shares.sql?raw';
import { commonFragments, compose, statement } from './sql.ts';
import { SHARE_COLUMNS, shareMetric } from './share-rows.ts';
import type { MetricParams } from './params.ts';
import { shareRows, sortRows, type CountCell, type DraftRow } from './cells.ts';
import type { MetricModule } from './types.ts';

export const SPECIAL_SITUATION_DIMENSIONS = ['ldc_lldc_sids', 'ldc', 'lldc', 'sids'] as const;

/** The date of the country lists (the cccommons snapshot of the UN M49 flags). */
export const SPECIAL_SITUATION_LIST_DATE = '2026-08-21';

function mainStatement(p: MetricParams) {
  return statement(compose(sql, commonFragments(p.population)), p);
}

function build(cells: CountCell[]): DraftRow[] {
  return sortRows(
    SPECIAL_SITUATION_DIMENSIONS.flatMap((d) => shareRows(cells, d)),
    [...SPECIAL_SITUATION_DIMENSIONS]
  );
}

export const ldcLldcSidsShares: MetricModule = shareMetric({
  name: 'ldc-lldc-sids',
  title: 'Least developed, landlocked developing and small island developing countries',
  columns: SHARE_COLUMNS,
  statement: mainStatement,
  build,
  describe: () => [
    'Shares per meeting year of records from the countries in special situations that the IGF\'s travel support targets (UN-OHRLLS): least developed countries (dimension ldc: 44 countries), landlocked developing countries (lldc: 32), small island developing states (sids: 53 UN M49 members and territories), and ldc_lldc_sids, in any of the three (a country in two lists counts once).',
    `Each share = records from the countries of the list / records whose country is known; records without a known country are the unknown rows, outside the denominator. The lists are the UN M49 flags as of ${SPECIAL_SITUATION_LIST_DATE}, applied to every meeting year (a country that has since graduated, such as Bhutan in 2023, is not counted as an LDC in earlier years).`
  ]
});
