/**
 * How one value is written, shared by the metric downloads and the full-table exports so that a
 * number reads the same in every file this product produces.
 */
import { Bool, DateDay, Float64, Int32, Utf8, type DataType } from 'apache-arrow';

/** RFC 4180 field: null and non-finite numbers empty; quoted when it holds a comma, quote or line break. */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : String(v);
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
