import * as Plot from '@observablehq/plot';
import { fmt, t } from '$lib/i18n/index.ts';
import { MUTED, OKABE_ITO } from '../common.ts';
import { undrawnCategories, type RatioDot } from './shape.ts';

/**
 * Dot plot around 1 on a log scale, so that 0.5 and 2 sit equally far from parity. Categories keep
 * the metric's order, which groups them by dimension.
 */
export function ratioPlot(o: { width: number; dots: RatioDot[]; document?: Document }): Element {
  const valued = o.dots.filter((d) => d.ratio !== null && d.ratio > 0);
  const selected = valued.filter((d) => d.selected);
  // A category with nothing to draw gets a note under the chart (RatioDots), not an empty row.
  const undrawn = new Set(undrawnCategories(o.dots));
  const categories = [...new Set(o.dots.map((d) => d.label))].filter((l) => !undrawn.has(l));
  const ratios = valued.map((d) => d.ratio!);
  const domain: [number, number] = [Math.min(0.25, ...ratios) * 0.9, Math.max(4, ...ratios) * 1.1];
  const title = (d: RatioDot) => `${d.label}, ${d.year}: ${fmt.ratio(d.ratio!)}`;
  return Plot.plot({
    document: o.document,
    width: o.width,
    height: categories.length * 26 + 50,
    marginLeft: Math.min(170, Math.round(o.width * 0.42)),
    marginRight: 20,
    style: { fontSize: '12px' },
    x: { type: 'log', domain, label: t('rep.ratio'), tickFormat: (v: number) => fmt.ratio(v), ticks: [0.25, 0.5, 1, 2, 4], grid: true },
    y: { label: null, domain: categories },
    marks: [
      Plot.ruleX([1], { stroke: '#000' }),
      Plot.dot(valued.filter((d) => !d.selected), { x: 'ratio', y: 'label', stroke: MUTED, strokeOpacity: 0.5, r: 2.5, className: 'mark-other-years' }),
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
        title: () => t('chart.suppressed'),
        className: 'mark-suppressed'
      })
    ]
  });
}
