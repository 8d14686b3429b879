/**
 * DuckDB reads a plain UTF-8 CSV itself when a cheap pre-scan of the bytes allows it
 * (quickLineCheck); everything else goes through the full scan. Either way every record is loaded
 * or rejected with its own line.
 */
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../pipelines/run.ts';
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
