-- Published figures of the selected years, in file order.
SELECT year, metric, category, value, unit, source_url, source_title, quote, host_city, host_country
FROM published_figure
WHERE year BETWEEN $from AND $to
ORDER BY year, source_file, source_line
