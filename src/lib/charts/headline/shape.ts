/** Headline cards of the overview: the selected year's value, its change, and the trend behind it. */
import { series, type Row, type SeriesPick, type Point } from '../common.ts';
import { changeSince } from '../trend/shape.ts';

export type HeadlineFormat = 'integer' | 'percent' | 'decimal';

export interface Headline {
  key: string;
  points: Point[];
  point: Point | null;
  previous: Point | null;
  change: number | null;
  format: HeadlineFormat;
}

export function headline(key: string, rows: Row[], pick: SeriesPick, format: HeadlineFormat, year: number): Headline {
  const points = series(rows, pick, key);
  return { key, points, format, ...changeSince(points, year) };
}

/**
 * A change split into the part the host country accounts for and the rest: `change` with the host
 * country's records, `withoutHost` the same change computed without them (exclude_host), and
 * `host` = change − withoutHost. The host effect dominates when it is the larger part in size.
 */
export interface HostSplit {
  change: number;
  withoutHost: number;
  host: number;
  dominates: boolean;
}

/**
 * The split of a card's change, or null when either change is unknown or the two compare different
 * years (a year missing without the host), when there is nothing to split.
 */
export function hostSplit(withHost: Headline, withoutHost: Headline | null): HostSplit | null {
  if (!withoutHost || withHost.change === null || withoutHost.change === null) return null;
  if (withHost.previous?.year !== withoutHost.previous?.year || withHost.point?.year !== withoutHost.point?.year) return null;
  const host = withHost.change - withoutHost.change;
  return { change: withHost.change, withoutHost: withoutHost.change, host, dominates: Math.abs(host) > Math.abs(withoutHost.change) };
}
