/**
 * Every category of every breakdown the metrics report, in display order, with whether it sits inside
 * the denominator ('in') or outside it ('out': reported as an 'excluded' row and in coverage). The
 * single list of categories of the product: the pipeline's synonyms, the demo generator, the metric
 * arithmetic (server/metrics/cells.ts), the charts and the page filters read it; the SQL that spells a
 * list is checked against it (categories-in-sql.test.ts).
 */
import { REGIONAL_GROUPS } from './regional-groups.ts';
import { STAKEHOLDER_GROUPS } from './stakeholder-groups.ts';

/** Inside the denominator of a share, or outside it. */
export type Part = 'in' | 'out';

const inside = <const T extends readonly string[]>(codes: T) => codes.map((c) => [c, 'in'] as const) as { [K in keyof T]: readonly [T[K], 'in'] };

export const CATEGORIES = {
  stakeholder_group: [...inside(STAKEHOLDER_GROUPS), ['other', 'out'], ['unknown', 'out']],
  /** Gender as recorded: declared (female, male, other), declined (undisclosed) or not known. */
  gender: [
    ['female', 'in'],
    ['male', 'in'],
    ['other', 'in'],
    ['undisclosed', 'out'],
    ['unknown', 'out']
  ],
  /** The five groups, then the countries and territories outside them. */
  un_regional_group: [...inside(REGIONAL_GROUPS), ['no_group', 'in'], ['unknown', 'out']],
  m49_region: [
    ['africa', 'in'],
    ['americas', 'in'],
    ['asia', 'in'],
    ['europe', 'in'],
    ['oceania', 'in'],
    ['unknown', 'out']
  ],
  global_south: [
    ['global_south', 'in'],
    ['global_north', 'in'],
    ['unknown', 'out']
  ],
  ldc: [
    ['ldc', 'in'],
    ['not_ldc', 'in'],
    ['unknown', 'out']
  ],
  lldc: [
    ['lldc', 'in'],
    ['not_lldc', 'in'],
    ['unknown', 'out']
  ],
  sids: [
    ['sids', 'in'],
    ['not_sids', 'in'],
    ['unknown', 'out']
  ],
  ldc_lldc_sids: [
    ['ldc_lldc_sids', 'in'],
    ['other_countries', 'in'],
    ['unknown', 'out']
  ],
  host: [
    ['host_country', 'in'],
    ['other_countries', 'in'],
    ['unknown', 'out']
  ],
  /** How a person took part in a meeting. */
  participation_mode: [
    ['onsite', 'in'],
    ['online', 'in'],
    ['unknown', 'out']
  ],
  first_time: [
    ['first_time', 'in'],
    ['returning', 'in'],
    ['unknown', 'out']
  ],
  manel: [
    ['manel', 'in'],
    ['not_manel', 'in'],
    ['ineligible', 'out']
  ],
  gender_diverse: [
    ['diverse', 'in'],
    ['not_diverse', 'in'],
    ['ineligible', 'out']
  ],
  region_diverse: [
    ['diverse', 'in'],
    ['not_diverse', 'in'],
    ['ineligible', 'out']
  ],
  stakeholder_diverse: [
    ['diverse', 'in'],
    ['not_diverse', 'in'],
    ['ineligible', 'out']
  ],
  global_south_on_stage: [
    ['with_global_south', 'in'],
    ['without_global_south', 'in'],
    ['ineligible', 'out']
  ]
} as const satisfies Record<string, readonly (readonly [string, Part])[]>;

/** A breakdown the metrics report as shares. */
export type Dimension = keyof typeof CATEGORIES;
/** The category codes of one breakdown. */
export type CategoryOf<D extends Dimension> = (typeof CATEGORIES)[D][number][0];

export function isDimension(name: string): name is Dimension {
  return Object.hasOwn(CATEGORIES, name);
}

/** The codes of one breakdown inside (or outside) the denominator. */
export type PartOf<D extends Dimension, P extends Part> = Extract<(typeof CATEGORIES)[D][number], readonly [string, P]>[0];

export type Gender = CategoryOf<'gender'>;
export type ParticipationMode = CategoryOf<'participation_mode'>;

/** A breakdown's category codes in display order; `part` keeps only those inside or outside the denominator. */
export function categoryCodes<D extends Dimension>(dimension: D): CategoryOf<D>[];
export function categoryCodes<D extends Dimension, P extends Part>(dimension: D, part: P): PartOf<D, P>[];
export function categoryCodes(dimension: Dimension, part?: Part): string[] {
  return (CATEGORIES[dimension] as readonly (readonly [string, Part])[]).filter(([, p]) => part === undefined || p === part).map(([c]) => c);
}

/**
 * Missing-data categories: the record's field is not known (unknown country or one the definition
 * leaves unclassified, gender undisclosed or unknown, mode or stakeholder group unknown). They sit
 * outside the denominator; their cells are never suppressed for being small and count in the `u` of
 * the missing-data bounds.
 */
export const MISSING_CATEGORIES: ReadonlySet<string> = new Set(['unknown', 'undisclosed']);

/**
 * Share categories that, when small and the only hidden cell of the denominator, are published merged
 * with the 'not stated' cells (outside the denominator for that year) instead of hiding a large
 * category as their complement.
 */
export const MERGEABLE: Readonly<Record<string, ReadonlySet<string>>> = { gender: new Set(['other']) };
