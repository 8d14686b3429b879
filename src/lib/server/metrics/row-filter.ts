/**
 * The `dimension` and `category` parameters: keep the rows one chart shows, so that a download of a
 * chart is exactly its data. Applied after the metric is computed; the figures of a row never depend
 * on which other rows are kept.
 */
import { ParamError, type MetricParams } from './params.ts';
import type { MetricResult } from './types.ts';

export function keepChartRows(result: MetricResult, p: Pick<MetricParams, 'dimension' | 'category'>): MetricResult {
  let rows = result.rows;
  for (const name of ['dimension', 'category'] as const) {
    const wanted = p[name];
    if (wanted === null) continue;
    if (!result.columns.some((c) => c.name === name)) {
      throw new ParamError(name, wanted, [], `The rows of ${result.metric} have no ${name} column: leave out ${name}.`);
    }
    const present = [...new Set(rows.map((r) => String(r[name])))].sort();
    if (!present.includes(wanted)) {
      throw new ParamError(name, wanted, present, `No ${result.metric} rows with ${name} = "${wanted}". Values present: ${present.join(', ') || '(none)'}.`);
    }
    rows = rows.filter((r) => r[name] === wanted);
  }
  return rows === result.rows ? result : { ...result, rows };
}
