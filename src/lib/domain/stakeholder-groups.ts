/**
 * The stakeholder groups of the IGF, as the metrics code them, with the codes data/published uses for
 * them. Published sources before 2011 counted the technical and academic communities together
 * ("technical_and_academic"): that is not one of these groups and maps to none.
 */
export const STAKEHOLDER_GROUPS = [
  'government',
  'private_sector',
  'civil_society',
  'technical_community',
  'academia',
  'intergovernmental_organization',
  'media'
] as const;
export type StakeholderGroup = (typeof STAKEHOLDER_GROUPS)[number];

const PUBLISHED_CATEGORIES: Record<string, StakeholderGroup> = {
  government: 'government',
  private_sector: 'private_sector',
  civil_society: 'civil_society',
  technical_community: 'technical_community',
  academia: 'academia',
  intergovernmental_organisation: 'intergovernmental_organization',
  intergovernmental_organization: 'intergovernmental_organization',
  media: 'media'
};

/** The stakeholder group a published figure's category names, or null when it names none. */
export function publishedStakeholderGroup(category: string | null | undefined): StakeholderGroup | null {
  return (category && PUBLISHED_CATEGORIES[category]) || null;
}
