/**
 * The pipeline as a user runs it: `npm run pipeline -- ...`. Each unreadable
 * file gets one line naming it and the problem, no stack trace, a non-zero
 * exit, and the database stays as it was.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runCli, workspace, sha256, query } from './helpers.ts';

const GOOD = 'Meeting Year,Country,Gender\n2019,Germany,F\n2019,India,M\n';

describe('pipeline CLI', () => {
  it('loads a file, prints a per-file summary and writes the JSON report', () => {
    const ws = workspace();
    const input = ws.file('good.csv', GOOD + ',Peru,F\n2019,Atlantis,X\n');
    const reportPath = `${ws.dir}/report.json`;
    const r = runCli(['--db', ws.db, '--input', input, '--report', reportPath]);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('read 4, loaded 3, rejected 1');
    expect(r.stdout).toContain('missing meeting_year');
    expect(r.stdout).toContain('unresolved country: 1 row(s), kept as unknown; most frequent: "Atlantis" ×1');
    const report = JSON.parse(readFileSync(reportPath, 'utf8'));
    expect(report.ok).toBe(true);
    expect(report.files[0]).toMatchObject({ kind: 'attendance', rows_read: 4, rows_loaded: 3, rows_rejected: 1 });
    for (const f of report.files) expect(f.rows_read).toBe(f.rows_loaded + f.rows_rejected);
  });

  it.each([
    ['binary.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]), 'looks binary'],
    ['empty.csv', '', 'the file is empty'],
    ['blank.csv', '\n\n  \n', 'only blank space'],
    ['columns.csv', 'foo,bar,baz\n1,2,3\n', 'has no recognisable columns'],
    ['broken.json', '[{"year": 2019,', 'is not valid JSON'],
    ['fake.parquet', Buffer.concat([Buffer.from('PAR1'), Buffer.alloc(64, 7)]), 'is not a readable Parquet file']
  ])('rejects %s with one clear line and keeps the database', (name, content, message) => {
    const ws = workspace();
    expect(runCli(['--db', ws.db, '--input', ws.file('good.csv', GOOD)]).code).toBe(0);
    const before = sha256(ws.db);
    const bad = ws.file(name, content);
    const r = runCli(['--db', ws.db, '--input', bad]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toBe(`${bad}: ${lines[0].slice(bad.length + 2)}`);
    expect(lines[0]).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at |Error:/);
    expect(r.stderr).toContain('the database was not changed');
    expect(sha256(ws.db)).toBe(before);
  });

  it('says so when a file is not of the forced kind', () => {
    const ws = workspace();
    const r = runCli(['--db', ws.db, '--kind', 'speakers', '--input', ws.file('a.csv', GOOD)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`is not a speakers file: no session_id column; name one with --map 'Header=session_id' (headers found: "Meeting Year", "Country", "Gender")`);
  });

  it('refuses unknown options and kinds with usage help (exit 2)', () => {
    expect(runCli(['--colour']).code).toBe(2);
    const r = runCli(['--kind', 'visitors', 'x.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown --kind "visitors"; allowed: attendance, sessions, speakers, published_figures');
  });

  it('with --strict exits non-zero on a reject and leaves the database byte-identical', async () => {
    const ws = workspace();
    runCli(['--db', ws.db, '--input', ws.file('good.csv', GOOD)]);
    const before = sha256(ws.db);
    const r = runCli(['--db', ws.db, '--strict', '--input', ws.file('more.csv', 'year,country\n2020,Kenya\nnope,Chile\n')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--strict: 1 row(s) rejected; the database was not changed');
    expect(sha256(ws.db)).toBe(before);
    expect(Number((await query(ws.db, 'SELECT count(*) AS n FROM attendance'))[0].n)).toBe(2);
  });

  it('honours IGF_DB like the server does', async () => {
    const ws = workspace();
    const r = runCli(['--input', ws.file('good.csv', GOOD)], { IGF_DB: ws.db });
    expect(r.code).toBe(0);
    expect(Number((await query(ws.db, 'SELECT count(*) AS n FROM attendance'))[0].n)).toBe(2);
  });
});

describe('default build', () => {
  it('builds every table from the bundled data on a fresh database, and a second run changes nothing', async () => {
    const ws = workspace();
    const first = runCli(['--db', ws.db, '--report', `${ws.dir}/report.json`]);
    expect(first.stderr).not.toMatch(/\n\s+at /);
    expect(first.code).toBe(0);
    const report = JSON.parse(readFileSync(`${ws.dir}/report.json`, 'utf8'));
    expect(report.files.map((f: { kind: string }) => f.kind)).toEqual(['published_figures', 'speakers', 'attendance', 'sessions', 'speakers']);
    expect(report.files.map((f: { source_set: string | null }) => f.source_set)).toEqual([null, 'public_session_pages', 'demo', 'demo', 'demo']);
    for (const f of report.files) expect(f.rows_read).toBe(f.rows_loaded + f.rows_rejected);
    // Every published figure is a row, each with its source and quote.
    const published = await query(ws.db, 'SELECT count(*) AS n, count(source_url) AS urls, count(quote) AS quotes FROM published_figure');
    expect(published.map((r) => [Number(r.n), Number(r.urls), Number(r.quotes)])).toEqual([[203, 203, 203]]);
    const counts = await query(
      ws.db,
      `SELECT (SELECT count(*) FROM country) AS countries, (SELECT count(*) FROM meeting) AS meetings,
              (SELECT count(*) FROM attendance WHERE NOT synthetic) AS real_attendance,
              (SELECT count(*) FROM attendance) AS attendance, (SELECT count(*) FROM session) AS sessions,
              (SELECT count(*) FROM speaker) AS speakers, (SELECT count(*) FROM load_log) AS logged,
              (SELECT count(*) FROM speaker WHERE source_set = 'public_session_pages' AND NOT synthetic) AS real_speakers`
    );
    const c = Object.fromEntries(Object.entries(counts[0]).map(([k, v]) => [k, Number(v)]));
    expect(c).toMatchObject({ countries: 249, meetings: 20, real_attendance: 0, real_speakers: 1734, logged: 6 });
    expect(c.attendance).toBeGreaterThan(50_000);
    expect(c.sessions).toBeGreaterThan(1_000);
    expect(c.speakers).toBeGreaterThan(5_000);

    const second = runCli(['--db', ws.db]);
    expect(second.code).toBe(0);
    expect(second.stdout.match(/unchanged since last load/g)?.length).toBe(5);
    expect(Number((await query(ws.db, 'SELECT count(*) AS n FROM attendance'))[0].n)).toBe(c.attendance);
  });
});
