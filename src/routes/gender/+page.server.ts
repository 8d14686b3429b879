import type { PageServerLoad } from './$types';
import { parseFilters } from '$lib/state/filters.ts';
import { metric, pageState, slim } from '$lib/state/metrics.server.ts';

export const load: PageServerLoad = async ({ url }) => {
  const { filters } = parseFilters(url.searchParams);
  const [attendees, speakers, sessions] = await Promise.all([
    metric('gender', filters, { population: 'attendees' }),
    metric('gender', filters, { population: 'speakers' }),
    metric('sessions', filters)
  ]);
  const { state, inRange } = pageState(url, [attendees, speakers, sessions]);
  const genderRows = (r: { dimension?: unknown }) => inRange(r as never) && r.dimension === 'gender';
  return {
    ...state,
    attendees: slim(attendees, genderRows),
    speakers: slim(speakers, genderRows),
    sessions: slim(sessions, (r) => inRange(r) && r.dimension === 'manel')
  };
};
