/**
 * The IGF's session formats, as its programme names them.
 *
 * Session types are stored as the files give them (snake_case of the text, pipelines/load/sql), so
 * one format arrives under several codes: the public session pages' speakers file writes `day_0`,
 * `dc` and `networking` where the demonstration records write `day_0_event`, `dynamic_coalition`
 * and `networking_session`. sessionTypeCode() reads each spelling as its format, so that every
 * page names a format once, in the reader's language; a code it does not know is shown as stored
 * (its underscores as spaces).
 */
export const SESSION_TYPES = [
  'main_session',
  'workshop',
  'open_forum',
  'day_0_event',
  'dynamic_coalition',
  'best_practice_forum',
  'lightning_talk',
  'networking_session',
  'town_hall',
  'other'
] as const;
export type SessionType = (typeof SESSION_TYPES)[number];

/** Other stored codes of the same formats: the ones the public session pages' speakers file uses. */
const SPELLINGS: Record<string, SessionType> = {
  day_0: 'day_0_event',
  dc: 'dynamic_coalition',
  networking: 'networking_session'
};

/** The format a stored session type names, or null for one the list does not know. */
export function sessionTypeCode(stored: string): SessionType | null {
  const code = stored.trim().toLowerCase();
  if ((SESSION_TYPES as readonly string[]).includes(code)) return code as SessionType;
  return SPELLINGS[code] ?? null;
}
