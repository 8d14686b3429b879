-- Attendance counted by source set x year x country x stakeholder group x gender x mode, with the
-- classification the metrics group by (region, M49 region, the four global-south definitions, host
-- or not), so that suppression can protect each published total. The metrics count one source set
-- at a time, so a cell never mixes two. Never a record: the smallest unit is a cell.
SELECT
  g.meeting_year::INTEGER AS meeting_year,
  g.country_iso3,
  g.stakeholder_group,
  g.gender,
  g.participation_mode,
  count(*)::INTEGER       AS participants,
  bool_or(g.synthetic)    AS synthetic,
  g.source_set,
  {{classification}}
FROM (
  -- attendance records carry no regional group of their own (classification.sql reads g.regional_group)
  SELECT *, CAST(NULL AS VARCHAR) AS regional_group FROM attendance
) AS g
LEFT JOIN country AS c ON c.iso3 = g.country_iso3
LEFT JOIN meeting AS m ON m.year = g.meeting_year
{{income}}
GROUP BY ALL
ORDER BY source_set, meeting_year, country_iso3 NULLS LAST, stakeholder_group, gender, participation_mode
