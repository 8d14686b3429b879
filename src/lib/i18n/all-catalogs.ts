/**
 * Every catalog at once, for the server (which answers in any language), the unit tests and the
 * scripts run outside Vite (benchmarks). The browser never imports this file: it loads the one
 * catalog of its page (loadCatalog).
 */
import { en } from './en.ts';
import { ar } from './catalogs/ar.ts';
import { es } from './catalogs/es.ts';
import { fr } from './catalogs/fr.ts';
import { ru } from './catalogs/ru.ts';
import { zh } from './catalogs/zh.ts';
import { registerCatalog } from './index.ts';

export function registerAllCatalogs(): void {
  registerCatalog('en', en);
  registerCatalog('ar', ar);
  registerCatalog('zh', zh);
  registerCatalog('fr', fr);
  registerCatalog('ru', ru);
  registerCatalog('es', es);
}
