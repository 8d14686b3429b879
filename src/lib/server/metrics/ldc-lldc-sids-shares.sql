-- Counts per meeting year of records from the countries in special situations that the IGF's
-- travel support targets (UN-OHRLLS lists, country.ldc, lldc, sids; classification.sql):
--   ldc            ldc | not_ldc | unknown            (least developed countries)
--   lldc           lldc | not_lldc | unknown          (landlocked developing countries)
--   sids           sids | not_sids | unknown          (small island developing states)
--   ldc_lldc_sids  ldc_lldc_sids | other_countries | unknown   (in any of the three lists)
-- unknown: no known country (a region-only record included).
WITH
sel AS ({{population}}),
base AS MATERIALIZED (
  SELECT year, ldc, lldc, sids, ldc_lldc_sids, sum(n) AS n, bool_or(synthetic) AS synthetic
  FROM sel
  GROUP BY ALL
)
SELECT year, 'ldc' AS dimension, ldc AS category, sum(n) AS count, bool_or(synthetic) AS synthetic FROM base GROUP BY ALL
UNION ALL
SELECT year, 'lldc', lldc, sum(n), bool_or(synthetic) FROM base GROUP BY ALL
UNION ALL
SELECT year, 'sids', sids, sum(n), bool_or(synthetic) FROM base GROUP BY ALL
UNION ALL
SELECT year, 'ldc_lldc_sids', ldc_lldc_sids, sum(n), bool_or(synthetic) FROM base GROUP BY ALL
