/**
 * How loaded files are named in the database (source_file, load_log.file, rejected_row.file): by
 * their name as given, never by a server path, and never two files under one name; the path only
 * identifies a file, as a hash (load_log.file_key).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, basename } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../pipelines/run.ts';
import { fileKey } from '../../pipelines/load/load-file.ts';
import { query, workspace } from './helpers.ts';

function write(dir: string, name: string, content: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function names(db: string) {
  const files = await query(db, 'SELECT file, file_key, rows_loaded FROM load_log WHERE kind = $1 ORDER BY file', ['attendance']);
  const rows = await query(db, 'SELECT source_file, count(*)::INTEGER AS n FROM attendance GROUP BY ALL ORDER BY source_file');
  const rejected = await query(db, 'SELECT DISTINCT file FROM rejected_row ORDER BY file');
  return { files, rows: rows.map((r) => [r.source_file, r.n]), rejected: rejected.map((r) => r.file) };
}

/** Every stored file name: no absolute path, no `..`, nothing of the folder the test works in. */
async function expectNoPath(db: string, dir: string) {
  const stored = await query(
    db,
    `SELECT file AS name FROM load_log UNION ALL SELECT file FROM rejected_row
     UNION ALL SELECT source_file FROM attendance UNION ALL SELECT source_file FROM session
     UNION ALL SELECT source_file FROM speaker UNION ALL SELECT source_file FROM published_figure`
  );
  expect(stored.length).toBeGreaterThan(0);
  for (const { name } of stored) {
    const s = String(name);
    expect(s.startsWith('/')).toBe(false);
    expect(s.split('/')).not.toContain('..');
    expect(s).not.toContain(dir);
    expect(s).not.toContain(basename(dir));
  }
}

describe('stored file names', () => {
  it('two files of the same name from two input folders both stay loaded, each under folder/name', async () => {
    const ws = workspace();
    write(join(ws.dir, 'north'), 'registrations.csv', 'year,country\n2019,France\n2019,Kenya\n');
    write(join(ws.dir, 'south'), 'registrations.csv', 'year,country\n2020,Chile\n');
    const first = await runPipeline({ db: ws.db, inputs: [join(ws.dir, 'north'), join(ws.dir, 'south')] });
    expect(first.ok).toBe(true);
    expect(first.files.map((f) => f.file)).toEqual(['north/registrations.csv', 'south/registrations.csv']);
    let found = await names(ws.db);
    expect(found.rows).toEqual([
      ['north/registrations.csv', 2],
      ['south/registrations.csv', 1]
    ]);
    expect(found.files.map((f) => f.file_key)).toEqual([
      fileKey(join(ws.dir, 'north', 'registrations.csv')),
      fileKey(join(ws.dir, 'south', 'registrations.csv'))
    ]);

    // Again: both unchanged. Then one changes: only its rows are replaced.
    const again = await runPipeline({ db: ws.db, inputs: [join(ws.dir, 'north'), join(ws.dir, 'south')] });
    expect(again.files.map((f) => f.status)).toEqual(['unchanged', 'unchanged']);
    write(join(ws.dir, 'south'), 'registrations.csv', 'year,country\n2020,Chile\n2020,Peru\n,Nowhere\n');
    const changed = await runPipeline({ db: ws.db, inputs: [join(ws.dir, 'north'), join(ws.dir, 'south')] });
    expect(changed.files.map((f) => f.status)).toEqual(['unchanged', 'loaded']);
    found = await names(ws.db);
    expect(found.rows).toEqual([
      ['north/registrations.csv', 2],
      ['south/registrations.csv', 2]
    ]);
    expect(found.rejected).toEqual(['south/registrations.csv']);
    await expectNoPath(ws.db, ws.dir);
  });

  it('files given directly are named by their base name; a second file of that name by its folder, then a number', async () => {
    const ws = workspace();
    const a = write(join(ws.dir, 'a'), 'list.csv', 'year,country\n2019,France\n');
    const b = write(join(ws.dir, 'b'), 'list.csv', 'year,country\n2020,Kenya\n');
    const c = write(join(ws.dir, 'c', 'b'), 'list.csv', 'year,country\n2021,Peru\n');
    for (const input of [a, b, c]) expect((await runPipeline({ db: ws.db, inputs: [input] })).ok).toBe(true);
    expect((await names(ws.db)).rows).toEqual([
      ['b/list (2).csv', 1],
      ['b/list.csv', 1],
      ['list.csv', 1]
    ]);
    // each keeps its name: loading them again (in another order) changes nothing
    const again = await runPipeline({ db: ws.db, inputs: [c, b, a] });
    expect(again.files.map((f) => [f.file, f.status])).toEqual([
      ['b/list (2).csv', 'unchanged'],
      ['b/list.csv', 'unchanged'],
      ['list.csv', 'unchanged']
    ]);
    await expectNoPath(ws.db, ws.dir);
  });

  it('a database that named files by their path gets their names on the next run, without loading them twice', async () => {
    const ws = workspace();
    const input = write(join(ws.dir, 'in'), 'registrations.csv', 'year,country\n2019,France\n,Nowhere\n');
    expect((await runPipeline({ db: ws.db, inputs: [input] })).ok).toBe(true);
    // as the pipeline used to store it: the absolute path (outside the working directory), no key
    const instance = await DuckDBInstance.create(ws.db);
    const conn = await instance.connect();
    await conn.run('UPDATE attendance SET source_file = $1', [input]);
    await conn.run('UPDATE rejected_row SET file = $1', [input]);
    await conn.run(`INSERT INTO load_log SELECT * REPLACE ($1 AS file, NULL AS file_key) FROM load_log WHERE kind = 'attendance'`, [input]);
    await conn.run(`DELETE FROM load_log WHERE kind = 'attendance' AND file <> $1`, [input]);
    conn.closeSync();
    instance.closeSync();

    const report = await runPipeline({ db: ws.db, inputs: [input] });
    expect(report.files.map((f) => [f.file, f.status])).toEqual([['registrations.csv', 'unchanged']]);
    const found = await names(ws.db);
    expect(found.rows).toEqual([['registrations.csv', 1]]);
    expect(found.rejected).toEqual(['registrations.csv']);
    expect(found.files.map((f) => [f.file, f.file_key])).toEqual([['registrations.csv', fileKey(input)]]);
    await expectNoPath(ws.db, ws.dir);
  });
});
