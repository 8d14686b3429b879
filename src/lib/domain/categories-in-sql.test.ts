/**
 * SQL cannot import the domain vocabulary, so every category a .sql file spells is checked against it
 * here: a category added, renamed or dropped in categories.ts fails this test until the SQL agrees.
 * - A list of codes, `IN ('female', 'male', 'other')`, that names at least two codes of a breakdown
 *   must be exactly those inside the denominator, those plus the out-of-denominator ones that are not
 *   'unknown' (the SQL's ELSE 'unknown'), or all of them — in display order.
 * - A comparison of a categorical column with a code, `gender = 'female'`, must name a code of that
 *   column's breakdown.
 * (The regional groups' own lists, south and north, are checked by regional-groups-in-sql.test.ts.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, categoryCodes, type Dimension } from './categories.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;

function sqlFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.sql'))
    .map((e) => join(e.parentPath, e.name));
}

/** The columns the SQL names categories of, and their breakdown. */
const COLUMNS: Record<string, Dimension> = {
  stakeholder_group: 'stakeholder_group',
  gender: 'gender',
  participation_mode: 'participation_mode',
  mode: 'participation_mode',
  region: 'un_regional_group',
  un_regional_group: 'un_regional_group'
};

/** Breakdowns whose codes are their own (not shared words such as 'unknown', 'other', 'diverse'). */
const LISTED: Dimension[] = ['stakeholder_group', 'gender', 'participation_mode', 'un_regional_group', 'm49_region', 'first_time'];
const SHARED = new Set(['unknown', 'other', 'ineligible', 'other_countries']);

const acceptedLists = (d: Dimension): string[][] => {
  const all = categoryCodes(d) as string[];
  const inside = categoryCodes(d, 'in') as string[];
  return [inside, all.filter((c) => c !== 'unknown'), all];
};

function inLists(text: string): string[][] {
  return [...text.matchAll(/IN\s*\(([^()]*)\)/gi)].map((m) => [...m[1].matchAll(/'([^']*)'/g)].map((v) => v[1]));
}

describe('category codes in SQL', () => {
  const files = [...sqlFiles('src'), ...sqlFiles('pipelines')];
  it('finds the SQL files', () => expect(files.length).toBeGreaterThan(10));
  it('has a list for every breakdown it checks', () => {
    for (const d of LISTED) expect(CATEGORIES[d].length).toBeGreaterThan(1);
  });

  for (const file of files) {
    const text = readFileSync(file, 'utf8').replace(/--[^\n]*/g, '');
    const name = file.slice(ROOT.length);

    for (const d of LISTED) {
      const own = (categoryCodes(d) as string[]).filter((c) => !SHARED.has(c));
      const lists = inLists(text).filter((values) => values.filter((v) => own.includes(v)).length >= 2);
      if (d === 'un_regional_group') continue; // five, south or north: regional-groups-in-sql.test.ts
      if (!lists.length) continue;
      it(`${name}: every list of ${d} codes is the breakdown's list`, () => {
        for (const values of lists) expect(acceptedLists(d)).toContainEqual(values);
      });
    }

    const compared = [...text.matchAll(/(?<![$\w])([a-z_]+)\s*(?:=|<>|!=)\s*'([^']*)'/g)].filter(([, column]) => column in COLUMNS);
    if (!compared.length) continue;
    it(`${name}: every code compared with a categorical column is one of its breakdown`, () => {
      for (const [, column, code] of compared) expect(categoryCodes(COLUMNS[column]) as string[], `${column} = '${code}'`).toContain(code);
    });
  }
});
