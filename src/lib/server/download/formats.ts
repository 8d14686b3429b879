/**
 * The one registry of output formats, read by the metric endpoints (metrics/serialize.ts, params.ts)
 * and the full-table exports (exports/http.ts, tables.ts). A format is added here and in its own
 * module; neither metrics/ nor exports/ lists formats of its own.
 */
import { arrow } from './arrow.ts';
import { csv } from './csv.ts';
import type { DownloadFormat, FormatId } from './format.ts';
import { json } from './json.ts';
import { metadataJson } from './metadata-json.ts';
import { parquet } from './parquet.ts';
import { zip } from './zip.ts';

export type { DownloadFormat, FormatId } from './format.ts';

export const DOWNLOAD_FORMATS: Record<FormatId, DownloadFormat> = { json, csv, arrow, parquet, metadata: metadataJson, zip };

/** The formats of the metric endpoints, in the order the API lists them. */
export const METRIC_FORMATS = ['json', 'csv', 'arrow', 'metadata', 'zip'] as const satisfies readonly FormatId[];
export type MetricFormat = (typeof METRIC_FORMATS)[number];

/** The row formats of the full-table exports (each also has its metadata.json). */
export const TABLE_FORMATS = ['csv', 'arrow', 'parquet'] as const satisfies readonly FormatId[];
export type TableFormat = (typeof TABLE_FORMATS)[number];

export const contentType = (id: FormatId): string => DOWNLOAD_FORMATS[id].contentType;
export const suffixOf = (id: FormatId): string => DOWNLOAD_FORMATS[id].suffix;

/** The format a file name's suffix names among `ids` (`metadata.json` -> metadata), or null. */
export function formatOfSuffix<T extends FormatId>(ids: readonly T[], suffix: string): T | null {
  return ids.find((id) => DOWNLOAD_FORMATS[id].suffix === suffix) ?? null;
}

/** The bytes of a metric result in a metric format; metadata and zip need `meta`. */
export function renderMetric(id: MetricFormat, ...args: Parameters<NonNullable<DownloadFormat['metric']>>): Uint8Array {
  const render = DOWNLOAD_FORMATS[id].metric;
  if (!render) throw new Error(`${id} is not a metric format`);
  return render(...args);
}
