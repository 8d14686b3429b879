-- The staged records with their year as a number and, when a record cannot
-- be loaded, why. Reasons never quote the record's values, which may be
-- personal. A view, not a copy: the year is read and parsed once per distinct
-- spelling (map_year) and duplicate sessions come from a small table
-- (first_of_session), so reading `checked` costs little more than `staged`.
-- Reads the view staged_keys: the staged columns plus year_text,
-- session_key, needs_session and unique_session, defined per kind by the loader.
-- A year is accepted only when the database knows a meeting in it (the
-- `meeting` table, from data/meetings.csv).
CREATE OR REPLACE TEMP TABLE map_year AS
SELECT
  y.year_text,
  given(y.year_text) IS NULL AS year_missing,
  y.year_value,
  y.year_value IN (SELECT year FROM meeting) AS is_meeting
FROM (
  SELECT
    year_text,
    TRY_CAST(regexp_extract(lower(given(year_text)), '^(?:igf\s*)?(\d{4})(?:\.0+)?$', 1) AS INTEGER) AS year_value
  FROM (SELECT DISTINCT coalesce(year_text, '') AS year_text FROM staged_keys)
) y;

-- Sessions must be unique per year; speaker rows repeat a session on purpose.
CREATE OR REPLACE TEMP TABLE first_of_session AS
SELECT y.year_value, k.session_key, min(k.__source_line) AS first_line
FROM staged_keys k JOIN map_year y ON y.year_text = coalesce(k.year_text, '')
WHERE k.unique_session AND k.session_key IS NOT NULL
GROUP BY ALL;

CREATE OR REPLACE TEMP VIEW checked AS
SELECT
  k.* EXCLUDE (year_text, session_key, needs_session, unique_session),
  y.year_value AS meeting_year_value,
  CASE
    WHEN y.year_missing THEN 'missing meeting_year'
    WHEN y.year_value IS NULL THEN 'meeting_year is not a year'
    WHEN NOT y.is_meeting
      THEN 'no IGF meeting in ' || y.year_value || ' in the database (add meetings to data/meetings.csv)'
    WHEN k.needs_session AND k.session_key IS NULL THEN 'missing session_id'
    WHEN f.first_line < k.__source_line
      THEN 'duplicate session_id for this meeting_year (first on line ' || f.first_line || ')'
  END AS reason
FROM staged_keys k
JOIN map_year y ON y.year_text = coalesce(k.year_text, '')
LEFT JOIN first_of_session f ON f.year_value = y.year_value AND f.session_key = k.session_key;
