import { parseHTML } from 'linkedom';
import { installServerDocument } from '$lib/charts/server-drawing.ts';
import { perDatabase } from '$lib/server/db.ts';
import { dataVersion } from '$lib/server/download/metadata.ts';
import { cacheSizesFromEnv } from '$lib/server/http-cache/config.ts';
import { createHttpCache } from '$lib/server/http-cache/handle.ts';
import { locale } from '$lib/i18n/index.ts';

// A DOM for drawing charts into the server-rendered pages (see server-drawing.ts).
installServerDocument(parseHTML('<!doctype html><html><head></head><body></body></html>').document as unknown as Document);

// ETags, 304s, compression and the in-memory response cache, keyed by the data version (http-cache/).
export const { handle } = createHttpCache({
  ...cacheSizesFromEnv(process.env),
  dataVersion: async () => (await perDatabase('data-version', dataVersion)).hash,
  locale
});
