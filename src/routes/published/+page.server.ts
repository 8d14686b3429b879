import type { PageServerLoad } from './$types';
import { parseFilters } from '$lib/state/filters.ts';
import { metric, pageState, slim } from '$lib/state/metrics.server.ts';

export const load: PageServerLoad = async ({ url }) => {
  const { filters } = parseFilters(url.searchParams);
  // Published figures are about all attendees: compare with the computed series for the same population.
  const base = { ...filters, population: 'attendees' as const, mode: 'all' as const, exclude_host: false };
  const [published, participation] = await Promise.all([metric('published', base), metric('participation', base)]);
  const { state, inRange } = pageState(url, [participation]);
  return {
    ...state,
    published: slim(published, inRange),
    participation: slim(participation, (r) => inRange(r) && r.dimension === 'participants')
  };
};
