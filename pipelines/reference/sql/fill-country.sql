-- Fills country (emptied by the caller) from the staging tables of
-- load-countries.ts: M49 codes and names, UN regional group, SDG developing/
-- developed, G77, World Bank income group, LDC/LLDC/SIDS.
INSERT INTO country
WITH sdg AS (
  SELECT iso3,
         bool_or(group_name = 'Developing regions') AS developing,
         bool_or(group_name LIKE 'Developed regions%') AS developed
  FROM ref_membership WHERE source = 'un_sdg' GROUP BY iso3
)
SELECT
  m."ISO-alpha3 Code",
  m."ISO-alpha2 Code",
  lpad(m."M49 Code", 3, '0'),
  m."Country or Area",
  m."Region Name",
  m."Sub-region Name",
  CASE g.un_regional_group_code
    WHEN 'AFRICANGROUP' THEN 'african'
    WHEN 'ASIAPACIFICGROUP' THEN 'asia_pacific'
    WHEN 'EEG' THEN 'eastern_european'
    WHEN 'GRULAC' THEN 'grulac'
    WHEN 'WEOG' THEN 'weog'
  END,
  CASE WHEN sdg.developing THEN true WHEN sdg.developed THEN false END,
  -- The list holds China and Palestine: "Group of 77 and China" is counted with China.
  coalesce(g.g77_member = 'yes', false),
  CASE cm.wb_income_code
    WHEN 'LIC' THEN 'low' WHEN 'LMC' THEN 'lower_middle'
    WHEN 'UMC' THEN 'upper_middle' WHEN 'HIC' THEN 'high'
  END,
  -- cccommons is the newer UNSD snapshot (São Tomé and Príncipe left the LDCs in
  -- Dec. 2024; the 2024 M49 file still flags it). Taiwan is only in the M49 file.
  coalesce(cm.is_ldc::BOOLEAN, m."Least Developed Countries (LDC)" IS NOT NULL),
  coalesce(cm.is_lldc::BOOLEAN, m."Land Locked Developing Countries (LLDC)" IS NOT NULL),
  coalesce(cm.is_sids::BOOLEAN, m."Small Island Developing States (SIDS)" IS NOT NULL)
FROM ref_m49 m
LEFT JOIN ref_groups g ON g.iso3 = m."ISO-alpha3 Code"
LEFT JOIN ref_master cm ON cm.iso3 = m."ISO-alpha3 Code"
LEFT JOIN sdg ON sdg.iso3 = m."ISO-alpha3 Code";
