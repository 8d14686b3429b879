-- Diversity on stage, per session and per meeting year (speaker population, one person per session).
-- A rule is judged on the speakers whose field is known; a session is eligible for a rule when at
-- least two of its speakers have that field known (a stage of one cannot be diverse):
--   manel                  all speakers of known gender (female, male, other) are male
--   gender_diverse         at least two genders
--   region_diverse         at least two UN regional groups (territories outside the groups add none;
--                          a region-only record counts with its own regional group)
--   stakeholder_diverse    at least three of the seven named stakeholder groups
--   global_south_on_stage  at least one global-south speaker ($definition)
-- Sessions that are not eligible are the 'ineligible' rows, outside the denominator.
WITH
sel AS ({{population}}),
per_session AS MATERIALIZED ({{per_session}}),
rules AS (
  SELECT year, synthetic, 'manel' AS dimension,
         CASE WHEN known_gender < 2 THEN 'ineligible' WHEN men = known_gender THEN 'manel' ELSE 'not_manel' END AS category
  FROM per_session
  UNION ALL
  SELECT year, synthetic, 'gender_diverse',
         CASE WHEN known_gender < 2 THEN 'ineligible' WHEN n_genders >= 2 THEN 'diverse' ELSE 'not_diverse' END
  FROM per_session
  UNION ALL
  SELECT year, synthetic, 'region_diverse',
         CASE WHEN known_region < 2 THEN 'ineligible' WHEN n_regions >= 2 THEN 'diverse' ELSE 'not_diverse' END
  FROM per_session
  UNION ALL
  SELECT year, synthetic, 'stakeholder_diverse',
         CASE WHEN known_stakeholder < 2 THEN 'ineligible' WHEN n_stakeholder_groups >= 3 THEN 'diverse' ELSE 'not_diverse' END
  FROM per_session
  UNION ALL
  SELECT year, synthetic, 'global_south_on_stage',
         CASE WHEN known_global_south < 2 THEN 'ineligible'
              WHEN global_south_speakers >= 1 THEN 'with_global_south' ELSE 'without_global_south' END
  FROM per_session
)
SELECT year, dimension, category, count(*) AS count, bool_or(synthetic) AS synthetic
FROM rules
GROUP BY ALL
