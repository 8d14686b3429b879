// Unit tests render text as the server does: with every catalog registered (English unless a test
// installs another language with useLocaleSource).
import { registerAllCatalogs } from '../../src/lib/i18n/all-catalogs.ts';

registerAllCatalogs();
