-- Speaker population: rows of speaker_persons (one per person per session, n = 1) of one source set
-- for the selected years, mode, session type and host rule. Parameters as for attendees, and
-- $session_type (NULL = all).
SELECT *, CASE $definition WHEN 'g77' THEN gs_g77 WHEN 'wb_non_high_income' THEN gs_wb_non_high_income
                       WHEN 'regional_groups' THEN gs_regional_groups ELSE gs_un_developing END AS gs
FROM speaker_persons
WHERE source_set = $source
  AND year BETWEEN $from AND $to
  AND ($mode = 'all' OR mode = $mode)
  AND ($session_type IS NULL OR session_type = $session_type)
  AND (NOT $exclude_host OR host <> 'host_country')
