import sql from './stakeholder-shares.sql?raw';
import { commonFragments, compose, statement } from './sql.ts';
import { SHARE_COLUMNS, shareMetric } from './share-rows.ts';
import { BALANCE_TEXT } from './describe.ts';
import type { MetricParams } from './params.ts';
import { balanceRows, shareRows, sortRows, type CountCell, type DraftRow } from './cells.ts';
import type { MetricModule } from './types.ts';

function mainStatement(p: MetricParams) {
  return statement(compose(sql, commonFragments(p.population)), p);
}

/** The IGF's five core stakeholder groups: technical community together with academia; media left out. */
export const CORE_GROUPS: Record<string, string> = {
  government: 'government',
  private_sector: 'private_sector',
  civil_society: 'civil_society',
  technical_community: 'technical_and_academic',
  academia: 'technical_and_academic',
  intergovernmental_organization: 'intergovernmental_organization'
};

/** The five UN regional groups (territories outside them and unknown countries left out). */
export const REGIONAL_GROUPS: Record<string, string> = {
  african: 'african',
  asia_pacific: 'asia_pacific',
  eastern_european: 'eastern_european',
  grulac: 'grulac',
  weog: 'weog'
};

function build(cells: CountCell[]): DraftRow[] {
  const groups = shareRows(cells, 'stakeholder_group');
  const regions = shareRows(cells, 'un_regional_group');
  return sortRows(
    [
      ...groups,
      ...regions,
      ...balanceRows(groups, 'stakeholder_group', 'stakeholder_balance', CORE_GROUPS),
      ...balanceRows(regions, 'un_regional_group', 'regional_balance', REGIONAL_GROUPS)
    ],
    ['stakeholder_group', 'stakeholder_balance', 'regional_balance', 'un_regional_group']
  );
}

export const stakeholderShares: MetricModule = shareMetric({
  name: 'stakeholders',
  title: 'Stakeholder groups and balance',
  columns: SHARE_COLUMNS,
  statement: mainStatement,
  build,
  describe: (p) => [
    'Stakeholder-group shares per meeting year over the seven named groups (government, private sector, civil society, technical community, academia, intergovernmental organizations, media); other and unknown are outside the denominator (excluded rows, coverage).',
    BALANCE_TEXT,
    'stakeholder_balance: over the IGF\'s five core groups: government, private sector, civil society, technical community together with academia, intergovernmental organizations (media left out).',
    'regional_balance: over the five UN regional groups (African, Asia-Pacific, Eastern European, GRULAC, WEOG), a record without a known country counted by its own regional group when it has one; territories outside the groups and records with neither left out.'
  ],
  finish: {
    parents: { stakeholder_balance: 'stakeholder_group', regional_balance: 'un_regional_group' },
    inputs: { stakeholder_balance: Object.keys(CORE_GROUPS), regional_balance: Object.keys(REGIONAL_GROUPS) },
    output: ['stakeholder_group', 'stakeholder_balance', 'regional_balance']
  }
});
