import * as Plot from '@observablehq/plot';
import { plot } from '../plot.ts';
import { fmt, messageOr, t } from '$lib/i18n/index.ts';
import { MUTED, OKABE_ITO } from '../common.ts';
import { undrawnCategories, type RatioDot } from './shape.ts';

/** The chart's height for a number of category rows (the frame reserves it before drawing). */
export const ratioPlotHeight = (rows: number) => rows * 26 + 64;

/**
 * Dot plot around 1 on a log scale, so that 0.5 and 2 sit equally far from parity. Categories keep
 * the metric's order, which groups them by dimension.
 */
export function ratioPlot(o: { width: number; dots: RatioDot[]; k?: number; document?: Document }): Element {
  const valued = o.dots.filter((d) => d.ratio !== null && d.ratio > 0);
  const selected = valued.filter((d) => d.selected);
  // A category with nothing to draw gets a note under the chart (RatioDots), not an empty row.
  const undrawn = new Set(undrawnCategories(o.dots));
  const categories = [...new Set(o.dots.map((d) => d.label))].filter((l) => !undrawn.has(l));
  const ratios = valued.map((d) => d.ratio!);
  const domain: [number, number] = [Math.min(0.25, ...ratios) * 0.9, Math.max(4, ...ratios) * 1.1];
  const title = (d: RatioDot) => `${d.label}, ${d.year}: ${fmt.ratio(d.ratio!)}`;
  // Category names take at most half the width (about 6.6 px a character at 12 px); a longer one is
  // written in its short form (category.short.*) on the axis, in full in the tips and the table.
  const room = Math.round(o.width / 2) - 14;
  const codeOf = new Map(o.dots.map((d) => [d.label, d.category]));
  const axisName = (name: string) => (name.length * 6.6 <= room ? name : messageOr(`category.short.${codeOf.get(name)}`, name));
  return plot({
    document: o.document,
    width: o.width,
    height: ratioPlotHeight(categories.length),
    // Room for the longest category name (about 6.6 px a character at 12 px), within half the width.
    marginLeft: Math.min(Math.round(o.width / 2), Math.max(90, Math.round(Math.max(0, ...categories.map((c) => axisName(c).length)) * 6.6 + 14))),
    marginRight: 20,
    // The axis label sits centred under the ticks, clear of the last one ("4.00").
    marginBottom: 44,
    style: { fontSize: '12px' },
    x: {
      type: 'log',
      domain,
      label: `${t('rep.ratio')} →`,
      labelAnchor: 'center',
      labelArrow: 'none',
      labelOffset: 38,
      // 0.25, 0.5, 1, 2, 4: short enough to stay apart at 375 px (values keep two decimals in tips and table).
      tickFormat: (v: number) => fmt.tick(v),
      ticks: [0.25, 0.5, 1, 2, 4],
      grid: true
    },
    y: { label: null, domain: categories, tickFormat: axisName },
    marks: [
      Plot.ruleX([1], { stroke: '#000' }),
      Plot.dot(valued.filter((d) => !d.selected), {
        x: 'ratio',
        y: 'label',
        stroke: MUTED,
        strokeOpacity: 0.5,
        r: 2.5,
        title: (d: RatioDot) => `${d.label}, ${d.year}: ${fmt.ratio(d.ratio!)}`,
        className: 'mark-other-years'
      }),
      Plot.dot(selected.filter((d) => !d.uncertain), { x: 'ratio', y: 'label', fill: OKABE_ITO[0], r: 5, title, tip: true, className: 'mark-ratio' }),
      Plot.dot(selected.filter((d) => d.uncertain), {
        x: 'ratio',
        y: 'label',
        fill: 'white',
        stroke: OKABE_ITO[0],
        strokeWidth: 1.5,
        r: 5,
        title,
        tip: true,
        className: 'mark-ratio-uncertain'
      }),
      Plot.text(o.dots.filter((d) => d.selected && d.ratio === null && d.suppressed), {
        x: 1,
        y: 'label',
        text: () => '⊘',
        fill: MUTED,
        fontSize: 14,
        title: (d: RatioDot) => `${d.label}, ${d.year}: ${t('chart.suppressed')} — ${t(`chart.reason.${d.reason ?? 'fewer_than_k'}`, { k: o.k ?? 5 })}`,
        className: 'mark-suppressed'
      })
    ]
  });
}
