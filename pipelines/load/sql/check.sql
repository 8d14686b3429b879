-- One row per staged record: its year as a number and, when it cannot be
-- loaded, why. Reasons never quote the record's values, which may be personal.
-- Reads the view staged_keys (__source_line, year_text, session_key,
-- needs_session, unique_session) that the loader defines for each kind.
CREATE OR REPLACE TEMP TABLE checked AS
WITH parsed AS (
  SELECT
    *,
    TRY_CAST(regexp_extract(lower(trim(year_text)), '^(?:igf\s*)?(\d{4})(?:\.0+)?$', 1) AS INTEGER) AS year_value
  FROM staged_keys
), numbered AS (
  SELECT
    *,
    -- Sessions must be unique per year; speaker rows repeat a session on purpose.
    CASE WHEN unique_session AND session_key IS NOT NULL
      THEN min(__source_line) OVER (PARTITION BY year_value, session_key) END AS first_line
  FROM parsed
)
SELECT
  __source_line,
  year_value AS meeting_year,
  CASE
    WHEN nullif(trim(year_text), '') IS NULL THEN 'missing meeting_year'
    WHEN year_value IS NULL OR year_value NOT BETWEEN 2006 AND 2100 THEN 'meeting_year is not a year between 2006 and 2100'
    WHEN needs_session AND session_key IS NULL THEN 'missing session_id'
    WHEN first_line < __source_line THEN 'duplicate session_id for this meeting_year (first on line ' || first_line || ')'
  END AS reason
FROM numbered;
