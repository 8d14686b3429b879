-- $1 source file, $2 file-level synthetic flag.
INSERT INTO speaker
SELECT
  s.meeting_year_value,
  trim(s.session_id),
  nullif(trim(s.name), ''),
  role.value,
  nullif(trim(s.organization), ''),
  country.value,
  nullif(trim(s.country), ''),
  stakeholder.value,
  gender.value,
  mode.value,
  nullif(trim(s.session_title), ''),
  nullif(replace(text_key(s.session_type), ' ', '_'), ''),
  $1,
  s.__source_line,
  coalesce(synthetic.value::BOOLEAN, $2)
FROM checked s
JOIN map_role role ON role.raw = coalesce(s.role, '')
JOIN map_country country ON country.raw = coalesce(s.country, '')
JOIN map_stakeholder_group stakeholder ON stakeholder.raw = coalesce(s.stakeholder_group, '')
JOIN map_gender gender ON gender.raw = coalesce(s.gender, '')
JOIN map_participation_mode mode ON mode.raw = coalesce(s.participation_mode, '')
JOIN map_synthetic synthetic ON synthetic.raw = coalesce(s.synthetic, '')
WHERE s.reason IS NULL;
