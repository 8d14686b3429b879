/**
 * The full-table exports: what each one holds, its columns, and the one SQL statement that reads it.
 * Attendance leaves the server only as suppressed counts per cell, never as records.
 */
import type { ValueType } from '../download/encoding.ts';
import { TABLE_FORMATS, type TableFormat } from '../download/formats.ts';
import attendanceCellsSql from './sql/attendance-cells.sql?raw';
import classificationSql from '../metrics/classification.sql?raw';
import { INCOME_JOIN, NO_INCOME_JOIN } from '../metrics/income-join.ts';
import { compose } from '../metrics/sql.ts';
import { GLOBAL_SOUTH_DEFINITIONS } from '../metrics/describe.ts';
import { NORTH_REGIONAL_GROUPS, SOUTH_REGIONAL_GROUPS } from '$lib/domain/regional-groups.ts';

import { EXPORT_TABLES, type ExportTableName } from '$lib/domain/exports.ts';
export { EXPORT_TABLES, type ExportTableName };

/** The download registry's table formats. */
export const EXPORT_FORMATS = TABLE_FORMATS;
export type ExportFormat = TableFormat;

export type ExportColumnType = ValueType;

export interface ExportColumn {
  name: string;
  type: ExportColumnType;
  description: string;
  /** The SQL expression over the source table; the column itself when absent (see columnSql). */
  sql?: string;
  /** A column looked up in the country table, in place of `sql`. */
  countryLookup?: CountryLookup;
  /**
   * Text from a small set of values repeated across rows (a code, a category, a file or page name):
   * the Arrow export writes it as a dictionary column (Int32 indices into the sorted distinct
   * values), which pandas and R read as categories and Arrow-native tools as text. Other formats
   * are unaffected (Parquet dictionary-encodes every column itself).
   */
  categorical?: true;
}

/**
 * A value of the row's country in the country table (alias `c`), found by the row's ISO3 code
 * (`key`); `otherwise` when the table has no row for it or the value there is NULL. As SQL
 * (columnSql) it is a scalar subquery, which DuckDB plans as a join; the Arrow export, which needs
 * the rows in storage order without sorting them, reads the same values from a per-country list
 * (exports/stream.ts).
 */
export interface CountryLookup {
  key: string;
  /** A boolean expression over the country row `c`. */
  value: string;
  otherwise?: string;
}

/** A column's SQL expression over its table, as every format but the Arrow lists selects it. */
export function columnSql(c: ExportColumn): string {
  if (c.countryLookup) {
    const { key, value, otherwise } = c.countryLookup;
    const found = `(SELECT ${value} FROM country c WHERE c.iso3 = ${key})`;
    return otherwise === undefined ? found : `coalesce(${found}, ${otherwise})`;
  }
  return c.sql ?? c.name;
}

export interface ExportTable {
  name: ExportTableName;
  title: string;
  definition: string;
  /** Whose records these are (null for reference tables). */
  population: string | null;
  /**
   * Rows belong to source sets (columns source_set and synthetic): the table holds every set, and
   * its metadata lists them with whether each is synthetic.
   */
  hasSourceSets: boolean;
  /** Small cells are suppressed. */
  suppressed: boolean;
  /**
   * The database table read, in storage order (rowid): that order is stable for a database file,
   * the same in every format, and lets an export be read in rowid ranges, batch by batch.
   */
  from: string;
  columns: ExportColumn[];
}

const col = (name: string, type: ExportColumnType, description: string, sql?: string): ExportColumn => ({ name, type, description, sql });
/** A text column of codes or categories (ExportColumn.categorical). */
const category = (name: string, description: string): ExportColumn => ({ name, type: 'string', description, categorical: true });
// Columns several tables share, described once.
const MEETING_YEAR = col('meeting_year', 'int', 'Year of the IGF meeting.', 'meeting_year::INTEGER');
const SESSION_ID = category('session_id', 'Session identifier within the meeting.');
const SESSION_TYPE = category('session_type', 'Session type, snake_case.');
const PERSON_CATEGORIES = [
  category('stakeholder_group', 'Normalised stakeholder group.'),
  category('gender', 'female, male, other, undisclosed or unknown.'),
  category('participation_mode', 'onsite, online or unknown.')
];
const SYNTHETIC_RECORD = col('synthetic', 'bool', 'True for generated demonstration records.');
const SOURCE_SET = category('source_set',
  'The set of records the row belongs to: public_session_pages (speakers of the IGF’s public session pages), demo (synthetic demonstration records) or the name given when the file was loaded (user by default). A set is either all synthetic or all real; the metrics never mix two.'
);

