/**
 * CSV (RFC 4180): header line, CRLF line ends, fields with comma, quote or line break quoted; text
 * cells that begin like a spreadsheet formula get a leading ' (CSV_TEXT_NOTE), numbers never. Metric
 * rows are written here; full tables by DuckDB's own writer with the same cell rule
 * (exports/stream.ts, csvSafeTextSql).
 */
import { csvField } from './encoding.ts';
import type { DownloadFormat } from './format.ts';
import type { ResultRows } from './rows.ts';

export function toCsv(result: ResultRows): string {
  const names = result.columns.map((c) => c.name);
  const text = result.columns.map((c) => c.type === 'string');
  const lines = [names.map((n) => csvField(n)).join(',')];
  for (const row of result.rows) lines.push(names.map((n, i) => csvField(row[n], text[i])).join(','));
  return lines.join('\r\n') + '\r\n';
}

const encoder = new TextEncoder();

export const csv: DownloadFormat = {
  id: 'csv',
  suffix: 'csv',
  contentType: 'text/csv; charset=utf-8',
  metric: (result) => encoder.encode(toCsv(result)),
  table: true
};
