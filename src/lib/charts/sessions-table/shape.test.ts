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
});
