-- The source sets present in the database, one row each, by name: whether any of its records is
-- synthetic (a set is either all synthetic or all real: the pipeline keeps it so), its records per
-- table, and the meeting years it has records for. Read from the tables themselves, once per
-- connection (source-sets.ts).
WITH records AS (
  SELECT source_set, 'attendance' AS tbl, meeting_year, synthetic FROM attendance
  UNION ALL
  SELECT source_set, 'session', meeting_year, synthetic FROM session
  UNION ALL
  SELECT source_set, 'speaker', meeting_year, synthetic FROM speaker
)
SELECT
  source_set                                                     AS name,
  bool_or(synthetic)                                             AS synthetic,
  count(*) FILTER (WHERE tbl = 'attendance')::INTEGER            AS attendance,
  count(*) FILTER (WHERE tbl = 'session')::INTEGER               AS sessions,
  count(*) FILTER (WHERE tbl = 'speaker')::INTEGER               AS speakers,
  list(DISTINCT meeting_year::INTEGER ORDER BY meeting_year::INTEGER) AS years
FROM records
GROUP BY source_set
ORDER BY source_set
