/** Plain-language text for the `definition` field of each response. */
import type { Definition, MetricParams, Population } from './params.ts';

export const GLOBAL_SOUTH_DEFINITIONS: Record<Definition, string> = {
  un_developing:
    'UN M49 / SDG "developing regions": every country or area the UN Statistics Division classes as developing (all of Africa, the Americas except the United States and Canada, Asia except Japan, Israel and Cyprus, and Oceania except Australia and New Zealand); the others are counted as global north.',
  g77: 'Members of the Group of 77 and China, China included; every other country or territory is counted as global north.',
  wb_non_high_income:
    'World Bank income groups low, lower-middle and upper-middle income; high-income economies are global north; economies the World Bank does not classify are unknown. Each country counts by its income group in the World Bank fiscal year of the meeting (the classification valid when the meeting opened: FY N runs July N-1 to June N, so IGF 2024 in December 2024 and IGF 2025 in June 2025 both use FY2025; World Bank historical classification by income, OGHIST, July 2025 edition), not by today\'s group; a meeting after FY2026 uses today\'s (FY2027) list.',
  regional_groups:
    'Members of the African, Asia-Pacific and Latin American and Caribbean (GRULAC) UN regional groups; the Eastern European and Western European and Others groups, and countries or territories outside the five groups, are global north. A record without a known country counts by its own regional group when it has one (region_only: session pages give a regional group, never a country).'
};

/** Said of every definition other than regional_groups: why region-only records are unknown there. */
export const COUNTRY_BASED_TEXT =
  'Under un_developing, g77 and wb_non_high_income a record without a known country is unknown even when its UN regional group is known: it is outside the denominator and lowers coverage.';

/** Which source set the figures are counted from. */
export function sourceText(p: Pick<MetricParams, 'source'>): string {
  return p.source === null ? 'the default source set (demo when present)' : `source set ${p.source}`;
}

export function populationText(population: Population | 'both'): string {
  if (population === 'attendees') return 'attendees (one record per attendance record)';
  if (population === 'speakers') return 'speakers (one record per person per session)';
  return 'speakers (one record per person per session) and attendees (one record per attendance record)';
}

export function selectionText(p: MetricParams, population: Population | 'both' = p.population): string {
  const years =
    p.from === null && p.to === null
      ? 'every meeting year in the data'
      : p.from === p.to
        ? `the ${p.from} meeting`
        : `meeting years ${p.from ?? 'first'} to ${p.to ?? 'last'}`;
  const mode = p.mode === 'all' ? 'all participation modes' : `${p.mode} participation only`;
  const host = p.exclude_host ? 'records from the host country excluded' : 'host-country records included';
  const type = p.session_type ? `, sessions of type ${p.session_type} only` : '';
  return `Population: ${populationText(population)} of ${sourceText(p)}, ${years}, ${mode}, ${host}${type}.`;
}

export const SHARE_TEXT =
  'Each share row gives count / denominator with a Wilson 95 % score interval; the denominator holds the records whose field is known, and coverage = denominator / all records of the year. Missing-data bounds: bound_low = count / (denominator + u) and bound_high = (count + u) / (denominator + u), u = the records whose field is not known (unknown, undisclosed, not classified): the share if none, or all, of them were in the category.';

export function suppressionText(population: Population | 'both'): string {
  if (population === 'speakers') return 'Speakers are public: no suppression.';
  return 'Attendee cells of a real attribute with a count from 1 to k-1 are suppressed (count and share null, suppressed = true), with secondary suppression so that no hidden cell can be recovered from a total or the denominator; cells of missing data (unknown, undisclosed, not classified) are never suppressed for being small and are the first complements hidden.';
}

export const BALANCE_TEXT =
  'Balance indices (kind index) over K = 5 fixed categories, p = each category\'s share of the records in the five: Pielou evenness J = (-sum p ln p) / ln 5 and normalised Blau index (1 - sum p^2) / (1 - 1/5); both 0 when everyone is in one category and 1 when the five are equal; effective number of groups (Hill number of order 2) = 1 / sum p^2, from 1 (everyone in one category) to 5 (the five equal); denominator = records in the five categories.';
