/**
 * How one value is written, shared by the metric downloads and the full-table exports so that a
 * number reads the same in every file this product produces.
 */
import { Bool, DateDay, Float64, Int32, Utf8, type DataType } from 'apache-arrow';

// The cell rules live in $lib/csv.ts, which the browser shares (tables saved as shown).
export { CSV_TEXT_NOTE, csvField, csvSafeText } from '../../csv.ts';

/**
 * The SQL twin of csvSafeText, for a VARCHAR expression written by DuckDB's CSV writer. `e` is an
 * expression of ours, never request input. ascii() is the first character's code point (tab 9,
 * CR 13, + 43, - 45, = 61, @ 64; 0 for '', NULL for NULL): as fast as writing the column plain,
 * where left(e, 1) cost 40% more on a table of text.
 */
export function csvSafeTextSql(e: string): string {
  return `CASE WHEN ascii(${e}) IN (9, 13, 43, 45, 61, 64) THEN concat('''', ${e}) ELSE ${e} END`;
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
