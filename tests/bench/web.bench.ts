/**
 * npm run bench:web — per page, in headless Chromium against the built server and the real database
 * (IGF_DB or data/igf.duckdb): time to first drawn chart, and bytes transferred (total and JavaScript,
 * compressed as sent). Targets: first chart under 1 s on localhost; overview JavaScript under 250 KB.
 */
import { chromium } from 'playwright-core';
import { resolve } from 'node:path';
import { CHROMIUM_ARGS, startServer } from '../browser/server.ts';

const PAGES = ['/', '/stakeholders', '/regions', '/gender', '/global-south', '/representation', '/sessions', '/published', '/methodology'];
const RUNS = 3;

const server = await startServer(resolve(process.env.IGF_DB || 'data/igf.duckdb'));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const results: Record<string, string | number>[] = [];
// The first request opens the database and builds its summary table: not what a reader waits for.
for (const path of PAGES) await fetch(server.url + path);
try {
  for (const path of PAGES) {
    const times: number[] = [];
    let total = 0;
    let js = 0;
    for (let run = 0; run < RUNS; run++) {
      // A fresh context per run: nothing cached, as for a first visit.
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await ctx.newPage();
      const cdp = await ctx.newCDPSession(page);
      await cdp.send('Network.enable');
      const types = new Map<string, string>();
      let bytes = 0;
      let jsBytes = 0;
      cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
      cdp.on('Network.loadingFinished', (e) => {
        bytes += e.encodedDataLength;
        if (types.get(e.requestId) === 'Script') jsBytes += e.encodedDataLength;
      });
      await page.setExtraHTTPHeaders({ 'accept-encoding': 'gzip, br' });
      const start = Date.now();
      await page.goto(server.url + path);
      const selector = path === '/sessions' || path === '/methodology' ? 'table' : '[data-drawn="true"], [data-card] svg';
      await page.waitForSelector(selector);
      times.push(Date.now() - start);
      await page.waitForLoadState('networkidle');
      total = bytes;
      js = jsBytes;
      await ctx.close();
    }
    times.sort((a, b) => a - b);
    results.push({ page: path, first_chart_ms_median: times[Math.floor(RUNS / 2)], total_kb: +(total / 1024).toFixed(1), js_kb: +(js / 1024).toFixed(1) });
  }
} finally {
  await browser.close();
  await server.stop();
}
console.table(results);
