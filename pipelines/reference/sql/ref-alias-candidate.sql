-- Staging: candidate alias keys (alias_key, iso3, origin, tier) from the curated
-- list (tier 0), the reference spellings as given (tier 1) and variants derived
-- from them (tier 2). A curated row with an empty iso3 keeps iso3 NULL: it blocks its key.
CREATE OR REPLACE TEMP TABLE ref_alias_candidate AS
WITH direct AS (
  SELECT country_key(alias) AS alias_key, iso3, 'curated' AS origin, 0 AS tier FROM ref_curated
  UNION ALL
  SELECT country_key(spelling), iso3, origin, 1 FROM ref_alias_spelling
),
derived AS (
  -- "Bolivia (Plurinational State of)" -> "Bolivia"; UNTERM's "Holy See (the) *" -> "Holy See"
  SELECT country_key(regexp_replace(spelling, '\s*\([^()]*\)[\s*]*$', '')) AS alias_key, iso3,
         origin || '~no_parenthesis' AS origin, 2 AS tier
  FROM ref_alias_spelling WHERE regexp_matches(spelling, '\)[\s*]*$')
  UNION ALL
  -- UNTERM fr/es formal names start with an article: "la République de Corée"
  SELECT country_key(regexp_replace(spelling, '^(la|le|les|el|los|las)\s+|^l[''’]', '', 'i')), iso3,
         origin || '~no_article', 2
  FROM ref_alias_spelling WHERE origin IN ('unterm.fr_formal', 'unterm.es_formal')
  UNION ALL
  -- UNTERM English formal names keep "the" inside ("the Republic of the Sudan");
  -- people drop it: "Republic of Sudan", "Republic of Philippines".
  SELECT country_key(regexp_replace(spelling, '(\sof)\s+the\s', '\1 ', 'i')), iso3,
         origin || '~no_inner_the', 2
  FROM ref_alias_spelling WHERE origin = 'unterm.en_formal' AND regexp_matches(spelling, '\sof\s+the\s', 'i')
),
names AS (
  -- codes are not names: ISO2 "ST" (São Tomé) must not become "Saint"
  SELECT * FROM direct WHERE tier = 1 AND origin NOT IN ('iso3', 'iso2', 'm49', 'm49_unpadded')
  UNION ALL SELECT * FROM derived
),
saint AS (
  -- "St. Lucia" <-> "Saint Lucia"
  SELECT regexp_replace(alias_key, '(^| )st( |$)', '\1saint\2', 'g') AS alias_key, iso3,
         origin || '~saint' AS origin, 2 AS tier
  FROM names
  WHERE regexp_matches(alias_key, '(^| )st( |$)')
  UNION ALL
  SELECT regexp_replace(alias_key, '(^| )saint( |$)', '\1st\2', 'g'), iso3, origin || '~st', 2
  FROM names
  WHERE regexp_matches(alias_key, '(^| )saint( |$)')
)
SELECT DISTINCT alias_key, iso3, origin, tier
FROM (SELECT * FROM direct UNION ALL SELECT * FROM derived UNION ALL SELECT * FROM saint)
WHERE alias_key IS NOT NULL AND alias_key <> '';
