-- Country-based columns of a summary row g, from the country table c and the meeting m (see
-- summaries.sql for their meaning). g.regional_group is the record's own UN regional group (NULL for
-- attendance); it is used only when the country is unknown.
  c.iso3 IS NOT NULL                                                                         AS country_known,
  CASE WHEN c.iso3 IS NOT NULL THEN coalesce(c.un_regional_group, 'no_group')
       WHEN g.regional_group IN ('african', 'asia_pacific', 'eastern_european', 'grulac', 'weog') THEN g.regional_group
       ELSE 'unknown' END                                                                    AS region,
  c.iso3 IS NULL AND coalesce(g.regional_group IN ('african', 'asia_pacific', 'eastern_european', 'grulac', 'weog'), false) AS region_only,
  CASE WHEN c.iso3 IS NULL OR c.m49_region IS NULL THEN 'unknown' ELSE lower(c.m49_region) END AS m49_region,
  CASE WHEN c.un_developing THEN 'global_south' WHEN NOT c.un_developing THEN 'global_north' ELSE 'unknown' END AS gs_un_developing,
  CASE WHEN c.g77 THEN 'global_south' WHEN NOT c.g77 THEN 'global_north' ELSE 'unknown' END AS gs_g77,
  CASE WHEN c.wb_income IN ('low', 'lower_middle', 'upper_middle') THEN 'global_south'
       WHEN c.wb_income = 'high' THEN 'global_north' ELSE 'unknown' END                       AS gs_wb_non_high_income,
  CASE WHEN c.iso3 IS NOT NULL THEN CASE WHEN c.un_regional_group IN ('african', 'asia_pacific', 'grulac') THEN 'global_south'
                                         ELSE 'global_north' END
       WHEN g.regional_group IN ('african', 'asia_pacific', 'grulac') THEN 'global_south'
       WHEN g.regional_group IN ('eastern_european', 'weog') THEN 'global_north'
       ELSE 'unknown' END                                                                    AS gs_regional_groups,
  CASE WHEN c.iso3 IS NULL THEN 'unknown' WHEN c.iso3 = m.host_iso3 THEN 'host_country' ELSE 'other_countries' END AS host
