-- The IGF participation database. Every fact row keeps where it came from
-- (source_file, source_line) and whether it is synthetic, so that any figure
-- can be traced back to an input line and synthetic data can never pass as real.

CREATE TABLE IF NOT EXISTS country (
  iso3              VARCHAR PRIMARY KEY,
  iso2              VARCHAR,
  m49               VARCHAR,   -- three digits, zero-padded ('004')
  name_en           VARCHAR NOT NULL,
  m49_region        VARCHAR,   -- Africa, Americas, Asia, Europe, Oceania
  m49_subregion     VARCHAR,
  un_regional_group VARCHAR,   -- african | asia_pacific | eastern_european | grulac | weog; NULL outside the groups
  un_developing     BOOLEAN,   -- UN SDG "Developing regions"
  g77               BOOLEAN,   -- Group of 77 and China, China included
  wb_income         VARCHAR,   -- low | lower_middle | upper_middle | high; NULL when the World Bank gives none
  ldc               BOOLEAN,
  lldc              BOOLEAN,
  sids              BOOLEAN
);

-- A country's name in each of the six official UN languages (en ar zh fr ru es), for display.
CREATE TABLE IF NOT EXISTS country_name (
  iso3     VARCHAR NOT NULL,
  language VARCHAR NOT NULL,
  name     VARCHAR NOT NULL,
  PRIMARY KEY (iso3, language)
);

-- Normalised spelling (see country_key() in macros.sql) -> ISO3.
CREATE TABLE IF NOT EXISTS country_alias (
  alias_key VARCHAR PRIMARY KEY,
  iso3      VARCHAR NOT NULL,
  origin    VARCHAR NOT NULL   -- which reference column or alias list the spelling came from
);

CREATE TABLE IF NOT EXISTS meeting (
  year      INTEGER PRIMARY KEY,
  city      VARCHAR,
  host_iso3 VARCHAR,           -- NULL for the all-online 2020 meeting
  format    VARCHAR NOT NULL,  -- onsite | online | hybrid
  opened    VARCHAR,           -- month the meeting opened, YYYY-MM
  wb_fiscal_year INTEGER       -- the World Bank fiscal year whose income classification was valid then
);

-- World Bank historical income classification (data/reference/wb_income_history.csv): one row per
-- economy and World Bank fiscal year FY1989-FY2026 (FY2025 = July 2024 - June 2025); income_group
-- low | lower_middle | upper_middle | high, NULL when the World Bank did not classify the economy.
CREATE TABLE IF NOT EXISTS country_income (
  iso3         VARCHAR NOT NULL,
  fiscal_year  INTEGER NOT NULL,
  data_year    INTEGER,          -- the GNI year the classification is based on (fiscal_year - 2)
  income_group VARCHAR,
  PRIMARY KEY (iso3, fiscal_year)
);

-- USING COMPRESSION (attendance, speaker): a million-row load spent a quarter of its insert letting
-- DuckDB try every string compression on every column segment. The choice it made anyway is named:
-- dictionary for columns of a few hundred distinct values, FSST for the hex participant keys.
-- Tables created before these hints keep DuckDB's own choice; the data are the same.
-- stakeholder_group_code, gender_code, participation_mode_code: ENUMs of the domain's codes, made
-- before this file runs (pipelines/schema/category-types.ts).
CREATE TABLE IF NOT EXISTS attendance (
  meeting_year       INTEGER NOT NULL,
  participant_key    VARCHAR USING COMPRESSION fsst,  -- keyed SHA-256 of participant_id or e-mail, first 32 hex digits; never the raw value
  country_iso3       VARCHAR USING COMPRESSION dictionary,
  country_raw        VARCHAR USING COMPRESSION dictionary,
  stakeholder_group  stakeholder_group_code NOT NULL,
  gender             gender_code NOT NULL,
  participation_mode participation_mode_code NOT NULL,
  first_time         BOOLEAN,
  source_file        VARCHAR NOT NULL USING COMPRESSION dictionary,
  source_line        BIGINT  NOT NULL,
  synthetic          BOOLEAN NOT NULL,
  source_set         VARCHAR NOT NULL USING COMPRESSION dictionary  -- see load_log.source_set
);

