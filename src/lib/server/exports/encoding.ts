/**
 * How one value is written, shared by the metric downloads and the full-table exports so that a
 * number reads the same in every file this product produces.
 */
import { Bool, DateDay, Float64, Int32, Utf8, type DataType } from 'apache-arrow';

/**
 * What every CSV says about its text cells (the metadata JSON and the bundle README carry it): the
 * OWASP defence against CSV (formula) injection.
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
 * The SQL twin of csvSafeText, for a VARCHAR expression written by DuckDB's CSV writer. `e` is an
 * expression of ours, never request input. ascii() is the first character's code point (tab 9,
 * CR 13, + 43, - 45, = 61, @ 64; 0 for '', NULL for NULL): as fast as writing the column plain,
 * where left(e, 1) cost 40% more on a table of text.
 */
export function csvSafeTextSql(e: string): string {
  return `CASE WHEN ascii(${e}) IN (9, 13, 43, 45, 61, 64) THEN concat('''', ${e}) ELSE ${e} END`;
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

export type ValueType = 'int' | 'float' | 'bool' | 'string' | 'date';

/** Integers Int32 (every count and line number fits), fractions Float64, dates DateDay, text Utf8. */
export function arrowType(t: ValueType): DataType {
  switch (t) {
    case 'int':
      return new Int32();
    case 'float':
      return new Float64();
    case 'bool':
      return new Bool();
    case 'date':
      return new DateDay();
    case 'string':
      return new Utf8();
  }
}
