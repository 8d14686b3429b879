import type { PageServerLoad } from './$types';
import { parseFilters } from '$lib/state/filters.ts';
import { metric, pageState, slim } from '$lib/state/metrics.server.ts';

export const load: PageServerLoad = async ({ url }) => {
  const { filters } = parseFilters(url.searchParams);
  const rep = await metric('representation', filters);
  const { state, inRange } = pageState(url, [rep]);
  return { ...state, representation: slim(rep, (r) => inRange(r) && r.kind === 'share') };
};
