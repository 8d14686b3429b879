-- Lenient parsers for numbers and dates as spreadsheets write them.
-- NULL means "could not read"; the load reports such values as unresolved.

-- "1,204", " 35 " -> integer; negatives and fractions are not head counts.
CREATE OR REPLACE MACRO head_count(s) AS
  CASE WHEN TRY_CAST(replace(trim(s), ',', '') AS INTEGER) >= 0 THEN TRY_CAST(replace(trim(s), ',', '') AS INTEGER) END;

-- "45%", "45", "0.45" -> 0.45. A bare number above 1 is read as a percentage.
CREATE OR REPLACE MACRO share_0_1(s) AS (
  WITH v AS (SELECT TRY_CAST(trim(replace(s, '%', '')) AS DOUBLE) AS x, contains(s, '%') AS pct)
  SELECT CASE
    WHEN x IS NULL OR x < 0 THEN NULL
    WHEN pct OR x > 1 THEN CASE WHEN x <= 100 THEN x / 100 END
    ELSE x END FROM v);

-- ISO dates first; otherwise day before month, as the UN writes dates.
CREATE OR REPLACE MACRO session_date(s) AS
  try_strptime(trim(s), ['%Y-%m-%d', '%d/%m/%Y', '%d.%m.%Y', '%Y/%m/%d', '%d-%m-%Y', '%d %B %Y', '%B %d, %Y', '%d %b %Y', '%Y-%m-%dT%H:%M:%S'])::DATE;
