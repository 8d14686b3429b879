-- Text keys for matching messy spellings. One definition, used for the alias
-- tables and for the input, so both sides are always folded the same way.
-- Order matters: accents and combining marks go before punctuation becomes
-- a space, so "Côte d’Ivoire" and "cote d'ivoire" meet at "cote divoire".
CREATE OR REPLACE MACRO text_key(s) AS
  trim(regexp_replace(
    regexp_replace(
      regexp_replace(
        regexp_replace(strip_accents(lower(trim(s))), '\p{M}', '', 'g'),
        '[''’‘`´ʼ]', '', 'g'),
      '&', ' and ', 'g'),
    '[^\p{L}\p{N}]+', ' ', 'g'));

-- Countries also drop a leading or trailing article: "The Gambia", "Gambia (the)", "Bahamas, The".
CREATE OR REPLACE MACRO country_key(s) AS
  regexp_replace(regexp_replace(text_key(s), '^the ', ''), ' the$', '');

-- A cell that holds a value, trimmed; NULL for an empty cell or a missing-value
-- marker as R ("NA"), Excel ("#N/A"), pandas ("NaN"), databases ("NULL") and
-- hand-made lists ("-", "n/a") write it. A marker is missing data, not a
-- spelling to resolve, so it is never reported as unresolved.
-- No marker is longer than four characters, so a longer cell is never compared; and the markers are
-- a list, not IN (...), which DuckDB plans as a join per call: given() runs on every row of a load.
CREATE OR REPLACE MACRO given(s) AS
  CASE
    WHEN length(trim(s)) > 4 THEN trim(s)
    WHEN list_contains(['', 'NA', 'N/A', 'N.A.', '#N/A', 'NULL', 'NAN', '-', '--', '—'], upper(trim(s))) THEN NULL
    ELSE trim(s)
  END;

-- A form of address without the titles that say nothing about gender:
-- "H.E. Mr" -> "mr", "Dr. Mme" -> "mme"; "Dr" alone stays "dr".
CREATE OR REPLACE MACRO honorific_key(s) AS
  regexp_replace(text_key(s), '^((h e|he|dr|prof|professor|amb|ambassador|hon|rev|eng|ing|lic|h r h|s e)\s+)+(\S)', '\3');
