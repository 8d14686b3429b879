/**
 * What a metric download is made from: the rows of one metric result with their columns and the
 * facts that travel with them (server/metrics/types.ts MetricResult has this shape). Declared here so
 * that the formats depend on no module of metrics/ or exports/.
 */
import type { Cell, Column, Row } from '$lib/domain/rows.ts';

export interface ResultRows {
  metric: string;
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
