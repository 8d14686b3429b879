/**
 * A metric result as JSON, CSV (RFC 4180) or an Arrow IPC file.
 */
import { Bool, Field, Float64, Int32, Schema, Table, Utf8, tableToIPC, vectorFromArray, type DataType, type Vector } from 'apache-arrow';
import type { Format } from './params.ts';
import type { Column, MetricResult } from './types.ts';

export const CONTENT_TYPES: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  arrow: 'application/vnd.apache.arrow.file'
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

function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180: header line, CRLF line ends, fields with comma, quote or line break quoted. */
export function toCsv(result: MetricResult): string {
  const names = result.columns.map((c) => c.name);
  const lines = [names.map(csvField).join(',')];
  for (const row of result.rows) lines.push(names.map((n) => csvField(row[n])).join(','));
  return lines.join('\r\n') + '\r\n';
}

function arrowType(c: Column): DataType {
  switch (c.type) {
    case 'int':
      return new Int32();
    case 'float':
      return new Float64();
    case 'bool':
      return new Bool();
    case 'string':
      return new Utf8();
  }
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
 * The schema metadata carries metric, definition, params (JSON), synthetic and suppression (JSON).
 */
export function toArrow(result: MetricResult): Uint8Array {
  const fields: Field[] = [];
  const vectors: Record<string, Vector> = {};
  for (const c of result.columns) {
    const type = arrowType(c);
    const values = result.rows.map((r) => arrowValue(c, r[c.name]));
    vectors[c.name] = vectorFromArray(values as unknown[], type) as Vector;
    fields.push(new Field(c.name, type, true, new Map([['description', c.description]])));
  }
  const metadata = new Map<string, string>([
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

/** The HTTP response for a result in a format. */
export function metricResponse(result: MetricResult, format: Format, extraHeaders: Record<string, string> = {}): Response {
  const headers: Record<string, string> = {
    'content-type': CONTENT_TYPES[format],
    'x-igf-synthetic': String(result.synthetic),
    'cache-control': 'no-cache',
    ...extraHeaders
  };
  if (format === 'csv' || format === 'arrow') {
    headers['content-disposition'] = `inline; filename="${result.metric}.${format}"`;
  }
  const body = format === 'json' ? encoder.encode(toJsonBody(result)) : format === 'csv' ? encoder.encode(toCsv(result)) : toArrow(result);
  headers['content-length'] = String(body.byteLength);
  return new Response(body as BodyInit, { status: 200, headers });
}
