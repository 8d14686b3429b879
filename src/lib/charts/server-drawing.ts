/**
 * Charts drawn into the server-rendered HTML, so that a reader sees them before the page's scripts
 * have loaded, and without JavaScript at all; once hydrated, the browser draws them again at its
 * own width. hooks.server.ts installs the server's DOM (linkedom); in the browser there is none,
 * and nothing is drawn here.
 *
 * The markup goes into the page unchanged, so charts must put data only into text nodes and
 * attributes of SVG and ordinary HTML elements (as Plot does): linkedom writes the text of HTML
 * <title>, <style>, <script> and <textarea> without escaping it.
 */
import { hideFromAssistiveTech } from '$lib/components/a11y.ts';

const SERVER_DOCUMENT = Symbol.for('igf.serverDocument');

/** The width the server draws at; the SVG scales to its box (Plot's max-width: 100%) until redrawn. */
export const SERVER_WIDTH = 640;

export function installServerDocument(document: Document): void {
  (globalThis as Record<symbol, unknown>)[SERVER_DOCUMENT] = document;
}

/**
 * In the browser, an invisible comment rather than '': when hydrating, Svelte keeps the server's
 * markup of an {@html} block whose client value differs, but not when the client value is empty.
 */
const KEEP_SERVER_MARKUP = '<!---->';

/** The chart's markup drawn with the server's DOM ('' when it cannot be drawn there); in the browser, KEEP_SERVER_MARKUP. */
export function drawnOnServer(draw: (document: Document) => Element | null): string {
  if (!import.meta.env.SSR) return KEEP_SERVER_MARKUP;
  const document = (globalThis as Record<symbol, unknown>)[SERVER_DOCUMENT] as Document | undefined;
  if (!document) return '';
  try {
    const node = draw(document);
    if (!node) return '';
    hideFromAssistiveTech(node);
    return node.outerHTML;
  } catch (e) {
    // The browser still draws it; the page must not fail for want of a server drawing.
    console.error('chart not drawn on the server:', e);
    return '';
  }
}
