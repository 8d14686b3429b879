/**
 * What a response is a function of, as one string: the cache key and, with the data version, the
 * ETag. A response depends on
 * - the origin (absolute URLs in citations, print footers and embed snippets are built from it),
 * - the path and the query string exactly as sent (the request's URL, not SvelteKit's event.url,
 *   which drops /__data.json and x-sveltekit-invalidated from a page-data request): pages write the query back into their permalinks
 *   and embed snippets, and the API writes the URL into citations, so `?to=2019&from=2010` and
 *   `?from=2010&to=2019` are different bodies (and a repeated parameter's first value wins);
 *   sorting the parameters would serve one request's links to the other,
 * - the language of the text, which is in the URL already: the path's prefix (/fr/…) for pages and
 *   the query's lang for the API; never negotiated from Accept-Language, so that one URL is one body
 *   in one language and needs no language of its own in the key,
 * - the UTC day: pages print the access date ("accessed", print footer) and downloads their
 *   generation day.
 * Nothing else of the request (cookies, other headers) reaches the routes.
 */
export interface KeyParts {
  url: URL;
  now: Date;
}

/** The UTC day a key carries (YYYY-MM-DD): responses kept on one day are not served on the next. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export function requestKey({ url, now }: KeyParts): string {
  return `${url.origin}${url.pathname}${url.search}\nday=${utcDay(now)}`;
}
