-- Country-based columns of a summary row g, from the country table c and the meeting m (see
-- summaries.sql for their meaning).
  c.iso3 IS NOT NULL                                                                         AS country_known,
  CASE WHEN c.iso3 IS NULL THEN 'unknown' ELSE coalesce(c.un_regional_group, 'no_group') END  AS region,
  CASE WHEN c.iso3 IS NULL OR c.m49_region IS NULL THEN 'unknown' ELSE lower(c.m49_region) END AS m49_region,
  CASE WHEN c.un_developing THEN 'global_south' WHEN NOT c.un_developing THEN 'global_north' ELSE 'unknown' END AS gs_un_developing,
  CASE WHEN c.g77 THEN 'global_south' WHEN NOT c.g77 THEN 'global_north' ELSE 'unknown' END AS gs_g77,
  CASE WHEN c.wb_income IN ('low', 'lower_middle', 'upper_middle') THEN 'global_south'
       WHEN c.wb_income = 'high' THEN 'global_north' ELSE 'unknown' END                       AS gs_wb_non_high_income,
  CASE WHEN c.iso3 IS NULL THEN 'unknown'
       WHEN c.un_regional_group IN ('african', 'asia_pacific', 'grulac') THEN 'global_south'
       ELSE 'global_north' END                                                               AS gs_regional_groups,
  CASE WHEN c.iso3 IS NULL THEN 'unknown' WHEN c.iso3 = m.host_iso3 THEN 'host_country' ELSE 'other_countries' END AS host
