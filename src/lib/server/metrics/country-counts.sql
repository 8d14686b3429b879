-- Counts per meeting year and country: category is the ISO3 code of a country in the reference
-- table, 'unknown' for records without one. Each row carries the country's M49 code (three digits,
-- zero-padded: the ids of the world-atlas shapes) and English name, and the meeting's host country
-- (ISO3 and M49), which a map needs even when exclude_host has removed the host's own row.
SELECT c.year, c.category, c.count, c.synthetic,
       lpad(k.m49, 3, '0') AS m49, k.name_en AS country,
       m.host_iso3, lpad(h.m49, 3, '0') AS host_m49
FROM (
  SELECT year, CASE WHEN country_known THEN iso3 ELSE 'unknown' END AS category, sum(n) AS count, bool_or(synthetic) AS synthetic
  FROM ({{population}})
  GROUP BY ALL
) AS c
LEFT JOIN country AS k ON k.iso3 = c.category
LEFT JOIN meeting AS m ON m.year = c.year
LEFT JOIN country AS h ON h.iso3 = m.host_iso3
ORDER BY c.year, c.category
