-- $1 source file, $2 file-level synthetic flag, $3 pseudonymisation key, $4 source set given by
-- the user (NULL: 'demo' for synthetic rows, 'user' for real ones).
-- Categorical fields join their map_<field> tables on <field>_input, the
-- field's column(s) as the loader combined them (see load/categorical.ts).
-- country_raw is the country text as given, worked out per distinct input (map_country.stored_text).
-- An e-mail links one person across years better than a per-registration id,
-- so it wins when both are present. Only the keyed hash is stored: its first 128 bits (32 hex
-- digits), which keep keys apart as surely as the whole hash for any number of participants, and
-- cost a million-row load 0.2 s less to store than all 64 digits. One sha256 call over whichever
-- is given (NULL when neither is) reads each column once: a CASE with a branch per column cost a
-- million-row load 0.15 s more.
INSERT INTO attendance
SELECT
  s.meeting_year_value,
  left(sha256($3 || coalesce(':email:' || lower(given(s.email)), ':id:' || given(s.participant_id))), 32),
  country.value,
  country.stored_text,
  stakeholder.value,
  gender.value,
  mode.value,
  first_time.value::BOOLEAN,
  $1,
  s.__source_line,
  coalesce(synthetic.value::BOOLEAN, $2),
  coalesce($4, CASE WHEN coalesce(synthetic.value::BOOLEAN, $2) THEN 'demo' ELSE 'user' END)
FROM checked s
JOIN map_country country ON country.raw = s.country_input
JOIN map_stakeholder_group stakeholder ON stakeholder.raw = s.stakeholder_group_input
JOIN map_gender gender ON gender.raw = s.gender_input
JOIN map_participation_mode mode ON mode.raw = s.participation_mode_input
JOIN map_first_time first_time ON first_time.raw = s.first_time_input
JOIN map_synthetic synthetic ON synthetic.raw = s.synthetic_input
WHERE s.reason IS NULL;
