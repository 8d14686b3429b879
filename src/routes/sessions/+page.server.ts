import type { PageServerLoad } from './$types';
import { filtersOf, type Filters } from '$lib/state/filters.ts';
import { sessionPages } from '$lib/state/public-record.server.ts';
import type { MetricResult } from '$lib/server/metrics/index.ts';
import { chartDownload, metric, pageState } from '$lib/state/metrics.server.ts';
import { searchSessions } from '$lib/charts/sessions-table/shape.ts';
import { sessionTypeText } from '$lib/i18n/domain-text.ts';
import { currentTag } from '$lib/i18n/index.ts';

/** Enough rows for any one meeting's programme to be read in full; more would slow phones down. */
const MAX_ROWS = 400;

export const load = (async ({ url }: { url: URL }) => {
  const { filters } = filtersOf(url);
  if (filters.source !== null) {
    return { ...table(url, filters, await metric('sessions', filters, { level: 'session' })), view: 'records' as const, stageTotals: [] };
  }
  // The public record: the sessions of the public session pages, judged on their listed speakers
  // (an empty table in a database without them, never another set's sessions).
  const pages = await sessionPages(filters);
  const [sessions, stageTotals] = await Promise.all([pages.metric('sessions', { level: 'session' }), pages.totals()]);
  const view = sessions ? table(url, pages.filters, sessions) : { ...pageState(url, []).state, ...EMPTY_TABLE, downloads: { sessions: undefined } };
  return { ...view, view: 'public' as const, synthetic: false as const, stageTotals };
}) satisfies PageServerLoad;

const EMPTY_TABLE = { total: 0, found: 0, sessions: [], limit: MAX_ROWS, suppression: { k: 0, applied: false } };

/** One meeting's sessions, searched and sorted as the URL asks. */
function table(url: URL, filters: Filters, sessions: MetricResult) {
  const { state } = pageState(url, [sessions]);
  const ofYear = sessions.rows.filter((r) => Number(r.year) === state.year);
  // Types sort by the names the table shows, in the page's language, not by their stored codes.
  const found = searchSessions(ofYear, filters.q, filters.sort, filters.dir, { shown: { session_type: sessionTypeText }, collator: new Intl.Collator(currentTag()) });
  return {
    ...state,
    total: ofYear.length,
    found: found.length,
    sessions: found.slice(0, MAX_ROWS),
    limit: MAX_ROWS,
    suppression: sessions.suppression,
    // Every session of the year: the search and the row limit only narrow what the table shows.
    downloads: {
      sessions: chartDownload('sessions', sessions, filters, state.year === null ? [] : [state.year], {
        overrides: { level: 'session', source: filters.source }
      })
    }
  };
}
