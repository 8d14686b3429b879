import type { PageServerLoad } from './$types';
import type { Filters } from '$lib/state/filters.ts';
import { chartDownload, metric, pageState, slim } from '$lib/state/metrics.server.ts';
import { loadByView, loadPublicRecord } from '$lib/state/public-record.server.ts';
import { rowsOf } from '$lib/charts/registry.ts';

export const load = loadByView(publicView, recordsView) satisfies PageServerLoad;

/**
 * The public record: who is in the room (published shares of participants) against who is on stage
 * (the speakers of the public session pages), per regional group and per stakeholder group. Two real
 * sources side by side, never divided into a ratio: they count different meetings' worth of people.
 */
async function publicView(url: URL, filters: Filters) {
  const record = await loadPublicRecord(url, filters, {
    regional_groups: 'representation-regions',
    stakeholder_groups: 'representation-stakeholders'
  });
  return {
    ...record.state,
    published: record.published,
    stage: record.stage,
    hostGroups: record.hostGroups,
    stageTotals: record.stageTotals,
    downloads: {
      'representation-regions': record.downloads.regional_groups,
      'representation-stakeholders': record.downloads.stakeholder_groups
    }
  };
}

async function recordsView(url: URL, filters: Filters) {
  const rep = await metric('representation', filters);
  const { state, inRange } = pageState(url, [rep]);
  const drawn = rowsOf('representation', 'representation');
  return {
    ...state,
    view: 'records' as const,
    // The dots are ratios of the shares inside both denominators (kind share), not of the records outside them.
    representation: slim(rep, (r) => inRange(r) && drawn(r) && r.kind === 'share'),
    // The dots of every year in range are drawn (the selected year stands out), across all dimensions.
    downloads: { representation: chartDownload('representation', rep, filters, state.years) }
  };
}
