-- $1 source file, $2 file-level synthetic flag, $3 source set given by the user (NULL: 'demo' for
-- synthetic rows, 'user' for real ones). A session without an id (main sessions, Dynamic
-- Coalitions) is keyed by its title. The regional group is the country's when the country is
-- known, else the record's own (map_regional_group, normalised by load/regional-group.ts).
INSERT INTO speaker
SELECT
  s.meeting_year_value,
  coalesce(given(s.session_id), given(s.session_title)),
  coalesce(given(s.name), given(concat_ws(' ', given(s.first_name), given(s.last_name)))),
  role.value,
  given(s.organization),
  country.value,
  country.stored_text,
  stakeholder.value,
  gender.value,
  mode.value,
  given(s.session_title),
  nullif(replace(text_key(s.session_type), ' ', '_'), ''),
  $1,
  s.__source_line,
  coalesce(synthetic.value::BOOLEAN, $2),
  coalesce($3, CASE WHEN coalesce(synthetic.value::BOOLEAN, $2) THEN 'demo' ELSE 'user' END),
  CASE WHEN country.value IS NOT NULL THEN c.un_regional_group ELSE rg.value END,
  given(s.regional_group),
  given(s.source_url)
FROM checked s
JOIN map_role role ON role.raw = s.role_input
JOIN map_country country ON country.raw = s.country_input
JOIN map_stakeholder_group stakeholder ON stakeholder.raw = s.stakeholder_group_input
JOIN map_gender gender ON gender.raw = s.gender_input
JOIN map_participation_mode mode ON mode.raw = s.participation_mode_input
JOIN map_synthetic synthetic ON synthetic.raw = s.synthetic_input
LEFT JOIN country c ON c.iso3 = country.value
LEFT JOIN map_regional_group rg ON rg.raw = s.regional_group
WHERE s.reason IS NULL;
