import * as Plot from '@observablehq/plot';
import { fmt, t } from '$lib/i18n/index.ts';
import { OKABE_ITO, type Point } from '../common.ts';
import { yearTicks } from '../trend/shape.ts';
import type { PublishedPoint } from './shape.ts';

/** Computed line, published dots; each dot is a link to its source. */
export function publishedPlot(o: { width: number; computed: Point[]; published: PublishedPoint[]; document?: Document }): Element {
  const years = [...new Set([...o.computed.map((p) => p.year), ...o.published.map((p) => p.year)])];
  return Plot.plot({
    document: o.document,
    width: o.width,
    height: 320,
    marginLeft: 56,
    style: { fontSize: '12px' },
    x: { label: null, tickFormat: 'd', ticks: yearTicks(years, o.width - 80) },
    y: { label: null, grid: true, zero: true, tickFormat: (v: number) => fmt.integer(v) },
    // The legend names only the marks drawn: without records to compare there is no computed line.
    color: o.computed.length
      ? { domain: [t('published.computed'), t('published.published')], range: [OKABE_ITO[0], OKABE_ITO[5]], legend: true }
      : { domain: [t('published.published')], range: [OKABE_ITO[5]], legend: true },
    marks: [
      Plot.lineY(o.computed, { x: 'year', y: 'value', stroke: () => t('published.computed'), strokeWidth: 2, className: 'mark-computed' }),
      Plot.dot(o.published, {
        x: 'year',
        y: 'value',
        symbol: 'diamond',
        fill: () => t('published.published'),
        r: 5,
        href: 'url',
        target: '_blank',
        title: (p: PublishedPoint) => t('published.tip', { year: p.year, value: fmt.integer(p.value), unit: p.unit, quote: p.quote, source: p.source }),
        tip: true,
        className: 'mark-published'
      })
    ]
  });
}
