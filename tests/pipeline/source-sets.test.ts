/**
 * Source sets and region-only speaker records: every row says which set of
 * records it belongs to (the public session pages, the synthetic demo, a
 * user's files), a set is never half synthetic, and a speaker's regional
 * group comes from its country when known, else from the record.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runPipeline, SESSION_SPEAKERS_CSV } from '../../pipelines/run.ts';
import { workspace, runCli, sha256, query, ROOT } from './helpers.ts';

const PAGE_SPEAKERS = [
  'meeting_year,session_id,session_title,role,name,organization,stakeholder_group,regional_group,country,source_url',
  '2023,WS #1,Open data,speaker,Ana Example,,Civil Socity,African Group,,https://example.org/ws1', // 2
  '2023,WS #1,Open data,speaker,Bo Example,,Governement,"Latin American and Caribbean Group (GRULAC",,https://example.org/ws1', // 3
  '2023,WS #1,Open data,speaker,Cy Example,,IGO,Intergovernmental Organization,,https://example.org/ws1', // 4
  '2023,WS #1,Open data,moderator,Di Example,,Technical Community,WEOG,Kenya,https://example.org/ws1', // 5: country wins
  '2023,,Main session on AI,speaker,Ed Example,,Private Sector,Asia Pacific Regional Group,,https://example.org/main', // 6: keyed by title
  '2023,,,speaker,Fy Example,,Academia,Global,,https://example.org/x', // 7: no id, no title
  ''
].join('\n');

describe('speaker records from session pages', () => {
  it('normalise regional groups, let a known country win, and key sessions without an id by title', async () => {
    const ws = workspace();
    const input = ws.file('pages.csv', PAGE_SPEAKERS);
    const report = await runPipeline({ db: ws.db, inputs: [input], source: 'public_session_pages' });
    expect(report.ok).toBe(true);
    const [file] = report.files;
    expect(file).toMatchObject({ source_set: 'public_session_pages', synthetic: false, rows_loaded: 5, rows_rejected: 1 });
    expect(file.rejected_by_reason).toEqual({ 'missing session_id': 1 });
    expect(file.regional_groups).toEqual({
      not_one_group: { count: 1, top: [{ value: 'Intergovernmental Organization', count: 1 }] },
      country_disagrees: { count: 1, examples: ['KEN is african, the record says weog (1)'] }
    });
    const rows = await query(
      ws.db,
      `SELECT source_line, session_id, stakeholder_group, regional_group, regional_group_raw, country_iso3, source_url, source_set
       FROM speaker ORDER BY source_line`
    );
    expect(rows.map((r) => ({ ...r, source_line: Number(r.source_line) }))).toEqual([
      { source_line: 2, session_id: 'WS #1', stakeholder_group: 'civil_society', regional_group: 'african', regional_group_raw: 'African Group', country_iso3: null, source_url: 'https://example.org/ws1', source_set: 'public_session_pages' },
      { source_line: 3, session_id: 'WS #1', stakeholder_group: 'government', regional_group: 'grulac', regional_group_raw: 'Latin American and Caribbean Group (GRULAC', country_iso3: null, source_url: 'https://example.org/ws1', source_set: 'public_session_pages' },
      { source_line: 4, session_id: 'WS #1', stakeholder_group: 'intergovernmental_organization', regional_group: null, regional_group_raw: 'Intergovernmental Organization', country_iso3: null, source_url: 'https://example.org/ws1', source_set: 'public_session_pages' },
      { source_line: 5, session_id: 'WS #1', stakeholder_group: 'technical_community', regional_group: 'african', regional_group_raw: 'WEOG', country_iso3: 'KEN', source_url: 'https://example.org/ws1', source_set: 'public_session_pages' },
      { source_line: 6, session_id: 'Main session on AI', stakeholder_group: 'private_sector', regional_group: 'asia_pacific', regional_group_raw: 'Asia Pacific Regional Group', country_iso3: null, source_url: 'https://example.org/main', source_set: 'public_session_pages' }
    ]);
  });

  it('load the bundled real speakers as the public_session_pages set, every row accounted for', async () => {
    const ws = workspace();
    const report = await runPipeline({ db: ws.db, inputs: [SESSION_SPEAKERS_CSV] });
    expect(report.ok).toBe(true);
    const [file] = report.files;
    // 1,734 person-rows from 189 public session pages (data/igf-session-speakers/PROVENANCE.md).
    expect(file).toMatchObject({ kind: 'speakers', source_set: 'public_session_pages', synthetic: false, rows_read: 1734, rows_loaded: 1734 });
    const sets = await query(ws.db, 'SELECT source_set, bool_or(synthetic) AS synthetic, count(DISTINCT (meeting_year, session_id)) AS sessions FROM speaker GROUP BY ALL');
    expect(sets.map((r) => [r.source_set, r.synthetic, Number(r.sessions)])).toEqual([['public_session_pages', false, 189]]);
    // Pages give no gender, and none is inferred.
    const genders = await query(ws.db, 'SELECT DISTINCT gender FROM speaker');
    expect(genders).toEqual([{ gender: 'unknown' }]);
  });
});

describe('source sets', () => {
  const REAL = 'year,country,gender\n2019,Kenya,F\n';
  const SYNTHETIC = 'year,country,gender,synthetic\n2019,Peru,M,true\n';

  it('default to demo for synthetic rows and user for real ones, or take --source', async () => {
    const ws = workspace();
    const report = await runPipeline({ db: ws.db, inputs: [ws.file('real.csv', REAL), ws.file('synthetic.csv', SYNTHETIC)] });
    expect(report.files.map((f) => [f.source_set, f.synthetic])).toEqual([['user', false], ['demo', true]]);
    const named = await runPipeline({ db: ws.db, inputs: [ws.file('other.csv', REAL)], source: 'registrations-2019' });
    expect(named.files[0].source_set).toBe('registrations-2019');
    const rows = await query(ws.db, 'SELECT source_set, count(*) AS n FROM attendance GROUP BY 1 ORDER BY 1');
    expect(rows.map((r) => [r.source_set, Number(r.n)])).toEqual([['demo', 1], ['registrations-2019', 1], ['user', 1]]);
  });

  it('never hold synthetic and real records in one set: the run fails and the database stays', () => {
    const ws = workspace();
    expect(runCli(['--db', ws.db, '--source', 'mine', '--input', ws.file('real.csv', REAL)]).code).toBe(0);
    const before = sha256(ws.db);
    const r = runCli(['--db', ws.db, '--source', 'mine', '--input', ws.file('synthetic.csv', SYNTHETIC)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('source set "mine" would hold both synthetic and real records');
    expect(sha256(ws.db)).toBe(before);
  });

  it('refuses a --source that is not a plain name', () => {
    const ws = workspace();
    const r = runCli(['--db', ws.db, '--source', "x'; DROP TABLE speaker; --", '--input', ws.file('real.csv', REAL)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not a source-set name');
  });
});

describe('a folder of saved session pages', () => {
  it('loads every page as speaker records with its session and source page, and skips files that are not data', async () => {
    const ws = workspace();
    const folder = join(ws.dir, 'pages');
    cpSync(join(ROOT, 'tests/pipeline/fixtures/session-pages'), folder, { recursive: true });
    writeFileSync(join(folder, 'notes.pdf'), '%PDF-1.4');
    const reportPath = join(ws.dir, 'report.json');
    const r = runCli(['--db', ws.db, '--source', 'my-pages', '--input', folder, '--report', reportPath]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`skipped (not data files): ${join(folder, 'notes.pdf')}`);
    const report = JSON.parse(readFileSync(reportPath, 'utf8'));
    expect(report.files).toHaveLength(6);
    for (const f of report.files) {
      expect(f).toMatchObject({ kind: 'speakers', format: 'session_page', source_set: 'my-pages', synthetic: false });
      expect(f.rows_read).toBe(f.rows_loaded + f.rows_rejected);
    }
    const sessions = await query(
      ws.db,
      `SELECT meeting_year, session_id, session_type, count(*) AS people, count(source_url) AS with_url
       FROM speaker GROUP BY ALL ORDER BY meeting_year, session_id`
    );
    for (const s of sessions) expect(Number(s.with_url)).toBe(Number(s.people));
    // The main session has no number: it is keyed by its title.
    expect(sessions.some((s) => s.meeting_year === 2023 && !String(s.session_id).includes('#'))).toBe(true);
    expect(sessions.some((s) => s.session_id === 'WS #77' && s.meeting_year === 2022)).toBe(true);
  });

  it('fails on a folder without data files', () => {
    const ws = workspace();
    const folder = join(ws.dir, 'empty');
    cpSync(join(ROOT, 'tests/pipeline/fixtures/session-pages'), folder, { recursive: true, filter: (src) => !/\.(txt|html)$/.test(src) });
    const r = runCli(['--db', ws.db, '--input', folder]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('is a folder without CSV, JSON, Parquet or saved session pages');
  });
});
