/**
 * What a chart shows, in words and as a file-name suffix: the years, records, population, mode,
 * global-south definition and host rule of the view, each only when the chart's page offers that
 * filter. One builder for the line under every chart, its images, embeds and downloaded files, so
 * that a figure never leaves the page without its selection.
 */
import { fmt, label, t } from '$lib/i18n/index.ts';
import type { FilterName, Filters } from '$lib/state/filters.ts';

export interface SelectionInput {
  filters: Filters;
  /** The filters the chart's page offers (routes.ts): only those describe it. */
  offered: readonly FilterName[];
  /** The years in view (a range) or the single year of a one-year chart. */
  years: readonly number[];
  /** The records counted: a source set's label and whether it is synthetic; null on the public record. */
  records: { name: string; label: string; synthetic: boolean } | null;
}

export interface Selection {
  /** "2006–2025 · Speakers · Online · G77 and China · host country left out · Demonstration records (synthetic)" */
  text: string;
  /** "speakers-online-g77-without-host-demo": what differs from the defaults, for file names. */
  fileSuffix: string;
}

export function selection(s: SelectionInput): Selection {
  const f = s.filters;
  const has = (name: FilterName) => s.offered.includes(name);
  const first = s.years.length ? Math.min(...s.years) : null;
  const last = s.years.length ? Math.max(...s.years) : null;
  const parts: string[] = [];
  const suffix: string[] = [];
  if (first !== null && last !== null) parts.push(first === last ? fmt.year(first) : `${fmt.year(first)}–${fmt.year(last)}`);
  if (has('population')) {
    parts.push(label('population', f.population));
    if (f.population !== 'attendees') suffix.push(f.population);
  }
  if (has('mode')) {
    parts.push(label('mode', f.mode));
    if (f.mode !== 'all') suffix.push(f.mode);
  }
  if (has('definition')) {
    parts.push(label('definition', f.definition));
    if (f.definition !== 'un_developing') suffix.push(f.definition.replace(/_/g, '-'));
  }
  if (has('exclude_host')) {
    parts.push(t(f.exclude_host ? 'selection.host.excluded' : 'selection.host.included'));
    if (f.exclude_host) suffix.push('without-host');
  }
  if (s.records) {
    parts.push(t(s.records.synthetic ? 'filters.source.synthetic' : 'filters.source.real', { name: s.records.label }));
    if (f.source !== null) suffix.push(f.source);
  }
  return { text: parts.join(' · '), fileSuffix: suffix.join('-') };
}
