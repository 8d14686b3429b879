import type { LayoutLoad } from './$types';
import { browser } from '$app/environment';
import { loadCatalog, useLocaleSource } from '$lib/i18n/index.ts';
import { localeOfPath } from '$lib/i18n/locales.ts';

/**
 * The page's language, from its path. In the browser its catalog is fetched before anything
 * renders (the server holds them all); another language is a full page load (the switcher reloads,
 * and +layout.svelte turns any other navigation into another language into one), so the language
 * a browser tab renders in only changes here. The path is read untracked: a navigation to another
 * page of the same language does not run this load again (nor hand every page new layout data).
 */
export const load: LayoutLoad = async ({ data, url, untrack }) => {
  const locale = localeOfPath(untrack(() => url.pathname));
  if (browser) {
    await loadCatalog(locale);
    useLocaleSource(() => locale);
  }
  return { ...data, locale };
};
