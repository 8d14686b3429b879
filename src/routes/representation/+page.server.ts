import type { PageServerLoad } from './$types';
import { parseFilters } from '$lib/state/filters.ts';
import { chartDownload, metric, pageState, slim } from '$lib/state/metrics.server.ts';

export const load: PageServerLoad = async ({ url }) => {
  const { filters } = parseFilters(url.searchParams);
  const rep = await metric('representation', filters);
  const { state, inRange } = pageState(url, [rep]);
  return {
    ...state,
    representation: slim(rep, (r) => inRange(r) && r.kind === 'share'),
    // The dots of every year in range are drawn (the selected year stands out), across all dimensions.
    downloads: { representation: chartDownload('representation', rep, filters, state.years) }
  };
};
