/**
 * Every catalog at once, for the server (which answers in any language) and the unit tests. The
 * browser never imports this file: it loads the one catalog of its page (loadCatalog).
 */
import { en, type Messages } from './en.ts';
import { registerCatalog } from './index.ts';
import { isLocale } from './locales.ts';

const translated = import.meta.glob<Record<string, Messages>>('./catalogs/*.ts', { eager: true });

export function registerAllCatalogs(): void {
  registerCatalog('en', en);
  for (const [path, module] of Object.entries(translated)) {
    const locale = path.replace(/^.*\/(\w+)\.ts$/, '$1');
    if (isLocale(locale)) registerCatalog(locale, module[locale]);
  }
}