/**
 * A speaker's global-south flag under one definition, as the metrics classify the record
 * (metrics/classification.sql): from the speaker's country in the country table; under
 * regional_groups, a speaker without a known country counts by the record's own regional group.
 * Null where the metrics say unknown.
 */
const inList = (codes: readonly string[]) => codes.map((c) => `'${c}'`).join(', ');
const speakerCountry = (value: string, otherwise?: string): CountryLookup => ({ key: 'speaker.country_iso3', value, otherwise });
const SPEAKER_SOUTH_LOOKUP = {
  un_developing: speakerCountry('c.un_developing'),
  g77: speakerCountry('c.g77'),
  wb_non_high_income: speakerCountry(`CASE WHEN c.wb_income IN ('low', 'lower_middle', 'upper_middle') THEN true WHEN c.wb_income = 'high' THEN false END`),
  regional_groups: speakerCountry(
    `coalesce(c.un_regional_group IN (${inList(SOUTH_REGIONAL_GROUPS)}), false)`,
    `CASE WHEN speaker.regional_group IN (${inList(SOUTH_REGIONAL_GROUPS)}) THEN true WHEN speaker.regional_group IN (${inList(NORTH_REGIONAL_GROUPS)}) THEN false END`
  )
} as const;
const SPEAKER_SOUTH_COLUMNS = (Object.keys(SPEAKER_SOUTH_LOOKUP) as (keyof typeof SPEAKER_SOUTH_LOOKUP)[]).map((d) => ({
  ...col(
    `global_south_${d}`,
    'bool',
    `True when the speaker counts as global south under the definition ${d}, false when global north, empty when unknown (the global-south metric's classification of the record). ${GLOBAL_SOUTH_DEFINITIONS[d]}`
  ),
  countryLookup: SPEAKER_SOUTH_LOOKUP[d]
}));

const SOURCE_COLUMNS = [
  category('source_file', 'The input file the row was loaded from, by its name as given: the file name, or folder/name for a file of an input folder (never a server path).'),
  col('source_line', 'int', 'Line (CSV) or record number (JSON, Parquet) in the input file; 1 = first data row after a header.', 'source_line::INTEGER')
];

