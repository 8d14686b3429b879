-- Each meeting year with its host's UN regional group (NULL for the online 2020 meeting and for a
-- host outside the five groups).
SELECT m.year, m.city, m.host_iso3, c.un_regional_group AS host_group
FROM meeting m LEFT JOIN country c ON c.iso3 = m.host_iso3
ORDER BY m.year
