-- Gender counts per meeting year: female | male | other | undisclosed | unknown.
SELECT year, 'gender' AS dimension, gender AS category, sum(n) AS count, bool_or(synthetic) AS synthetic
FROM ({{population}})
GROUP BY ALL
