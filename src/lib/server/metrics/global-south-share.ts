import sql from './global-south-share.sql?raw';
import { commonFragments, compose, statement } from './sql.ts';
import { SHARE_COLUMNS, shareMetric } from './share-rows.ts';
import { COUNTRY_BASED_TEXT, GLOBAL_SOUTH_DEFINITIONS } from './describe.ts';
import { DEFINITIONS, type MetricParams } from './params.ts';
import { REGION_ONLY_COLUMN, shareRows, withRegionOnly, type CountCell, type DraftRow } from './cells.ts';
import type { Column, MetricModule } from './types.ts';

export const GLOBAL_SOUTH_COLUMNS: Column[] = [...SHARE_COLUMNS, REGION_ONLY_COLUMN];

function mainStatement(p: MetricParams) {
  return statement(compose(sql, commonFragments(p.population)), p);
}

function build(cells: CountCell[], p: MetricParams): DraftRow[] {
  const rank = (d: string | null) => DEFINITIONS.indexOf(d as (typeof DEFINITIONS)[number]);
  return withRegionOnly(shareRows(cells, 'global_south'), cells, p.population)
    .map((r, i) => ({ r, i }))
    .sort((a, b) => a.r.year - b.r.year || rank(a.r.definition) - rank(b.r.definition) || a.i - b.i)
    .map(({ r }) => r);
}

export const globalSouthShare: MetricModule = shareMetric({
  name: 'global-south',
  title: 'Global-south share',
  columns: GLOBAL_SOUTH_COLUMNS,
  statement: mainStatement,
  build,
  describe: (p) => {
    const defs =
      p.definition === 'all'
        ? 'All four definitions side by side (column definition): ' +
          DEFINITIONS.map((d) => `${d}: ${GLOBAL_SOUTH_DEFINITIONS[d]}`).join(' ')
        : `Definition ${p.definition}: ${GLOBAL_SOUTH_DEFINITIONS[p.definition]}`;
    return [
      'Global-south share per meeting year: records from global-south countries / records whose country is known and classified under the definition.',
      defs,
      'Records without a known country, or whose country the definition leaves unclassified, are the unknown rows, outside the denominator.',
      p.definition === 'regional_groups' ? '' : COUNTRY_BASED_TEXT,
      'region_only: the records of the year whose country is unknown but whose regional group is known (speakers).'
    ];
  }
});
