/**
 * The HTTP response of a metric result in one of the formats of the download registry
 * (server/download/formats.ts): JSON, CSV, Arrow, the CSV's companion metadata JSON, or a citable
 * bundle (zip of all of them with a README).
 */
import type { Format } from './params.ts';
import type { MetricResult } from './types.ts';
import { contentType, renderMetric, suffixOf } from '../download/formats.ts';
import type { DownloadMetadata } from '../download/metadata.ts';

/** The content type of each metric format, from the registry. */
export const CONTENT_TYPES = Object.fromEntries(
  (['json', 'csv', 'arrow', 'metadata', 'zip'] as const).map((f) => [f, contentType(f)])
) as Record<Format, string>;

/** A file name (without extension) that says what the rows are: igf-gender-gender-female-2006-2025 */
export function downloadBase(result: MetricResult, rowFilter: (string | null)[]): string {
  const years = result.rows.map((r) => Number(r.year)).filter(Number.isFinite);
  const span = years.length ? [`${Math.min(...years)}`, `${Math.max(...years)}`] : [];
  const parts = ['igf', result.metric, ...rowFilter.filter((x): x is string => x !== null), ...span];
  return parts.join('-').replace(/[^a-z0-9_.-]/gi, '_');
}

/** The HTTP response for a result in a format; `meta` is required for metadata and zip. */
export function metricResponse(
  result: MetricResult,
  format: Format,
  meta: DownloadMetadata | null = null,
  filenameBase: string = result.metric,
  extraHeaders: Record<string, string> = {}
): Response {
  const headers: Record<string, string> = {
    'content-type': contentType(format),
    'x-igf-synthetic': String(result.synthetic),
    'cache-control': 'no-cache',
    ...extraHeaders
  };
  if (format !== 'json') {
    headers['content-disposition'] = `${format === 'zip' ? 'attachment' : 'inline'}; filename="${filenameBase}.${suffixOf(format)}"`;
  }
  const body = renderMetric(format, result, meta, filenameBase);
  headers['content-length'] = String(body.byteLength);
  return new Response(body as BodyInit, { status: 200, headers });
}
