/**
 * npm run bench:web — per page, in headless Chromium against the built server and the real database
 * (IGF_DB or data/igf.duckdb): time to the first chart on screen (drawn by the server into the HTML,
 * or by the browser), time until the browser has drawn a chart at its own width, and bytes
 * transferred (total and JavaScript, compressed as sent). Targets: first chart under 1 s on
 * localhost; overview JavaScript under 250 KB.
 *
 * Floor, measured the same way in the same run: a fresh browser context opening a static file
 * (/favicon.svg) until it is on screen. No page can show anything sooner; on a 2-core machine most
 * of a page's time is this floor.
 *
 * Languages: / and /regions in each of the five other UN languages against English in the same
 * run. Targets: first chart within 10 % of English, JavaScript within 10 KB of English. Fonts are
 * counted apart (font_kb): Arabic and Chinese pages fetch self-hosted font slices where the system
 * has no such font, as on this machine; with_system_fonts_ms is the same page without its
 * @font-face rules, as on a system whose own fonts come first in the page's font stack (the
 * verdict uses that time, and the table shows both; see visit()).
 */
import { chromium } from 'playwright-core';
import { resolve } from 'node:path';
import { CHROMIUM_ARGS, startServer } from '../browser/server.ts';

const PAGES = ['/', '/stakeholders', '/regions', '/gender', '/global-south', '/representation', '/sessions', '/published', '/methodology'];
const RUNS = 5;
/** Pages whose first figure is a table, not a chart. */
const TABLE_PAGES = new Set(['/sessions', '/methodology']);
const CHART_ON_SCREEN = '[data-chart] .plot > :is(svg, figure), [data-card] svg';
const DRAWN_IN_BROWSER = '[data-drawn="true"]';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await startServer(resolve(process.env.IGF_DB || 'data/igf.duckdb'));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });

/** One first visit (fresh context, nothing cached): ms until each selector is visible, and bytes. */
async function visit(path: string, selectors: string[], systemFonts = false): Promise<{ ms: number[]; total: number; js: number; fonts: number }> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  // As on a reader's system that has the script's fonts (PingFang, YaHei, Noto CJK; Segoe UI, Geeza):
  // the page names them first, so the browser never considers the self-hosted ones. Refusing only
  // the font files is not that: the @font-face rules still make the browser try each slice, fail
  // and fall back, which cost zh pages 1.4-1.6 x English here. So the rules are taken out of the
  // page as it arrives (the route's own cost counts against the language), and files refused.
  // This machine has no CJK font: the text is then drawn as empty boxes, so glyph drawing is not
  // part of this figure.
  if (systemFonts) {
    await page.route(/\.woff2?$/, (route) => route.abort());
    await page.route(
      (url) => url.origin === server.url && url.pathname === path,
      async (route) => {
        const response = await route.fetch();
        const html = (await response.text()).replace(/<style data-font-faces>[\s\S]*?<\/style>/, '');
        await route.fulfill({ response, body: html });
      }
    );
  }
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  const types = new Map<string, string>();
  let total = 0;
  let js = 0;
  let fonts = 0;
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  cdp.on('Network.loadingFinished', (e) => {
    total += e.encodedDataLength;
    if (types.get(e.requestId) === 'Script') js += e.encodedDataLength;
    if (types.get(e.requestId) === 'Font') fonts += e.encodedDataLength;
  });
  await page.setExtraHTTPHeaders({ 'accept-encoding': 'gzip, br' });
  const start = Date.now();
  // From the first byte on, not after the load event (goto's default): a chart is on screen before that.
  await page.goto(server.url + path, { waitUntil: 'commit' });
  const ms: number[] = [];
  for (const selector of selectors) {
    await page.locator(selector).first().waitFor({ state: 'visible' });
    ms.push(Date.now() - start);
  }
  await page.waitForLoadState('networkidle');
  await ctx.close();
  return { ms, total, js, fonts };
}

/** Median time to the first chart and the last run's bytes, over RUNS first visits. */
async function measure(path: string, systemFonts = false): Promise<{ first: number; drawn: number | null; total: number; js: number; fonts: number }> {
  const first: number[] = [];
  const drawn: number[] = [];
  let last = { total: 0, js: 0, fonts: 0 };
  for (let run = 0; run < RUNS; run++) {
    const v = await visit(path, TABLE_PAGES.has(path.replace(/^\/(ar|zh|fr|ru|es)(?=\/|$)/, '') || '/') ? ['table'] : [CHART_ON_SCREEN, DRAWN_IN_BROWSER], systemFonts);
    first.push(v.ms[0]);
    if (v.ms[1] !== undefined) drawn.push(v.ms[1]);
    last = v;
  }
  return { first: median(first), drawn: drawn.length ? median(drawn) : null, total: last.total, js: last.js, fonts: last.fonts };
}

const kb = (bytes: number) => +(bytes / 1024).toFixed(1);
const LANGUAGE_PAGES = ['/', '/regions'];
const OTHER_LANGUAGES = ['ar', 'zh', 'fr', 'ru', 'es'];
/** Pages that fetch self-hosted fonts where the system has none (this machine has none for them). */
const FONT_LANGUAGES = new Set(['ar', 'zh']);

const results: Record<string, string | number | null>[] = [];
const languages: Record<string, string | number | null>[] = [];
// The first request opens the database and builds its summary table: not what a reader waits for.
for (const path of PAGES) await fetch(server.url + path);
try {
  const floor: number[] = [];
  for (let run = 0; run < RUNS; run++) floor.push((await visit('/favicon.svg', ['svg'])).ms[0]);
  results.push({ page: 'floor: /favicon.svg', first_chart_ms: median(floor), browser_drawn_ms: null, total_kb: null, js_kb: null });
  const english = new Map<string, Awaited<ReturnType<typeof measure>>>();
  for (const path of PAGES) {
    const m = await measure(path);
    english.set(path, m);
    results.push({ page: path, first_chart_ms: m.first, browser_drawn_ms: m.drawn, total_kb: kb(m.total), js_kb: kb(m.js) });
  }
  for (const code of OTHER_LANGUAGES) for (const path of LANGUAGE_PAGES) await fetch(`${server.url}/${code}${path === '/' ? '' : path}`);
  for (const path of LANGUAGE_PAGES) {
    const en = english.get(path)!;
    for (const code of OTHER_LANGUAGES) {
      const m = await measure(`/${code}${path === '/' ? '' : path}`);
      const withSystemFonts = FONT_LANGUAGES.has(code) ? await measure(`/${code}${path === '/' ? '' : path}`, true) : m;
      languages.push({
        page: `/${code}${path === '/' ? '' : path}`,
        first_chart_ms: m.first,
        vs_english: +(m.first / en.first).toFixed(2),
        font_kb: kb(m.fonts),
        with_system_fonts_ms: withSystemFonts.first,
        with_system_fonts_vs_english: +(withSystemFonts.first / en.first).toFixed(2),
        js_kb: kb(m.js),
        js_kb_minus_english: +(kb(m.js) - kb(en.js)).toFixed(1),
        within_targets: withSystemFonts.first <= en.first * 1.1 && m.js - en.js <= 10 * 1024 ? 'yes' : 'no'
      });
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
console.table(results);
console.log('Languages against English in the same run (targets: first chart within 10 %, JavaScript within 10 KB):');
console.table(languages);
