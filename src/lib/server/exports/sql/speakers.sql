-- Speakers are public: every record, with the session it belongs to and where it was loaded from.
SELECT
  meeting_year::INTEGER AS meeting_year, session_id, name, role, organization,
  country_iso3, country_raw, stakeholder_group, gender, participation_mode,
  session_title, session_type, source_file, source_line::INTEGER AS source_line, synthetic
FROM speaker
ORDER BY meeting_year, session_id, source_file, source_line
