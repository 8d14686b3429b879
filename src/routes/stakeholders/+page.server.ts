import type { PageServerLoad } from './$types';
import { parseFilters } from '$lib/state/filters.ts';
import { metric, pageState, slim } from '$lib/state/metrics.server.ts';

export const load: PageServerLoad = async ({ url }) => {
  const { filters } = parseFilters(url.searchParams);
  // Both populations side by side; the population filter picks which one leads.
  const [attendees, speakers] = await Promise.all([
    metric('stakeholders', filters, { population: 'attendees' }),
    metric('stakeholders', filters, { population: 'speakers' })
  ]);
  const { state, inRange } = pageState(url, [attendees, speakers]);
  return { ...state, attendees: slim(attendees, inRange), speakers: slim(speakers, inRange) };
};
