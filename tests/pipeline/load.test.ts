/**
 * The pipeline as a library: accounting, idempotency, replacement of a
 * changed file, atomicity, and what must never reach the database.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { DuckDBInstance } from '@duckdb/node-api';
import { runPipeline } from '../../pipelines/run.ts';
import { workspace, sha256, query } from './helpers.ts';

// A registration export as people make them: BOM, CRLF, semicolons, names
// and e-mails, country names in several languages, and some broken lines.
const MESSY = [
  '\ufeffMeeting Year;Full Name;E-mail;Country of Residence;Stakeholder Group;Gender;Participation Mode;First time?',
  '2019;Jean Dupont;jean.dupont@example.org;Allemagne;NGO;F;In person;yes', // 2
  '2019;Ama Mensah;ama@example.org;"Côte d’Ivoire";Business;Woman;Remote;no', // 3
  '2019;Broken Line;broken@example.org;Kenya;Academia', // 4: 5 fields
  ';No Year;noyear@example.org;Kenya;IGO;M;online;', // 5: missing year
  '2019;Li Wei;li.wei@example.org;中国;Government;male;Virtual;', // 6
  '20x9;Bad Year;bad@example.org;France;Press;F;onsite;1', // 7: not a year
  '2022;"Multi ""Line""', // 8
  'Person";multi@example.org;Россия;Technical Community;Non-binary;On-site;0', // 9
  '2022;Anon;;Atlantis;Alien Federation;Prefer not to say;carrier pigeon;maybe', // 10
  ''
].join('\r\n');

async function tableRows(db: string, sql: string) {
  return query(db, sql);
}

describe('loading a messy registration export', () => {
  it('accounts for every record: loaded or rejected with its line and reason', async () => {
    const ws = workspace();
    const input = ws.file('registrations.csv', MESSY);
    const report = await runPipeline({ db: ws.db, inputs: [input] });
    expect(report.ok).toBe(true);
    const [file] = report.files;
    expect(file.kind).toBe('attendance');
    // Lines 8 and 9 hold one record (a quoted line break), so 9 data lines are 8 records.
    expect(file.rows_read).toBe(8);
    expect(file.rows_loaded).toBe(5);
    expect(file.rows_rejected).toBe(3);
    expect(file.rows_read).toBe(file.rows_loaded + file.rows_rejected);
    expect(file.rejected_by_reason).toEqual({
      'has 5 fields, expected 8': 1,
      'missing meeting_year': 1,
      'meeting_year is not a year': 1
    });

    const rejected = await tableRows(ws.db, 'SELECT line, reason FROM rejected_row ORDER BY line');
    expect(rejected.map((r) => [Number(r.line), r.reason])).toEqual([
      [4, 'has 5 fields, expected 8'],
      [5, 'missing meeting_year'],
      [7, 'meeting_year is not a year']
    ]);

    const rows = await tableRows(
      ws.db,
      `SELECT source_line, meeting_year, country_iso3, country_raw, stakeholder_group, gender, participation_mode, first_time
       FROM attendance ORDER BY source_line`
    );
    expect(rows.map((r) => ({ ...r, source_line: Number(r.source_line) }))).toEqual([
      { source_line: 2, meeting_year: 2019, country_iso3: 'DEU', country_raw: 'Allemagne', stakeholder_group: 'civil_society', gender: 'female', participation_mode: 'onsite', first_time: true },
      { source_line: 3, meeting_year: 2019, country_iso3: 'CIV', country_raw: 'Côte d’Ivoire', stakeholder_group: 'private_sector', gender: 'female', participation_mode: 'online', first_time: false },
      { source_line: 6, meeting_year: 2019, country_iso3: 'CHN', country_raw: '中国', stakeholder_group: 'government', gender: 'male', participation_mode: 'online', first_time: null },
      { source_line: 8, meeting_year: 2022, country_iso3: 'RUS', country_raw: 'Россия', stakeholder_group: 'technical_community', gender: 'other', participation_mode: 'onsite', first_time: false },
      { source_line: 10, meeting_year: 2022, country_iso3: null, country_raw: 'Atlantis', stakeholder_group: 'unknown', gender: 'undisclosed', participation_mode: 'unknown', first_time: null }
    ].map((r) => r));
    expect(file.unresolved).toEqual({
      stakeholder_group: { count: 1, top: [{ value: 'Alien Federation', count: 1 }] },
      participation_mode: { count: 1, top: [{ value: 'carrier pigeon', count: 1 }] },
      first_time: { count: 1, top: [{ value: 'maybe', count: 1 }] },
      country: { count: 1, top: [{ value: 'Atlantis', count: 1 }] }
    });
    expect(file.personal_columns_not_stored).toEqual(['E-mail', 'Full Name']);
  });

  it('stores no attendee name or e-mail anywhere: not in a column, not in the file bytes', async () => {
    const ws = workspace();
    const report = await runPipeline({ db: ws.db, inputs: [ws.file('registrations.csv', MESSY)] });
    expect(report.ok).toBe(true);
    const secrets = ['Jean Dupont', 'jean.dupont@example.org', 'Ama Mensah', 'ama@example.org', 'Li Wei', 'li.wei@example.org',
      'Broken Line', 'broken@example.org', 'noyear@example.org', 'multi@example.org', 'Anon'];
    const bytes = readFileSync(ws.db).toString('latin1');
    const utf8 = readFileSync(ws.db).toString('utf8');
    for (const secret of secrets) {
      expect(bytes.includes(secret), secret).toBe(false);
      expect(utf8.includes(secret), secret).toBe(false);
    }
    // and through SQL, every text column of every table
    const columns = await query(ws.db, `SELECT table_name, column_name FROM information_schema.columns WHERE data_type = 'VARCHAR'`);
    for (const { table_name, column_name } of columns) {
      const hits = await query(
        ws.db,
        `SELECT count(*) AS n FROM "${table_name}" WHERE ${column_name} ILIKE '%example.org%' OR ${column_name} ILIKE '%Dupont%'`
      );
      expect(Number(hits[0].n), `${table_name}.${column_name}`).toBe(0);
    }
    const keys = await query(ws.db, 'SELECT participant_key FROM attendance WHERE participant_key IS NOT NULL');
    expect(keys.length).toBe(4);
    for (const k of keys) expect(String(k.participant_key)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('is idempotent: the same file twice changes nothing', async () => {
    const ws = workspace();
    const input = ws.file('registrations.csv', MESSY);
    await runPipeline({ db: ws.db, inputs: [input] });
    const before = await query(ws.db, 'SELECT * FROM attendance ORDER BY source_line');
    const again = await runPipeline({ db: ws.db, inputs: [input] });
    expect(again.ok).toBe(true);
    expect(again.files[0].status).toBe('unchanged');
    expect(again.files[0].rows_read).toBe(8);
    expect(again.files[0].rows_loaded + again.files[0].rows_rejected).toBe(8);
    expect(await query(ws.db, 'SELECT * FROM attendance ORDER BY source_line')).toEqual(before);
    expect(Number((await query(ws.db, 'SELECT count(*) AS n FROM rejected_row'))[0].n)).toBe(3);
  });

  it('replaces the rows of a file that changed at the same path', async () => {
    const ws = workspace();
    const input = ws.file('registrations.csv', MESSY);
    await runPipeline({ db: ws.db, inputs: [input] });
    writeFileSync(input, 'year,country,gender\n2023,Japan,F\n2023,Japon,M\n');
    const report = await runPipeline({ db: ws.db, inputs: [input] });
    expect(report.files[0]).toMatchObject({ status: 'loaded', rows_read: 2, rows_loaded: 2, rows_rejected: 0 });
    const rows = await query(ws.db, 'SELECT meeting_year, country_iso3, gender FROM attendance ORDER BY source_line');
    expect(rows).toEqual([
      { meeting_year: 2023, country_iso3: 'JPN', gender: 'female' },
      { meeting_year: 2023, country_iso3: 'JPN', gender: 'male' }
    ]);
    expect(Number((await query(ws.db, 'SELECT count(*) AS n FROM rejected_row'))[0].n)).toBe(0);
    expect(Number((await query(ws.db, "SELECT count(*) AS n FROM load_log WHERE kind = 'attendance'"))[0].n)).toBe(1);
  });

  it('leaves the previous database byte-identical when the run fails just before the swap', async () => {
    const ws = workspace();
    await runPipeline({ db: ws.db, inputs: [ws.file('a.csv', 'year,country\n2019,France\n')] });
    const before = sha256(ws.db);
    const report = await runPipeline({
      db: ws.db,
      inputs: [ws.file('b.csv', 'year,country\n2020,Kenya\n')],
      beforeSwap: () => {
        throw new Error('disk full (injected)');
      }
    });
    expect(report.ok).toBe(false);
    expect(report.error).toMatch(/disk full \(injected\).*not changed/);
    expect(sha256(ws.db)).toBe(before);
    expect(Number((await query(ws.db, 'SELECT count(*) AS n FROM attendance'))[0].n)).toBe(1);
  });

  it('with strict, any reject fails the run and changes nothing', async () => {
    const ws = workspace();
    await runPipeline({ db: ws.db, inputs: [ws.file('a.csv', 'year,country\n2019,France\n')] });
    const before = sha256(ws.db);
    const report = await runPipeline({ db: ws.db, inputs: [ws.file('b.csv', 'year,country\n2020,Kenya\n,Peru\n')], strict: true });
    expect(report.ok).toBe(false);
    expect(report.error).toMatch(/--strict: 1 row\(s\) rejected/);
    expect(sha256(ws.db)).toBe(before);
  });

  it('reads JSON arrays, JSON lines and Parquet with record positions', async () => {
    const ws = workspace();
    const array = ws.file(
      'speakers.json',
      JSON.stringify([
        { year: 2024, session_id: 'WS-1', name: 'Dr. A. Speaker', role: 'Panellist', country: 'Saudi Arabia', gender: 'F', sector: 'Academia' },
        { year: 2024, session_id: 'WS-1', name: 'B. Moderator', role: 'Chair', country: 'KSA', gender: 'M' },
        { year: 2024, name: 'No Session' }
      ], null, 2)
    );
    const ndjson = ws.file(
      'sessions.ndjson',
      [
        '{"meeting_year": 2024, "session_id": "WS-1", "title": "Data governance", "session_type": "Workshop", "date": "16/12/2024", "attendance_onsite": "1,204", "women_share_estimate": "45%"}',
        '{"meeting_year": 2024, "session_id": "WS-1", "title": "Duplicate"}',
        'not json',
        '{"meeting_year": 2024, "session_id": "MS-2", "title": "Main", "session_type": "Main Session", "attendance_onsite": "-3"}'
      ].join('\n')
    );
    const report = await runPipeline({ db: ws.db, inputs: [array, ndjson] });
    expect(report.ok).toBe(true);
    const [speakers, sessions] = report.files;
    expect(speakers).toMatchObject({ kind: 'speakers', rows_read: 3, rows_loaded: 2, rows_rejected: 1, format: 'json' });
    expect(sessions).toMatchObject({ kind: 'sessions', rows_read: 4, rows_loaded: 2, rows_rejected: 2 });
    expect(sessions.unresolved.attendance_onsite).toEqual({ count: 1, top: [{ value: '-3', count: 1 }] });
    const rejected = await query(ws.db, 'SELECT file, line, reason FROM rejected_row ORDER BY file, line');
    expect(rejected.map((r) => [String(r.file).split('/').pop(), Number(r.line), r.reason])).toEqual([
      ['sessions.ndjson', 2, 'duplicate session_id for this meeting_year (first on line 1)'],
      ['sessions.ndjson', 3, 'not valid JSON'],
      // '[' is line 1, the first object lines 2-10 (7 keys), the second 11-18 (6 keys): the third opens on 19
      ['speakers.json', 19, 'missing session_id']
    ]);
    const session = await query(ws.db, "SELECT session_type, date::VARCHAR AS date, attendance_onsite, women_share_estimate FROM session WHERE session_id = 'WS-1'");
    expect(session).toEqual([{ session_type: 'workshop', date: '2024-12-16', attendance_onsite: 1204, women_share_estimate: 0.45 }]);
    const speakerRows = await query(ws.db, 'SELECT name, role, country_iso3, gender, stakeholder_group FROM speaker ORDER BY source_line');
    expect(speakerRows).toEqual([
      { name: 'Dr. A. Speaker', role: 'speaker', country_iso3: 'SAU', gender: 'female', stakeholder_group: 'academia' },
      { name: 'B. Moderator', role: 'moderator', country_iso3: 'SAU', gender: 'male', stakeholder_group: 'unknown' }
    ]);

    // The same speakers as Parquet, written by DuckDB: positions are row numbers.
    const parquet = `${ws.dir}/speakers.parquet`;
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    await conn.run(`COPY (SELECT * FROM read_json('${array}')) TO '${parquet}' (FORMAT parquet)`);
    conn.closeSync();
    instance.closeSync();
    const fromParquet = await runPipeline({ db: ws.db, inputs: [parquet] });
    expect(fromParquet.files[0]).toMatchObject({ kind: 'speakers', format: 'parquet', rows_read: 3, rows_loaded: 2, rows_rejected: 1 });
    const parquetReject = await query(ws.db, "SELECT line FROM rejected_row WHERE file LIKE '%.parquet'");
    expect(parquetReject.map((r) => Number(r.line))).toEqual([3]);
  });

  it('reads tab-separated Windows-1252 exports and marks synthetic files', async () => {
    const ws = workspace();
    const latin = Buffer.from('year\tcountry\tgender\r\n2015\tBr\xe9sil\tFemme\r\n', 'latin1');
    const report = await runPipeline({ db: ws.db, inputs: [ws.file('w.tsv', latin)], synthetic: true });
    expect(report.files[0]).toMatchObject({ encoding: 'windows-1252', rows_loaded: 1, synthetic: true });
    expect(await query(ws.db, 'SELECT country_iso3, gender, synthetic FROM attendance')).toEqual([
      { country_iso3: 'BRA', gender: 'female', synthetic: true }
    ]);
  });
});

describe('participant keys', () => {
  const keyOf = (secret: string, kind: 'email' | 'id', value: string) =>
    createHash('sha256').update(`${secret}:${kind}:${value}`).digest('hex').slice(0, 32);

  it('are the first 32 hex digits of the keyed SHA-256, the lower-cased e-mail winning over the id', async () => {
    const ws = workspace();
    const input = ws.file('list.csv', 'meeting_year,participant_id,email,country\n2019,P-1,Ama@Example.org,Ghana\n2019,P-2,,Kenya\n2019,,,Chile\n');
    expect((await runPipeline({ db: ws.db, inputs: [input] })).ok).toBe(true);
    const secret = readFileSync(process.env.IGF_PSEUDONYM_KEY_FILE!, 'utf8').trim();
    const keys = await query(ws.db, 'SELECT participant_key FROM attendance ORDER BY source_line');
    expect(keys.map((k) => k.participant_key)).toEqual([keyOf(secret, 'email', 'ama@example.org'), keyOf(secret, 'id', 'P-2'), null]);
  });

  it('stored whole by an earlier version are cut to the same 32 digits, so a person keeps one key', async () => {
    const ws = workspace();
    const first = ws.file('2019.csv', 'meeting_year,participant_id,country\n2019,P-1,Ghana\n');
    expect((await runPipeline({ db: ws.db, inputs: [first] })).ok).toBe(true);
    const secret = readFileSync(process.env.IGF_PSEUDONYM_KEY_FILE!, 'utf8').trim();
    const whole = createHash('sha256').update(`${secret}:id:P-1`).digest('hex');
    // As an earlier version stored it: all 64 digits, in a database that has not had the cut.
    const instance = await DuckDBInstance.create(ws.db);
    const conn = await instance.connect();
    await conn.run('UPDATE attendance SET participant_key = $1', [whole]);
    await conn.run("DELETE FROM schema_change WHERE name = 'participant_key_128_bits'");
    conn.closeSync();
    instance.closeSync();
    const second = ws.file('2022.csv', 'meeting_year,participant_id,country\n2022,P-1,Ghana\n');
    expect((await runPipeline({ db: ws.db, inputs: [second] })).ok).toBe(true);
    const keys = await query(ws.db, 'SELECT meeting_year, participant_key FROM attendance ORDER BY meeting_year');
    expect(keys).toEqual([
      { meeting_year: 2019, participant_key: whole.slice(0, 32) },
      { meeting_year: 2022, participant_key: whole.slice(0, 32) }
    ]);
    // Recorded, so that later runs do not scan the keys again.
    expect(await query(ws.db, 'SELECT name FROM schema_change')).toEqual([{ name: 'participant_key_128_bits' }]);
  });
});
