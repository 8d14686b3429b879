/**
 * The two charts only the report draws, pure like the dashboard's (data and a document in, an SVG
 * element out), and the step that splits any Plot output into its SVG and its legend, so that the
 * page and the PDF can set the legend themselves.
 */
import * as Plot from '@observablehq/plot';
import { percentTick, plot, yearTick } from '$lib/charts/plot.ts';
import { MUTED } from '$lib/charts/common.ts';
import { yearTicks } from '$lib/charts/trend/shape.ts';
import type { LegendItem } from './model.ts';

/** Bars of a count per year. Years without a count stay empty, never zero. */
export function countBars(o: {
  width: number;
  bars: { year: number; value: number }[];
  colour: string;
  format: (n: number) => string;
  document: Document;
}): Element {
  const years = o.bars.map((b) => b.year);
  // Each value is written above its bar, as wide as a bar's step at most (the PDF's fonts are wider
  // than the page's): smaller type for many years or long numbers, from 10 px down to 7.
  const marginLeft = 52;
  const step = (o.width - marginLeft - 20) / Math.max(1, years.length);
  const longest = Math.max(1, ...o.bars.map((b) => o.format(b.value).length));
  const labelSize = Math.max(7, Math.min(10, step / (longest * 0.62)));
  return plot({
    document: o.document,
    width: o.width,
    height: 240,
    marginLeft,
    marginTop: 16,
    style: { fontSize: '12px' },
    x: { type: 'band', label: null, tickFormat: yearTick, ticks: yearTicks(years, o.width - 70, 40), padding: 0.2 },
    y: { label: null, grid: true, tickFormat: o.format },
    marks: [
      Plot.barY(o.bars, { x: 'year', y: 'value', fill: o.colour }),
      Plot.text(o.bars, { x: 'year', y: 'value', text: (b: { value: number }) => o.format(b.value), dy: -7, fontSize: labelSize }),
      Plot.ruleY([0], { stroke: MUTED })
    ]
  });
}

/**
 * One row per category and a dot per series (a share of speakers, of participants, of UN member
 * states), so that the gap between them reads along the row.
 */
export function pairedDots(o: {
  width: number;
  categories: { key: string; label: string }[];
  dots: { category: string; series: string; value: number }[];
  series: { label: string; colour: string; symbol: 'circle' | 'diamond' | 'square' }[];
  document: Document;
}): Element {
  const labels = new Map(o.categories.map((c) => [c.key, c.label]));
  const symbols = new Map(o.series.map((s) => [s.label, s.symbol]));
  const max = Math.max(0.3, ...o.dots.map((d) => d.value));
  const marginLeft = Math.min(220, Math.round(o.width * 0.36));
  return plot({
    document: o.document,
    width: o.width,
    height: o.categories.length * 34 + 50,
    marginLeft,
    marginRight: 24,
    style: { fontSize: '12px' },
    x: { label: null, tickFormat: percentTick, domain: [0, Math.min(1, max * 1.1)], grid: true },
    y: { label: null, domain: o.categories.map((c) => c.key), axis: null },
    color: { domain: o.series.map((s) => s.label), range: o.series.map((s) => s.colour), legend: true },
    symbol: { domain: o.series.map((s) => s.label), range: o.series.map((s) => s.symbol) },
    marks: [
      // A long group name ("Latin American and Caribbean States", longer in Arabic and Russian)
      // wraps within the margin instead of running off the chart's left edge (lineWidth in ems).
      Plot.axisY({ tickFormat: (k: string) => labels.get(k) ?? k, lineWidth: (marginLeft - 14) / 12, label: null }),
      Plot.ruleY(o.categories.map((c) => c.key), { stroke: '#ddd' }),
      Plot.dot(o.dots, {
        x: 'value',
        y: 'category',
        fill: 'series',
        symbol: (d: { series: string }) => symbols.get(d.series) ?? 'circle',
        r: 5,
        stroke: 'white'
      })
    ]
  });
}

export interface DrawnChart {
  svg: string;
  width: number;
  height: number;
  legend: LegendItem[];
}

/**
 * Plot returns a bare <svg>, or a <figure> holding a swatch legend (HTML) and the <svg>. The
 * legend is read back as labels and colours; only the chart's SVG is kept as markup.
 */
export function splitChart(node: Element): DrawnChart {
  let svg: Element | null = node;
  const legend: LegendItem[] = [];
  if (node.tagName.toLowerCase() === 'figure') {
    for (const swatch of node.querySelectorAll('span')) {
      if (!/-swatch$/.test(swatch.getAttribute('class') ?? '')) continue;
      legend.push({ label: (swatch.textContent ?? '').trim(), colour: swatch.querySelector('svg')?.getAttribute('fill') ?? '#000' });
    }
    svg = [...node.children].find((c) => c.tagName.toLowerCase() === 'svg') ?? null;
  }
  if (!svg) return { svg: '', width: 0, height: 0, legend };
  svg.setAttribute('aria-hidden', 'true');
  // Links inside a chart (a published point's source) would be focusable inside a hidden image:
  // the report lists every source, so the chart keeps the marks and drops the links.
  for (const a of [...svg.querySelectorAll('a')]) a.replaceWith(...a.childNodes);
  return { svg: svg.outerHTML, width: Number(svg.getAttribute('width')) || 640, height: Number(svg.getAttribute('height')) || 300, legend };
}
