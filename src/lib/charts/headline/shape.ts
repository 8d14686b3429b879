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
