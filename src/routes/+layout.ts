import type { LayoutLoad } from './$types';
import { browser } from '$app/environment';
import { loadCatalog, useLocaleSource } from '$lib/i18n/index.ts';
import { localeOfPath } from '$lib/i18n/locales.ts';

/**
 * The page's language, from its path. In the browser its catalog is fetched before anything
 * renders (the server holds them all); another language is a full page load (the switcher reloads),
 * so the language a browser tab renders in only changes here.
 */
export const load: LayoutLoad = async ({ data, url }) => {
  const locale = localeOfPath(url.pathname);
  if (browser) {
    await loadCatalog(locale);
    useLocaleSource(() => locale);
  }
  return { ...data, locale };
};
