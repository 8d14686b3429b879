import type { PageServerLoad } from './$types';
import { parseFilters } from '$lib/state/filters.ts';
import { chartDownload, metric, pageState } from '$lib/state/metrics.server.ts';
import { searchSessions } from '$lib/charts/sessions-table/shape.ts';

/** Enough rows for any one meeting's programme to be read in full; more would slow phones down. */
const MAX_ROWS = 400;

export const load: PageServerLoad = async ({ url }) => {
  const { filters } = parseFilters(url.searchParams);
  const sessions = await metric('sessions', filters, { level: 'session' });
  const { state } = pageState(url, [sessions]);
  const ofYear = sessions.rows.filter((r) => Number(r.year) === state.year);
  const found = searchSessions(ofYear, filters.q, filters.sort, filters.dir);
  return {
    ...state,
    total: ofYear.length,
    found: found.length,
    sessions: found.slice(0, MAX_ROWS),
    limit: MAX_ROWS,
    suppression: sessions.suppression,
    // Every session of the year: the search and the row limit only narrow what the table shows.
    downloads: {
      sessions: chartDownload('sessions', sessions, filters, state.year === null ? [] : [state.year], { overrides: { level: 'session' } })
    }
  };
};
