/**
 * Cache-Control per kind of response. Browsers and shared caches may reuse a page or a metric for a
 * minute, and a stale one for five more while they revalidate it in the background (revalidation is a
 * 304 when the data version has not changed). A full-table export named with its data version
 * (`?v=<version>`, see exports/http.ts) never changes, so it may be kept for a year.
 */
export const PAGE_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';
export const API_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';
export const VERSIONED_EXPORT_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/**
 * SvelteKit's own for page data (what in-app navigation fetches): browsers and proxies do not keep
 * it, since the client asks for it exactly when it wants it fresh. The server's cache may.
 */
export const PAGE_DATA_CACHE_CONTROL = 'private, no-store';

/** Whether a request is SvelteKit's page data (`/gender/__data.json?x-sveltekit-invalidated=01`), by the URL as sent. */
export function isPageData(requestUrl: URL): boolean {
  return requestUrl.pathname.endsWith('/__data.json');
}

/** The Cache-Control of a response, from the URL as the client sent it. */
export function cacheControl(url: URL): string {
  if (isPageData(url)) return PAGE_DATA_CACHE_CONTROL;
  if (url.pathname.startsWith('/api/v1/export/') && url.searchParams.has('v')) return VERSIONED_EXPORT_CACHE_CONTROL;
  if (url.pathname.startsWith('/api/')) return API_CACHE_CONTROL;
  return PAGE_CACHE_CONTROL;
}
