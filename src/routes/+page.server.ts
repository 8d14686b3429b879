import type { PageServerLoad } from './$types';
import { filtersOf, type Filters } from '$lib/state/filters.ts';
import { chartDownload, metric, pageState, slim } from '$lib/state/metrics.server.ts';
import { loadPublicRecord } from '$lib/state/public-record.server.ts';
import { PARTICIPANT_BASES } from '$lib/charts/published/shape.ts';
import type { ChartId } from '$lib/charts/registry.ts';

/**
 * The overview opens on the public record: published figures and the speakers of the public session
 * pages, nothing synthetic. With a source set in the URL (?source=demo, or a user's records) it shows
 * the record-level headline cards of that set instead.
 */
export const load: PageServerLoad = async ({ url }) => {
  const { filters } = filtersOf(url);
  return filters.source === null ? publicRecord(url, filters) : recordLevel(url, filters);
};

async function publicRecord(url: URL, filters: Filters) {
  const record = await loadPublicRecord(url, filters, {
    regional_groups: 'overview-regions',
    stakeholder_groups: 'overview-stakeholders',
    women: 'overview-women'
  });
  return {
    ...record.state,
    published: record.published,
    counts: record.publishedRows(PARTICIPANT_BASES.map((b) => b.metric)),
    stage: record.stage,
    hostGroups: record.hostGroups,
    stageTotals: record.stageTotals,
    downloads: { ...record.downloads, participants: record.publishedDownload('overview-participants') }
  };
}

async function recordLevel(url: URL, filters: Filters) {
  // With the host country in, the same metrics without it too: the cards split a change into the
  // host country's part and the rest (issue 15). Nothing to split when the host is already left out.
  const noHost = { ...filters, exclude_host: true };
  const [participation, globalSouth, gender, stakeholders, without] = await Promise.all([
    metric('participation', filters),
    metric('global-south', filters),
    metric('gender', filters),
    metric('stakeholders', filters),
    filters.exclude_host
      ? Promise.resolve(null)
      : Promise.all([metric('participation', noHost), metric('global-south', noHost), metric('gender', noHost), metric('stakeholders', noHost)])
  ]);
  const { state, inRange } = pageState(url, [participation, globalSouth, gender, stakeholders]);
  const dims = (...d: string[]) => (r: { dimension?: unknown; year?: unknown }) =>
    inRange(r as never) && d.includes(String(r.dimension));
  const card = (id: ChartId, result: typeof participation) => chartDownload(id, result, filters, state.years);
  return {
    ...state,
    view: 'records' as const,
    downloads: {
      participants: card('overview-participants', participation),
      countries: card('overview-countries', participation),
      global_south: card('overview-global_south', globalSouth),
      female: card('overview-female', gender),
      evenness: card('overview-evenness', stakeholders),
      onsite: card('overview-onsite', participation)
    },
    participation: slim(participation, dims('participants', 'countries_represented', 'participation_mode')),
    globalSouth: slim(globalSouth, dims('global_south')),
    gender: slim(gender, dims('gender')),
    stakeholders: slim(stakeholders, dims('stakeholder_balance')),
    withoutHost: without && {
      participation: slim(without[0], dims('participants', 'countries_represented', 'participation_mode')),
      globalSouth: slim(without[1], dims('global_south')),
      gender: slim(without[2], dims('gender')),
      stakeholders: slim(without[3], dims('stakeholder_balance'))
    }
  };
}
