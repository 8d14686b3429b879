import type { PageServerLoad } from './$types';
import { metric, pageState, populationDownloads, slim } from '$lib/state/metrics.server.ts';
import { loadByView, loadPublicRecord } from '$lib/state/public-record.server.ts';
import type { Filters } from '$lib/state/filters.ts';
import type { Row } from '$lib/domain/rows.ts';
import { rowsOf } from '$lib/charts/registry.ts';

export const load = loadByView(publicView, recordsView) satisfies PageServerLoad;

/** The public record: published stakeholder shares and the speakers of the public session pages. */
async function publicView(url: URL, filters: Filters) {
  const record = await loadPublicRecord(url, filters, { stakeholder_groups: 'stakeholders-record' });
  const speakers = record.stage.stakeholder_groups;
  return {
    ...record.state,
    published: record.published,
    speakers,
    stageTotals: record.stageTotals,
    downloads: {
      'stakeholders-record': record.downloads.stakeholder_groups,
      'stakeholders-speakers': record.stageDownload('stakeholders-speakers', 'stakeholder_groups'),
      'stakeholder-evenness': record.stageDownload('stakeholder-evenness', 'stakeholder_groups')
    }
  };
}

async function recordsView(url: URL, filters: Filters) {
  // Both populations side by side; the population filter picks which one leads.
  const [attendees, speakers] = await Promise.all([
    metric('stakeholders', filters, { population: 'attendees' }),
    metric('stakeholders', filters, { population: 'speakers' })
  ]);
  const { state, inRange } = pageState(url, [attendees, speakers]);
  const download = populationDownloads({ attendees, speakers }, filters, state.years);
  // The rows the charts draw, and the balance figure above them (no chart of the registry: every
  // stakeholder_balance index of the year).
  const drawn = rowsOf('stakeholders', 'stakeholders-attendees', 'stakeholders-speakers', 'stakeholder-evenness');
  const keep = (r: Row) => inRange(r) && (drawn(r) || r.dimension === 'stakeholder_balance');
  return {
    ...state,
    view: 'records' as const,
    attendees: slim(attendees, keep),
    speakers: slim(speakers, keep),
    downloads: {
      'stakeholders-attendees': download.one('stakeholders-attendees', 'attendees'),
      'stakeholders-speakers': download.one('stakeholders-speakers', 'speakers'),
      'stakeholder-evenness': download.both('stakeholder-evenness')
    }
  };
}
