-- Participation per meeting year, counted for the selected population ({{population}}):
--   participants           records of the population
--   countries_represented  distinct known countries and territories among them
--   participation_mode     onsite | online | unknown
--   first_time             first_time | returning | unknown (attendees; speakers are all unknown)
--   sessions               sessions listed for the year (session table or speaker records), unfiltered
--   speakers               the speaker population (one person per session) under the same
--                          mode / exclude_host / session_type filters
-- One row per (year, dimension, category) with its count, and whether any record counted is synthetic.
WITH
sel AS ({{population}}),
base AS MATERIALIZED (
  SELECT year, mode, first_time, iso3, country_known, sum(n) AS n, bool_or(synthetic) AS synthetic
  FROM sel
  GROUP BY ALL
)
SELECT year, 'participants' AS dimension, 'participants' AS category, sum(n) AS count, bool_or(synthetic) AS synthetic
FROM base GROUP BY year
UNION ALL
SELECT year, 'countries_represented', 'countries_represented', count(DISTINCT iso3) FILTER (WHERE country_known), false
FROM base GROUP BY year
UNION ALL
SELECT year, 'participation_mode', mode, sum(n), bool_or(synthetic) FROM base GROUP BY year, mode
UNION ALL
SELECT year, 'first_time', first_time, sum(n), bool_or(synthetic) FROM base GROUP BY year, first_time
UNION ALL
SELECT year, 'sessions', 'sessions', count(*), false FROM session_list WHERE source_set = $source AND year BETWEEN $from AND $to GROUP BY year
UNION ALL
SELECT year, 'speakers', 'speakers', sum(n), bool_or(synthetic) FROM ({{speakers}}) GROUP BY year
