/**
 * The source sets the product ships with. Every record carries its set, and no figure ever counts
 * two sets together; a user's files form further sets under the name given with --source.
 */

/** The real speakers, organisers and moderators of the IGF's public session pages (data/igf-session-speakers). */
export const PUBLIC_SESSION_PAGES = 'public_session_pages';

/** The synthetic demonstration records (data/demo): they illustrate record-level analysis, never the IGF. */
export const DEMO = 'demo';

/** A user's real files loaded without --source. */
export const USER = 'user';

/**
 * A source set's name: 1 to 40 lower-case letters, digits, _ or -, starting with a letter or digit.
 * The pipeline refuses other names for --source; the API and the pages refuse them in ?source=.
 */
export const SOURCE_SET_NAME = /^[a-z0-9][a-z0-9_-]{0,39}$/;
