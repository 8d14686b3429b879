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
