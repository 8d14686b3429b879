import sql from './host-share.sql?raw';
import { commonFragments, compose, statement } from './sql.ts';
import { SHARE_COLUMNS, shareMetric } from './share-rows.ts';
import type { MetricParams } from './params.ts';
import { shareRows, type CountCell, type DraftRow } from './cells.ts';
import type { Column, MetricModule } from './types.ts';

export const HOST_COLUMNS: Column[] = [
  ...SHARE_COLUMNS,
  { name: 'host_iso3', type: 'string', description: 'ISO3 code of the host country (empty for the all-online 2020 meeting).' },
  { name: 'host_city', type: 'string', description: 'Host city.' }
];

function mainStatement(p: MetricParams) {
  return statement(compose(sql, commonFragments(p.population)), p);
}

function build(cells: (CountCell & Record<string, unknown>)[]): DraftRow[] {
  const hosts = new Map(cells.map((c) => [c.year, { host_iso3: (c.host_iso3 as string) ?? null, host_city: (c.host_city as string) ?? null }]));
  return shareRows(cells, 'host').map((r) => ({ ...r, ...(hosts.get(r.year) ?? { host_iso3: null, host_city: null }) }));
}

export const hostShare: MetricModule = shareMetric({
  name: 'host',
  title: 'Host-country share',
  columns: HOST_COLUMNS,
  statement: mainStatement,
  build,
  describe: (p) => [
    'Host effect per meeting year: host_country share = records from the meeting\'s host country / records with a known country; other_countries is the rest; records without a known country are outside the denominator. Every other metric can be asked with exclude_host=true to leave the host country\'s records out.'
  ]
});
