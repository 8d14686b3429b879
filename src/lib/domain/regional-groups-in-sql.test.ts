/**
 * SQL cannot import the domain vocabulary, so every full list of the UN regional groups written in
 * a .sql file is checked against it here: a group added, renamed or dropped in one place fails this
 * test until every list agrees.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NORTH_REGIONAL_GROUPS, REGIONAL_GROUPS, SOUTH_REGIONAL_GROUPS } from './regional-groups.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;

function sqlFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.sql'))
    .map((e) => join(e.parentPath, e.name));
}

/** IN-lists that name at least two of the groups: those are lists of groups. */
function groupLists(text: string): string[][] {
  return [...text.matchAll(/IN\s*\(([^()]*)\)/gi)]
    .map((m) => [...m[1].matchAll(/'([^']*)'/g)].map((v) => v[1]))
    .filter((values) => values.filter((v) => (REGIONAL_GROUPS as readonly string[]).includes(v)).length >= 2);
}

describe('regional groups in SQL', () => {
  const files = [...sqlFiles('src'), ...sqlFiles('pipelines')];
  it('finds the SQL files', () => expect(files.length).toBeGreaterThan(10));
  for (const file of files) {
    const lists = groupLists(readFileSync(file, 'utf8'));
    if (!lists.length) continue;
    it(`${file.slice(ROOT.length)}: every list of groups is the five groups, or those of the south or the north`, () => {
      for (const values of lists) {
        expect([[...REGIONAL_GROUPS], [...SOUTH_REGIONAL_GROUPS], [...NORTH_REGIONAL_GROUPS]]).toContainEqual(values);
      }
    });
  }
});
