/**
 * How a CSV cell is written, for the server's downloads (server/download/encoding.ts re-exports these) and for
 * the tables the browser saves as shown (wideCsv). No imports: the browser bundle may take it.
 */

/**
 * What every CSV says about its text cells (the metadata JSON and the bundle README carry it): the
 * OWASP defence against CSV (formula) injection. Also the English catalog's readme.csv_text (en.ts
 * takes it from here); the other catalogs translate it.
 */
export const CSV_TEXT_NOTE =
  "In the CSV, a text cell that begins with =, +, -, @, a tab or a carriage return is written with a leading ' so that spreadsheets do not run it as a formula (numbers are never changed; JSON, Arrow and Parquet keep the exact text).";

/** Text a spreadsheet would read as a formula (OWASP: =, +, -, @, tab, carriage return). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text value made safe for spreadsheets: a leading ' when it begins like a formula. */
export function csvSafeText(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/**
 * RFC 4180 field: null and non-finite numbers empty; quoted when it holds a comma, quote or line break.
 * `text`: the value is of a text column, so a string that begins like a formula gets a leading '
 * (csvSafeText); numbers, and every value of a numeric column, are never changed.
 */
export function csvField(v: unknown, text = false): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : text && typeof v === 'string' ? csvSafeText(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * A number as a table shows it ("1,350", "+4", "-2.5", "42.0 %"): digits with an optional sign,
 * grouping, decimals and percent sign, and nothing a spreadsheet could run. Such a cell is a number
 * written as text, and like the server's numbers it is never changed.
 */
const SHOWN_NUMBER = /^[+\-−]?\d[\d,.\u00a0\u202f ]*(\s?%)?$/;

/** One cell of a table as shown: a shown number as it is, any other text safe for spreadsheets. */
export function shownCell(s: string): string {
  return csvField(SHOWN_NUMBER.test(s) ? s : csvSafeText(s));
}

/**
 * A table as shown on the page, in its wide shape: a header line of the column labels, then one line
 * per row with the text of each cell, CRLF line ends (RFC 4180). Every cell is text as displayed, so
 * the text rule applies to each (shownCell).
 */
export function wideCsv(columns: readonly { key: string; label: string }[], rows: readonly Record<string, string | null | undefined>[]): string {
  const lines = [columns.map((c) => shownCell(c.label)), ...rows.map((r) => columns.map((c) => shownCell(r[c.key] ?? '')))];
  return lines.map((l) => l.join(',')).join('\r\n') + '\r\n';
}
