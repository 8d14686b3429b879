import type { PageServerLoad } from './$types';
import { parseFilters } from '$lib/state/filters.ts';
import { chartDownload, metric, pageState, slim } from '$lib/state/metrics.server.ts';
import { label } from '$lib/i18n/index.ts';

export const load: PageServerLoad = async ({ url }) => {
  const { filters } = parseFilters(url.searchParams);
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
};
