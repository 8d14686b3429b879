/**
 * What a metric download is made from: the rows of one metric result with their columns and the
 * facts that travel with them (server/metrics/types.ts MetricResult has this shape). Declared here so
 * that the formats depend on no module of metrics/ or exports/.
 */
import type { Column, Row } from '$lib/domain/rows.ts';

export interface ResultRows {
  metric: string;
  params: Record<string, string | number | boolean | null>;
  definition: string;
  synthetic: boolean;
  suppression: { k: number; applied: boolean };
  columns: Column[];
  rows: Row[];
}
