import type { PageServerLoad } from './$types';
import { parseFilters } from '$lib/state/filters.ts';
import { metric, pageState, slim } from '$lib/state/metrics.server.ts';

export const load: PageServerLoad = async ({ url }) => {
  const { filters } = parseFilters(url.searchParams);
  const [participation, globalSouth, gender, stakeholders] = await Promise.all([
    metric('participation', filters),
    metric('global-south', filters),
    metric('gender', filters),
    metric('stakeholders', filters)
  ]);
  const { state, inRange } = pageState(url, [participation, globalSouth, gender, stakeholders]);
  const dims = (...d: string[]) => (r: { dimension?: unknown; year?: unknown }) =>
    inRange(r as never) && d.includes(String(r.dimension));
  return {
    ...state,
    participation: slim(participation, dims('participants', 'countries_represented', 'participation_mode')),
    globalSouth: slim(globalSouth, dims('global_south')),
    gender: slim(gender, dims('gender')),
    stakeholders: slim(stakeholders, dims('stakeholder_balance'))
  };
};
