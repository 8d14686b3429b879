import type { PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { DatabaseUnavailableError, withConnection } from '$lib/server/db.ts';
import { sourceSets } from '$lib/server/metrics/source-sets.ts';
import { listExports } from '$lib/server/exports/http.ts';
import { exportSizes } from '$lib/server/exports/sizes.ts';
import { t } from '$lib/i18n/index.ts';

export const load: PageServerLoad = async ({ url }) => {
  try {
    const [{ data_version, exports }, sets] = await Promise.all([listExports(url.origin), withConnection((conn) => sourceSets(conn))]);
    return {
      sourceSets: sets,
      origin: url.origin,
      dataVersion: data_version,
      exports,
      synthetic: exports.some((e) => e.synthetic),
      // Measured once per data version; streamed in so the list shows at once.
      sizes: exportSizes(url.origin).catch(() => null)
    };
  } catch (e) {
    if (e instanceof DatabaseUnavailableError) error(503, t('error.unavailable'));
    throw e;
  }
};
