import { fmt, t } from '$lib/i18n/index.ts';
import type { Headline, HeadlineFormat, HostSplit } from './shape.ts';

export function formatValue(v: number, format: HeadlineFormat): string {
  return format === 'integer' ? fmt.integer(v) : format === 'percent' ? fmt.percent(v) : fmt.decimal(v);
}

/** A change: counts in records, shares in percentage points, indices in index units. */
export function formatDelta(v: number, format: HeadlineFormat): string {
  return format === 'integer' ? fmt.signedInteger(v) : format === 'percent' ? fmt.points(v) : fmt.signedDecimal(v);
}

/** "−42.4 pts since 2024", or with the host country's part when it is the larger one. */
export function formatChange(h: Headline, split: HostSplit | null = null): string {
  if (!h.previous) return t('overview.no_change');
  if (h.change === null) return t('overview.change_unknown', { previous: fmt.year(h.previous.year) });
  const previous = fmt.year(h.previous.year);
  if (split?.dominates) {
    return t('overview.card.host_part', { change: formatDelta(h.change, h.format), previous, host: formatDelta(split.host, h.format) });
  }
  return t('overview.change', { change: formatDelta(h.change, h.format), previous });
}

/** "Without the host country: −17.8 pts", beside the change. */
export function formatWithoutHost(h: Headline, split: HostSplit | null): string {
  return split ? t('overview.card.without_host', { change: formatDelta(split.withoutHost, h.format) }) : '';
}
