import { describe, expect, it } from 'vitest';
import { csvField, csvSafeText, shownCell, wideCsv } from './csv.ts';

describe('wideCsv: a table as shown', () => {
  it('writes the header labels and each row cell by cell, CRLF, quoted where needed', () => {
    const columns = [
      { key: 'year', label: 'Year' },
      { key: 'women', label: 'Women, share' },
      { key: 'change', label: 'Change' },
      { key: 'note', label: 'Note' }
    ];
    const rows = [
      { year: '2019', women: '42.0 %', change: '+4', note: '=HYPERLINK("x")' },
      { year: '2020', women: '1,350', change: '-2.5', note: '-1+2' },
      { year: '2021', women: '⊘ (suppressed)', change: '—', note: '@SUM(A1)' }
    ];
    // Worked out by hand: "Women, share" holds a comma (quoted); shown numbers (42.0 %, +4, 1,350,
    // -2.5) are kept as they are, 1,350 quoted for its comma; text that begins like a formula gets a
    // leading ' (and the one with quotes is quoted, its quotes doubled); "—" and "⊘ …" are plain text.
    expect(wideCsv(columns, rows)).toBe(
      'Year,"Women, share",Change,Note\r\n' +
        '2019,42.0 %,+4,"\'=HYPERLINK(""x"")"\r\n' +
        '2020,"1,350",-2.5,\'-1+2\r\n' +
        '2021,⊘ (suppressed),—,\'@SUM(A1)\r\n'
    );
  });

  it('leaves a missing cell empty and keeps the column order of the table, not of the row', () => {
    expect(wideCsv([{ key: 'b', label: 'B' }, { key: 'a', label: 'A' }], [{ a: '1' }])).toBe('B,A\r\n,1\r\n');
  });

  it('applies the server rule to text: tab, CR, =, +, -, @ first get a leading quote', () => {
    for (const s of ['\tx', '\rx', '=1', '+x', '-x', '@x']) expect(shownCell(s).replace(/^"|"$/g, '')).toBe(`'${s}`);
    expect(shownCell('+')).toBe("'+");
    expect(csvSafeText('plain')).toBe('plain');
    expect(csvField('-1', true)).toBe("'-1"); // a text column's value, as the server writes it
    expect(csvField(-1)).toBe('-1'); // a number is never changed
  });
});
