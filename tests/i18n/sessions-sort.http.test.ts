/**
 * The sessions table sorts its type column by the names it shows, in the page's language (the
 * stored codes, such as "dc" or "open_forum", order the French names differently).
 */
import { describe, expect, it } from 'vitest';
import { serveFixture } from '../metrics/fixture-server.ts';
import { renderedPage } from './rendered-page.ts';

const served = serveFixture();

/** The type cells of the table, top to bottom. */
async function typeColumn(path: string): Promise<string[]> {
  const doc = await renderedPage(served.url, path);
  const heads = [...doc.querySelectorAll('.sessions-table thead th')].map((th) => th.textContent!.trim());
  const typeLabel = heads.find((h) => h.endsWith('▲') || h.endsWith('▼'))!.replace(/ [▲▼]$/, '');
  return [...doc.querySelectorAll(`.sessions-table tbody td[data-label="${typeLabel}"]`)].map((td) => td.textContent!.trim());
}

describe('the sessions table sorted by type', () => {
  for (const [language, prefix] of [
    ['fr', '/fr'],
    ['ru', '/ru'],
    ['en', '']
  ] as const) {
    it(`${language}: in the order of the shown names, both ways`, async () => {
      const collator = new Intl.Collator(language);
      const up = await typeColumn(`${prefix}/sessions?source=demo&sort=session_type&dir=asc`);
      expect(new Set(up).size, up.join(', ')).toBeGreaterThan(1);
      expect(up).toEqual([...up].sort(collator.compare));
      const down = await typeColumn(`${prefix}/sessions?source=demo&sort=session_type&dir=desc`);
      expect(down).toEqual([...down].sort(collator.compare).reverse());
    });
  }
});
