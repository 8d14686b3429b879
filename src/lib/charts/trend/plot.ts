/** Line chart of one or more share/value series over the years, with interval band, target and quality marks. */
import * as Plot from '@observablehq/plot';
import { plot, yearTick } from '../plot.ts';
import { LINE_COLOURS, MUTED, type Point } from '../common.ts';
import { t } from '$lib/i18n/index.ts';
import { yearTicks } from './shape.ts';

export interface TrendOptions {
  width: number;
  height?: number;
  /** Series names in legend order, and their labels. */
  series: { key: string; label: string; colour?: string; width?: number }[];
  points: Point[];
  /** The y axis's tick text (percentTick for shares). */
  yFormat: (value: number) => string;
  yDomain?: [number, number];
  band?: boolean;
  target?: { value: number; label: string };
  /** Reference line (e.g. 1 for ratios). */
  rule?: number;
  highlightYear?: number | null;
  compact?: boolean;
  tipFormat: (p: Point) => string;
  /** Attendee suppression threshold, for the ⊘ tips. */
  k?: number;
  /** The DOM to draw with (the server's; the browser's when absent). */
  document?: Document;
}

/**
 * The interval band's points, each with the run of consecutive years it belongs to (per series): a
 * point without a value or interval (suppressed, missing) ends a run, as it breaks the line.
 */
export function bandPieces(points: Point[]): (Point & { piece: string })[] {
  const out: (Point & { piece: string })[] = [];
  const bySeries = new Map<string, Point[]>();
  for (const p of points) bySeries.set(p.series, [...(bySeries.get(p.series) ?? []), p]);
  for (const [name, list] of bySeries) {
    let run = 0;
    let open = false;
    for (const p of [...list].sort((a, b) => a.year - b.year)) {
      const drawn = p.value !== null && p.low !== null && p.high !== null;
      if (!drawn) {
        if (open) run++;
        open = false;
        continue;
      }
      open = true;
      out.push({ ...p, piece: `${name}|${run}` });
    }
  }
  return out;
}

export function trendPlot(o: TrendOptions): Element {
  const labels = new Map(o.series.map((s) => [s.key, s.label]));
  const colours = o.series.map((s, i) => s.colour ?? LINE_COLOURS[i % LINE_COLOURS.length]);
  const widths = new Map(o.series.map((s) => [s.key, s.width ?? 2]));
  const shown = o.points.filter((p) => labels.has(p.series));
  const valued = shown.filter((p) => p.value !== null);
  const years = [...new Set(shown.map((p) => p.year))];
  const title = (p: Point) => `${labels.get(p.series)}, ${p.year}: ${o.tipFormat(p)}`;
  const compact = o.compact ?? false;

  const marks: Plot.Markish[] = [];
  if (!compact) marks.push(Plot.gridY({ strokeOpacity: 0.12 }));
  if (o.band) {
    // One band piece per run of years with a value: the band breaks where the line does.
    const pieces = bandPieces(shown);
    marks.push(
      Plot.areaY(pieces, { x: 'year', y1: 'low', y2: 'high', z: 'piece', fill: 'series', fillOpacity: 0.15, className: 'mark-interval' })
    );
  }
  if (o.rule !== undefined) marks.push(Plot.ruleY([o.rule], { stroke: MUTED }));
  if (o.target) {
    marks.push(Plot.ruleY([o.target.value], { stroke: '#000', strokeDasharray: '5,4', className: 'mark-target' }));
    marks.push(
      Plot.text([o.target.value], { y: (d: number) => d, text: () => o.target!.label, frameAnchor: 'right', dy: -7, fill: '#000', ariaHidden: 'true' })
    );
  }
  if (o.highlightYear != null) marks.push(Plot.ruleX([o.highlightYear], { stroke: MUTED, strokeDasharray: '2,3' }));
  for (const s of o.series) {
    marks.push(
      Plot.lineY(
        shown.filter((p) => p.series === s.key),
        { x: 'year', y: 'value', stroke: 'series', strokeWidth: widths.get(s.key) ?? 2, className: 'mark-line' }
      )
    );
  }
  marks.push(
    Plot.dot(valued.filter((p) => !p.uncertain), {
      x: 'year',
      y: 'value',
      fill: 'series',
      r: compact ? 2 : 3.5,
      title,
      tip: !compact,
      className: 'mark-point'
    }),
    Plot.dot(valued.filter((p) => p.uncertain), {
      x: 'year',
      y: 'value',
      stroke: 'series',
      fill: 'white',
      strokeWidth: 1.5,
      r: compact ? 2.5 : 4,
      title,
      tip: !compact,
      className: 'mark-point-uncertain'
    }),
    Plot.text(shown.filter((p) => p.suppressed && p.value === null), {
      x: 'year',
      text: () => '⊘',
      frameAnchor: 'bottom',
      dy: -3,
      fill: MUTED,
      fontSize: 14,
      title: (p: Point) =>
        `${labels.get(p.series)}, ${p.year}: ${t('chart.suppressed')} — ${t(`chart.reason.${p.reason ?? 'fewer_than_k'}`, { k: o.k ?? 5 })}`,
      className: 'mark-suppressed'
    })
  );

  return plot({
    document: o.document,
    width: o.width,
    height: o.height ?? (compact ? 56 : 300),
    marginLeft: compact ? 4 : 48,
    marginRight: compact ? 6 : 20,
    marginTop: compact ? 6 : 16,
    marginBottom: compact ? 6 : 30,
    style: { fontSize: '12px', overflow: 'visible' },
    x: compact ? { axis: null } : { label: null, tickFormat: yearTick, ticks: yearTicks(years, o.width - 68) },
    y: compact
      ? { axis: null, domain: o.yDomain }
      : { label: null, tickFormat: o.yFormat, domain: o.yDomain, nice: o.yDomain === undefined, zero: o.yDomain === undefined },
    color: { domain: o.series.map((s) => s.key), range: colours, legend: !compact && o.series.length > 1, tickFormat: (k: string) => labels.get(k) ?? k },
    marks
  });
}
