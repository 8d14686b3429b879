-- Fills country_name (emptied by the caller): each country's short name in the six official UN
-- languages, as UNSD's multilingual M49 overview writes them (cccommons master, see
-- data/reference/PROVENANCE.md). A country cccommons does not have (Taiwan) takes the official
-- names of datasets/country-codes instead; a country neither names in a language keeps its
-- English M49 name there.
INSERT INTO country_name
WITH named AS (
  SELECT c.iso3, c.name_en,
    coalesce(nullif(trim(cm.country_name_ar), ''), nullif(trim(cc.official_name_ar), '')) AS ar,
    coalesce(nullif(trim(cm.country_name_zh), ''), nullif(trim(cc.official_name_cn), '')) AS zh,
    coalesce(nullif(trim(cm.country_name_fr), ''), nullif(trim(cc.official_name_fr), '')) AS fr,
    coalesce(nullif(trim(cm.country_name_ru), ''), nullif(trim(cc.official_name_ru), '')) AS ru,
    coalesce(nullif(trim(cm.country_name_es), ''), nullif(trim(cc.official_name_es), '')) AS es
  FROM country c
  LEFT JOIN ref_master cm ON cm.iso3 = c.iso3
  LEFT JOIN ref_codes cc ON cc."ISO3166-1-Alpha-3" = c.iso3
)
SELECT iso3, 'en', name_en FROM named
UNION ALL SELECT iso3, 'ar', coalesce(ar, name_en) FROM named
UNION ALL SELECT iso3, 'zh', coalesce(zh, name_en) FROM named
UNION ALL SELECT iso3, 'fr', coalesce(fr, name_en) FROM named
UNION ALL SELECT iso3, 'ru', coalesce(ru, name_en) FROM named
UNION ALL SELECT iso3, 'es', coalesce(es, name_en) FROM named;
