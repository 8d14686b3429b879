/**
 * The four definitions of the global south a figure can be counted under (docs/metrics.md): UN
 * developing regions (M49), the Group of 77, World Bank income groups other than high income, and the
 * UN regional groups (SOUTH_REGIONAL_GROUPS in regional-groups.ts).
 */
export const GLOBAL_SOUTH_DEFINITIONS = ['un_developing', 'g77', 'wb_non_high_income', 'regional_groups'] as const;
export type GlobalSouthDefinition = (typeof GLOBAL_SOUTH_DEFINITIONS)[number];
