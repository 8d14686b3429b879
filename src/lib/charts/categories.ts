/** Category codes of the metrics, in display order (the metrics' own order). */
export const STAKEHOLDER_GROUPS = [
  'government',
  'private_sector',
  'civil_society',
  'technical_community',
  'academia',
  'intergovernmental_organization',
  'media'
] as const;
export const REGIONAL_GROUPS = ['african', 'asia_pacific', 'eastern_european', 'grulac', 'weog', 'no_group'] as const;
