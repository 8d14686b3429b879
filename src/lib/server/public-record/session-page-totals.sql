-- Per meeting year, the sessions and listed people behind the speaker figures of one source set
-- ($source): how much each yearly share rests on. A person is counted once per session, as in
-- speaker_persons (name ignoring case and spaces; a record without a name is a person of its own),
-- and has a regional group when the record gives one of the five UN groups.
SELECT
  meeting_year AS year,
  count(DISTINCT session_id) AS sessions,
  count(DISTINCT (session_id, coalesce(nullif(lower(trim(name)), ''), source_file || ':' || source_line))) AS people,
  count(DISTINCT (session_id, coalesce(nullif(lower(trim(name)), ''), source_file || ':' || source_line)))
    FILTER (WHERE regional_group IN ('african', 'asia_pacific', 'eastern_european', 'grulac', 'weog')) AS people_with_group
FROM speaker
WHERE source_set = $source
GROUP BY meeting_year
ORDER BY meeting_year
