-- $1 source file. Published figures are real by definition: no synthetic flag.
INSERT INTO published_figure
SELECT
  s.meeting_year_value,
  nullif(trim(s.host_city), ''),
  nullif(trim(s.host_country), ''),
  trim(s.metric),
  nullif(trim(s.category), ''),
  TRY_CAST(replace(trim(s.value), ',', '') AS DOUBLE),
  nullif(trim(s.unit), ''),
  trim(s.source_url),
  nullif(trim(s.source_title), ''),
  s.quote,
  $1,
  s.__source_line
FROM checked s
WHERE s.reason IS NULL;
