-- One row per session of the speaker selection (sel: one row per person, n = 1): the counts the
-- stage rules are judged on. Distinct categories are counted as sums of bool_or (faster than
-- count(DISTINCT) and the same).
SELECT
  year,
  session_id,
  sum(n)                                                                                      AS speakers,
  coalesce(sum(n) FILTER (WHERE gender IN ('female', 'male', 'other')), 0)                   AS known_gender,
  coalesce(sum(n) FILTER (WHERE gender = 'female'), 0)                                       AS women,
  coalesce(sum(n) FILTER (WHERE gender = 'male'), 0)                                         AS men,
  CAST(bool_or(gender = 'female') AS INTEGER) + CAST(bool_or(gender = 'male') AS INTEGER)
    + CAST(bool_or(gender = 'other') AS INTEGER)                                              AS n_genders,
  coalesce(sum(n) FILTER (WHERE region <> 'unknown'), 0)                                     AS known_region,
  CAST(bool_or(region = 'african') AS INTEGER) + CAST(bool_or(region = 'asia_pacific') AS INTEGER)
    + CAST(bool_or(region = 'eastern_european') AS INTEGER) + CAST(bool_or(region = 'grulac') AS INTEGER)
    + CAST(bool_or(region = 'weog') AS INTEGER)                                               AS n_regions,
  coalesce(sum(n) FILTER (WHERE stakeholder_group NOT IN ('other', 'unknown')), 0)           AS known_stakeholder,
  CAST(bool_or(stakeholder_group = 'government') AS INTEGER)
    + CAST(bool_or(stakeholder_group = 'private_sector') AS INTEGER)
    + CAST(bool_or(stakeholder_group = 'civil_society') AS INTEGER)
    + CAST(bool_or(stakeholder_group = 'technical_community') AS INTEGER)
    + CAST(bool_or(stakeholder_group = 'academia') AS INTEGER)
    + CAST(bool_or(stakeholder_group = 'intergovernmental_organization') AS INTEGER)
    + CAST(bool_or(stakeholder_group = 'media') AS INTEGER)                                   AS n_stakeholder_groups,
  coalesce(sum(n) FILTER (WHERE gs <> 'unknown'), 0)                                         AS known_global_south,
  coalesce(sum(n) FILTER (WHERE gs = 'global_south'), 0)                                     AS global_south_speakers,
  bool_or(synthetic)                                                                          AS synthetic
FROM sel
GROUP BY year, session_id
