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
async function visit(path: string, selectors: string[]): Promise<{ ms: number[]; total: number; js: number }> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  const types = new Map<string, string>();
  let total = 0;
  let js = 0;
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  cdp.on('Network.loadingFinished', (e) => {
    total += e.encodedDataLength;
    if (types.get(e.requestId) === 'Script') js += e.encodedDataLength;
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
  return { ms, total, js };
}

const results: Record<string, string | number | null>[] = [];
// The first request opens the database and builds its summary table: not what a reader waits for.
for (const path of PAGES) await fetch(server.url + path);
try {
  const floor: number[] = [];
  for (let run = 0; run < RUNS; run++) floor.push((await visit('/favicon.svg', ['svg'])).ms[0]);
  results.push({ page: 'floor: /favicon.svg', first_chart_ms: median(floor), browser_drawn_ms: null, total_kb: null, js_kb: null });
  for (const path of PAGES) {
    const first: number[] = [];
    const drawn: number[] = [];
    let last = { total: 0, js: 0 };
    for (let run = 0; run < RUNS; run++) {
      const v = await visit(path, TABLE_PAGES.has(path) ? ['table'] : [CHART_ON_SCREEN, DRAWN_IN_BROWSER]);
      first.push(v.ms[0]);
      if (v.ms[1] !== undefined) drawn.push(v.ms[1]);
      last = v;
    }
    results.push({
      page: path,
      first_chart_ms: median(first),
      browser_drawn_ms: drawn.length ? median(drawn) : null,
      total_kb: +(last.total / 1024).toFixed(1),
      js_kb: +(last.js / 1024).toFixed(1)
    });
  }
} finally {
  await browser.close();
  await server.stop();
}
console.table(results);
