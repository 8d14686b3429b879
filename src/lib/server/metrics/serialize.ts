/**
 * A metric result as JSON, CSV (RFC 4180), an Arrow IPC file, the CSV's companion metadata JSON, or
 * a citable bundle (zip of all of them with a README).
 */
import { Field, Schema, Table, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';
import { zipSync, strToU8 } from 'fflate';
import type { Format } from './params.ts';
import type { Column, MetricResult } from './types.ts';
import { arrowType, csvField } from '../exports/encoding.ts';
import { arrowFieldMetadata, arrowSchemaMetadata, bundleReadme, unitOf, type DownloadMetadata } from '../exports/metadata.ts';

export const CONTENT_TYPES: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  arrow: 'application/vnd.apache.arrow.file',
  metadata: 'application/json; charset=utf-8',
  zip: 'application/zip'
};

/** JSON: metric, params, definition, synthetic, suppression, rows (column descriptions: GET /api/v1/metrics). */
export function toJsonBody(result: MetricResult): string {
  return JSON.stringify({
    metric: result.metric,
    params: result.params,
    definition: result.definition,
    synthetic: result.synthetic,
    suppression: result.suppression,
    rows: result.rows
  });
}

const encoder = new TextEncoder();

/**
 * RFC 4180: header line, CRLF line ends, fields with comma, quote or line break quoted; text cells
 * that begin like a spreadsheet formula get a leading ' (CSV_TEXT_NOTE), numbers never.
 */
export function toCsv(result: MetricResult): string {
  const names = result.columns.map((c) => c.name);
  const text = result.columns.map((c) => c.type === 'string');
  const lines = [names.map((n) => csvField(n)).join(',')];
  for (const row of result.rows) lines.push(names.map((n, i) => csvField(row[n], text[i])).join(','));
  return lines.join('\r\n') + '\r\n';
}

function arrowValue(c: Column, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  switch (c.type) {
    case 'int':
    case 'float':
      return typeof v === 'number' ? v : Number(v);
    case 'bool':
      return Boolean(v);
    case 'string':
      return String(v);
  }
}

/**
 * Arrow IPC file format. Integers are Int32 (every count fits), fractions Float64, text Utf8.
 * The schema metadata carries metric, definition, params (JSON), synthetic and suppression (JSON),
 * and with `meta` also title, population, filters, source, licence, citation, data_version and
 * generated_at; each field carries its description and unit.
 */
export function toArrow(result: MetricResult, meta?: DownloadMetadata): Uint8Array {
  const fields: Field[] = [];
  const vectors: Record<string, Vector> = {};
  for (const c of result.columns) {
    const type = arrowType(c.type);
    const values = result.rows.map((r) => arrowValue(c, r[c.name]));
    vectors[c.name] = vectorFromArray(values as unknown[], type) as Vector;
    fields.push(new Field(c.name, type, true, arrowFieldMetadata({ ...c, unit: unitOf(c.name) })));
  }
  const metadata = new Map<string, string>([
    ...(meta ? arrowSchemaMetadata(meta) : []),
    ['metric', result.metric],
    ['definition', result.definition],
    ['params', JSON.stringify(result.params)],
    ['synthetic', String(result.synthetic)],
    ['suppression', JSON.stringify(result.suppression)]
  ]);
  const plain = new Table(vectors);
  const table = new Table(new Schema(fields, metadata), plain.batches);
  return tableToIPC(table, 'file');
}

/** A file name (without extension) that says what the rows are: igf-gender-gender-female-2006-2025 */
export function downloadBase(result: MetricResult, rowFilter: (string | null)[]): string {
  const years = result.rows.map((r) => Number(r.year)).filter(Number.isFinite);
  const span = years.length ? [`${Math.min(...years)}`, `${Math.max(...years)}`] : [];
  const parts = ['igf', result.metric, ...rowFilter.filter((x): x is string => x !== null), ...span];
  return parts.join('-').replace(/[^a-z0-9_.-]/gi, '_');
}

/** Citable bundle: CSV, Arrow, JSON, metadata JSON and a README (definition, citation, licence). */
export function toBundle(result: MetricResult, meta: DownloadMetadata, base: string): Uint8Array {
  const files: Record<string, Uint8Array> = {
    [`${base}.csv`]: encoder.encode(toCsv(result)),
    [`${base}.arrow`]: toArrow(result, meta),
    [`${base}.json`]: encoder.encode(toJsonBody(result)),
    [`${base}.metadata.json`]: encoder.encode(JSON.stringify(meta, null, 2))
  };
  files['README.md'] = strToU8(bundleReadme(meta, Object.keys(files)));
  // Zip timestamps are local DOS times: use the generation time so a bundle says when it was made.
  return zipSync(files, { level: 6, mtime: new Date(meta.generated_at) });
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
    'content-type': CONTENT_TYPES[format],
    'x-igf-synthetic': String(result.synthetic),
    'cache-control': 'no-cache',
    ...extraHeaders
  };
  const extension = format === 'metadata' ? 'metadata.json' : format;
  if (format !== 'json') {
    headers['content-disposition'] = `${format === 'zip' ? 'attachment' : 'inline'}; filename="${filenameBase}.${extension}"`;
  }
  let body: Uint8Array;
  if (format === 'json') body = encoder.encode(toJsonBody(result));
  else if (format === 'csv') body = encoder.encode(toCsv(result));
  else if (format === 'arrow') body = toArrow(result, meta ?? undefined);
  else if (!meta) throw new Error(`metricResponse: format ${format} needs the download metadata`);
  else if (format === 'metadata') body = encoder.encode(JSON.stringify(meta, null, 2));
  else body = toBundle(result, meta, filenameBase);
  headers['content-length'] = String(body.byteLength);
  return new Response(body as BodyInit, { status: 200, headers });
}
