-- Stakeholder-group counts per meeting year (the seven named groups, other, unknown), and the UN
-- regional group counts the regional balance index is computed from.
WITH
sel AS ({{population}}),
base AS MATERIALIZED (
  SELECT year, stakeholder_group, region, sum(n) AS n, bool_or(synthetic) AS synthetic
  FROM sel
  GROUP BY ALL
)
SELECT year, 'stakeholder_group' AS dimension, stakeholder_group AS category, sum(n) AS count,
       bool_or(synthetic) AS synthetic
FROM base GROUP BY ALL
UNION ALL
SELECT year, 'un_regional_group', region, sum(n), bool_or(synthetic) FROM base GROUP BY ALL
