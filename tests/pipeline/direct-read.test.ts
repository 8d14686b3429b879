/**
 * DuckDB reads a plain UTF-8 CSV itself when a cheap pre-scan of the bytes allows it
 * (quickLineCheck); everything else goes through the full scan. Either way every record is loaded
 * or rejected with its own line.
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { runPipeline } from '../../pipelines/run.ts';
import { stageFile } from '../../pipelines/load/stage.ts';
import { openDatabase } from '../../pipelines/database/open.ts';
import * as inputFile from '../../pipelines/files/input-file.ts';
import { InputError, readFileFacts, SNIFF_BYTES, type FileFacts } from '../../pipelines/files/input-file.ts';

// The loader's whole-file read, counted: a plain CSV that DuckDB reads itself is never read whole in Node.
vi.mock('../../pipelines/files/input-file.ts', async (original) => {
  const actual = await original<typeof inputFile>();
  return { ...actual, readBytes: vi.fn(actual.readBytes) };
});
import { quickLineCheck, MAX_FIELD_BYTES } from '../../pipelines/files/csv.ts';
import { workspace, query } from './helpers.ts';

async function loadedAndRejected(text: string | Buffer) {
  const ws = workspace();
  const report = await runPipeline({ db: ws.db, inputs: [ws.file('list.csv', text)] });
  expect(report.ok).toBe(true);
  const [file] = report.files;
  expect(file.rows_read).toBe(file.rows_loaded + file.rows_rejected);
  const loaded = (await query(ws.db, 'SELECT source_line, country_raw FROM attendance ORDER BY source_line')).map((r) => [Number(r.source_line), r.country_raw]);
  const rejected = (await query(ws.db, 'SELECT line, reason FROM rejected_row ORDER BY line')).map((r) => [Number(r.line), r.reason]);
  return { file, loaded, rejected };
}

describe('quickLineCheck', () => {
  it('counts the lines after the header of plain LF and CRLF text', () => {
    expect(quickLineCheck(Buffer.from('a,b\n1,2\n3,4\n'))).toEqual({ ok: true, lines: 2 });
    expect(quickLineCheck(Buffer.from('a,b\r\n1,2\r\n3,4'))).toEqual({ ok: true, lines: 2 });
    expect(quickLineCheck(Buffer.from('a,b\n1,"x\ny"\n'))).toEqual({ ok: true, lines: 2 });
  });
  it('leaves NUL bytes, blank lines, lone CRs and over-long lines to the full scan', () => {
    expect(quickLineCheck(Buffer.from('a,b\n1,2\u0000\n')).ok).toBe(false);
    expect(quickLineCheck(Buffer.from('a,b\n1,2\n\n3,4\n')).ok).toBe(false);
    expect(quickLineCheck(Buffer.from('a,b\r\n1,2\r\n\r\n3,4\r\n')).ok).toBe(false);
    expect(quickLineCheck(Buffer.from('a,b\r1,2\r')).ok).toBe(false);
    expect(quickLineCheck(Buffer.from('a,b\n1,2\r')).ok).toBe(false);
    expect(quickLineCheck(Buffer.from(`a,b\n1,${'x'.repeat(MAX_FIELD_BYTES + 1)}\n`)).ok).toBe(false);
  });
});

describe('readFileFacts', () => {
  /** The verdict readFileFacts must give: quickLineCheck over the whole file, if it is UTF-8 without BOM. */
  function expected(bytes: Buffer) {
    const plain = isUtf8(bytes) && !(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf);
    return {
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.length,
      head: bytes.subarray(0, SNIFF_BYTES),
      plainLines: plain ? quickLineCheck(bytes) : { ok: false, lines: 0 },
      arrayLines: null,
      verticalTabOrFormFeed: false
    };
  }
  const MB = 1 << 20;
  /** A plain CSV whose `tail` starts `offset` bytes after the first 1 MB read ends (readFileFacts reads 1 MB at a time). */
  const around1MB = (tail: string | Buffer, offset: number) => {
    const filler = MB + offset - 'a,b\n'.length;
    const lines = Math.floor(filler / 10);
    const head = 'a,b\n' + '2019,1234\n'.repeat(lines - 1) + '2019,1234' + 'y'.repeat(filler - lines * 10) + '\n';
    if (head.length !== MB + offset) throw new Error('around1MB: wrong filler');
    return Buffer.concat([Buffer.from(head), Buffer.from(tail)]);
  };
  /** The lines after the header of around1MB(tail, offset) when the tail has `tailLines`. */
  const linesAround1MB = (offset: number, tailLines: number) => Math.floor((MB + offset - 4) / 10) + tailLines;

  it.each([
    ['a small plain file', Buffer.from('a,b\n1,2\n3,4\n'), 2],
    ['no final line end', Buffer.from('a,b\r\n1,2\r\n3,4'), 2],
    ['a BOM', Buffer.from('\ufeffa,b\n1,2\n'), false],
    ['a blank line', Buffer.from('a,b\n1,2\n\n3,4\n'), false],
    ['a lone CR at the end', Buffer.from('a,b\n1,2\r'), false],
    ['Windows-1252', Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0x31, 0x2c, 0xe9, 0x0a]), false],
    ['a CRLF split between reads', around1MB('1,2\r\n3,4\r\n', -4), linesAround1MB(-4, 2)],
    ['a character split between reads', around1MB('2019,é\n2020,ü\n', -6), linesAround1MB(-6, 2)],
    ['invalid UTF-8 after the first read', around1MB(Buffer.from([0x31, 0x2c, 0xe9, 0x0a]), 0), false],
    ['a NUL after the first read', around1MB('1,\u00002\n', 0), false],
    ['a line longer than a field may be, across reads', around1MB(`1,${'x'.repeat(MAX_FIELD_BYTES + 1)}\n2,3\n`, -100), false],
    ['a line as long as a field may be, across reads', around1MB(`1,${'x'.repeat(MAX_FIELD_BYTES - 2)}\n2,3\n`, -100), linesAround1MB(-100, 2)]
  ] as [string, Buffer, number | false][])('reads %s as quickLineCheck reads the whole file', async (_, bytes, lines) => {
    const ws = workspace();
    const facts = await readFileFacts(ws.file('list.csv', bytes));
    expect(facts).toEqual(expected(bytes));
    expect(facts.plainLines).toEqual(lines === false ? { ok: false, lines: 0 } : { ok: true, lines });
  });

  it('reports a missing or empty file in plain words', async () => {
    const ws = workspace();
    await expect(readFileFacts(ws.file('empty.csv', ''))).rejects.toThrow('the file is empty');
    await expect(readFileFacts(`${ws.dir}/none.csv`)).rejects.toThrow('file not found');
  });
});

