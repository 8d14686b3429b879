import type { PageServerLoad } from './$types';
import { parseFilters } from '$lib/state/filters.ts';
import { chartDownload, metric, pageState, slim } from '$lib/state/metrics.server.ts';

export const load: PageServerLoad = async ({ url }) => {
  const { filters } = parseFilters(url.searchParams);
  const [all, special] = await Promise.all([metric('global-south', filters, { definition: 'all' }), metric('ldc-lldc-sids', filters)]);
  const { state, inRange } = pageState(url, [all]);
  return {
    ...state,
    globalSouth: slim(all, (r) => inRange(r) && r.category === 'global_south'),
    specialSituations: slim(special, inRange),
    downloads: {
      'global-south-definitions': chartDownload('global-south-definitions', all, filters, state.years, {
        rows: { dimension: 'global_south', category: 'global_south' },
        overrides: { definition: 'all' }
      })
    }
  };
};
