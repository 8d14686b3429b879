/** Category codes of the metrics, in display order (the metrics' own order), from the domain vocabulary. */
import { categoryCodes } from '$lib/domain/categories.ts';
/** The seven stakeholder groups inside the denominator. */
export const STAKEHOLDER_GROUPS = categoryCodes('stakeholder_group', 'in');
/** The five groups, then the countries and territories outside them. */
export const REGIONAL_GROUPS = categoryCodes('un_regional_group', 'in');