describe('reading a CSV directly or through the full scan', () => {
  it('numbers the lines of a plain file from row order', async () => {
    const { file, loaded, rejected } = await loadedAndRejected('meeting_year,country\r\n2019,France\r\n2019,"Korea, Republic of"\r\n20x9,Peru\r\n2020,Kenya\r\n');
    expect(file.rows_read).toBe(4);
    expect(loaded).toEqual([[2, 'France'], [3, 'Korea, Republic of'], [5, 'Kenya']]);
    expect(rejected).toEqual([[4, 'meeting_year is not a year']]);
  });

  it('keeps line numbers exact with a quoted multi-line field and a bad row', async () => {
    const text = [
      'meeting_year,country,organization',
      '2019,France,"Two', // 2: one record on lines 2-3
      'lines"',
      '2019,Kenya', // 4: 2 fields
      '20x9,Peru,x', // 5: not a year
      '2020,"Chile",y', // 6
      ''
    ].join('\n');
    const { file, loaded, rejected } = await loadedAndRejected(text);
    expect(file.rows_read).toBe(4);
    expect(loaded).toEqual([[2, 'France'], [6, 'Chile']]);
    expect(rejected).toEqual([
      [4, 'has 2 fields, expected 3'],
      [5, 'meeting_year is not a year']
    ]);
  });

  it('rejects a NUL byte and an over-long field by line, the rest loaded', async () => {
    // A NUL in the first kilobytes marks the whole file as binary: this one comes after 7,000 lines (84 KB).
    const first = Array.from({ length: 7000 }, () => '2019,France\n').join('');
    const text = `meeting_year,country\n${first}2019,Ke\u0000nya\n2019,${'x'.repeat(MAX_FIELD_BYTES + 1)}\n2020,Chile\n`;
    const { loaded, rejected } = await loadedAndRejected(text);
    expect(loaded.length).toBe(7001);
    expect(loaded.at(-1)).toEqual([7004, 'Chile']);
    expect(rejected).toEqual([
      [7002, 'contains NUL bytes, which are not text'],
      [7003, `a field of ${(MAX_FIELD_BYTES + 1).toLocaleString('en-US')} bytes is longer than the limit of ${MAX_FIELD_BYTES.toLocaleString('en-US')} bytes`]
    ]);
  });

  it('reads a file with a BOM and no final line end', async () => {
    const { loaded } = await loadedAndRejected('\ufeffmeeting_year,country\n2019,France\n2020,Chile');
    expect(loaded).toEqual([[2, 'France'], [3, 'Chile']]);
  });
});

