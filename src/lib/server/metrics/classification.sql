-- Country-based columns of a summary row g, from the country table c, the meeting m and the World
-- Bank income group of the country in the meeting's fiscal year wi (country_income; see
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
  -- the income group valid at the meeting (World Bank fiscal year m.wb_fiscal_year) when the history
  -- has the economy in that year (an empty group there stays unknown), else today's (a meeting after
  -- the history's last year, or a database without it)
  CASE WHEN CASE WHEN wi.iso3 IS NOT NULL THEN wi.income_group ELSE c.wb_income END IN ('low', 'lower_middle', 'upper_middle') THEN 'global_south'
       WHEN CASE WHEN wi.iso3 IS NOT NULL THEN wi.income_group ELSE c.wb_income END = 'high' THEN 'global_north'
       ELSE 'unknown' END                                                                    AS gs_wb_non_high_income,
  CASE WHEN c.iso3 IS NOT NULL THEN CASE WHEN c.un_regional_group IN ('african', 'asia_pacific', 'grulac') THEN 'global_south'
                                         ELSE 'global_north' END
       WHEN g.regional_group IN ('african', 'asia_pacific', 'grulac') THEN 'global_south'
       WHEN g.regional_group IN ('eastern_european', 'weog') THEN 'global_north'
       ELSE 'unknown' END                                                                    AS gs_regional_groups,
  CASE WHEN c.iso3 IS NULL THEN 'unknown' WHEN c.iso3 = m.host_iso3 THEN 'host_country' ELSE 'other_countries' END AS host,
  -- the countries in special situations of UN-OHRLLS (country.ldc, lldc, sids: today's lists)
  CASE WHEN c.iso3 IS NULL THEN 'unknown' WHEN coalesce(c.ldc, false) THEN 'ldc' ELSE 'not_ldc' END    AS ldc,
  CASE WHEN c.iso3 IS NULL THEN 'unknown' WHEN coalesce(c.lldc, false) THEN 'lldc' ELSE 'not_lldc' END AS lldc,
  CASE WHEN c.iso3 IS NULL THEN 'unknown' WHEN coalesce(c.sids, false) THEN 'sids' ELSE 'not_sids' END AS sids,
  CASE WHEN c.iso3 IS NULL THEN 'unknown'
       WHEN coalesce(c.ldc, false) OR coalesce(c.lldc, false) OR coalesce(c.sids, false) THEN 'ldc_lldc_sids'
       ELSE 'other_countries' END                                                            AS ldc_lldc_sids
