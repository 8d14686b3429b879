-- Country spellings that are known and deliberately left unresolved, with why.
-- A spelling found here is not "unknown": the load summary can say "former
-- state that split" or "ambiguous" instead of listing it with the typos.
--   kind = 'split_state'        a former state that split into several (USSR, Yugoslavia ...):
--                               a row in country_aliases.csv with an empty iso3 and a note
--                               starting "split state:"
--          'region'             not a country ("Americas"): note starting "region:"
--          'blocked'            ambiguous or without a code ("Korea", "Kosovo"): note starting "blocked:"
--          'reference_conflict' the reference columns themselves give two countries ("San Martín")
--   reason = the note from country_aliases.csv, or the conflicting ISO3 codes.
CREATE TABLE IF NOT EXISTS country_alias_blocked (
  alias_key VARCHAR PRIMARY KEY,
  kind      VARCHAR NOT NULL,
  reason    VARCHAR NOT NULL
);
