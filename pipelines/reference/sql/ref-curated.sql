-- Staging: the curated list data/reference/country_aliases.csv (parameter: its path).
-- A row with an empty iso3 blocks its spelling; the note says why, and its
-- first words say what kind of block it is (kept in country_alias_blocked):
--   "blocked: ..."     ambiguous or without a code ("Korea", "Kosovo")
--   "split state: ..." a former state that split ("USSR", "Yugoslavia")
--   "region: ..."      not a country ("Americas"), so no typo match lands on "America"
-- `line` keeps the file order for picking one note per key.
CREATE OR REPLACE TEMP TABLE ref_curated AS
  SELECT alias, iso3, note,
         CASE WHEN starts_with(lower(note), 'blocked:') THEN 'blocked'
              WHEN starts_with(lower(note), 'split state:') THEN 'split_state'
              WHEN starts_with(lower(note), 'region:') THEN 'region' END AS block_kind,
         line
  FROM (
    SELECT trim(alias) AS alias, nullif(upper(trim(iso3)), '') AS iso3, trim(coalesce(note, '')) AS note,
           row_number() OVER () AS line
    FROM read_csv(?, header = true, delim = ',', quote = '"', columns = {'alias': 'VARCHAR', 'iso3': 'VARCHAR', 'note': 'VARCHAR'})
  );
