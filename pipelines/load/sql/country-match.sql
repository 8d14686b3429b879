-- Resolves the distinct country spellings in country_match_input(raw, n) into
-- country_match_result(raw, n, value, unresolved, how, matched).
-- Run by pipelines/load/country-match.ts, which also drops these temp tables.
--
-- 1. exact: country_key(raw) is an alias key              -> how 'exact'
-- 2. known and left out on purpose (country_alias_blocked) -> 'split_state' or 'unknown', never fuzzy
-- 3. otherwise a close spelling of one country name        -> 'close'
-- Step 3 only sees the few spellings that steps 1-2 left, so a million-row
-- file costs a few hundred keys times a few thousand names.

-- A name without the words that say what kind of state it is. "Republic of
-- China" and "Republic of Chile" are two letters apart, but what tells them
-- apart is "china"/"chile": the allowed distance is set by this part's length.
CREATE OR REPLACE TEMP MACRO country_core_letters(key) AS length(array_to_string(list_filter(string_split(key, ' '), lambda w: w NOT IN (
  'the', 'of', 'and', 'republic', 'rep', 'kingdom', 'state', 'states', 'democratic', 'dem', 'people', 'peoples',
  'federal', 'federative', 'federated', 'islamic', 'socialist', 'united', 'union', 'principality', 'commonwealth',
  'grand', 'duchy', 'independent', 'plurinational', 'bolivarian', 'cooperative', 'co', 'operative', 'hashemite',
  'sultanate', 'arab', 'popular', 'la', 'le', 'les', 'el', 'de', 'del', 'du', 'republique', 'republica', 'reino',
  'royaume', 'etat', 'estado', 'democratique', 'democratica', 'populaire', 'islamique', 'islamica', 'federale',
  'unie', 'unido', 'unida')), ''));

-- Edits allowed for a pair of names: 1 from 7 letters, 2 from 12 (counted on
-- the shorter distinctive part); below 7 letters none: Mali/Malta, Niger/Nigeria, Iran/Iraq.
CREATE OR REPLACE TEMP MACRO country_allowed_edits(letters_a, letters_b) AS
  CASE WHEN least(letters_a, letters_b) >= 12 THEN 2
       WHEN least(letters_a, letters_b) >= 7 THEN 1
       ELSE 0 END;

-- Fuzzy matching only for plain a-z keys. DuckDB's levenshtein() counts bytes,
-- not characters (an accented or Cyrillic letter is 2, a CJK one 3), and in
-- Chinese or Arabic one character is a whole syllable: 南苏丹/苏丹 is South Sudan/Sudan.
CREATE OR REPLACE TEMP MACRO country_fuzzy_key(key) AS regexp_matches(key, '^[a-z ]+$');

CREATE OR REPLACE TEMP TABLE country_match_exact AS
SELECT i.raw, i.n, i.given, i.key, a.iso3, b.kind AS blocked_kind
FROM (SELECT raw, n, given(raw) IS NOT NULL AS given, country_key(raw) AS key FROM country_match_input) i
LEFT JOIN country_alias a ON i.given AND a.alias_key = i.key
LEFT JOIN country_alias_blocked b ON i.given AND b.alias_key = i.key;

-- Names to compare against: alias keys that are names, not codes (ISO2 "ST"
-- is not a misspelt "SA"), plus the blocked keys, so that a spelling nearest
-- to "Czechoslovakia" or "Korea" is not pushed onto the next country.
CREATE OR REPLACE TEMP TABLE country_match_name AS
SELECT key, iso3, blocked_kind, country_core_letters(key) AS letters FROM (
  SELECT alias_key AS key, iso3, NULL::VARCHAR AS blocked_kind FROM country_alias
  WHERE origin NOT IN ('iso3', 'iso2', 'm49', 'm49_unpadded') AND country_fuzzy_key(alias_key)
  UNION ALL
  SELECT alias_key, NULL, kind FROM country_alias_blocked WHERE country_fuzzy_key(alias_key)
);

CREATE OR REPLACE TEMP TABLE country_match_close AS
WITH todo AS (
  SELECT key, country_core_letters(key) AS letters FROM (
    SELECT DISTINCT key FROM country_match_exact
    WHERE given AND iso3 IS NULL AND blocked_kind IS NULL AND country_fuzzy_key(key)
  )
),
near AS (
  SELECT t.key, c.key AS candidate, c.iso3, c.blocked_kind, levenshtein(t.key, c.key) AS distance
  FROM todo t JOIN country_match_name c ON abs(length(t.key) - length(c.key)) <= 2
  WHERE levenshtein(t.key, c.key) <= country_allowed_edits(t.letters, c.letters)
),
best AS (
  SELECT key, min(distance) AS distance FROM near GROUP BY key
),
verdict AS (
  SELECT near.key,
         count(DISTINCT near.iso3) AS countries,
         bool_or(near.iso3 IS NULL) AS near_blocked,
         bool_and(near.blocked_kind = 'split_state') AS all_split,
         any_value(near.iso3) FILTER (near.iso3 IS NOT NULL) AS iso3
  FROM near JOIN best ON best.key = near.key AND best.distance = near.distance
  GROUP BY near.key
)
SELECT key,
       CASE WHEN countries = 1 AND NOT near_blocked THEN iso3 END AS iso3,
       coalesce(countries = 0 AND all_split, false) AS split_state
FROM verdict v
-- "Dominican" is one letter from "Dominica" but is the start of "Dominican
-- Republic": a spelling that begins another country's name is not a typo.
WHERE NOT EXISTS (
  SELECT 1 FROM country_match_name c
  WHERE starts_with(c.key, v.key || ' ') AND c.iso3 IS DISTINCT FROM v.iso3
);

CREATE OR REPLACE TEMP TABLE country_match_result AS
SELECT e.raw, e.n,
       coalesce(e.iso3, c.iso3) AS value,
       e.given AND coalesce(e.iso3, c.iso3) IS NULL AS unresolved,
       CASE WHEN NOT e.given THEN NULL
            WHEN e.iso3 IS NOT NULL THEN 'exact'
            WHEN c.iso3 IS NOT NULL THEN 'close'
            WHEN e.blocked_kind = 'split_state' OR c.split_state THEN 'split_state'
            ELSE 'unknown' END AS how,
       CASE WHEN e.iso3 IS NULL AND c.iso3 IS NOT NULL THEN country.name_en END AS matched
FROM country_match_exact e
LEFT JOIN country_match_close c ON c.key = e.key
LEFT JOIN country ON country.iso3 = c.iso3;
