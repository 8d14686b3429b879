import type { Handle } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { parseHTML } from 'linkedom';
import { installServerDocument } from '$lib/charts/server-drawing.ts';
import { perDatabase } from '$lib/server/db.ts';
import { dataVersion } from '$lib/server/download/metadata.ts';
import { cacheSizesFromEnv } from '$lib/server/http-cache/config.ts';
import { createHttpCache } from '$lib/server/http-cache/handle.ts';
import { registerAllCatalogs } from '$lib/i18n/all-catalogs.ts';
import { inLocale } from '$lib/i18n/request-locale.server.ts';
import { fontFacesFor } from '$lib/i18n/fonts.server.ts';
import { LOCALE_INFO, localeOfPath } from '$lib/i18n/locales.ts';

// A DOM for drawing charts into the server-rendered pages (see server-drawing.ts).
installServerDocument(parseHTML('<!doctype html><html><head></head><body></body></html>').document as unknown as Document);

// The server answers in any of the six languages: all catalogs in memory.
registerAllCatalogs();

/** Each request is answered in the language of its path (/fr/…), the document marked with it. */
const answerInItsLanguage: Handle = ({ event, resolve }) => {
  const info = LOCALE_INFO[localeOfPath(event.url.pathname)];
  return inLocale(info.code, () =>
    resolve(event, {
      transformPageChunk: ({ html }) =>
        html.replace('%igf.lang%', info.tag).replace('%igf.dir%', info.dir).replace('%igf.fonts%', () => fontFacesFor(info.code))
    })
  );
};

// ETags, 304s, compression and the in-memory response cache, keyed by the data version (http-cache/).
const httpCache = createHttpCache({
  ...cacheSizesFromEnv(process.env),
  dataVersion: async () => (await perDatabase('data-version', dataVersion)).hash
});

export const handle = sequence(answerInItsLanguage, httpCache.handle);
