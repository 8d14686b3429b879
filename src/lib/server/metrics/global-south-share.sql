-- Global-south counts per meeting year under one definition ($definition) or all four
-- ($definition = 'all'): category global_south | global_north | unknown (no known country, or the
-- definition leaves the country unclassified). The classification itself is in classification.sql.
-- Also per year the region_only count: records whose country is unknown but whose UN regional group is
-- known (regional_groups classifies them, the three country-based definitions count them as unknown).
WITH
sel AS ({{population}}),
base AS MATERIALIZED (
  SELECT year, gs_un_developing, gs_g77, gs_wb_non_high_income, gs_regional_groups, region_only,
         sum(n) AS n, bool_or(synthetic) AS synthetic
  FROM sel
  GROUP BY ALL
)
SELECT year, 'global_south' AS dimension, 'un_developing' AS definition, gs_un_developing AS category,
       sum(n) AS count, bool_or(synthetic) AS synthetic
FROM base WHERE $definition IN ('all', 'un_developing') GROUP BY ALL
UNION ALL
SELECT year, 'global_south', 'g77', gs_g77, sum(n), bool_or(synthetic)
FROM base WHERE $definition IN ('all', 'g77') GROUP BY ALL
UNION ALL
SELECT year, 'global_south', 'wb_non_high_income', gs_wb_non_high_income, sum(n), bool_or(synthetic)
FROM base WHERE $definition IN ('all', 'wb_non_high_income') GROUP BY ALL
UNION ALL
SELECT year, 'global_south', 'regional_groups', gs_regional_groups, sum(n), bool_or(synthetic)
FROM base WHERE $definition IN ('all', 'regional_groups') GROUP BY ALL
UNION ALL
SELECT year, 'region_only', NULL, 'region_only', coalesce(sum(n) FILTER (WHERE region_only), 0), bool_or(synthetic)
FROM base GROUP BY year
