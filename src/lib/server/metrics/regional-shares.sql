-- Counts per meeting year by UN regional group (african | asia_pacific | eastern_european | grulac |
-- weog | no_group for countries and territories outside the groups | unknown country) and by UN M49
-- region (africa | americas | asia | europe | oceania | unknown).
WITH
sel AS ({{population}}),
base AS MATERIALIZED (
  SELECT year, region, m49_region, sum(n) AS n, bool_or(synthetic) AS synthetic
  FROM sel
  GROUP BY ALL
)
SELECT year, 'un_regional_group' AS dimension, region AS category, sum(n) AS count, bool_or(synthetic) AS synthetic
FROM base GROUP BY ALL
UNION ALL
SELECT year, 'm49_region', m49_region, sum(n), bool_or(synthetic) FROM base GROUP BY ALL
