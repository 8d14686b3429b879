-- $1 source file, $2 file-level synthetic flag.
INSERT INTO speaker
SELECT
  s.meeting_year_value,
  trim(s.session_id),
  coalesce(given(s.name), given(concat_ws(' ', given(s.first_name), given(s.last_name)))),
  role.value,
  given(s.organization),
  country.value,
  coalesce(given(s.country), given(s.country_code)),
  stakeholder.value,
  gender.value,
  mode.value,
  given(s.session_title),
  nullif(replace(text_key(s.session_type), ' ', '_'), ''),
  $1,
  s.__source_line,
  coalesce(synthetic.value::BOOLEAN, $2)
FROM checked s
JOIN map_role role ON role.raw = s.role_input
JOIN map_country country ON country.raw = s.country_input
JOIN map_stakeholder_group stakeholder ON stakeholder.raw = s.stakeholder_group_input
JOIN map_gender gender ON gender.raw = s.gender_input
JOIN map_participation_mode mode ON mode.raw = s.participation_mode_input
JOIN map_synthetic synthetic ON synthetic.raw = s.synthetic_input
WHERE s.reason IS NULL;
