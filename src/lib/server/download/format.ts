/** What a download format is: one small module per format (json.ts, csv.ts, …), listed in formats.ts. */
import type { DownloadMetadata } from './metadata.ts';
import type { ResultRows } from './rows.ts';

export type FormatId = 'json' | 'csv' | 'arrow' | 'parquet' | 'metadata' | 'zip';

export interface DownloadFormat {
  id: FormatId;
  /** The file name's ending after the dot: `gender.csv`, `speakers.metadata.json`. */
  suffix: string;
  contentType: string;
  /** The bytes of a metric result in this format (metric endpoints); absent when tables only. */
  metric?: (result: ResultRows, meta: DownloadMetadata | null, filenameBase: string) => Uint8Array;
  /** Offered for full-table exports (streamed by exports/stream.ts). */
  table?: boolean;
}
