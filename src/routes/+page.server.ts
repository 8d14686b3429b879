import type { PageServerLoad } from './$types';
import { filtersOf, type Filters } from '$lib/state/filters.ts';
import { chartDownload, metric, pageState, slim } from '$lib/state/metrics.server.ts';
import { loadPublicRecord } from '$lib/state/public-record.server.ts';
import { PARTICIPANT_BASES } from '$lib/charts/published/shape.ts';
import { rowsOf, type ChartId } from '$lib/charts/registry.ts';

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
  const card = (id: ChartId, result: typeof participation) => chartDownload(id, result, filters, state.years);
  // The rows the cards draw, as the chart registry gives them.
  const drawn = {
    participation: rowsOf('participation', 'overview-participants', 'overview-countries', 'overview-onsite'),
    globalSouth: rowsOf('global-south', 'overview-global_south'),
    gender: rowsOf('gender', 'overview-female'),
    stakeholders: rowsOf('stakeholders', 'overview-evenness')
  };
  const rows = (result: typeof participation, key: keyof typeof drawn) => slim(result, (r) => inRange(r) && drawn[key](r));
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
    participation: rows(participation, 'participation'),
    globalSouth: rows(globalSouth, 'globalSouth'),
    gender: rows(gender, 'gender'),
    stakeholders: rows(stakeholders, 'stakeholders'),
    withoutHost: without && {
      participation: rows(without[0], 'participation'),
      globalSouth: rows(without[1], 'globalSouth'),
      gender: rows(without[2], 'gender'),
      stakeholders: rows(without[3], 'stakeholders')
    }
  };
}
