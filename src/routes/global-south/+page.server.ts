import type { PageServerLoad } from './$types';
import type { Filters } from '$lib/state/filters.ts';
import { chartDownload, metric, pageState, slim } from '$lib/state/metrics.server.ts';
import { loadByView, loadPublicRecord, sessionPages } from '$lib/state/public-record.server.ts';
import { PUBLIC_SESSION_PAGES } from '$lib/domain/source-sets.ts';
import { rowsOf } from '$lib/charts/registry.ts';

/** Published figures that state a global-south share under a definition of their own. */
const PUBLISHED_GLOBAL_SOUTH = ['income_group_share', 'development_level_share_hdi', 'funded_participants_developing_countries'];

export const load = loadByView(publicView, recordsView) satisfies PageServerLoad;

/** The global-south shares the definitions chart draws, in either view. */
const definitions = rowsOf('global-south', 'global-south-definitions');

/**
 * The public record: the speakers of the public session pages from the global south under the one
 * definition a regional group can answer (African, Asia-Pacific and Latin American and Caribbean
 * Groups), the published regional shares, and the few figures the IGF published under definitions
 * of its own (income group, human development), each with its quote.
 */
async function publicView(url: URL, filters: Filters) {
  const overrides = { definition: 'regional_groups' } as const;
  const [record, speakers] = await Promise.all([
    loadPublicRecord(url, filters, { regional_groups: 'global-south-record' }),
    sessionPages(filters).then((pages) => pages.metric('global-south', overrides))
  ]);
  return {
    ...record.state,
    published: record.published,
    stage: record.stage.regional_groups,
    hostGroups: record.hostGroups,
    stageTotals: record.stageTotals,
    speakers: speakers ? slim(speakers, (r) => record.inRange(r) && definitions(r)) : null,
    // A quote that states two figures (33 % and 67 %) is listed once.
    quoted: [...new Map(record.publishedRows(PUBLISHED_GLOBAL_SOUTH).map((r) => [`${r.year}|${r.quote}`, r])).values()],
    downloads: {
      'global-south-record': record.downloads.regional_groups,
      'global-south-definitions': speakers
        ? chartDownload('global-south-definitions', speakers, record.stageFilters, record.state.years, {
            overrides: { ...overrides, population: 'speakers', source: PUBLIC_SESSION_PAGES }
          })
        : undefined
    }
  };
}

async function recordsView(url: URL, filters: Filters) {
  const [all, special] = await Promise.all([metric('global-south', filters, { definition: 'all' }), metric('ldc-lldc-sids', filters)]);
  const { state, inRange } = pageState(url, [all]);
  return {
    ...state,
    view: 'records' as const,
    globalSouth: slim(all, (r) => inRange(r) && definitions(r)),
    // The table of special situations under the chart (no chart of the registry).
    specialSituations: slim(special, inRange),
    downloads: {
      'global-south-definitions': chartDownload('global-south-definitions', all, filters, state.years, { overrides: { definition: 'all' } })
    }
  };
}
