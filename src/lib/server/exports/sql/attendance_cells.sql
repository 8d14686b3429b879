-- Attendance counted by year x country x stakeholder group x gender x mode, with the classification
-- the metrics group by (region, M49 region, the four global-south definitions, host or not), so that
-- suppression can protect each published total. Never a record: the smallest unit is a cell.
SELECT
  a.meeting_year::INTEGER AS meeting_year,
  a.country_iso3,
  a.stakeholder_group,
  a.gender,
  a.participation_mode,
  count(*)::INTEGER       AS participants,
  bool_or(a.synthetic)    AS synthetic,
  {{classification}}
FROM attendance AS a
LEFT JOIN country AS c ON c.iso3 = a.country_iso3
LEFT JOIN meeting AS m ON m.year = a.meeting_year
GROUP BY ALL
ORDER BY meeting_year, country_iso3 NULLS LAST, stakeholder_group, gender, participation_mode
