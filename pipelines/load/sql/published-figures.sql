-- $1 source file. Published figures are real by definition: no synthetic flag.
INSERT INTO published_figure
SELECT
  s.meeting_year_value,
  given(s.host_city),
  given(s.host_country),
  trim(s.metric),
  given(s.category),
  TRY_CAST(replace(trim(s.value), ',', '') AS DOUBLE),
  given(s.unit),
  trim(s.source_url),
  given(s.source_title),
  s.quote,
  $1,
  s.__source_line
FROM checked s
WHERE s.reason IS NULL;
