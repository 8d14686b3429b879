import type { PageServerLoad } from './$types';
import { chartDownload, metric, pageState, slim } from '$lib/state/metrics.server.ts';
import { label } from '$lib/i18n/index.ts';
import { loadPublicRecord } from '$lib/state/public-record.server.ts';
import { filtersOf, type Filters } from '$lib/state/filters.ts';

export const load: PageServerLoad = async ({ url }) => {
  const { filters } = filtersOf(url);
  return filters.source === null ? publicView(url, filters) : recordsView(url, filters);
};

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
      'stakeholders-speakers': record.stageDownload('stakeholders-speakers', 'stakeholder_groups', { dimension: 'stakeholder_group' }),
      'stakeholder-evenness': record.stageDownload('stakeholder-evenness', 'stakeholder_groups', {
        dimension: 'stakeholder_balance',
        category: 'pielou_j'
      })
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
  const byPopulation = { attendees, speakers };
  const download = (id: string, population: 'attendees' | 'speakers', dimension: string, category?: string, part?: boolean) =>
    chartDownload(id, byPopulation[population], filters, state.years, {
      rows: { dimension, category },
      overrides: { population },
      ...(part ? { part: { key: population, label: label('population', population) } } : {})
    });
  return {
    ...state,
    view: 'records' as const,
    attendees: slim(attendees, inRange),
    speakers: slim(speakers, inRange),
    downloads: {
      'stakeholders-attendees': download('stakeholders-attendees', 'attendees', 'stakeholder_group'),
      'stakeholders-speakers': download('stakeholders-speakers', 'speakers', 'stakeholder_group'),
      'stakeholder-evenness': [
        download('stakeholder-evenness', 'attendees', 'stakeholder_balance', 'pielou_j', true),
        download('stakeholder-evenness', 'speakers', 'stakeholder_balance', 'pielou_j', true)
      ]
    }
  };
}
