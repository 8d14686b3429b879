import type { PageServerLoad } from './$types';
import type { Filters } from '$lib/state/filters.ts';
import { chartDownload, metric, pageState, slim } from '$lib/state/metrics.server.ts';
import { ATLAS_COUNTRY_IDS } from '$lib/charts/world-map/atlas.ts';
import { loadByView, loadPublicRecord } from '$lib/state/public-record.server.ts';
import { countryNamesIn } from '$lib/server/country-names.ts';
import { currentLocale } from '$lib/i18n/index.ts';
import { rowsOf } from '$lib/charts/registry.ts';

export const load = loadByView(publicView, recordsView) satisfies PageServerLoad;

/**
 * The public record: published regional shares with the host region marked, and the regional groups
 * of the speakers on the public session pages, against the groups' weight among UN member states.
 * The session pages give a regional group, never a country: there is no map or host-country share.
 */
async function publicView(url: URL, filters: Filters) {
  const record = await loadPublicRecord(url, filters, { regional_groups: 'regions-record' });
  return {
    ...record.state,
    published: record.published,
    speakers: record.stage.regional_groups,
    hostGroups: record.hostGroups,
    stageTotals: record.stageTotals,
    downloads: {
      'regions-record': record.downloads.regional_groups,
      'regions-shares': record.stageDownload('regions-shares', 'regional_groups'),
      'regions-ratio': record.stageDownload('regions-ratio', 'regional_groups')
    }
  };
}

async function recordsView(url: URL, filters: Filters) {
  // Leaving the host out would make its share 0 in every year: the host trend always includes it.
  const hostFilters = { ...filters, exclude_host: false };
  const [regions, countries, host, names] = await Promise.all([
    metric('regions', filters),
    metric('countries', filters),
    metric('host', hostFilters),
    countryNamesIn(currentLocale())
  ]);
  const { state, inRange } = pageState(url, [regions, countries, host]);
  const mapped = rowsOf('countries', 'regions-map');
  // The map draws the selected year.
  const countryRows = slim(countries, (r) => Number(r.year) === state.year && mapped(r));
  // Decided here, where the shapes are at hand: the browser loads them only to draw the map.
  const unmapped = countryRows.rows
    .filter((r) => r.kind === 'share' && !(typeof r.m49 === 'string' && ATLAS_COUNTRY_IDS.has(r.m49)))
    .map((r) => String(r.iso3));
  const shares = rowsOf('regions', 'regions-shares', 'regions-ratio');
  const hostRows = rowsOf('host', 'regions-host');
  return {
    ...state,
    view: 'records' as const,
    downloads: {
      'regions-shares': chartDownload('regions-shares', regions, filters, state.years),
      'regions-map': chartDownload('regions-map', countries, filters, state.year === null ? [] : [state.year]),
      'regions-ratio': chartDownload('regions-ratio', regions, filters, state.years),
      'regions-host': chartDownload('regions-host', host, hostFilters, state.years)
    },
    regions: slim(regions, (r) => inRange(r) && shares(r)),
    // The balance figure above the charts (no chart of the registry).
    balance: slim(regions, (r) => inRange(r) && r.dimension === 'regional_balance'),
    countries: countryRows,
    unmapped,
    /** The map's and its table's names in the page language. */
    countryNames: names,
    host: slim(host, (r) => inRange(r) && hostRows(r))
  };
}