/**
 * stageFile starts DuckDB's read of a file whose first 64 KB are a plain UTF-8 CSV while the caller
 * still reads and hashes the whole file, and keeps that read only if the whole file is that CSV.
 */
describe('DuckDB reading a new CSV while it is hashed', () => {
  /** A connection that records the statements stageFile runs, in order. */
  async function recordingConnection(dir: string) {
    const db = await openDatabase(join(dir, 'stage.duckdb'));
    onTestFinished(() => db.close());
    const statements: string[] = [];
    const conn = new Proxy(db.conn, {
      get(target, name, receiver) {
        const value = Reflect.get(target, name, receiver);
        if (name !== 'run' && name !== 'runAndReadAll') return typeof value === 'function' ? value.bind(target) : value;
        return (sql: string, ...rest: unknown[]) => {
          statements.push(sql);
          return (value as (...a: unknown[]) => unknown).call(target, sql, ...rest);
        };
      }
    });
    return { conn, statements, db };
  }
  const readsCsv = (sql: string) => sql.includes('CREATE TEMP TABLE staged_raw') && sql.includes('read_csv');

  /**
   * stageFile on a new file whose bytes the test hands over when it chooses, as a slow disk would;
   * returns once stageFile has had time to start whatever it starts before the bytes arrive.
   */
  async function stageHeldBack(name: string, content: string) {
    const ws = workspace();
    const path = ws.file(name, content);
    const { conn, statements } = await recordingConnection(ws.dir);
    let release!: () => void;
    let fail!: (e: Error) => void;
    const facts = new Promise<FileFacts>((resolve, reject) => ((release = () => resolve(readFileFacts(path))), (fail = reject)));
    const phases: string[] = [];
    const staging = stageFile(conn as never, path, facts, { progress: (phase) => phases.push(phase) });
    // A CSV or JSON file: until stageFile says it is loading (the early read started). Anything
    // else: long enough for it to have started one, on a machine busy with other tests.
    const started = Date.now();
    while (!phases.includes('loading') && Date.now() - started < (/\.(csv|json|ndjson)$/.test(name) ? 10_000 : 300)) {
      await new Promise((r) => setTimeout(r, 5));
    }
    return { conn, statements, staging, release, fail };
  }

  it('starts the read before the bytes arrive and keeps it for a plain CSV', async () => {
    const { conn, statements, staging, release } = await stageHeldBack('list.csv', 'meeting_year,country\n2019,France\n2020,"Korea, Republic of"\n');
    expect(statements.filter(readsCsv)).toHaveLength(1);
    release();
    const staged = await staging;
    expect(staged).toMatchObject({ format: 'csv', recordsRead: 2, staged: 2 });
    expect(statements.filter(readsCsv)).toHaveLength(1);
    const rows = (await conn.runAndReadAll('SELECT __source_line, country FROM staged ORDER BY 1')).getRows();
    expect(rows).toEqual([[2n, 'France'], [3n, 'Korea, Republic of']]);
  });

  it('drops the early read when a Windows-1252 character comes after the first 64 KB, and reads the file re-encoded', async () => {
    const first = Array.from({ length: 7000 }, () => '2019,France\n').join(''); // 84 KB
    const bytes = Buffer.concat([Buffer.from(`meeting_year,country\n${first}2019,Per`), Buffer.from([0xfa]), Buffer.from('\n2020,Chile\n')]);
    const { file, loaded, rejected } = await loadedAndRejected(bytes);
    expect(file.encoding).toBe('windows-1252');
    expect(file.rows_read).toBe(7002);
    expect(loaded.slice(-2)).toEqual([[7002, 'Perú'], [7003, 'Chile']]);
    expect(rejected).toEqual([]);
  });

  it('stages a plain CSV or JSON from DuckDB\'s read without reading the file whole in Node; JSON it cannot vouch for from its bytes', async () => {
    const readBytes = vi.mocked(inputFile.readBytes);
    readBytes.mockClear();
    const csv = await stageHeldBack('list.csv', 'meeting_year,country\n2019,France\n');
    csv.release();
    expect(await csv.staging).toMatchObject({ format: 'csv', recordsRead: 1, staged: 1 });
    const json = await stageHeldBack('list.json', '[{"meeting_year": 2019, "country": "France"}]');
    json.release();
    expect(await json.staging).toMatchObject({ format: 'json', recordsRead: 1, staged: 1 });
    expect(readBytes).not.toHaveBeenCalled();
    // A line JSON.parse refuses: the JavaScript path rejects it by line.
    const lines = await stageHeldBack('list.ndjson', '{"meeting_year": 2019, "country": "France"}\n{"meeting_year": 2020,}\n');
    lines.release();
    expect(await lines.staging).toMatchObject({ format: 'json', recordsRead: 2, staged: 1, unreadable: [{ line: 2, reason: 'not valid JSON' }] });
    expect(readBytes).toHaveBeenCalledTimes(1);
  });

  it('stages a Parquet file from its path without reading it whole in Node', async () => {
    const ws = workspace();
    const { conn, db } = await recordingConnection(ws.dir);
    const path = join(ws.dir, 'list.parquet');
    await db.conn.run(`COPY (SELECT '2019' AS meeting_year, 'France' AS country) TO '${path}' (FORMAT parquet)`);
    const readBytes = vi.mocked(inputFile.readBytes);
    readBytes.mockClear();
    const staged = await stageFile(conn as never, path, readFileFacts(path));
    expect(staged).toMatchObject({ format: 'parquet', recordsRead: 1, staged: 1 });
    expect(readBytes).not.toHaveBeenCalled();
    expect((await conn.runAndReadAll('SELECT __source_line, country FROM staged')).getRows()).toEqual([[1n, 'France']]);
  });

  it('refuses a file whose bytes changed after they were hashed', async () => {
    const ws = workspace();
    // With a BOM, so that DuckDB does not read it early: the bytes read whole must be the ones hashed.
    const path = ws.file('list.json', '\ufeff[{"meeting_year": 2019, "country": "France"}]');
    const { conn } = await recordingConnection(ws.dir);
    const facts = await readFileFacts(path);
    ws.file('list.json', '\ufeff[{"meeting_year": 2020, "country": "France"}]');
    await expect(stageFile(conn as never, path, Promise.resolve(facts))).rejects.toThrow(
      new InputError('changed while it was being read; load it again once it is complete')
    );
  });

  it('starts the read before the bytes arrive for JSON too, and keeps it', async () => {
    const readsJson = (sql: string) => sql.includes('CREATE TEMP TABLE staged_raw') && sql.includes('read_json_objects');
    const { conn, statements, staging, release } = await stageHeldBack('list.json', '[\n{"meeting_year": 2019, "country": "France"},\n{"meeting_year": 2020, "country": "Chile"}\n]\n');
    expect(statements.filter(readsJson)).toHaveLength(1);
    release();
    expect(await staging).toMatchObject({ format: 'json', recordsRead: 2, staged: 2 });
    expect(statements.filter(readsJson)).toHaveLength(1);
    const rows = (await conn.runAndReadAll('SELECT __source_line, meeting_year, country FROM staged ORDER BY 1')).getRows();
    expect(rows).toEqual([[2n, '2019', 'France'], [3n, '2020', 'Chile']]);
  });

  it('leaves nothing staged when the whole file cannot be read after the early read started', async () => {
    const { conn, statements, staging, fail } = await stageHeldBack('list.csv', 'meeting_year,country\n2019,France\n');
    expect(statements.filter(readsCsv)).toHaveLength(1);
    fail(new InputError('cannot be read (permissions?)'));
    await expect(staging).rejects.toThrow('cannot be read (permissions?)');
    const left = (await conn.runAndReadAll("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'staged_raw'")).getRows();
    expect(left).toEqual([[0n]]);
  });
});
