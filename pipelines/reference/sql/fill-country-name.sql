-- Fills country_name (emptied by the caller): each country's short name in the six official UN
-- languages, as UNSD's multilingual M49 overview writes them (cccommons master, see
-- data/reference/PROVENANCE.md). The dashboard shows the name in the reader's language; a country
-- the snapshot does not name in a language keeps its English M49 name there.
INSERT INTO country_name
WITH named AS (
  SELECT c.iso3, c.name_en, cm.country_name_ar AS ar, cm.country_name_zh AS zh, cm.country_name_fr AS fr,
         cm.country_name_ru AS ru, cm.country_name_es AS es
  FROM country c LEFT JOIN ref_master cm ON cm.iso3 = c.iso3
)
SELECT iso3, 'en', name_en FROM named
UNION ALL SELECT iso3, 'ar', coalesce(nullif(trim(ar), ''), name_en) FROM named
UNION ALL SELECT iso3, 'zh', coalesce(nullif(trim(zh), ''), name_en) FROM named
UNION ALL SELECT iso3, 'fr', coalesce(nullif(trim(fr), ''), name_en) FROM named
UNION ALL SELECT iso3, 'ru', coalesce(nullif(trim(ru), ''), name_en) FROM named
UNION ALL SELECT iso3, 'es', coalesce(nullif(trim(es), ''), name_en) FROM named;