CREATE TABLE IF NOT EXISTS session (
  meeting_year         INTEGER NOT NULL,
  session_id           VARCHAR NOT NULL,
  title                VARCHAR,
  session_type         VARCHAR,  -- snake_case of the given type: workshop, open_forum, main_session ...
  theme                VARCHAR,
  date                 DATE,
  attendance_onsite    INTEGER,
  attendance_online    INTEGER,
  women_share_estimate DOUBLE,   -- 0..1
  source_file          VARCHAR NOT NULL,
  source_line          BIGINT  NOT NULL,
  synthetic            BOOLEAN NOT NULL,
  source_set           VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS speaker (
  meeting_year       INTEGER NOT NULL,
  session_id         VARCHAR NOT NULL,
  name               VARCHAR,    -- speakers are public; their names may be stored
  role               VARCHAR NOT NULL USING COMPRESSION dictionary,  -- speaker | moderator | organizer | rapporteur | unknown
  organization       VARCHAR,
  country_iso3       VARCHAR USING COMPRESSION dictionary,
  country_raw        VARCHAR USING COMPRESSION dictionary,
  stakeholder_group  stakeholder_group_code NOT NULL,
  gender             gender_code NOT NULL,
  participation_mode participation_mode_code NOT NULL,
  session_title      VARCHAR,
  session_type       VARCHAR USING COMPRESSION dictionary,
  source_file        VARCHAR NOT NULL USING COMPRESSION dictionary,
  source_line        BIGINT  NOT NULL,
  synthetic          BOOLEAN NOT NULL,
  source_set         VARCHAR NOT NULL USING COMPRESSION dictionary,
  -- african | asia_pacific | eastern_european | grulac | weog; NULL when unknown or not one group.
  -- The country's group when the country is known, else the record's own regional group (session
  -- pages give a regional group, never a country).
  regional_group     VARCHAR USING COMPRESSION dictionary,
  regional_group_raw VARCHAR USING COMPRESSION dictionary,   -- as the record gave it
  source_url         VARCHAR    -- the public page the record was taken from
);

CREATE TABLE IF NOT EXISTS published_figure (
  year         INTEGER NOT NULL,
  host_city    VARCHAR,
  host_country VARCHAR,
  metric       VARCHAR NOT NULL,
  category     VARCHAR,
  value        DOUBLE,
  unit         VARCHAR,
  source_url   VARCHAR NOT NULL,
  source_title VARCHAR,
  quote        VARCHAR NOT NULL,
  source_file  VARCHAR NOT NULL,
  source_line  BIGINT  NOT NULL
);

CREATE TABLE IF NOT EXISTS load_log (
  file          VARCHAR PRIMARY KEY,
  sha256        VARCHAR NOT NULL,
  kind          VARCHAR NOT NULL,
  rows_read     BIGINT  NOT NULL,
  rows_loaded   BIGINT  NOT NULL,
  rows_rejected BIGINT  NOT NULL,
  synthetic     BOOLEAN NOT NULL,
  loaded_at     TIMESTAMP NOT NULL,
  -- The set of records the file belongs to: 'public_session_pages' (the real speakers of the IGF's
  -- session pages), 'demo' (synthetic demonstration records), or the name a user gave with
  -- --source ('user' by default). Metrics never mix source sets, and a source set is either all
  -- synthetic or all real. NULL for published figures and the reference tables.
  source_set    VARCHAR,
  -- What identifies the file across runs: SHA-256 of its absolute path (the path itself is never
  -- stored). `file` is only its name as given (base name, or folder/name for a file of an input
  -- folder), the name its rows carry as source_file; unique, so same-named files never share rows.
  file_key      VARCHAR
);

-- Databases built before source sets and regional groups existed get the columns here; their
-- records were either the synthetic demo ('demo') or a user's files ('user').
ALTER TABLE attendance ADD COLUMN IF NOT EXISTS source_set VARCHAR;
ALTER TABLE session ADD COLUMN IF NOT EXISTS source_set VARCHAR;
ALTER TABLE speaker ADD COLUMN IF NOT EXISTS source_set VARCHAR;
ALTER TABLE speaker ADD COLUMN IF NOT EXISTS regional_group VARCHAR;
ALTER TABLE speaker ADD COLUMN IF NOT EXISTS regional_group_raw VARCHAR;
ALTER TABLE speaker ADD COLUMN IF NOT EXISTS source_url VARCHAR;
ALTER TABLE load_log ADD COLUMN IF NOT EXISTS source_set VARCHAR;
ALTER TABLE meeting ADD COLUMN IF NOT EXISTS opened VARCHAR;
ALTER TABLE meeting ADD COLUMN IF NOT EXISTS wb_fiscal_year INTEGER;
-- Files loaded before file keys were named by their path: the pipeline gives them a key and their
-- base name when it next runs (adoptPathNamedFiles in pipelines/load/load-file.ts).
ALTER TABLE load_log ADD COLUMN IF NOT EXISTS file_key VARCHAR;
UPDATE attendance SET source_set = CASE WHEN synthetic THEN 'demo' ELSE 'user' END WHERE source_set IS NULL;
UPDATE session SET source_set = CASE WHEN synthetic THEN 'demo' ELSE 'user' END WHERE source_set IS NULL;
UPDATE speaker SET source_set = CASE WHEN synthetic THEN 'demo' ELSE 'user' END WHERE source_set IS NULL;
-- Changes to the stored rows of databases written by earlier versions, applied once per database
-- (pipelines/schema/data-changes.ts), each recorded here by name.
CREATE TABLE IF NOT EXISTS schema_change (
  name       VARCHAR PRIMARY KEY,
  applied_at TIMESTAMP NOT NULL
);

-- Only file, line and reason: never a value of the rejected row, which may hold a name or an e-mail.
CREATE TABLE IF NOT EXISTS rejected_row (
  file   VARCHAR NOT NULL,
  line   BIGINT  NOT NULL,
  reason VARCHAR NOT NULL
);
