import * as Plot from '@observablehq/plot';
import { percentTick, plot, yearTick } from '../plot.ts';
import { fmt, t } from '$lib/i18n/index.ts';
import { MUTED, OKABE_ITO, categoryLabel } from '../common.ts';
import { yearTicks } from '../trend/shape.ts';
import type { StackCell } from './shape.ts';

/** 100 % stacked bars, one per year. A year with a suppressed cell carries ⊘ above its bar. */
export function stackedPlot(o: {
  width: number;
  height?: number;
  cells: StackCell[];
  categories: readonly string[];
  suppressedYears: number[];
  document?: Document;
}): Element {
  const shown = o.cells.filter((c) => c.share !== null);
  const years = [...new Set(o.cells.map((c) => c.year))];
  return plot({
    document: o.document,
    width: o.width,
    height: o.height ?? 320,
    marginLeft: 44,
    marginTop: 18,
    style: { fontSize: '12px' },
    x: { type: 'band', label: null, tickFormat: yearTick, ticks: yearTicks(years, o.width - 60, 40), padding: 0.12 },
    y: { label: null, tickFormat: percentTick, domain: [0, 1] },
    color: {
      domain: [...o.categories],
      range: OKABE_ITO,
      legend: true,
      tickFormat: (c: string) => categoryLabel(c)
    },
    marks: [
      Plot.barY(shown, {
        x: 'year',
        y: 'share',
        fill: 'category',
        order: [...o.categories],
        fillOpacity: (c: StackCell) => (c.uncertain ? 0.45 : 1),
        title: (c: StackCell) => `${categoryLabel(c.category)}, ${c.year}: ${fmt.percent(c.share!)}`,
        tip: true,
        className: 'mark-bar'
      }),
      Plot.text(o.suppressedYears, {
        x: (y: number) => y,
        y: 1,
        text: () => '⊘',
        dy: -9,
        fill: MUTED,
        fontSize: 13,
        title: (y: number) => `${y}: ${t('chart.suppressed')}`,
        className: 'mark-suppressed'
      })
    ]
  });
}
