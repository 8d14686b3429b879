/**
 * The embed route renders a whole dashboard page with one chart picked out. It says so through
 * context: charts other than the picked one render nothing, and pages leave out their header.
 */
import { getContext, setContext } from 'svelte';

export interface EmbedView {
  /** The chart id (the `id` prop) to show. */
  chart: string;
  /** The dashboard page the chart belongs to, for the "open in the dashboard" link. */
  page: string;
  /** The query the chart was drawn from (its view's, see embedQuery), for that link. */
  search: string;
}

const KEY = Symbol('embed');

/** Called by the embed page; a getter so that client-side navigation to another chart follows. */
export function provideEmbed(view: () => EmbedView): void {
  setContext(KEY, view);
}

/** The embed view, or null on the dashboard itself. Call during component initialisation. */
export function embedContext(): (() => EmbedView) | null {
  return getContext<(() => EmbedView) | undefined>(KEY) ?? null;
}
