/** Category codes of the metrics, in display order (the metrics' own order), from the domain vocabulary. */
import { REGIONAL_GROUPS as UN_REGIONAL_GROUPS } from '$lib/domain/regional-groups.ts';
export { STAKEHOLDER_GROUPS } from '$lib/domain/stakeholder-groups.ts';
/** The five groups, then the countries and territories outside them. */
export const REGIONAL_GROUPS = [...UN_REGIONAL_GROUPS, 'no_group'] as const;
