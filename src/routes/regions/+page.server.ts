import type { PageServerLoad } from './$types';
import { parseFilters } from '$lib/state/filters.ts';
import { metric, pageState, slim } from '$lib/state/metrics.server.ts';

export const load: PageServerLoad = async ({ url }) => {
  const { filters } = parseFilters(url.searchParams);
  const regions = await metric('regions', filters);
  const { state, inRange } = pageState(url, [regions]);
  return { ...state, regions: slim(regions, (r) => inRange(r) && r.dimension === 'un_regional_group') };
};
