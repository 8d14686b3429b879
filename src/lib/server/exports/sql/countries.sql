SELECT iso3, iso2, m49, name_en, m49_region, m49_subregion, un_regional_group,
       un_developing, g77, wb_income, ldc, lldc, sids
FROM country
ORDER BY iso3
