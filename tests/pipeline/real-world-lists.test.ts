/**
 * Participant lists as people publish them: R's write.csv, spreadsheet
 * exports, UN lists of participants with delegations, honorifics and yes/no
 * columns. Every fixture is hand-made; names are invented.
 */
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../pipelines/run.ts';
import { parseManualMap } from '../../pipelines/records/headers.ts';
import { workspace, runCli, sha256, query } from './helpers.ts';

interface AttendanceRow {
  source_line: number;
  meeting_year: number;
  country_iso3: string | null;
  country_raw: string | null;
  gender: string;
  participation_mode: string;
}

async function attendance(db: string): Promise<AttendanceRow[]> {
  const rows = await query(
    db,
    `SELECT source_line, meeting_year, country_iso3, country_raw, gender, participation_mode
     FROM attendance ORDER BY source_line`
  );
  return rows.map((r) => ({ ...r, source_line: Number(r.source_line) }) as AttendanceRow);
}

describe('a list of participants written by R (write.csv)', () => {
  // R quotes every header and string, writes its row names under an empty
  // header, NA for missing values and TRUE/FALSE for logicals.
  const R_LIST = [
    '"","Delegation","Honorific","Person_Name","ISO 3166 Code","On-Site","Female","Virtual"',
    '"1","Austria","Mr","Ana Example","AUT","Yes",0,FALSE',
    '"2","Kenia","Ms","Bo Example","KEN","Remote",1,TRUE',
    '"3","Libyan Arab Jamahiriya","H.E. Mr","Cy Example","LBY","No",NA,FALSE',
    '"4",NA,"Mme","Di Example",NA,"Yes",1,NA',
    '"5","Brazil","Dr","Ed Example","ARG","No",NA,TRUE',
    ''
  ].join('\n');

  it('loads every row with country, declared gender and mode, through the CLI', async () => {
    const ws = workspace();
    const input = ws.file('participants.csv', R_LIST);
    const reportPath = `${ws.dir}/report.json`;
    const r = runCli(['--db', ws.db, '--year', '2023', '--input', input, '--report', reportPath]);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('read 5, loaded 5, rejected 0');
    expect(r.stdout).toContain('headers: empty header names, called column_1');
    expect(r.stdout).toContain('gender from honorific (a declared form of address): 4 row(s)');
    expect(r.stdout).toContain('country name and code disagree in 1 row(s); the code was used: Brazil / ARG (1)');
    expect(r.stdout).toContain('personal columns not stored: Person_Name');

    expect(await attendance(ws.db)).toEqual([
      { source_line: 2, meeting_year: 2023, country_iso3: 'AUT', country_raw: 'Austria', gender: 'male', participation_mode: 'onsite' },
      { source_line: 3, meeting_year: 2023, country_iso3: 'KEN', country_raw: 'Kenia', gender: 'female', participation_mode: 'online' },
      // "No" on site and FALSE virtual contradict each other: unknown, not a guess.
      { source_line: 4, meeting_year: 2023, country_iso3: 'LBY', country_raw: 'Libyan Arab Jamahiriya', gender: 'male', participation_mode: 'unknown' },
      { source_line: 5, meeting_year: 2023, country_iso3: null, country_raw: null, gender: 'female', participation_mode: 'onsite' },
      // "Dr" says nothing about gender, and Female is NA.
      { source_line: 6, meeting_year: 2023, country_iso3: 'ARG', country_raw: 'Brazil', gender: 'unknown', participation_mode: 'online' }
    ]);
    const report = JSON.parse((await import('node:fs')).readFileSync(reportPath, 'utf8'));
    // NA is missing data, not a spelling to resolve.
    expect(report.files[0].unresolved).toEqual({});
    const names = await query(ws.db, "SELECT count(*) AS n FROM attendance WHERE country_raw LIKE '%Example%'");
    expect(Number(names[0].n)).toBe(0);
  });

  it('without --year names the problem and both ways out', () => {
    const ws = workspace();
    const r = runCli(['--db', ws.db, '--input', ws.file('participants.csv', R_LIST)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("looks like attendance records but no meeting_year column; name one with --map 'Header=meeting_year', or give the year of every row with --year");
    expect(r.stderr).not.toMatch(/\n\s+at |Error:/);
  });
});

describe('header synonyms and codings of real lists', () => {
  it.each([
    ['Mr', 'male'], ['Mr.', 'male'], ['M.', 'male'], ['M', 'male'], ['Sr.', 'male'], ['H.E. Mr', 'male'], ['Dr Mr', 'male'],
    ['Herr', 'male'], ['Г-н', 'male'], ['السيد', 'male'], ['先生', 'male'], ['Monsieur', 'male'],
    ['Ms', 'female'], ['Mrs', 'female'], ['Miss', 'female'], ['Mme', 'female'], ['Mlle', 'female'], ['Sra.', 'female'],
    ['Srta.', 'female'], ['H.E. Ms', 'female'], ['Frau', 'female'], ['Г-жа', 'female'], ['السيدة', 'female'], ['女士', 'female'],
    ['Dr', 'unknown'], ['Prof', 'unknown'], ['H.E.', 'unknown'], ['Amb.', 'unknown']
  ])('honorific %j is a declared %s', async (honorific, gender) => {
    const ws = workspace();
    const input = ws.file('list.csv', `Meeting Year,Country,Honorific\n2019,Kenya,"${honorific}"\n`);
    const report = await runPipeline({ db: ws.db, inputs: [input] });
    expect(report.ok).toBe(true);
    expect(report.files[0].unresolved).toEqual({});
    expect((await attendance(ws.db))[0].gender).toBe(gender);
  });

  it('reads a 0/1 Female column as male only when the file records gender nowhere else', async () => {
    const ws = workspace();
    const alone = ws.file('alone.csv', 'year,country,Female\n2019,Kenya,1\n2019,Peru,0\n2019,Chile,\n');
    const withGender = ws.file('with-gender.csv', 'year,country,gender,Female\n2019,Kenya,,1\n2019,Peru,,0\n2019,Chile,M,1\n');
    const report = await runPipeline({ db: ws.db, inputs: [alone, withGender] });
    expect(report.ok).toBe(true);
    expect(report.files[0].resolved_by_rule.gender_from_female_column).toEqual({ count: 2 });
    const rows = await query(ws.db, 'SELECT source_file, country_iso3, gender FROM attendance ORDER BY source_file, source_line');
    expect(rows.map((r) => [String(r.source_file).endsWith('alone.csv') ? 'alone' : 'with', r.country_iso3, r.gender])).toEqual([
      ['alone', 'KEN', 'female'],
      ['alone', 'PER', 'male'],
      ['alone', 'CHL', 'unknown'],
      ['with', 'KEN', 'female'],
      ['with', 'PER', 'unknown'],
      // The gender column wins over the flag.
      ['with', 'CHL', 'male']
    ]);
  });

  it('reads On-Site Yes/No/Remote and a Virtual column', async () => {
    const ws = workspace();
    const input = ws.file(
      'modes.csv',
      ['year,country,On-Site,Virtual', '2021,Kenya,Yes,', '2021,Kenya,Remote,', '2021,Kenya,No,', '2021,Kenya,No,X', '2021,Kenya,,FALSE', '2021,Kenya,,1', ''].join('\n')
    );
    const report = await runPipeline({ db: ws.db, inputs: [input] });
    expect(report.files[0].resolved_by_rule.mode_from_yes_no_columns).toEqual({ count: 5 });
    expect((await attendance(ws.db)).map((r) => r.participation_mode)).toEqual(['onsite', 'online', 'unknown', 'online', 'onsite', 'online']);
  });

  it('takes a country code column over the name, and counts where they disagree', async () => {
    const ws = workspace();
    const input = ws.file(
      'codes.csv',
      ['year,Country,Country code', '2019,Austria,AT', '2019,Austria,AUS', '2019,Austria,AUS', '2019,,KE', '2019,Niger,', ''].join('\n')
    );
    const report = await runPipeline({ db: ws.db, inputs: [input] });
    expect(report.files[0].resolved_by_rule.country_code_over_name).toEqual({ count: 2, examples: ['Austria / AUS (2)'] });
    expect((await attendance(ws.db)).map((r) => r.country_iso3)).toEqual(['AUT', 'AUS', 'AUS', 'KEN', 'NER']);
  });

  it.each([
    ['Delegation'], ['Member State'], ['Nationality'], ['Country/Territory'], ['Party'], ['ISO 3166 Code'], ['ISO code']
  ])('reads %j as the country', async (header) => {
    const ws = workspace();
    const value = header.startsWith('ISO') ? 'NPL' : 'Federal Democratic Republic of Nepal';
    const input = ws.file('list.csv', `Meeting Year,"${header}"\n2019,${value}\n`);
    const report = await runPipeline({ db: ws.db, inputs: [input] });
    expect(report.ok).toBe(true);
    expect((await attendance(ws.db))[0].country_iso3).toBe('NPL');
  });

  it('joins First Name and Last Name of speakers, and reads "Name of Person Speaking"', async () => {
    const ws = workspace();
    const split = ws.file('split.csv', 'year,session,First Name,Last Name\n2023,WS #1,Ana,Example\n2023,WS #1,,Solo\n');
    const whole = ws.file('whole.csv', 'year,session,Name of Person Speaking\n2023,WS #2,Bo Example\n');
    const report = await runPipeline({ db: ws.db, inputs: [split, whole], kind: 'speakers' });
    expect(report.ok).toBe(true);
    const rows = await query(ws.db, 'SELECT session_id, name FROM speaker ORDER BY session_id, source_line');
    expect(rows).toEqual([
      { session_id: 'WS #1', name: 'Ana Example' },
      { session_id: 'WS #1', name: 'Solo' },
      { session_id: 'WS #2', name: 'Bo Example' }
    ]);
  });

  it('treats NA, N/A, NULL, - and empty cells as missing, not as spellings to resolve', async () => {
    const ws = workspace();
    const input = ws.file(
      'missing.csv',
      ['year,country,stakeholder group,gender,mode', '2019,NA,N/A,NULL,-', '2019,#N/A,NaN,n/a,', '2019,Kenya,NA,F,onsite', ''].join('\n')
    );
    const report = await runPipeline({ db: ws.db, inputs: [input] });
    expect(report.files[0].rows_loaded).toBe(3);
    expect(report.files[0].unresolved).toEqual({});
    const rows = await query(ws.db, 'SELECT country_iso3, country_raw, stakeholder_group, gender, participation_mode FROM attendance ORDER BY source_line');
    expect(rows).toEqual([
      { country_iso3: null, country_raw: null, stakeholder_group: 'unknown', gender: 'unknown', participation_mode: 'unknown' },
      { country_iso3: null, country_raw: null, stakeholder_group: 'unknown', gender: 'unknown', participation_mode: 'unknown' },
      { country_iso3: 'KEN', country_raw: 'Kenya', stakeholder_group: 'unknown', gender: 'female', participation_mode: 'onsite' }
    ]);
  });

  it('reports repeated header names and uses the first such column', async () => {
    const ws = workspace();
    const input = ws.file('dup.csv', 'year,Country,gender,country\n2019,Kenya,F,Peru\n');
    const report = await runPipeline({ db: ws.db, inputs: [input] });
    expect(report.files[0].header_notes).toEqual(['header "Country" appears in columns 2, 4; only column 2 is used']);
    expect((await attendance(ws.db))[0].country_iso3).toBe('KEN');
  });

  it('counts unresolved values after trimming them', async () => {
    const ws = workspace();
    const input = ws.file('eu.csv', 'year,country\n2019,European Union\n2019,"European Union "\n2019, European Union\n');
    const report = await runPipeline({ db: ws.db, inputs: [input] });
    expect(report.files[0].unresolved.country).toEqual({ count: 3, top: [{ value: 'European Union', count: 3 }] });
  });
});

describe('--map and advice on missing columns', () => {
  it('suggests the closest unrecognised header for a missing required field', () => {
    const ws = workspace();
    const r = runCli(['--db', ws.db, '--input', ws.file('list.csv', 'Meeting Yr,Country,Gender\n2019,Kenya,F\n')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`no meeting_year column; did you mean "Meeting Yr"? map it with --map 'Meeting Yr=meeting_year'`);
  });

  it('maps headers by hand', async () => {
    const ws = workspace();
    const input = ws.file('list.csv', 'Yr,Nation,Sex\n2019,Kenya,F\n');
    const r = runCli(['--db', ws.db, '--map', 'Yr=meeting_year', '--map', 'nation=country', '--input', input]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('mapped by hand: Yr → meeting_year, Nation → country');
    expect(await attendance(ws.db)).toEqual([
      { source_line: 2, meeting_year: 2019, country_iso3: 'KEN', country_raw: 'Kenya', gender: 'female', participation_mode: 'unknown' }
    ]);
  });

  it('refuses a --map to a field that does not exist, and a malformed one', () => {
    expect(() => parseManualMap(['Yr=year_of_meeting'])).toThrow(/unknown field "year_of_meeting"/);
    expect(() => parseManualMap(['Yr'])).toThrow(/not of the form 'Header=field'/);
    const ws = workspace();
    const r = runCli(['--db', ws.db, '--map', 'Yr', '--input', ws.file('a.csv', 'year\n2019\n')]);
    expect(r.code).toBe(2);
  });

  it('says "an attendance file"', () => {
    const ws = workspace();
    const r = runCli(['--db', ws.db, '--kind', 'attendance', '--input', ws.file('s.csv', 'title,theme\nA,B\n')]);
    expect(r.stderr).toContain('is not an attendance file');
  });
});

describe('reject, never crash', () => {
  it('rejects a row with a 5 MB cell and loads the rows around it', async () => {
    const ws = workspace();
    const input = ws.file('huge.csv', `year,country,gender\n2019,Kenya,F\n2019,"${'x'.repeat(5 * 1024 * 1024)}",M\n2019,Peru,M\n`);
    const report = await runPipeline({ db: ws.db, inputs: [input] });
    expect(report.ok).toBe(true);
    expect(report.files[0]).toMatchObject({ rows_read: 3, rows_loaded: 2, rows_rejected: 1 });
    expect(report.files[0].rejected_by_reason).toEqual({ 'a field of 5,242,880 bytes is longer than the limit of 65,536 bytes': 1 });
    expect((await attendance(ws.db)).map((r) => [r.source_line, r.country_iso3])).toEqual([[2, 'KEN'], [4, 'PER']]);
  });

  it('rejects the one record with broken UTF-8 and keeps the accents of the others', async () => {
    const ws = workspace();
    const bytes = Buffer.concat([
      Buffer.from('year,country\n2019,Côte d’Ivoire\n2019,'),
      Buffer.from([0xc3, 0x28, 0xa0]),
      Buffer.from('\n2019,São Tomé and Príncipe\n')
    ]);
    const report = await runPipeline({ db: ws.db, inputs: [ws.file('broken.csv', bytes)] });
    expect(report.files[0]).toMatchObject({ rows_loaded: 2, rows_rejected: 1, encoding: 'utf-8 (some records invalid)' });
    expect(report.files[0].rejected_by_reason).toEqual({ 'contains bytes that are not valid UTF-8 text': 1 });
    expect((await attendance(ws.db)).map((r) => r.country_raw)).toEqual(['Côte d’Ivoire', 'São Tomé and Príncipe']);
  });

  it('fails a file none of whose rows loads, unless --allow-empty', () => {
    const ws = workspace();
    expect(runCli(['--db', ws.db, '--input', ws.file('good.csv', 'year,country\n2019,Kenya\n')]).code).toBe(0);
    const before = sha256(ws.db);
    const bad = ws.file('bad.csv', 'year,country\n1999,Kenya\nabc,Peru\n1999,Chile\n');
    const r = runCli(['--db', ws.db, '--input', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${bad}: all 3 rows were rejected (most often: no IGF meeting in 1999 in the database (add meetings to data/meetings.csv), 2×); nothing of it would be loaded. Fix the file, or load it anyway with --allow-empty`
    );
    expect(r.stderr).toContain('the database was not changed');
    expect(sha256(ws.db)).toBe(before);
    const allowed = runCli(['--db', ws.db, '--allow-empty', '--input', bad]);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toContain('read 3, loaded 0, rejected 3');
  });
});

describe('meeting years', () => {
  it('accepts the years of meetings in the database and rejects others with that reason', async () => {
    const ws = workspace();
    const input = ws.file('years.csv', 'year,country\n2005,Tunisia\n2023,Japan\n2031,Kenya\nIGF 2024,Saudi Arabia\n');
    const report = await runPipeline({ db: ws.db, inputs: [input] });
    expect(report.files[0].rejected_by_reason).toEqual({
      'no IGF meeting in 2005 in the database (add meetings to data/meetings.csv)': 1,
      'no IGF meeting in 2031 in the database (add meetings to data/meetings.csv)': 1
    });
    expect((await attendance(ws.db)).map((r) => r.meeting_year)).toEqual([2023, 2024]);
  });
});

describe('country spellings in a UN list', () => {
  it('resolves former and formal names and close spellings, names split states, and reports each', () => {
    const ws = workspace();
    const input = ws.file(
      'un-list.csv',
      ['year,Delegation', '2019,Libyan Arab Jamahiriya', '2019,Italian Republic', '2019,Mauritus', '2019,Mauritus', '2019,USSR', '2019,Atlantis', ''].join('\n')
    );
    const reportPath = `${ws.dir}/report.json`;
    const r = runCli(['--db', ws.db, '--input', input, '--report', reportPath]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('country resolved by close spelling: 2 row(s), e.g. Mauritus → MUS (Mauritius); please check');
    expect(r.stdout).toContain('unresolved country: 2 row(s), kept as unknown; most frequent: "Atlantis" ×1, "USSR" ×1');
    expect(r.stdout).toContain('of which 1 name a former state that split (USSR, Yugoslavia …): not resolved on purpose');
  });
});

describe('review fixes', () => {
  it('reads a file whose name DuckDB would take as a glob pattern, not the files the pattern matches', async () => {
    const ws = workspace();
    ws.file('x1.csv', 'year,country\n2019,Kenya\n2019,Peru\n');
    const odd = ws.file('x[1].csv', 'year,country\n2019,Chile\n');
    const report = await runPipeline({ db: ws.db, inputs: [odd] });
    expect(report.files[0]).toMatchObject({ rows_read: 1, rows_loaded: 1 });
    expect((await attendance(ws.db)).map((r) => r.country_iso3)).toEqual(['CHL']);
  });

  it('loads a file again when --map or --year is given, and says which --map entries it could not use', async () => {
    const ws = workspace();
    const input = ws.file('list.csv', 'Yr,Country\n2019,Kenya\n');
    expect((await runPipeline({ db: ws.db, inputs: [input], year: 2019, source: 'x' })).files[0].status).toBe('loaded');
    const again = await runPipeline({ db: ws.db, inputs: [input], source: 'x', manual: parseManualMap(['Yr=meeting_year', 'Delegaton=country']) });
    expect(again.files[0].status).toBe('loaded');
    expect(again.files[0].header_notes).toEqual(['--map delegaton=country: no such header in this file']);
    expect((await attendance(ws.db)).map((r) => r.country_iso3)).toEqual(['KEN']);
  });
});
