import type { PageServerLoad } from './$types';
import { filtersOf } from '$lib/state/filters.ts';
import { chartDownload, metric, pageState, slim, orUnavailable } from '$lib/state/metrics.server.ts';
import { withConnection } from '$lib/server/db.ts';
import { realSourceSet, sourceSets } from '$lib/server/metrics/source-sets.ts';
import { t } from '$lib/i18n/index.ts';
import { rowsOf } from '$lib/charts/registry.ts';

/**
 * The published figures, real by definition, each with its quote and source. Beside them the counts
 * computed from attendance records: of the records chosen under Records, else of the first real
 * source set with attendance records. Without such a set (no registration files are public) the page
 * shows the published figures alone: it never compares them with synthetic counts unasked.
 */
export const load = (async ({ url }: { url: URL }) => {
  const { filters } = filtersOf(url);
  const sets = await orUnavailable(() => withConnection((conn) => sourceSets(conn)));
  const realAttendance = sets.find((s) => !s.synthetic && s.records.attendance > 0)?.name ?? null;
  // A set the database does not hold is no request for the default (synthetic) one.
  const requested = sets.some((s) => s.name === filters.source) ? filters.source : null;
  const compareWith = requested ?? realAttendance;
  // Published figures are about all attendees: compare with the computed series for the same population.
  const base = { ...filters, source: compareWith, population: 'attendees' as const, mode: 'all' as const, exclude_host: false };
  // Without records to compare, any real set serves the published metric; its computed side is unused.
  const publishedOnly = { ...base, source: realSourceSet(sets) };
  const [published, participation] = await Promise.all([
    metric('published', compareWith === null ? publishedOnly : base),
    compareWith === null ? null : metric('participation', base)
  ]);
  const { state, inRange } = pageState(url, participation ? [participation, published] : [published]);
  const part = (key: string, label: string) => ({ part: { key, label } });
  const figures = rowsOf('published', 'published-participants');
  const computed = rowsOf('participation', 'published-participants');
  return {
    ...state,
    compared: participation !== null,
    // Without records to compare, every number here is published: the public record.
    view: participation === null ? ('public' as const) : ('records' as const),
    synthetic: participation?.synthetic ?? false,
    downloads: {
      'published-participants': [
        ...(participation
          ? [
              chartDownload('published-participants', participation, base, state.years, part('computed', t('published.computed')))
            ]
          : []),
        chartDownload('published-participants', published, compareWith === null ? publishedOnly : base, state.years, part('published', t('published.published')))
      ]
    },
    published: slim(published, (r) => inRange(r) && figures(r)),
    participation: participation ? slim(participation, (r) => inRange(r) && computed(r)) : null
  };
}) satisfies PageServerLoad;
