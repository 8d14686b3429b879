import type { DuckDBConnection } from '@duckdb/node-api';
import type { MetricName, MetricParams } from './params.ts';
import type { Statement } from './sql.ts';

import type { Cell, Column, Row } from '$lib/domain/rows.ts';
export type { Cell, Column, ColumnType, Row } from '$lib/domain/rows.ts';

export interface MetricResult {
  metric: MetricName;
  /** The parameters the figures were computed for. */
  params: Record<string, Cell>;
  /** Plain-language definition of the metric under these parameters. */
  definition: string;
  /** True when any record in the selection is synthetic (demo or benchmark data). */
  synthetic: boolean;
  /** Small-cell suppression: k, and whether it applies to these rows (attendee data). */
  suppression: { k: number; applied: boolean };
  columns: Column[];
  rows: Row[];
}

export interface ComputeOptions {
  /** Suppression threshold; default IGF_SUPPRESSION_K or 5. */
  k?: number;
}

export interface MetricModule {
  name: MetricName;
  title: string;
  columns(params: MetricParams): Column[];
  definition(params: MetricParams): string;
  /** Every SQL statement compute() sends, in order (for benchmarks and inspection). */
  statements(params: MetricParams): Statement[];
  compute(conn: DuckDBConnection, params: MetricParams, options?: ComputeOptions): Promise<MetricResult>;
}
