import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, synonymClashes, type OpenDatabase } from '../../pipelines/database/open.ts';
import {
  STAKEHOLDER_SYNONYMS,
  GENDER_SYNONYMS,
  MODE_SYNONYMS,
  ROLE_SYNONYMS,
  BOOLEAN_SYNONYMS
} from '../../pipelines/records/synonyms.ts';

let db: OpenDatabase;
beforeAll(async () => {
  db = await openDatabase(':memory:');
});
afterAll(() => db.close());

async function normalise(field: string, raw: string): Promise<string | null> {
  const r = await db.conn.runAndReadAll(
    'SELECT value FROM synonym WHERE field = $1 AND spelling_key = text_key($2)',
    [field, raw]
  );
  return r.currentRowCount ? String(r.getRows()[0][0]) : null;
}

describe('the synonym lists', () => {
  it('never fold two spellings of different values to one key', async () => {
    expect(await synonymClashes(db.conn)).toEqual([]);
  });

  it('would show a clash as its field and key', async () => {
    const other = await openDatabase(':memory:');
    try {
      await other.conn.run("INSERT INTO synonym VALUES ('gender', text_key('Female'), 'male')");
      expect(await synonymClashes(other.conn)).toEqual([['gender', 'female']]);
    } finally {
      other.close();
    }
  });
});

/** Every listed spelling, as typed, shouted and padded, lands on its value. */
describe.each([
  ['stakeholder_group', STAKEHOLDER_SYNONYMS],
  ['gender', GENDER_SYNONYMS],
  ['participation_mode', MODE_SYNONYMS],
  ['role', ROLE_SYNONYMS],
  ['boolean', BOOLEAN_SYNONYMS]
])('%s synonyms', (field, table) => {
  const cases = Object.entries(table).flatMap(([value, spellings]) => spellings.map((s) => [s, value] as const));
  it.each(cases)('%j -> %s', async (spelling, value) => {
    expect(await normalise(field, spelling)).toBe(value);
    expect(await normalise(field, `  ${spelling.toUpperCase()} `)).toBe(value);
  });
});

describe('spellings seen in real exports', () => {
  it.each([
    ['stakeholder_group', 'Civil-Society', 'civil_society'],
    ['stakeholder_group', 'Civil Society Organisation (CSO)', null],
    ['stakeholder_group', 'NGO', 'civil_society'],
    ['stakeholder_group', 'Private Sector/Business', 'private_sector'],
    ['stakeholder_group', 'Business', 'private_sector'],
    ['stakeholder_group', 'I.G.O.', 'intergovernmental_organization'],
    ['stakeholder_group', 'Intergovernmental Organisation', 'intergovernmental_organization'],
    ['stakeholder_group', 'Technical Community', 'technical_community'],
    ['stakeholder_group', 'University', 'academia'],
    ['stakeholder_group', 'Académie', 'academia'],
    ['stakeholder_group', 'Press', 'media'],
    ['stakeholder_group', 'Société civile', 'civil_society'],
    ['stakeholder_group', 'N/A', 'unknown'],
    ['gender', 'F', 'female'],
    ['gender', 'Woman', 'female'],
    ['gender', 'Non-binary', 'other'],
    ['gender', 'Prefer not to say', 'undisclosed'],
    ['gender', "Prefer not to say / Je préfère ne pas répondre", null],
    ['gender', 'n/a', 'unknown'],
    ['gender', 'Mujer', 'female'],
    ['participation_mode', 'In person', 'onsite'],
    ['participation_mode', 'In-Person', 'onsite'],
    ['participation_mode', 'On-site', 'onsite'],
    ['participation_mode', 'Remote', 'online'],
    ['participation_mode', 'Virtual', 'online'],
    ['participation_mode', 'En ligne', 'online'],
    ['role', 'Co-organiser', 'organizer'],
    ['role', 'Panellist', 'speaker'],
    ['role', 'Online Moderator', 'moderator'],
    ['boolean', 'Yes', 'true'],
    ['boolean', 'N', 'false']
  ])('%s %j -> %s', async (field, raw, expected) => {
    expect(await normalise(field, raw)).toBe(expected);
  });

  it('blank means unknown for categories and NULL for yes/no answers', async () => {
    expect(await normalise('gender', '')).toBe('unknown');
    expect(await normalise('stakeholder_group', '   ')).toBe('unknown');
    expect(await normalise('boolean', '')).toBeNull();
  });
});
