/** The pages, in navigation order, and which filters each one offers (the rest still travel in the URL). */
import type { MessageKey } from '$lib/i18n/index.ts';
import type { FilterName } from './filters.ts';
import { delocalizePath } from '$lib/i18n/locales.ts';

export interface RouteInfo {
  path: string;
  label: MessageKey;
  filters: FilterName[];
  /**
   * The filters of its public-record view (no source set in the URL: published figures and the
   * session pages' speakers), which has no record-level choices such as mode or population.
   */
  publicFilters: FilterName[];
}

const COMMON: FilterName[] = ['from', 'to', 'population', 'mode', 'definition', 'exclude_host'];
const PUBLIC: FilterName[] = ['source', 'from', 'to'];

export const ROUTES: RouteInfo[] = [
  { path: '/', label: 'nav.overview', filters: ['source', 'year', ...COMMON], publicFilters: PUBLIC },
  { path: '/stakeholders', label: 'nav.stakeholders', filters: ['source', 'from', 'to', 'population', 'mode', 'exclude_host'], publicFilters: PUBLIC },
  { path: '/regions', label: 'nav.regions', filters: ['source', 'year', 'from', 'to', 'population', 'mode', 'exclude_host'], publicFilters: ['source', 'year', 'from', 'to'] },
  { path: '/gender', label: 'nav.gender', filters: ['source', 'from', 'to', 'population', 'mode', 'exclude_host', 'target'], publicFilters: PUBLIC },
  { path: '/global-south', label: 'nav.global-south', filters: ['source', ...COMMON], publicFilters: PUBLIC },
  { path: '/representation', label: 'nav.representation', filters: ['source', 'year', 'from', 'to', 'mode', 'definition', 'exclude_host'], publicFilters: PUBLIC },
  { path: '/sessions', label: 'nav.sessions', filters: ['source', 'year', 'mode', 'definition'], publicFilters: ['source', 'year'] },
  { path: '/published', label: 'nav.published', filters: ['source', 'from', 'to'], publicFilters: PUBLIC },
  { path: '/methodology', label: 'nav.methodology', filters: [], publicFilters: [] },
  { path: '/data', label: 'nav.data', filters: [], publicFilters: [] }
];

/** The page a path shows, in whichever language (/fr/regions is /regions). */
export function routeInfo(pathname: string): RouteInfo | undefined {
  const route = delocalizePath(pathname);
  return ROUTES.find((r) => r.path === route);
}
