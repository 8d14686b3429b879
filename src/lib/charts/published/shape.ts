/** Published figures of one metric beside the computed series. */
import type { Row } from '../common.ts';

export interface PublishedPoint {
  year: number;
  value: number;
  unit: string;
  source: string;
  /** Only http(s) links: a source_url is data, and a javascript: link in it must not become clickable. */
  url: string | null;
  /** The source's own words for the figure. */
  quote: string;
}

export function safeUrl(v: unknown): string | null {
  return typeof v === 'string' && /^https?:\/\//i.test(v) ? v : null;
}

export function publishedPoints(rows: Row[], metric: string): PublishedPoint[] {
  return rows
    .filter((r) => r.metric === metric && typeof r.published_value === 'number')
    .map((r) => ({
      year: Number(r.year),
      value: r.published_value as number,
      unit: String(r.unit ?? ''),
      source: String(r.source_title ?? r.source_url ?? ''),
      url: safeUrl(r.source_url),
      quote: typeof r.quote === 'string' ? r.quote : ''
    }));
}
