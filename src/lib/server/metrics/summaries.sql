-- Summaries the metrics read instead of the raw records, built once per connection when the
-- database is opened (TEMP tables: the database file itself stays read-only). Each is exact for
-- the metrics: they filter and group these tables as they would the records.
--
-- Every row belongs to one source set (source_set: 'demo', 'public_session_pages', a user's name):
-- the summaries keep it as a grouping column, and every selection keeps one set, so that no metric
-- row ever mixes two sets (a set is either all synthetic or all real).
--
-- Every person row is classified here, once, by the country reference and the meeting's host:
--   country_known  country_iso3 is set and found in the country table (else every country-based
--                  category is 'unknown')
--   region         UN regional group: the country's when the country is known ('no_group' for
--                  countries and territories outside the five), else the record's own regional group
--                  (session pages give a regional group, never a country), else 'unknown'
--   region_only    the country is unknown but the record's own regional group is known
--   m49_region     africa | americas | asia | europe | oceania
--   gs_*           'global_south' | 'global_north' | 'unknown' under each global-south definition:
--                  un_developing (UN M49/SDG developing regions), g77 (G77 and China),
--                  wb_non_high_income (World Bank low, lower-middle, upper-middle income in the
--                  fiscal year of the meeting, country_income; no income group = unknown), regional_groups (African, Asia-Pacific, GRULAC; every other
--                  known country or territory, and a region-only record of the Eastern European or
--                  WEOG group, is global north). The three country-based definitions leave
--                  region-only records unknown.
--   host           'host_country' | 'other_countries' | 'unknown'
--   ldc, lldc, sids  'ldc' | 'not_ldc' | 'unknown' (and likewise): UN-OHRLLS lists, today's;
--   ldc_lldc_sids  'ldc_lldc_sids' (in any of the three) | 'other_countries' | 'unknown'
-- Categorical values outside the normalised lists become 'unknown'.

-- attendance_summary: attendance records summed over every attribute the metrics use
-- (n = number of records); first_time becomes 'first_time' | 'returning' | 'unknown'.
CREATE OR REPLACE TEMP TABLE attendance_summary AS
WITH grouped AS (
  SELECT
    meeting_year                                                                       AS year,
    CASE WHEN participation_mode IN ('onsite', 'online') THEN participation_mode ELSE 'unknown' END AS mode,
    country_iso3                                                                       AS iso3,
    CASE WHEN stakeholder_group IN ('government', 'private_sector', 'civil_society', 'technical_community',
                                    'academia', 'intergovernmental_organization', 'media', 'other')
         THEN stakeholder_group ELSE 'unknown' END                                     AS stakeholder_group,
    CASE WHEN gender IN ('female', 'male', 'other', 'undisclosed') THEN gender ELSE 'unknown' END AS gender,
    CASE WHEN first_time THEN 'first_time' WHEN NOT first_time THEN 'returning' ELSE 'unknown' END AS first_time,
    CAST(NULL AS VARCHAR)                                                              AS session_id,
    -- attendance records carry no regional group of their own: their region is their country's
    CAST(NULL AS VARCHAR)                                                              AS regional_group,
    source_set,
    synthetic,
    count(*)                                                                           AS n
  FROM attendance
  GROUP BY ALL
)
SELECT g.*, {{classification}}
FROM grouped AS g
LEFT JOIN country AS c ON c.iso3 = g.iso3
LEFT JOIN meeting AS m ON m.year = g.year
{{income}}
ORDER BY g.source_set, g.year, g.mode;

-- speaker_persons: one row per person per session (n = 1). A person is the name, case and
-- surrounding spaces ignored; a record without a name is a person of its own. When a person has
-- several records in one session (moderator and speaker, say) each field is taken from the first
-- record (by source line) that has it. All roles count. The session type is the speaker record's
-- own, else the session table's (of the same source set). A person is counted within a source set:
-- the same name in the same session of two sets is two rows, one per set.
CREATE OR REPLACE TEMP TABLE speaker_persons AS
WITH persons AS (
  SELECT
    sp.meeting_year                                                                    AS year,
    sp.session_id,
    arg_min(sp.country_iso3, sp.source_line)                                           AS iso3,
    arg_min(CASE WHEN sp.stakeholder_group IN ('government', 'private_sector', 'civil_society', 'technical_community',
                                               'academia', 'intergovernmental_organization', 'media', 'other')
                 THEN sp.stakeholder_group ELSE 'unknown' END, sp.source_line)          AS stakeholder_group,
    arg_min(CASE WHEN sp.gender IN ('female', 'male', 'other', 'undisclosed') THEN sp.gender ELSE 'unknown' END,
            sp.source_line)                                                            AS gender,
    arg_min(CASE WHEN sp.participation_mode IN ('onsite', 'online') THEN sp.participation_mode ELSE 'unknown' END,
            sp.source_line)                                                            AS mode,
    'unknown'                                                                          AS first_time,
    arg_min(coalesce(sp.session_type, s.session_type), sp.source_line)                 AS session_type,
    arg_min(sp.regional_group, sp.source_line)                                         AS regional_group,
    sp.source_set,
    bool_or(sp.synthetic)                                                              AS synthetic,
    1                                                                                  AS n
  FROM speaker AS sp
  LEFT JOIN (
    SELECT source_set, meeting_year, session_id, min(session_type) AS session_type
    FROM session
    GROUP BY source_set, meeting_year, session_id
  ) AS s ON s.source_set = sp.source_set AND s.meeting_year = sp.meeting_year AND s.session_id = sp.session_id
  GROUP BY sp.source_set, sp.meeting_year, sp.session_id, nullif(lower(trim(sp.name)), ''),
           CASE WHEN nullif(trim(sp.name), '') IS NULL THEN sp.source_file END,
           CASE WHEN nullif(trim(sp.name), '') IS NULL THEN sp.source_line END
)
SELECT g.*, {{classification}}
FROM persons AS g
LEFT JOIN country AS c ON c.iso3 = g.iso3
LEFT JOIN meeting AS m ON m.year = g.year
{{income}}
ORDER BY g.source_set, g.year, g.session_id;

-- session_list: every session of the session table or named by a speaker record, per source set, with
-- its title and type: the session table's when it has one, else the speaker records'.
CREATE OR REPLACE TEMP TABLE session_list AS
SELECT
  source_set,
  year,
  session_id,
  arg_min(title, origin)        AS title,
  arg_min(session_type, origin) AS session_type
FROM (
  SELECT source_set, meeting_year AS year, session_id, title, session_type, 1 AS origin FROM session
  UNION ALL
  SELECT source_set, meeting_year, session_id, session_title, session_type, 2 FROM speaker
)
GROUP BY source_set, year, session_id;
