import type { PageServerLoad } from './$types';
import { parseFilters } from '$lib/state/filters.ts';
import { chartDownload, metric, pageState, slim } from '$lib/state/metrics.server.ts';
import { t } from '$lib/i18n/index.ts';

export const load: PageServerLoad = async ({ url }) => {
  const { filters } = parseFilters(url.searchParams);
  // Published figures are about all attendees: compare with the computed series for the same population.
  const base = { ...filters, population: 'attendees' as const, mode: 'all' as const, exclude_host: false };
  const [published, participation] = await Promise.all([metric('published', base), metric('participation', base)]);
  const { state, inRange } = pageState(url, [participation]);
  const part = (key: string, label: string) => ({ part: { key, label } });
  return {
    ...state,
    downloads: {
      'published-participants': [
        chartDownload('published-participants', participation, base, state.years, {
          rows: { dimension: 'participants' },
          ...part('computed', t('published.computed'))
        }),
        chartDownload('published-participants', published, base, state.years, part('published', t('published.published')))
      ]
    },
    published: slim(published, inRange),
    participation: slim(participation, (r) => inRange(r) && r.dimension === 'participants')
  };
};
