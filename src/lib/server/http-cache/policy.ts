/**
 * Cache-Control per kind of response. Browsers and shared caches may reuse a page or a metric for a
 * minute, and a stale one for five more while they revalidate it in the background (revalidation is a
 * 304 when the data version has not changed). A full-table export named with its data version
 * (`?v=<version>`, see exports/http.ts) never changes, so it may be kept for a year.
 */
export const PAGE_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';
export const API_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';
export const VERSIONED_EXPORT_CACHE_CONTROL = 'public, max-age=31536000, immutable';

export function cacheControl(url: URL): string {
  if (url.pathname.startsWith('/api/v1/export/') && url.searchParams.has('v')) return VERSIONED_EXPORT_CACHE_CONTROL;
  if (url.pathname.startsWith('/api/')) return API_CACHE_CONTROL;
  return PAGE_CACHE_CONTROL;
}
