SELECT
  year::INTEGER AS year, host_city, host_country, metric, category, value, unit,
  source_url, source_title, quote, source_file, source_line::INTEGER AS source_line
FROM published_figure
ORDER BY year, metric, category NULLS FIRST, source_line
