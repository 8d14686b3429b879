import { fmt, t } from '$lib/i18n/index.ts';
import type { Headline, HeadlineFormat } from './shape.ts';

export function formatValue(v: number, format: HeadlineFormat): string {
  return format === 'integer' ? fmt.integer(v) : format === 'percent' ? fmt.percent(v) : fmt.decimal(v);
}

/** Counts change in records, shares in percentage points, indices in index units. */
export function formatChange(h: Headline): string {
  if (!h.previous) return t('overview.no_change');
  if (h.change === null) return t('overview.change_unknown', { previous: fmt.year(h.previous.year) });
  const change =
    h.format === 'integer' ? fmt.signedInteger(h.change) : h.format === 'percent' ? fmt.points(h.change) : fmt.signedDecimal(h.change);
  return t('overview.change', { change, previous: fmt.year(h.previous.year) });
}