export const TABLES: Record<ExportTableName, ExportTable> = {
  attendance: {
    name: 'attendance',
    title: 'Attendance counts by year, country, stakeholder group, gender and mode',
    definition:
      'Number of attendance records per source set x meeting year x country x stakeholder group x gender x participation mode. Cells with fewer than k records are suppressed, and further cells are suppressed so that no hidden cell can be recovered from a total the metrics publish. The hidden cells of a source set and year are not listed one by one: one row with suppressed = true and every category and the count empty stands for all of them. Never record-level.',
    population: 'attendees',
    hasSourceSets: true,
    suppressed: true,
    from: 'export_attendance_cells',
    columns: [
      MEETING_YEAR,
      category('country_iso3', 'ISO 3166-1 alpha-3 code of the participant’s country; empty when unknown, and on the row of hidden cells.'),
      ...PERSON_CATEGORIES.map((c) => ({ ...c, description: `${c.description} Empty only on the row of hidden cells.` })),
      col('participants', 'int', 'Attendance records in the cell; empty on the row of hidden cells.'),
      col(
        'suppressed',
        'bool',
        'True on the one row per source set and year that stands for all of its hidden cells (under k records, or protecting one): its country, stakeholder group, gender, mode and count are empty. False on every listed cell.'
      ),
      col('synthetic', 'bool', 'True when any record of the cell is synthetic (demonstration data).'),
      category('source_set', 'The source set the cell counts (cells and their suppression are per source set, as the metrics are).')
    ]
  },
  speakers: {
    name: 'speakers',
    title: 'Speakers, moderators, organisers and rapporteurs per session',
    definition:
      'Every speaker record as loaded, of every source set: one row per person and session role. Speakers are public; names are as published. The metrics count one source set at a time (column source_set).',
    population: 'speakers',
    hasSourceSets: true,
    suppressed: false,
    from: 'speaker',
    columns: [
      MEETING_YEAR,
      SESSION_ID,
      col('name', 'string', 'Speaker name as published.'),
      category('role', 'speaker, moderator, organizer, rapporteur or unknown.'),
      col('organization', 'string', 'Organisation as given.'),
      category('country_iso3', 'ISO 3166-1 alpha-3 code; empty when the country could not be resolved or was not given.'),
      category('country_raw', 'Country as written in the input.'),
      category('regional_group',
        'UN regional group: african, asia_pacific, eastern_european, grulac or weog. The country’s group when the country is known, else the record’s own (session pages give a regional group, never a country); empty when neither is known or the country is outside the five groups.'
      ),
      category('regional_group_raw', 'Regional group as written in the input.'),
      ...SPEAKER_SOUTH_COLUMNS,
      ...PERSON_CATEGORIES,
      col('session_title', 'string', 'Session title as given with the speaker.'),
      SESSION_TYPE,
      category('source_url', 'The public page the record was taken from (session pages).'),
      ...SOURCE_COLUMNS,
      SYNTHETIC_RECORD,
      SOURCE_SET
    ]
  },
  sessions: {
    name: 'sessions',
    title: 'Sessions with their headcounts',
    definition:
      'Every session record as loaded, of every source set, with onsite and online headcounts and the women-share estimate where the session report gives one.',
    population: 'sessions',
    hasSourceSets: true,
    suppressed: false,
    from: 'session',
    columns: [
      MEETING_YEAR,
      SESSION_ID,
      col('title', 'string', 'Session title.'),
      SESSION_TYPE,
      category('theme', 'Theme or track.'),
      col('date', 'date', 'Date of the session.'),
      col('attendance_onsite', 'int', 'Onsite headcount reported for the session.', 'attendance_onsite::INTEGER'),
      col('attendance_online', 'int', 'Online headcount reported for the session.', 'attendance_online::INTEGER'),
      col('women_share_estimate', 'float', 'Share of women in the room as estimated by the session report (0–1).'),
      ...SOURCE_COLUMNS,
      SYNTHETIC_RECORD,
      SOURCE_SET
    ]
  },
  published_figures: {
    name: 'published_figures',
    title: 'Figures the IGF and others published about IGF participation',
    definition:
      'Every published figure about IGF participation 2006–2025 with its source URL and exact quote. Duplicates and disagreeing sources are kept on purpose.',
    population: null,
    hasSourceSets: false,
    suppressed: false,
    from: 'published_figure',
    columns: [
      col('year', 'int', 'Meeting year the figure is about.', 'year::INTEGER'),
      category('host_city', 'Host city of that meeting.'),
      category('host_country', 'Host country of that meeting.'),
      category('metric', 'What was counted (e.g. participants_total, countries_represented).'),
      category('category', 'Category of the figure, when it is a breakdown.'),
      col('value', 'float', 'The published value.'),
      category('unit', 'Unit of the value (count, percent, ...).'),
      category('source_url', 'Where the figure was published.'),
      col('source_title', 'string', 'Title of the source.'),
      col('quote', 'string', 'The exact sentence the figure was taken from.'),
      ...SOURCE_COLUMNS
    ]
  },
  countries: {
    name: 'countries',
    title: 'Countries and their classifications',
    definition:
      'The country reference table: codes, UN M49 regions, UN regional group, UN developing-regions flag, G77 membership, World Bank income group, LDC, LLDC and SIDS.',
    population: null,
    hasSourceSets: false,
    suppressed: false,
    from: 'country',
    columns: [
      col('iso3', 'string', 'ISO 3166-1 alpha-3 code.'),
      col('iso2', 'string', 'ISO 3166-1 alpha-2 code.'),
      col('m49', 'string', 'UN M49 numeric code, three digits.'),
      col('name_en', 'string', 'English short name.'),
      category('m49_region', 'UN M49 region.'),
      category('m49_subregion', 'UN M49 sub-region.'),
      category('un_regional_group', 'african, asia_pacific, eastern_european, grulac or weog; empty outside the groups.'),
      col('un_developing', 'bool', 'In the UN M49/SDG "developing regions".'),
      col('g77', 'bool', 'Member of the Group of 77 (China included).'),
      category('wb_income', 'World Bank income group: low, lower_middle, upper_middle or high.'),
      col('ldc', 'bool', 'Least developed country.'),
      col('lldc', 'bool', 'Landlocked developing country.'),
      col('sids', 'bool', 'Small island developing state.')
    ]
  }
};

/**
 * The statement that groups attendance into cells before suppression (see attendance-cells.ts), with
 * the metrics' own classification of each country, so both group records the same way.
 */
export const ATTENDANCE_CELLS_SQL = compose(attendanceCellsSql, { classification: classificationSql, income: INCOME_JOIN });

/** The same for a database without the income history (built before it existed): today's income groups. */
export const attendanceCellsSqlFor = (withIncomeHistory: boolean) =>
  withIncomeHistory ? ATTENDANCE_CELLS_SQL : compose(attendanceCellsSql, { classification: classificationSql, income: NO_INCOME_JOIN });

export function isExportTable(name: string): name is ExportTableName {
  return (EXPORT_TABLES as readonly string[]).includes(name);
}

export function isExportFormat(name: string): name is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(name);
}
