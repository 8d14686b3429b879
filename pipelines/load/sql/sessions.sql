-- $1 source file, $2 file-level synthetic flag, $3 source set given by the user (NULL: 'demo' for
-- synthetic rows, 'user' for real ones).
INSERT INTO session
SELECT
  s.meeting_year_value,
  trim(s.session_id),
  given(s.title),
  nullif(replace(text_key(s.session_type), ' ', '_'), ''),
  given(s.theme),
  session_date(s.date),
  head_count(s.attendance_onsite),
  head_count(s.attendance_online),
  share_0_1(s.women_share_estimate),
  $1,
  s.__source_line,
  coalesce(synthetic.value::BOOLEAN, $2),
  coalesce($3, CASE WHEN coalesce(synthetic.value::BOOLEAN, $2) THEN 'demo' ELSE 'user' END)
FROM checked s
JOIN map_synthetic synthetic ON synthetic.raw = s.synthetic_input
WHERE s.reason IS NULL;
