-- Per-session view of the stage rules of session-diversity.sql (level=session).
WITH
sel AS ({{population}}),
per_session AS ({{per_session}})
SELECT
  p.year,
  p.session_id,
  t.title,
  t.session_type,
  CAST(p.speakers AS INTEGER)              AS speakers,
  CAST(p.known_gender AS INTEGER)          AS known_gender,
  CAST(p.women AS INTEGER)                 AS women,
  CAST(p.men AS INTEGER)                   AS men,
  p.women / nullif(p.known_gender, 0)      AS women_share,
  CAST(p.n_genders AS INTEGER)             AS genders,
  CAST(p.n_regions AS INTEGER)             AS regional_groups,
  CAST(p.n_stakeholder_groups AS INTEGER)  AS stakeholder_groups,
  CAST(p.global_south_speakers AS INTEGER) AS global_south_speakers,
  CASE WHEN p.known_gender >= 2 THEN p.men = p.known_gender END                        AS manel,
  CASE WHEN p.known_gender >= 2 THEN p.n_genders >= 2 END                              AS gender_diverse,
  CASE WHEN p.known_region >= 2 THEN p.n_regions >= 2 END                             AS region_diverse,
  CASE WHEN p.known_stakeholder >= 2 THEN p.n_stakeholder_groups >= 3 END              AS stakeholder_diverse,
  CASE WHEN p.known_global_south >= 2 THEN p.global_south_speakers >= 1 END            AS global_south_on_stage,
  p.synthetic
FROM per_session AS p
LEFT JOIN session_list AS t ON t.source_set = $source AND t.year = p.year AND t.session_id = p.session_id
ORDER BY p.year, p.session_id
