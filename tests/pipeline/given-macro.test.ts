/**
 * given(): a cell's value, trimmed, or NULL for an empty cell or a missing-value marker. The macro
 * runs on every row of a load, so it skips the marker list for cells longer than any marker; these
 * cases pin its answers on both sides of that shortcut.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../pipelines/database/open.ts';

let db: OpenDatabase;
beforeAll(async () => {
  db = await openDatabase(':memory:');
});
afterAll(() => db.close());

async function given(cell: string | null): Promise<string | null> {
  const reader = await db.conn.runAndReadAll('SELECT given($1::VARCHAR)', [cell]);
  return reader.getRows()[0][0] as string | null;
}

describe('given()', () => {
  it.each([
    [null, null],
    ['', null],
    ['   ', null],
    ['NA', null],
    [' na ', null],
    ['n/a', null],
    ['N.A.', null],
    ['#N/A', null],
    ['null', null],
    ['NaN', null],
    ['-', null],
    ['--', null],
    ['—', null],
    // Spaces around a marker do not count towards its length.
    ['      NULL      ', null]
  ])('reads %j as missing', async (cell, expected) => {
    expect(await given(cell)).toBe(expected);
  });

  it.each([
    ['Nauru', 'Nauru'],
    ['  Chad ', 'Chad'],
    ['Niue', 'Niue'],
    ['NAM', 'NAM'],
    ['N/A.', 'N/A.'],
    ['NULLS', 'NULLS'],
    ['---', '---'],
    ['-5', '-5'],
    ['na na', 'na na'],
    ['0', '0']
  ])('keeps %j as %j', async (cell, expected) => {
    expect(await given(cell)).toBe(expected);
  });
});
