import type { DuckDBConnection } from '@duckdb/node-api';
import type { MetricName, MetricParams } from './params.ts';
import type { Statement } from './sql.ts';

import type { Column } from '$lib/domain/rows.ts';
import type { ResultRows } from '../download/rows.ts';
export type { Cell, Column, ColumnType, Row } from '$lib/domain/rows.ts';

/** One metric's rows, with their columns, parameters, definition and flags (see download/rows.ts). */
export interface MetricResult extends ResultRows {
  metric: MetricName;
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
