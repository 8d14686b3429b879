import type { PageServerLoad } from './$types';
import { chartDownload, metric, pageState, slim } from '$lib/state/metrics.server.ts';
import { label } from '$lib/i18n/index.ts';
import { loadPublicRecord } from '$lib/state/public-record.server.ts';
import { filtersOf, type Filters } from '$lib/state/filters.ts';
import type { ChartId } from '$lib/charts/registry.ts';

export const load = (async ({ url }: { url: URL }) => {
  const { filters } = filtersOf(url);
  return filters.source === null ? publicView(url, filters) : recordsView(url, filters);
}) satisfies PageServerLoad;

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
  const byPopulation = { attendees, speakers };
  const download = (id: ChartId, population: 'attendees' | 'speakers', part?: boolean) =>
    chartDownload(id, byPopulation[population], filters, state.years, {
      overrides: { population },
      ...(part ? { part: { key: population, label: label('population', population) } } : {})
    });
  return {
    ...state,
    view: 'records' as const,
    attendees: slim(attendees, inRange),
    speakers: slim(speakers, inRange),
    downloads: {
      'stakeholders-attendees': download('stakeholders-attendees', 'attendees'),
      'stakeholders-speakers': download('stakeholders-speakers', 'speakers'),
      'stakeholder-evenness': [download('stakeholder-evenness', 'attendees', true), download('stakeholder-evenness', 'speakers', true)]
    }
  };
}
