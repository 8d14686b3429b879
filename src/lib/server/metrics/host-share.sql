-- Counts per meeting year of records from the meeting's host country (host_country), from other
-- countries (other_countries) and without a known country (unknown), with the host's ISO3 and city.
SELECT c.year, c.dimension, c.category, c.count, c.synthetic, m.host_iso3, m.city AS host_city
FROM (
  SELECT year, 'host' AS dimension, host AS category, sum(n) AS count, bool_or(synthetic) AS synthetic
  FROM ({{population}})
  GROUP BY ALL
) AS c
LEFT JOIN meeting AS m ON m.year = c.year
