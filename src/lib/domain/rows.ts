/** The row shape every metric, export and chart shares: named cells of four plain types. */
export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

/** A cell's number, or null for anything else (null, text, a missing cell, NaN or ±Infinity). */
export const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export type ColumnType = 'int' | 'float' | 'string' | 'bool';

/** A column of a metric's or an export's rows, as the metadata describes it. */
export interface Column {
  name: string;
  type: ColumnType;
  description: string;
}
