/**
 * Arrow IPC file format. Metric rows are built here in memory; full tables are copied from DuckDB's
 * vectors chunk by chunk (exports/stream.ts, exports/arrow-columns.ts) with the same types and metadata.
 */
import { Field, Schema, Table, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';
import type { Column } from '$lib/domain/rows.ts';
import { arrowType } from './encoding.ts';
import type { DownloadFormat } from './format.ts';
import { arrowFieldMetadata, arrowSchemaMetadata, type DownloadMetadata } from './metadata.ts';
import type { ResultRows } from './rows.ts';

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
 * Integers are Int32 (every count fits), fractions Float64, text Utf8. The schema metadata carries
 * metric, definition, params (JSON), synthetic and suppression (JSON), and with `meta` also title,
 * population, filters, source, licence, citation, data_version and generated_at; each field carries
 * its description and unit.
 */
export function toArrow(result: ResultRows, meta?: DownloadMetadata): Uint8Array {
  const fields: Field[] = [];
  const vectors: Record<string, Vector> = {};
  for (const c of result.columns) {
    const type = arrowType(c.type);
    const values = result.rows.map((r) => arrowValue(c, r[c.name]));
    vectors[c.name] = vectorFromArray(values as unknown[], type) as Vector;
    fields.push(new Field(c.name, type, true, arrowFieldMetadata(c)));
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

export const arrow: DownloadFormat = {
  id: 'arrow',
  suffix: 'arrow',
  contentType: 'application/vnd.apache.arrow.file',
  metric: (result, meta) => toArrow(result, meta ?? undefined),
  table: true
};
