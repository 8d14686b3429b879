-- Staging: every spelling the reference files give for a country, one row per
-- spelling per source column (iso3, spelling, origin = the column it came from).
CREATE OR REPLACE TEMP TABLE ref_alias_spelling AS
WITH codes AS (
  SELECT "ISO-alpha3 Code" AS iso3, "ISO-alpha3 Code" AS spelling, 'iso3' AS origin FROM ref_m49
  -- Not "NA" (Namibia): in a country column it is far more often "not available".
  -- "Namibia", "NAM" and "516" still resolve.
  UNION ALL SELECT "ISO-alpha3 Code", "ISO-alpha2 Code", 'iso2' FROM ref_m49 WHERE "ISO-alpha2 Code" <> 'NA'
  UNION ALL SELECT "ISO-alpha3 Code", "M49 Code", 'm49' FROM ref_m49
  UNION ALL SELECT "ISO-alpha3 Code", CAST(CAST("M49 Code" AS INTEGER) AS VARCHAR), 'm49_unpadded' FROM ref_m49
  UNION ALL SELECT "ISO-alpha3 Code", "Country or Area", 'unsd_m49.country_or_area' FROM ref_m49
),
country_codes AS (
  UNPIVOT (
    SELECT "ISO3166-1-Alpha-3" AS iso3,
      "UNTERM English Short" AS "unterm.en_short", "UNTERM English Formal" AS "unterm.en_formal",
      "UNTERM French Short"  AS "unterm.fr_short", "UNTERM French Formal"  AS "unterm.fr_formal",
      "UNTERM Spanish Short" AS "unterm.es_short", "UNTERM Spanish Formal" AS "unterm.es_formal",
      "UNTERM Russian Short" AS "unterm.ru_short", "UNTERM Russian Formal" AS "unterm.ru_formal",
      "UNTERM Arabic Short"  AS "unterm.ar_short", "UNTERM Arabic Formal"  AS "unterm.ar_formal",
      "UNTERM Chinese Short" AS "unterm.zh_short", "UNTERM Chinese Formal" AS "unterm.zh_formal",
      official_name_en AS "official_name.en", official_name_fr AS "official_name.fr",
      official_name_es AS "official_name.es", official_name_ru AS "official_name.ru",
      official_name_ar AS "official_name.ar", official_name_cn AS "official_name.zh",
      "CLDR display name" AS cldr
    FROM ref_codes
  ) ON COLUMNS(* EXCLUDE iso3) INTO NAME origin VALUE spelling
),
master AS (
  UNPIVOT (
    SELECT iso3,
      country_name_en AS "cccommons.en", country_name_fr AS "cccommons.fr", country_name_es AS "cccommons.es",
      country_name_ru AS "cccommons.ru", country_name_ar AS "cccommons.ar", country_name_zh AS "cccommons.zh",
      country_name_sdg_en AS "cccommons.sdg_en", wb_country_name AS "world_bank"
    FROM ref_master
  ) ON COLUMNS(* EXCLUDE iso3) INTO NAME origin VALUE spelling
),
internacia AS (
  -- The Palestine row carries a placeholder "(G-77 member, ...)" instead of a name.
  SELECT iso3, name_internacia, 'internacia' FROM ref_groups WHERE name_internacia NOT LIKE '(%'
)
SELECT iso3, trim(spelling) AS spelling, origin FROM (
  SELECT iso3, spelling, origin FROM codes
  UNION ALL SELECT iso3, spelling, origin FROM country_codes
  UNION ALL SELECT iso3, spelling, origin FROM master
  UNION ALL SELECT * FROM internacia
)
WHERE iso3 IS NOT NULL AND spelling IS NOT NULL AND trim(spelling) <> '';
