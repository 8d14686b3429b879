/** For tests: CSV text back to its fields, exactly (no trimming, no type guessing), by the pipeline's own reader. */
import { scanCsv } from '../../pipelines/files/csv.ts';

/** The header and every record, in order. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  const { header } = scanCsv(text, ',', (fields) => rows.push(fields.slice()));
  return [header, ...rows];
}
