/** Published figures of one metric beside the computed series. */
import type { Row } from '../common.ts';

export interface PublishedPoint {
  year: number;
  value: number;
  unit: string;
  source: string;
  url: string | null;
}

export function publishedPoints(rows: Row[], metric: string): PublishedPoint[] {
  return rows
    .filter((r) => r.metric === metric && typeof r.published_value === 'number')
    .map((r) => ({
      year: Number(r.year),
      value: r.published_value as number,
      unit: String(r.unit ?? ''),
      source: String(r.source_title ?? r.source_url ?? ''),
      url: typeof r.source_url === 'string' && /^https?:\/\//.test(r.source_url) ? r.source_url : null
    }));
}
