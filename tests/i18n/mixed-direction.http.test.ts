/**
 * English text inside right-to-left pages, as the server renders it (no browser). A table cell, a
 * quote or a source title in English keeps its own direction: without that, an Arabic page showed
 * the opening quote of "‘We must ensure…’" at the end of its first line, and split "1350
 * participants (including…)" around its number. A table cell whose first letter runs against the
 * page takes its own direction (dir="auto"), and only such a cell; published
 * quotes run in a left-to-right span inside <q>, and English source links say dir="ltr". Session
 * types are the formats' names in the page's language.
 */
import { describe, expect, it } from 'vitest';
import { serveFixture } from '../metrics/fixture-server.ts';
import { renderedPage } from './rendered-page.ts';

const served = serveFixture();

const documentOf = (path: string) => renderedPage(served.url, path);

const LATIN_FIRST = /^[^\p{L}]*[A-Za-z]/u;

/** The table cells of a page whose text starts (its first letter) in Latin script and that do not take their own direction. */
function unisolatedCells(doc: Document): string[] {
  return [...doc.querySelectorAll('tbody td, tbody th')]
    .filter((cell) => LATIN_FIRST.test(cell.textContent!) && cell.getAttribute('dir') !== 'auto')
    .map((cell) => cell.outerHTML.slice(0, 120));
}

describe('English text in Arabic pages keeps its direction', () => {
  it.each(['/ar/report', '/ar/regions?source=fixture', '/ar/sessions', '/ar/sessions?source=fixture'])(
    '%s: every cell of its tables that starts in English is isolated',
    async (path) => {
      const doc = await documentOf(path);
      const latin = [...doc.querySelectorAll('tbody td, tbody th')].filter((cell) => LATIN_FIRST.test(cell.textContent!));
      expect(latin.length, 'the page has cells in English').toBeGreaterThan(0);
      expect(unisolatedCells(doc)).toEqual([]);
    }
  );

  it.each(['/report', '/regions?source=fixture', '/sessions?source=fixture'])('%s: an English page gives none of its English cells a direction', async (path) => {
    const doc = await documentOf(path);
    expect(doc.querySelectorAll('tbody td, tbody th').length).toBeGreaterThan(0);
    expect(doc.querySelectorAll('tbody :is(td, th)[dir]').length).toBe(0);
  });

  it('a published quote runs left to right inside the page’s quotation marks, its source link too', async () => {
    const doc = await documentOf('/ar/published');
    const quotes = [...doc.querySelectorAll('td.quote q')];
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) {
      expect(q.getAttribute('lang')).toBe('en');
      const inner = q.querySelector('span[dir="ltr"]');
      expect(inner?.textContent).toBe(q.textContent);
    }
    const sources = [...doc.querySelectorAll('tbody [lang="en"]:not(q)')];
    expect(sources.length).toBeGreaterThan(0);
    for (const s of sources) expect(s.getAttribute('dir'), s.outerHTML.slice(0, 120)).toBe('ltr');
  });
});

describe('session types are named in the page’s language', () => {
  const typeColumn = async (path: string) => {
    const doc = await documentOf(path);
    const headers = [...doc.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
    const column = headers.findIndex((h) => /^(Type|النوع|类型|Тип|Tipo)/.test(h));
    expect(column, `type column in ${headers.join(' | ')}`).toBeGreaterThan(0);
    return [...doc.querySelectorAll('tbody tr')].map((tr) => tr.children[column].textContent!.trim());
  };

  it('English: the formats’ names, not the stored codes', async () => {
    expect(new Set(await typeColumn('/sessions?source=fixture&year=2019'))).toEqual(new Set(['Workshop', 'Main session', 'Open forum']));
  });

  it('Arabic, French: the same formats in the language', async () => {
    expect(new Set(await typeColumn('/ar/sessions?source=fixture&year=2019'))).toEqual(new Set(['حلقة عمل', 'جلسة رئيسية', 'منتدى مفتوح']));
    expect(new Set(await typeColumn('/fr/sessions?source=fixture&year=2019'))).toEqual(new Set(['Atelier', 'Séance principale', 'Forum ouvert']));
  });
});
