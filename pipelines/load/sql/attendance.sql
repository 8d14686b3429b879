-- $1 source file, $2 file-level synthetic flag, $3 pseudonymisation key.
-- An e-mail links one person across years better than a per-registration id,
-- so it wins when both are present. Only the keyed hash is stored.
INSERT INTO attendance
SELECT
  s.meeting_year_value,
  CASE
    WHEN nullif(trim(s.email), '') IS NOT NULL THEN sha256($3 || ':email:' || lower(trim(s.email)))
    WHEN nullif(trim(s.participant_id), '') IS NOT NULL THEN sha256($3 || ':id:' || trim(s.participant_id))
  END,
  country.value,
  nullif(trim(s.country), ''),
  stakeholder.value,
  gender.value,
  mode.value,
  first_time.value::BOOLEAN,
  $1,
  s.__source_line,
  coalesce(synthetic.value::BOOLEAN, $2)
FROM checked s
JOIN map_country country ON country.raw = coalesce(s.country, '')
JOIN map_stakeholder_group stakeholder ON stakeholder.raw = coalesce(s.stakeholder_group, '')
JOIN map_gender gender ON gender.raw = coalesce(s.gender, '')
JOIN map_participation_mode mode ON mode.raw = coalesce(s.participation_mode, '')
JOIN map_first_time first_time ON first_time.raw = coalesce(s.first_time, '')
JOIN map_synthetic synthetic ON synthetic.raw = coalesce(s.synthetic, '')
WHERE s.reason IS NULL;
