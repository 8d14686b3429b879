/**
 * A drawn chart is one image to assistive technology: its container carries the alt text and the
 * data table carries the figures, so Plot's inner labels and links (which the table repeats) are
 * hidden and taken out of the tab order.
 */
export function hideFromAssistiveTech(node: Element): void {
  node.setAttribute('aria-hidden', 'true');
  for (const a of node.querySelectorAll('a')) a.setAttribute('tabindex', '-1');
}
