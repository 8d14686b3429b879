import type { PageServerLoad } from './$types';
import { filtersOf } from '$lib/state/filters.ts';
import { metric, pageState, orUnavailable } from '$lib/state/metrics.server.ts';
import { SPECIAL_SITUATION_LIST_DATE } from '$lib/server/metrics/ldc-lldc-sids-shares.ts';
import { withConnection } from '$lib/server/db.ts';
import { sourceSets } from '$lib/server/metrics/source-sets.ts';
import { sessionPageTotals } from '$lib/server/public-record/index.ts';
import { PUBLIC_SESSION_PAGES } from '$lib/domain/source-sets.ts';
import { num } from '$lib/domain/rows.ts';
import provenance from '../../../data/PROVENANCE.md?raw';
import publishedProvenance from '../../../data/published/PROVENANCE.md?raw';

const COVERAGE = [
  ['gender', 'gender', 'gender'],
  ['stakeholders', 'stakeholder_group', 'stakeholder'],
  ['regions', 'un_regional_group', 'country'],
  ['participation', 'participation_mode', 'mode']
] as const;

export const load: PageServerLoad = async ({ url }) => {
  const { filters } = filtersOf(url);
  const attendees = { ...filters, population: 'attendees' as const };
  const [results, sets, pages] = await Promise.all([
    Promise.all(COVERAGE.map(([m]) => metric(m, attendees))),
    orUnavailable(() => withConnection((conn) => sourceSets(conn))),
    orUnavailable(() => sessionPageTotals(PUBLIC_SESSION_PAGES))
  ]);
  const { state } = pageState(url, results);
  const coverage = state.years.map((year) => {
    const row: Record<string, number | null> = { year };
    COVERAGE.forEach(([, dimension, key], i) => {
      const r = results[i].rows.find((x) => Number(x.year) === year && x.dimension === dimension);
      row[key] = num(r?.coverage);
    });
    return row;
  });
  return {
    ...state,
    // The metrics and definitions are shown from the catalog (i18n/domain-text.ts); the API keeps
    // the modules' English text for the exact filters of each request.
    ldcListDate: SPECIAL_SITUATION_LIST_DATE,
    coverage,
    sourceSets: sets,
    sessionPages: pages,
    k: results[0].suppression.k,
    provenance: [provenance, publishedProvenance]
  };
};
