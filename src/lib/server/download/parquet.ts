/** Parquet: full tables only, written by DuckDB's own writer (exports/stream.ts parquetStream). */
import type { DownloadFormat } from './format.ts';

export const parquet: DownloadFormat = {
  id: 'parquet',
  suffix: 'parquet',
  contentType: 'application/vnd.apache.parquet',
  table: true
};
