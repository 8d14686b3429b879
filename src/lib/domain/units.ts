/**
 * The units of the numbers the metrics and exports publish, as codes declared once. Their words are
 * messages (`unit.<code>`; English in src/lib/i18n/en.ts): the metadata of every download carries
 * the code and its English words, the data page and a download's README the reader's words.
 */
export const UNIT_CODES = ['proportion', 'records', 'persons', 'meeting_year', 'ratio'] as const;
export type UnitCode = (typeof UNIT_CODES)[number];

/** The unit of each column the metrics and exports share, by column name. */
const COLUMN_UNITS: Readonly<Record<string, UnitCode>> = {
  share: 'proportion',
  ci_low: 'proportion',
  ci_high: 'proportion',
  coverage: 'proportion',
  attendee_share: 'proportion',
  speaker_share: 'proportion',
  attendee_ci_low: 'proportion',
  attendee_ci_high: 'proportion',
  speaker_ci_low: 'proportion',
  speaker_ci_high: 'proportion',
  attendee_coverage: 'proportion',
  speaker_coverage: 'proportion',
  member_state_share: 'proportion',
  bound_low: 'proportion',
  bound_high: 'proportion',
  women_share_estimate: 'proportion',
  count: 'records',
  denominator: 'records',
  attendee_count: 'records',
  attendee_denominator: 'records',
  speaker_count: 'records',
  speaker_denominator: 'records',
  total: 'records',
  participants: 'records',
  attendance_onsite: 'persons',
  attendance_online: 'persons',
  year: 'meeting_year',
  meeting_year: 'meeting_year',
  ratio: 'ratio',
  representation_ratio: 'ratio'
};

/** The unit of a column, or null for a column that is not a number with a unit (codes, names, flags). */
export function unitCodeOf(column: string): UnitCode | null {
  return Object.hasOwn(COLUMN_UNITS, column) ? COLUMN_UNITS[column] : null;
}
