-- Counts per population (attendees, speakers), meeting year, dimension and category for the four
-- dimensions compared on stage: stakeholder group, UN regional group, gender, global south under
-- $definition (column gs).
WITH
att AS ({{attendees}}),
spk AS ({{speakers}}),
base AS MATERIALIZED (
  SELECT 'attendees' AS population, year, stakeholder_group, region, gender, gs, sum(n) AS n, bool_or(synthetic) AS synthetic
  FROM att GROUP BY ALL
  UNION ALL
  SELECT 'speakers', year, stakeholder_group, region, gender, gs, sum(n), bool_or(synthetic)
  FROM spk GROUP BY ALL
)
SELECT population, year, 'stakeholder_group' AS dimension, stakeholder_group AS category, sum(n) AS count,
       bool_or(synthetic) AS synthetic
FROM base GROUP BY ALL
UNION ALL SELECT population, year, 'un_regional_group', region, sum(n), bool_or(synthetic) FROM base GROUP BY ALL
UNION ALL SELECT population, year, 'gender', gender, sum(n), bool_or(synthetic) FROM base GROUP BY ALL
UNION ALL SELECT population, year, 'global_south', gs, sum(n), bool_or(synthetic) FROM base GROUP BY ALL
