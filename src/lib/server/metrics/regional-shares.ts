import sql from './regional-shares.sql?raw';
import { commonFragments, compose, statement } from './sql.ts';
import { SHARE_COLUMNS, shareMetric } from './share-rows.ts';
import { BALANCE_TEXT } from './describe.ts';
import type { MetricParams } from './params.ts';
import { REGION_ONLY_COLUMN, balanceRows, shareRows, sortRows, withRegionOnly, type CountCell, type DraftRow } from './cells.ts';
import { REGIONAL_GROUPS } from './stakeholder-shares.ts';
import type { Column, MetricModule } from './types.ts';

/** UN member states per regional group, as used for the representation ratio (WEOG includes the United States). */
export const MEMBER_STATES = { african: 54, asia_pacific: 53, eastern_european: 23, grulac: 33, weog: 29 } as const;
export const MEMBER_STATES_TOTAL = 192;

export const REGION_COLUMNS: Column[] = [
  ...SHARE_COLUMNS,
  { name: 'member_states', type: 'int', description: 'UN member states in the regional group (WEOG 28 plus the United States).' },
  { name: 'member_state_share', type: 'float', description: 'member_states / 192.' },
  {
    name: 'representation_ratio',
    type: 'float',
    description: 'share / member_state_share: 1 = the group is represented as its share of UN member states.'
  },
  REGION_ONLY_COLUMN
];

function mainStatement(p: MetricParams) {
  return statement(compose(sql, commonFragments(p.population)), p);
}

function build(cells: CountCell[], p: MetricParams): DraftRow[] {
  const groups = shareRows(cells, 'un_regional_group');
  for (const r of groups) {
    const states = MEMBER_STATES[r.category as keyof typeof MEMBER_STATES] ?? null;
    const stateShare = states === null ? null : states / MEMBER_STATES_TOTAL;
    r.member_states = states;
    r.member_state_share = stateShare;
    r.representation_ratio = stateShare !== null && r.share !== null ? r.share / stateShare : null;
  }
  return sortRows(
    withRegionOnly(
      [...groups, ...shareRows(cells, 'm49_region'), ...balanceRows(groups, 'un_regional_group', 'regional_balance', REGIONAL_GROUPS)],
      cells,
      p.population
    ),
    ['un_regional_group', 'm49_region', 'regional_balance']
  );
}

export const regionalShares: MetricModule = shareMetric({
  name: 'regions',
  title: 'Regions',
  columns: REGION_COLUMNS,
  statement: mainStatement,
  build,
  describe: (p) => [
    'Regional shares per meeting year. un_regional_group: the five UN regional groups (African, Asia-Pacific, Eastern European, GRULAC, WEOG; the United States counted with WEOG) and no_group for countries and territories outside them. A record without a known country counts by its own regional group when it has one (region_only: session pages give a regional group, never a country); records with neither are outside the denominator.',
    'm49_region: the UN M49 regions Africa, Americas, Asia, Europe, Oceania; region-only records are unknown there.',
    'Each regional group also carries its share of UN member states (African 54, Asia-Pacific 53, Eastern European 23, GRULAC 33, WEOG 28 plus the United States; 192) and the representation ratio share / member-state share.',
    'regional_balance: ' + BALANCE_TEXT
  ],
  finish: { parents: { regional_balance: 'un_regional_group' }, inputs: { regional_balance: Object.keys(REGIONAL_GROUPS) }, derivedFromShare: ['representation_ratio'] }
});
