import type { PageServerLoad } from './$types';
import { parseFilters, type Filters } from '$lib/state/filters.ts';
import { t } from '$lib/i18n/index.ts';
import { chartDownload, metric, pageState, slim } from '$lib/state/metrics.server.ts';
import { hostGroups, sessionPageTotals } from '$lib/server/public-record/index.ts';

/** The real speakers of the IGF's public session pages (see data/igf-session-speakers). */
const PUBLIC_SESSION_PAGES = 'public_session_pages';

/**
 * The overview opens on the public record: published figures and the speakers of the public session
 * pages, nothing synthetic. With a source set in the URL (?source=demo, or a user's records) it shows
 * the record-level headline cards of that set instead.
 */
export const load: PageServerLoad = async ({ url }) => {
  const { filters } = parseFilters(url.searchParams);
  return filters.source === null ? publicRecord(url, filters) : recordLevel(url, filters);
};

async function publicRecord(url: URL, filters: Filters) {
  const pages = { ...filters, source: PUBLIC_SESSION_PAGES };
  const speakers = { population: 'speakers', source: PUBLIC_SESSION_PAGES } as const;
  const [published, regions, stakeholders, hosts, totals] = await Promise.all([
    metric('published', pages),
    metric('regions', pages, speakers),
    metric('stakeholders', pages, speakers),
    hostGroups(),
    sessionPageTotals(PUBLIC_SESSION_PAGES)
  ]);
  const { state, inRange } = pageState(url, [published, regions, stakeholders]);
  // A database without the session pages (built from a user's files only) must not have another
  // set's speakers shown here as the public record: then the charts show published figures only.
  const fromPages = (r: typeof regions) => r.params.source === PUBLIC_SESSION_PAGES && !r.synthetic;
  const recordDownload = (chart: string, result: typeof regions, dimension: string) => [
    chartDownload(chart, published, pages, state.years, { part: { key: 'published', label: t('published.published') } }),
    chartDownload(chart, result, pages, state.years, {
      rows: { dimension },
      overrides: speakers,
      part: { key: 'speakers', label: t('record.legend.stage') }
    })
  ];
  return {
    ...state,
    view: 'public' as const,
    // Every number of this view is real: published figures and listed speakers.
    synthetic: false,
    downloads: {
      regions: recordDownload('overview-regions', regions, 'un_regional_group'),
      stakeholders: recordDownload('overview-stakeholders', stakeholders, 'stakeholder_group'),
      women: chartDownload('overview-women', published, pages, state.years, { rows: { category: 'female' } })
    },
    published: slim(published, (r) => inRange(r) && ['region_share', 'region_share_estimated', 'stakeholder_share', 'gender_share'].includes(String(r.metric))),
    regions: slim(regions, (r) => fromPages(regions) && inRange(r) && r.dimension === 'un_regional_group'),
    stakeholders: slim(stakeholders, (r) => fromPages(stakeholders) && inRange(r) && r.dimension === 'stakeholder_group'),
    hostGroups: hosts.map((h) => [h.year, h.host_group] as [number, typeof h.host_group]),
    stageTotals: totals.map((t) => ({ year: t.year, sessions: t.sessions, speakers: t.people }))
  };
}

async function recordLevel(url: URL, filters: Filters) {
  const [participation, globalSouth, gender, stakeholders] = await Promise.all([
    metric('participation', filters),
    metric('global-south', filters),
    metric('gender', filters),
    metric('stakeholders', filters)
  ]);
  const { state, inRange } = pageState(url, [participation, globalSouth, gender, stakeholders]);
  const dims = (...d: string[]) => (r: { dimension?: unknown; year?: unknown }) =>
    inRange(r as never) && d.includes(String(r.dimension));
  const card = (key: string, result: typeof participation, dimension: string, category?: string) =>
    chartDownload(`overview-${key}`, result, filters, state.years, { rows: { dimension, category } });
  return {
    ...state,
    view: 'records' as const,
    downloads: {
      participants: card('participants', participation, 'participants'),
      countries: card('countries', participation, 'countries_represented'),
      global_south: card('global_south', globalSouth, 'global_south', 'global_south'),
      female: card('female', gender, 'gender', 'female'),
      evenness: card('evenness', stakeholders, 'stakeholder_balance', 'pielou_j'),
      onsite: card('onsite', participation, 'participation_mode', 'onsite')
    },
    participation: slim(participation, dims('participants', 'countries_represented', 'participation_mode')),
    globalSouth: slim(globalSouth, dims('global_south')),
    gender: slim(gender, dims('gender')),
    stakeholders: slim(stakeholders, dims('stakeholder_balance'))
  };
}
