import type { PageServerLoad } from './$types';
import type { Filters } from '$lib/state/filters.ts';
import { chartDownload, metric, pageState, populationDownloads, slim } from '$lib/state/metrics.server.ts';
import { loadByView, loadPublicRecord } from '$lib/state/public-record.server.ts';
import { rowsOf } from '$lib/charts/registry.ts';

export const load = loadByView(publicView, recordsView) satisfies PageServerLoad;

/**
 * The public record: the published shares of women among participants. The session pages give no
 * gender and none is inferred from names, so there is no figure of women on stage here.
 */
async function publicView(url: URL, filters: Filters) {
  const record = await loadPublicRecord(url, filters, { women: 'gender-record' });
  return {
    ...record.state,
    published: record.published,
    stageTotals: record.stageTotals,
    downloads: { 'gender-record': record.downloads.women }
  };
}

async function recordsView(url: URL, filters: Filters) {
  const [attendees, speakers, sessions] = await Promise.all([
    metric('gender', filters, { population: 'attendees' }),
    metric('gender', filters, { population: 'speakers' }),
    metric('sessions', filters)
  ]);
  const { state, inRange } = pageState(url, [attendees, speakers, sessions]);
  // The trends draw the women's rows; the coverage note under them reads the whole gender breakdown
  // (its known and total records per year), so every gender row goes, not only those drawn.
  const genderRows = (r: { dimension?: unknown }) => inRange(r as never) && r.dimension === 'gender';
  const manel = rowsOf('sessions', 'gender-manel');
  const download = populationDownloads({ attendees, speakers }, filters, state.years);
  return {
    ...state,
    view: 'records' as const,
    downloads: {
      'gender-female': download.one('gender-female', filters.population),
      'gender-compare': download.both('gender-compare'),
      'gender-manel': chartDownload('gender-manel', sessions, filters, state.years)
    },
    attendees: slim(attendees, genderRows),
    speakers: slim(speakers, genderRows),
    sessions: slim(sessions, (r) => inRange(r) && manel(r))
  };
}
