-- Attendance counted by year x country x stakeholder group x gender x mode, with every grouping the
-- metrics publish for a cell (region, M49 region, the four global-south definitions, host or not), so
-- that suppression can protect each published total. Never a record: the smallest unit is a cell.
SELECT
  a.meeting_year::INTEGER                     AS meeting_year,
  a.country_iso3,
  a.stakeholder_group,
  a.gender,
  a.participation_mode,
  count(*)::INTEGER                           AS participants,
  bool_or(a.synthetic)                        AS synthetic,
  coalesce(a.country_iso3 = m.host_iso3, false) AS host,
  CASE WHEN c.iso3 IS NULL THEN 'unknown' ELSE coalesce(c.un_regional_group, 'no_group') END AS region,
  CASE WHEN c.iso3 IS NULL OR c.m49_region IS NULL THEN 'unknown' ELSE lower(c.m49_region) END AS m49_region,
  CASE WHEN c.un_developing THEN 'south' WHEN NOT c.un_developing THEN 'north' ELSE 'unknown' END AS gs_un_developing,
  CASE WHEN c.g77 THEN 'south' WHEN NOT c.g77 THEN 'north' ELSE 'unknown' END AS gs_g77,
  CASE WHEN c.wb_income IN ('low', 'lower_middle', 'upper_middle') THEN 'south'
       WHEN c.wb_income = 'high' THEN 'north' ELSE 'unknown' END AS gs_wb_non_high_income,
  CASE WHEN c.iso3 IS NULL THEN 'unknown'
       WHEN c.un_regional_group IN ('african', 'asia_pacific', 'grulac') THEN 'south' ELSE 'north' END AS gs_regional_groups
FROM attendance a
LEFT JOIN country c ON c.iso3 = a.country_iso3
LEFT JOIN meeting m ON m.year = a.meeting_year
GROUP BY ALL
ORDER BY meeting_year, country_iso3 NULLS LAST, stakeholder_group, gender, participation_mode
