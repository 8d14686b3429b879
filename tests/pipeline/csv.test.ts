import { describe, expect, it } from 'vitest';
import { scanCsv, sniffDelimiter, MAX_FIELD_BYTES } from '../../pipelines/files/csv.ts';

function collect(text: string, delimiter = ',') {
  const rows: Array<{ fields: string[]; line: number }> = [];
  const scan = scanCsv(text, delimiter, (fields, line) => rows.push({ fields: fields.slice(), line }));
  return { scan, rows };
}

describe('scanCsv', () => {
  it('reads LF and CRLF files alike, with the line each record starts on', () => {
    for (const eol of ['\n', '\r\n']) {
      const { scan, rows } = collect(['a,b', '1,x', '2,y'].join(eol) + eol);
      expect(scan.header).toEqual(['a', 'b']);
      expect(scan.records).toBe(2);
      expect(scan.simple).toBe(true);
      expect(rows).toEqual([
        { fields: ['1', 'x'], line: 2 },
        { fields: ['2', 'y'], line: 3 }
      ]);
    }
  });

  it('keeps quoted delimiters, doubled quotes and line breaks inside a field, and counts lines past them', () => {
    const { scan, rows } = collect('a,b\n1,"x, ""quoted""\nsecond line"\n2,y\n');
    expect(rows).toEqual([
      { fields: ['1', 'x, "quoted"\nsecond line'], line: 2 },
      { fields: ['2', 'y'], line: 4 }
    ]);
    expect(scan.simple).toBe(false);
  });

  it('rejects a record with the wrong number of fields by its line, and goes on', () => {
    const { scan, rows } = collect('a,b\n1,x\n2\n3,y,z\n4,w\n');
    expect(scan.records).toBe(4);
    expect(scan.bad).toEqual([
      { line: 3, reason: 'has 1 fields, expected 2' },
      { line: 4, reason: 'has 3 fields, expected 2' }
    ]);
    expect(rows.map((r) => r.line)).toEqual([2, 5]);
  });

  it('treats trailing empty fields from spreadsheets as harmless', () => {
    const { scan, rows } = collect('a,b\n1,x,,\n');
    expect(scan.bad).toEqual([]);
    expect(rows[0].fields).toEqual(['1', 'x']);
  });

  it('rejects only the record with an unterminated quote, not the rest of the file', () => {
    const { scan, rows } = collect('a,b\n1,"never closed\n2,y\n3,z\n');
    expect(scan.bad).toEqual([{ line: 2, reason: 'unterminated quoted field' }]);
    expect(rows.map((r) => r.line)).toEqual([3, 4]);
    expect(scan.records).toBe(3);
  });

  it('skips blank lines without counting them as records, but keeps line numbers true', () => {
    const { scan, rows } = collect('a,b\n\n1,x\n   \n2,y\n\n');
    expect(scan.records).toBe(2);
    expect(rows.map((r) => r.line)).toEqual([3, 5]);
    expect(scan.simple).toBe(false);
  });

  it('reads old Mac line ends (lone CR)', () => {
    const { rows } = collect('a,b\r1,x\r2,y');
    expect(rows).toEqual([
      { fields: ['1', 'x'], line: 2 },
      { fields: ['2', 'y'], line: 3 }
    ]);
  });

  it('counts the same records and bad lines with and without collecting fields', () => {
    const text = 'a,b\n1,x\n"2\n",y\nbad\n3,"z"\n4,"q"tail\n';
    const fast = scanCsv(text, ',');
    const full = collect(text).scan;
    expect(fast.records).toBe(full.records);
    expect(fast.bad).toEqual(full.bad);
    expect(full.bad).toEqual([
      { line: 5, reason: 'has 1 fields, expected 2' },
      { line: 7, reason: 'text after a closing quote' }
    ]);
  });

  it('reads quoted headers as R, Excel and databases write them: commas, doubled quotes and line breaks inside', () => {
    const { scan, rows } = collect('"","Delegation","Name, as given","Say ""hi""","Two\nlines"\n"1","Kenya","A",x,y\n');
    expect(scan.header).toEqual(['', 'Delegation', 'Name, as given', 'Say "hi"', 'Two\nlines']);
    expect(rows).toEqual([{ fields: ['1', 'Kenya', 'A', 'x', 'y'], line: 3 }]);
  });

  it('keeps a quoted header when only the fields are counted', () => {
    expect(scanCsv('meeting_year,"Country of residence",gender\n2019,Kenya,F\n', ',').header).toEqual([
      'meeting_year',
      'Country of residence',
      'gender'
    ]);
  });

  it(`rejects a record with a field over ${MAX_FIELD_BYTES} bytes, quoted or not, and reads the records around it`, () => {
    const huge = 'x'.repeat(5 * 1024 * 1024);
    for (const cell of [huge, `"${huge}"`]) {
      const text = `a,b\n1,ok\n2,${cell}\n3,fine\n`;
      const fast = scanCsv(text, ',');
      const { scan, rows } = collect(text);
      expect(fast.bad).toEqual(scan.bad);
      expect(scan.records).toBe(3);
      expect(scan.bad).toEqual([{ line: 3, reason: 'a field of 5,242,880 bytes is longer than the limit of 65,536 bytes' }]);
      expect(rows.map((r) => r.line)).toEqual([2, 4]);
      expect(scan.simple).toBe(false);
    }
  });

  it('accepts a field of exactly the limit', () => {
    const { scan } = collect(`a,b\n1,${'y'.repeat(MAX_FIELD_BYTES)}\n`);
    expect(scan.bad).toEqual([]);
  });

  it('rejects a record with NUL bytes, which are not text', () => {
    const { scan, rows } = collect('a,b\n1,x\n2,y\u0000z\n3,"q\u0000"\n4,w\n');
    expect(scan.bad).toEqual([
      { line: 3, reason: 'contains NUL bytes, which are not text' },
      { line: 4, reason: 'contains NUL bytes, which are not text' }
    ]);
    expect(rows.map((r) => r.line)).toEqual([2, 5]);
  });

  it('rejects records with invalid UTF-8 when asked to, and only those', () => {
    const bytes = Buffer.concat([Buffer.from('a,b\n1,Zürich\n2,'), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from('\n3,São Paulo\n')]);
    const lines: number[] = [];
    const scan = scanCsv(bytes, ',', (_, line) => lines.push(line), undefined, { rejectInvalidUtf8: true });
    expect(scan.bad).toEqual([{ line: 3, reason: 'contains bytes that are not valid UTF-8 text' }]);
    expect(lines).toEqual([2, 4]);
  });

  it('fails clearly on a file without a header', () => {
    expect(() => scanCsv('\n\n', ',')).toThrow(/no header/);
  });
});

describe('sniffDelimiter', () => {
  it.each([
    ['Meeting Year,Country,Gender\n', ','],
    ['Meeting Year;Country;Gender\n2019;"a;b";F', ';'],
    ['Meeting Year\tCountry\tGender\n', '\t'],
    ['"Country, or area";Year;Gender\n', ';'],
    ['year\n2019\n', ',']
  ])('%j -> %j', (text, expected) => {
    expect(sniffDelimiter(text)).toBe(expected);
  });
});
