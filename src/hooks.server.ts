import type { Handle, ServerInit } from '@sveltejs/kit';
import { building, dev } from '$app/environment';
import { sequence } from '@sveltejs/kit/hooks';
import { parseHTML } from 'linkedom';
import { installServerDocument } from '$lib/charts/server-drawing.ts';
import { perDatabase } from '$lib/server/db.ts';
import { dataVersion } from '$lib/server/download/metadata.ts';
import { cacheSizesFromEnv, warmSettingsFromEnv } from '$lib/server/http-cache/config.ts';
import { createHttpCache } from '$lib/server/http-cache/handle.ts';
import { createWarmer, defaultWarmPaths, startWarming } from '$lib/server/http-cache/warm.ts';
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
const cacheSizes = cacheSizesFromEnv(process.env);
const currentDataVersion = async () => (await perDatabase('data-version', dataVersion)).hash;
const httpCache = createHttpCache({ ...cacheSizes, dataVersion: currentDataVersion });

/** How often the warm-up looks for a new data version or a new day (the database is checked at most once a second anyway). */
const WARM_CHECK_MS = 2000;
const WARM_REQUEST_TIMEOUT_MS = 60_000;

/** The production server asks itself for the default views after every data change (http-cache/warm.ts). */
export const init: ServerInit = () => {
  if (dev || building) return;
  const settings = warmSettingsFromEnv(process.env, cacheSizes.maxBytes, process.pid);
  if (!settings.enabled) {
    console.log(`cache warm-up: off, ${settings.reason}`);
    return;
  }
  const warmer = createWarmer({
    paths: defaultWarmPaths(),
    dataVersion: currentDataVersion,
    request: async (path) => {
      const res = await fetch(settings.base + path, {
        headers: { 'accept-encoding': 'br, gzip' },
        redirect: 'manual',
        signal: AbortSignal.timeout(WARM_REQUEST_TIMEOUT_MS)
      });
      await res.arrayBuffer();
      return { status: res.status, cache: res.headers.get('x-igf-cache') };
    },
    log: (line) => console.log(line)
  });
  const stop = startWarming(warmer, WARM_CHECK_MS, (e) => console.error('cache warm-up:', e));
  // From the signal on, not only once the server has closed: no new run while it shuts down.
  for (const event of ['SIGTERM', 'SIGINT', 'sveltekit:shutdown']) process.once(event, stop);
};

export const handle = sequence(answerInItsLanguage, httpCache.handle);
