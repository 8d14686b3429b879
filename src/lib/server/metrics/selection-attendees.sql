-- Attendee population: rows of attendance_summary (n = records) of one source set for the selected
-- years, mode and host rule. Parameters: $source (the source set: a metric never mixes two), $from,
-- $to (INTEGER), $mode ('all' | 'onsite' | 'online'), $exclude_host (BOOLEAN: leave out the host
-- country's records; records without a country, and years without a host, stay), $definition (the
-- global-south definition of the column gs).
SELECT *, CASE $definition WHEN 'g77' THEN gs_g77 WHEN 'wb_non_high_income' THEN gs_wb_non_high_income
                       WHEN 'regional_groups' THEN gs_regional_groups ELSE gs_un_developing END AS gs
FROM attendance_summary
WHERE source_set = $source
  AND year BETWEEN $from AND $to
  AND ($mode = 'all' OR mode = $mode)
  AND (NOT $exclude_host OR host <> 'host_country')
