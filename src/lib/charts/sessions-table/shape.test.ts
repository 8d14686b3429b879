import { describe, expect, it } from 'vitest';
import { searchSessions } from './shape.ts';

const rows = [
  { session_id: 'S1', title: 'AI and rights', speakers: 3, women_share: 0.5, manel: false },
  { session_id: 'S2', title: 'Main session', speakers: 5, women_share: null, manel: null },
  { session_id: 'S3', title: 'Youth and AI', speakers: 2, women_share: 0, manel: true }
];

describe('searchSessions', () => {
  it('searches titles case-insensitively', () => {
    expect(searchSessions(rows, 'AND', 'title', 'asc').map((r) => r.session_id)).toEqual(['S1', 'S3']);
  });
  it('sorts both ways with unknown values last', () => {
    expect(searchSessions(rows, '', 'women_share', 'desc').map((r) => r.session_id)).toEqual(['S1', 'S3', 'S2']);
    expect(searchSessions(rows, '', 'women_share', 'asc').map((r) => r.session_id)).toEqual(['S3', 'S1', 'S2']);
  });
  it('an unknown sort column sorts by title', () => {
    expect(searchSessions(rows, '', 'nope', 'asc').map((r) => r.session_id)).toEqual(['S1', 'S2', 'S3']);
  });
  it('sorts text by the names the table shows, with the given collator', () => {
    const typed = [
      { session_id: 'A', session_type: 'workshop' },
      { session_id: 'B', session_type: 'dc' },
      { session_id: 'C', session_type: 'open_forum' }
    ];
    // As stored: dc, open_forum, workshop. As shown in French: Atelier, Coalition dynamique, Forum ouvert.
    const french: Record<string, string> = { workshop: 'Atelier', dc: 'Coalition dynamique', open_forum: 'Forum ouvert' };
    expect(searchSessions(typed, '', 'session_type', 'asc').map((r) => r.session_id)).toEqual(['B', 'C', 'A']);
    expect(searchSessions(typed, '', 'session_type', 'asc', { shown: { session_type: (v) => french[v] }, collator: new Intl.Collator('fr') }).map((r) => r.session_id)).toEqual(['A', 'B', 'C']);
    expect(searchSessions(typed, '', 'session_type', 'desc', { shown: { session_type: (v) => french[v] } }).map((r) => r.session_id)).toEqual(['C', 'B', 'A']);
  });
});
