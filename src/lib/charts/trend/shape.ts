import type { Point } from '../common.ts';

/** Year ticks that fit the width: every year when there is room, else every 2nd, 5th... year. */
export function yearTicks(years: number[], width: number, minSpacing = 44): number[] {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const room = Math.max(1, Math.floor(width / minSpacing));
  const step = [1, 2, 5, 10, 20].find((s) => Math.ceil(sorted.length / s) <= room) ?? 20;
  return sorted.filter((y) => (y - sorted[0]) % step === 0);
}

/** Value in a year and its change since the previous meeting year present in the series. */
export function changeSince(points: Point[], year: number): { point: Point | null; previous: Point | null; change: number | null } {
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const i = sorted.findIndex((p) => p.year === year);
  if (i < 0) return { point: null, previous: null, change: null };
  const point = sorted[i];
  const previous = i > 0 ? sorted[i - 1] : null;
  const change = point.value !== null && previous?.value != null ? point.value - previous.value : null;
  return { point, previous, change };
}

/** Points keyed by year, for table rows that put several series side by side. */
export function byYear(series: Point[][]): { year: number; points: (Point | undefined)[] }[] {
  const years = [...new Set(series.flat().map((p) => p.year))].sort((a, b) => a - b);
  return years.map((year) => ({ year, points: series.map((s) => s.find((p) => p.year === year)) }));
}

/**
 * Which n and coverage columns a trend's data table needs: an n column for each series with a
 * denominator, and one coverage column for all series when they share each year's coverage (the
 * categories of one breakdown), else one per series (say, four global-south definitions).
 */
export function tallyColumns(series: Point[][]): { n: boolean[]; coverage: 'none' | 'shared' | 'each' } {
  const n = series.map((s) => s.some((p) => p.denominator !== null));
  if (!series.flat().some((p) => p.coverage !== null)) return { n, coverage: 'none' };
  if (series.length === 1) return { n, coverage: 'shared' };
  const same = byYear(series).every(({ points }) => {
    const known = points.map((p) => p?.coverage ?? null).filter((c): c is number => c !== null);
    return known.every((c) => Math.abs(c - known[0]) < 1e-9);
  });
  return { n, coverage: same ? 'shared' : 'each' };
}
