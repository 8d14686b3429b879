/**
 * The fonts a PNG embeds (image.ts): the Noto Sans SC / Arabic slices the page loaded, each fetched
 * and encoded once however many images are made, each under a family name that stays its own.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { embeddedFonts } from './image.ts';

const ORIGIN = 'http://igf.example/_app/immutable/assets';
const slice = (name: string) => `${ORIGIN}/${name}`;

function pageLoaded(urls: string[]) {
  vi.spyOn(performance, 'getEntriesByType').mockReturnValue(urls.map((name) => ({ name }) as PerformanceEntry));
}

const fetched: string[] = [];
function serveFonts(fail: Set<string> = new Set()) {
  vi.stubGlobal('fetch', async (url: string) => {
    fetched.push(url);
    if (fail.has(url)) throw new Error('offline');
    return new Response(new Uint8Array([0x77, 0x4f, 0x46, 0x32, url.length]));
  });
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  fetched.length = 0;
});

describe('the fonts embedded in a PNG', () => {
  it('fetch each slice once in a page’s life, keep its family name, and add slices loaded since', async () => {
    const sc = slice('noto-sans-sc-119-400-normal-Bx1.woff2');
    const arBold = slice('noto-sans-arabic-arabic-700-normal-Q9.woff2');
    serveFonts();
    pageLoaded([sc, slice('app-Cx.css'), arBold, sc]);
    const first = await embeddedFonts();
    expect(fetched).toEqual([sc, arBold]);
    expect(first.families).toHaveLength(2);
    expect(first.css).toContain('font-weight:700;src:url(data:font/woff2;base64,');
    expect(first.css.match(/@font-face/g)).toHaveLength(2);

    const sc2 = slice('noto-sans-sc-57-400-normal-Dd.woff2');
    pageLoaded([sc, arBold, sc2]);
    const second = await embeddedFonts();
    expect(fetched).toEqual([sc, arBold, sc2]);
    expect(second.families.slice(0, 2)).toEqual(first.families);
    expect(new Set(second.families).size).toBe(3);
    expect(second.css.startsWith(first.css)).toBe(true);
  });

  it('ask again for a slice whose fetch failed', async () => {
    const sc = slice('noto-sans-sc-3-400-normal-Zz.woff2');
    pageLoaded([sc]);
    serveFonts(new Set([sc]));
    await expect(embeddedFonts()).rejects.toThrow('offline');
    serveFonts();
    expect((await embeddedFonts()).families).toHaveLength(1);
    expect(fetched).toEqual([sc, sc]);
  });
});
