/**
 * Observable Plot in the reader's language. Plot names the parts of a chart for screen readers in
 * English ("y-axis tick label", "line"…) and formats ticks with d3-format in English; every chart
 * draws through plot() and the tick formatters here instead, so that a French page reads "50 %"
 * and a screen reader hears the French names of the parts.
 */
import * as Plot from '@observablehq/plot';
import { fmt, hasMessage, t } from '$lib/i18n/index.ts';

/** Ticks of meeting years: no grouping separator, the language's digits. */
export const yearTick = (year: number) => fmt.year(year);

/** Ticks of shares: whole percents as the language writes them (50 %, 50%, ٪50). */
export const percentTick = (share: number) => fmt.percentRound(share);

/**
 * Renames the parts Plot labels (aria-label on each mark's group), in the page's language. On the
 * page a chart is aria-hidden inside a figure that carries its alt text (ChartFrame, HeadlineCard);
 * the names matter in a downloaded SVG, which is read on its own.
 * Not the tip: Plot redraws it on every pointer move with its own label "tip", and has no option
 * for it (a mark's `ariaLabel` option is a channel, one label per datum; tried 2026-12-02:
 * `tip: { ariaLabel }` still draws aria-label="tip"). No reader meets it: it is drawn only under
 * the pointer, inside the aria-hidden chart, and downloads leave it out by that very label
 * (export/image.ts).
 */
export function localizePlotLabels(root: Element): Element {
  for (const el of root.querySelectorAll('[aria-label]')) {
    const key = `plot.aria.${el.getAttribute('aria-label')}`;
    if (hasMessage(key)) el.setAttribute('aria-label', t(key));
  }
  return root;
}

export function plot(options: Plot.PlotOptions): ReturnType<typeof Plot.plot> {
  return localizePlotLabels(Plot.plot(options)) as ReturnType<typeof Plot.plot>;
}
