import type { PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { DatabaseUnavailableError, withConnection } from '$lib/server/db.ts';
import { sourceSets } from '$lib/server/metrics/source-sets.ts';
import { listExports } from '$lib/server/exports/http.ts';
import { exportSizes } from '$lib/server/exports/sizes.ts';
import { t } from '$lib/i18n/index.ts';
import { snippetOrigin } from './snippets.ts';
import { benchmark, codeLists } from './codes.server.ts';

export const load: PageServerLoad = async ({ url, request }) => {
  // The snippets name this server as the request reached it (see snippetOrigin); ORIGIN and
  // PROTOCOL_HEADER are adapter-node's settings.
  const origin = snippetOrigin({ url, configured: Boolean(process.env.ORIGIN || process.env.PROTOCOL_HEADER), forwardedProto: request.headers.get('x-forwarded-proto') });
  try {
    const [{ data_version, exports }, sets, members] = await Promise.all([
      listExports(url.origin),
      withConnection((conn) => sourceSets(conn)),
      withConnection((conn) => benchmark(conn))
    ]);
    return {
      sourceSets: sets,
      origin,
      dataVersion: data_version,
      exports,
      synthetic: exports.some((e) => e.synthetic),
      codes: codeLists(),
      benchmark: members,
      // Measured once per data version; streamed in so the list shows at once.
      sizes: exportSizes(url.origin).catch(() => null)
    };
  } catch (e) {
    if (e instanceof DatabaseUnavailableError) error(503, t('error.unavailable'));
    throw e;
  }
};
