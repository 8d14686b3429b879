/** JSON: metric, params, definition, synthetic, suppression, rows (column descriptions: GET /api/v1/metrics). */
import type { DownloadFormat } from './format.ts';
import type { ResultRows } from './rows.ts';

export function toJsonBody(result: ResultRows): string {
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

export const json: DownloadFormat = {
  id: 'json',
  suffix: 'json',
  contentType: 'application/json; charset=utf-8',
  metric: (result) => encoder.encode(toJsonBody(result))
};
