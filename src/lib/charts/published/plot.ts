import * as Plot from '@observablehq/plot';
import { plot, yearTick } from '../plot.ts';
import { fmt, t, type MessageKey } from '$lib/i18n/index.ts';
import type { Point } from '../common.ts';
import { yearTicks } from '../trend/shape.ts';
import { basesShown, type Basis, type PublishedPoint } from './shape.ts';

export const basisLabel = (b: Basis | 'computed') => t(`published.basis.${b}` as MessageKey);
/** "over 3,500", "about 2,000", "1,350": the count as its source gives it. */
export function countText(value: number, unit: string): string {
  if (unit === 'count_lower_bound') return t('published.count.over', { n: fmt.integer(value) });
  if (unit === 'count_approx') return t('published.count.about', { n: fmt.integer(value) });
  return fmt.integer(value);
}

const COMPUTED_COLOUR = '#000000';

/**
 * Every published head count as a point shaped and coloured by what it counts (its basis), each a
 * link to its source; the count computed from records, when there are any, as a line with plus
 * markers. The legend names exactly the marks drawn.
 */
export function publishedPlot(o: { width: number; computed: Point[]; published: PublishedPoint[]; document?: Document }): Element {
  const years = [...new Set([...o.computed.map((p) => p.year), ...o.published.map((p) => p.year)])];
  const bases = basesShown(o.published);
  const computed = o.computed.filter((p) => p.value !== null);
  const domain = [...(computed.length ? [basisLabel('computed')] : []), ...bases.map((b) => basisLabel(b.basis))];
  const symbols = [...(computed.length ? ['plus'] : []), ...bases.map((b) => b.symbol)];
  const colours = [...(computed.length ? [COMPUTED_COLOUR] : []), ...bases.map((b) => b.colour)];
  const narrow = o.width < 520;
  // Symbol and colour read the same field, so that Plot draws one legend of coloured shapes.
  const points = o.published.map((p) => ({ ...p, label: basisLabel(p.basis) }));
  const line = computed.map((p) => ({ ...p, label: basisLabel('computed') }));
  return plot({
    document: o.document,
    width: o.width,
    height: narrow ? 300 : 340,
    marginLeft: 56,
    marginRight: 16,
    style: { fontSize: '12px' },
    x: { label: null, tickFormat: yearTick, ticks: yearTicks(years, o.width - 80) },
    y: { label: null, grid: true, zero: true, tickFormat: (v: number) => fmt.integer(v) },
    color: { domain, range: colours },
    symbol: { domain, range: symbols, legend: true },
    marks: [
      // Both dot marks read fill, stroke and symbol from one field: the legend draws its shapes as they are.
      ...(line.length
        ? [
            Plot.lineY(line, { x: 'year', y: 'value', stroke: COMPUTED_COLOUR, strokeWidth: 2, className: 'mark-computed' }),
            Plot.dot(line, { x: 'year', y: 'value', symbol: 'label', fill: 'label', stroke: 'label', r: 4, className: 'mark-computed' })
          ]
        : []),
      Plot.dot(points, {
        x: 'year',
        y: 'value',
        symbol: 'label',
        fill: 'label',
        stroke: 'label',
        r: 5,
        href: 'url',
        target: '_blank',
        title: (p: PublishedPoint) =>
          t('published.tip', { year: p.year, value: countText(p.value, p.unit), basis: basisLabel(p.basis), quote: p.quote, source: p.source }),
        tip: true,
        className: 'mark-published'
      })
    ]
  });
}
