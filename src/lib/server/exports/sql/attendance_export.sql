-- The suppressed cells, as prepared in the TEMP table of the streaming connection.
SELECT meeting_year, country_iso3, stakeholder_group, gender, participation_mode, participants, suppressed, synthetic
FROM export_attendance_cells
ORDER BY meeting_year, country_iso3 NULLS LAST, stakeholder_group, gender, participation_mode
