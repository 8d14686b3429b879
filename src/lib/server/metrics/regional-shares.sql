-- Counts per meeting year by UN regional group (african | asia_pacific | eastern_european | grulac |
-- weog | no_group for countries and territories outside the groups | unknown country) and by UN M49
-- region (africa | americas | asia | europe | oceania | unknown). A record whose country is unknown
-- counts with its own regional group when it has one (region_only): in un_regional_group, not in
-- m49_region. The region_only count per year tells how many such records there are.
WITH
sel AS ({{population}}),
base AS MATERIALIZED (
  SELECT year, region, m49_region, region_only, sum(n) AS n, bool_or(synthetic) AS synthetic
  FROM sel
  GROUP BY ALL
)
SELECT year, 'un_regional_group' AS dimension, region AS category, sum(n) AS count, bool_or(synthetic) AS synthetic
FROM base GROUP BY ALL
UNION ALL
SELECT year, 'm49_region', m49_region, sum(n), bool_or(synthetic) FROM base GROUP BY ALL
UNION ALL
SELECT year, 'region_only', 'region_only', coalesce(sum(n) FILTER (WHERE region_only), 0), bool_or(synthetic)
FROM base GROUP BY year
