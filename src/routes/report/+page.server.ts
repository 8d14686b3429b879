import type { PageServerLoad } from './$types';
import { buildReport } from '$lib/report/build.server.ts';
import { DatabaseUnavailableError } from '$lib/server/db.ts';
import { error } from '@sveltejs/kit';
import { t } from '$lib/i18n/index.ts';
import { filtersOf } from '$lib/state/filters.ts';

/** The assessment report (see src/lib/report): the public record by default, ?source= for one set's records. */
export const load: PageServerLoad = async ({ url }) => {
  try {
    const report = await buildReport(url);
    return {
      report,
      filters: filtersOf(url).filters,
      // The layout's banner: a demonstration report says so on screen too.
      synthetic: report.demo
    };
  } catch (e) {
    if (e instanceof DatabaseUnavailableError) error(503, t('error.unavailable'));
    throw e;
  }
};
