/** The pages, in navigation order, and which filters each one offers (the rest still travel in the URL). */
import type { MessageKey } from '$lib/i18n/index.ts';
import type { FilterName } from './filters.ts';

export interface RouteInfo {
  path: string;
  label: MessageKey;
  filters: FilterName[];
}

const COMMON: FilterName[] = ['from', 'to', 'population', 'mode', 'definition', 'exclude_host'];

export const ROUTES: RouteInfo[] = [
  { path: '/', label: 'nav.overview', filters: ['source', 'year', ...COMMON] },
  { path: '/stakeholders', label: 'nav.stakeholders', filters: ['source', 'from', 'to', 'population', 'mode', 'exclude_host'] },
  { path: '/regions', label: 'nav.regions', filters: ['source', 'year', 'from', 'to', 'population', 'mode', 'exclude_host'] },
  { path: '/gender', label: 'nav.gender', filters: ['source', 'from', 'to', 'population', 'mode', 'exclude_host', 'target'] },
  { path: '/global-south', label: 'nav.global-south', filters: ['source', ...COMMON] },
  { path: '/representation', label: 'nav.representation', filters: ['source', 'year', 'from', 'to', 'mode', 'definition', 'exclude_host'] },
  { path: '/sessions', label: 'nav.sessions', filters: ['source', 'year', 'mode', 'definition'] },
  { path: '/published', label: 'nav.published', filters: ['source', 'from', 'to'] },
  { path: '/methodology', label: 'nav.methodology', filters: [] },
  { path: '/data', label: 'nav.data', filters: [] }
];

export function routeInfo(pathname: string): RouteInfo | undefined {
  return ROUTES.find((r) => r.path === pathname);
}
