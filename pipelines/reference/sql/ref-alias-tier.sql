-- Staging: one row per alias key. Per key, only the best tier present counts: a
-- curated alias overrides the reference columns, and a spelling found as-is
-- overrides a derived variant. For a blocked key, iso3s/origins list what the
-- reference columns would have given.
CREATE OR REPLACE TEMP TABLE ref_alias_tier AS
WITH best AS (
  SELECT alias_key, min(tier) AS tier, bool_or(iso3 IS NULL) AS blocked
  FROM ref_alias_candidate GROUP BY alias_key
)
SELECT c.alias_key, best.tier, best.blocked,
       list_sort(list(DISTINCT c.iso3) FILTER (c.iso3 IS NOT NULL)) AS iso3s,
       list_sort(list(DISTINCT c.origin) FILTER (c.iso3 IS NOT NULL)) AS origins,
       -- deterministic, readable origin: prefer plain columns over derived ones, then alphabetical
       min(c.origin ORDER BY length(c.origin) - length(replace(c.origin, '~', '')), c.origin) AS origin
FROM ref_alias_candidate c JOIN best ON c.alias_key = best.alias_key AND (c.tier = best.tier OR best.blocked)
GROUP BY c.alias_key, best.tier, best.blocked;
