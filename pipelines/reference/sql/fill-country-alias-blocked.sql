-- Fills country_alias_blocked from the staging tables of load-countries.ts
-- (ref_curated, ref_alias_tier). Several curated rows can share one key
-- ("U.S.S.R." and "USSR" do not, "Soviet Union" and "soviet union" do): the
-- first note in file order is kept.
DELETE FROM country_alias_blocked;
INSERT INTO country_alias_blocked
WITH curated AS (
  SELECT country_key(alias) AS alias_key, block_kind AS kind, note AS reason, line
  FROM ref_curated WHERE iso3 IS NULL
)
SELECT alias_key, arg_min(kind, line), arg_min(reason, line) FROM curated GROUP BY alias_key
UNION ALL
SELECT alias_key, 'reference_conflict', 'reference columns give ' || array_to_string(iso3s, ' or ')
FROM ref_alias_tier WHERE NOT blocked AND len(iso3s) > 1;
