/** Search and sort of the per-session rows, done on the server so the table works without JavaScript. */
import type { Row } from '../common.ts';

export const SESSION_COLUMNS = ['title', 'session_type', 'speakers', 'women_share', 'regional_groups', 'stakeholder_groups', 'manel'] as const;
export type SessionColumn = (typeof SESSION_COLUMNS)[number];

export function isSessionColumn(s: string): s is SessionColumn {
  return (SESSION_COLUMNS as readonly string[]).includes(s);
}

/**
 * How text is ordered: by the words the table shows (a session type's name in the page's language,
 * not its stored code), compared by the page language's collator.
 */
export interface SessionOrder {
  shown?: Partial<Record<SessionColumn, (value: string) => string>>;
  collator?: Intl.Collator;
}

function compare(a: Row[string], b: Row[string], text: (v: string) => string, collator: Intl.Collator): number {
  // Missing values sort last in both directions: they are "not known", not small.
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return collator.compare(text(String(a)), text(String(b)));
}

const AS_STORED = (v: string) => v;

export function searchSessions(rows: Row[], q: string, sort: string, dir: 'asc' | 'desc', order: SessionOrder = {}): Row[] {
  const needle = q.trim().toLocaleLowerCase();
  const column: SessionColumn = isSessionColumn(sort) ? sort : 'title';
  const sign = dir === 'desc' ? -1 : 1;
  const text = order.shown?.[column] ?? AS_STORED;
  const collator = order.collator ?? new Intl.Collator();
  return rows
    .filter((r) => !needle || String(r.title ?? '').toLocaleLowerCase().includes(needle) || String(r.session_id ?? '').toLocaleLowerCase().includes(needle))
    .sort((a, b) => {
      const c = compare(a[column], b[column], text, collator);
      const missing = a[column] === null || b[column] === null;
      return (missing ? c : sign * c) || String(a.session_id).localeCompare(String(b.session_id));
    });
}
