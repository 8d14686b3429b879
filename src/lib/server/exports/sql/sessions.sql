SELECT
  meeting_year::INTEGER AS meeting_year, session_id, title, session_type, theme, date,
  attendance_onsite::INTEGER AS attendance_onsite, attendance_online::INTEGER AS attendance_online,
  women_share_estimate, source_file, source_line::INTEGER AS source_line, synthetic
FROM session
ORDER BY meeting_year, session_id, source_file, source_line
