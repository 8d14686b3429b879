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
 * run. Targets: first chart within 10 % of English, JavaScript within 10 KB of English. Arabic and
 * Chinese pages are measured twice: as a reader whose system has the script's fonts sees them (the
 * page names PingFang, YaHei, Noto Sans CJK SC, Segoe UI, Geeza Pro, Noto Naskh Arabic first, so
 * the self-hosted ones are never fetched), which the verdict uses; and in a second browser whose
 * fontconfig lists only DejaVu, as a reader without them, who downloads the self-hosted slices
 * (without_system_fonts_ms, font_kb). The first needs such fonts on this machine (Debian:
 * fonts-noto-cjk and fonts-noto-core); without them the verdict says "unmeasured". Each language
 * page is visited LANGUAGE_RUNS times, each time next to a visit of the English page, in alternate
 * order (English first, then the language first), so that a change in the machine's load falls on
 * English and the language it is compared with alike. The ratio is the median of these pairs' ratios,
 * and the verdict comes from its 90 % bootstrap interval (paired-ratio.ts): met, not met, or within
 * noise. English compared with itself in the same way is the control row: how far from 1 a page
 * that costs nothing extra reads in this run.
 */
import { chromium, type Browser } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM_ARGS, startServer } from '../browser/server.ts';
import { SELF_HOSTED_FAMILIES, fontStackFamilies } from '../../src/lib/i18n/self-hosted-fonts.ts';
import { median, medianInterval, ratioVerdict } from './paired-ratio.ts';

const PAGES = ['/', '/stakeholders', '/regions', '/gender', '/global-south', '/representation', '/sessions', '/published', '/methodology'];
const RUNS = 5;
/** Pairs per language page: medians of ratios near 1.1 need more runs than the pages' absolute times. */
const LANGUAGE_RUNS = 15;
/** "First chart within 10 % of English". */
const RATIO_CEILING = 1.1;
/** Pages whose first figure is a table, not a chart. */
const TABLE_PAGES = new Set(['/sessions', '/methodology']);
const CHART_ON_SCREEN = '[data-chart] .plot > :is(svg, figure), [data-card] svg';
const DRAWN_IN_BROWSER = '[data-drawn="true"]';

/** The families src/lib/i18n/fonts.server.ts declares with @font-face (fetched only when no earlier family has the glyphs). */
const SELF_HOSTED = new Set<string>(Object.values(SELF_HOSTED_FAMILIES));

/**
 * The first family of a language's font stack in src/app.css that this machine has as a system
 * font (fontconfig), or null. The self-hosted family (Noto Sans SC, Noto Sans Arabic) is named after
 * the system ones, so with one of these the page never fetches a font file.
 */
function systemFontFor(lang: string): string | null {
  const stack = fontStackFamilies(readFileSync(resolve('src/app.css'), 'utf8'), lang);
  if (!stack.length) throw new Error(`bench:web: no font stack for ${lang} in src/app.css`);
  const families = stack.filter((f) => !SELF_HOSTED.has(f));
  for (const family of families) {
    try {
      if (execFileSync('fc-list', [family, 'family'], { encoding: 'utf8' }).trim()) return family;
    } catch {
      return null; // no fontconfig
    }
  }
  return null;
}

/** A fontconfig setup with DejaVu only: the system of a reader without Arabic and Chinese fonts. */
const fontconfigDir = mkdtempSync(join(tmpdir(), 'igf-bench-fonts-'));
writeFileSync(
  join(fontconfigDir, 'fonts.conf'),
  `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>${fontconfigDir}/cache</cachedir></fontconfig>`
);

const server = await startServer(resolve(process.env.IGF_DB || 'data/igf.duckdb'));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const browserWithoutFonts = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
  env: { ...process.env, FONTCONFIG_FILE: join(fontconfigDir, 'fonts.conf') }
});

/** One first visit (fresh context, nothing cached): ms until each selector is visible, and bytes. */
async function visit(path: string, selectors: string[], on: Browser = browser): Promise<{ ms: number[]; total: number; js: number; fonts: number }> {
  const ctx = await on.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
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

type Visit = Awaited<ReturnType<typeof visit>>;

/** Median time to the first chart and the last run's bytes, over RUNS first visits. */
async function measure(path: string, on: Browser = browser): Promise<{ first: number; drawn: number | null; total: number; js: number; fonts: number }> {
  const first: number[] = [];
  const drawn: number[] = [];
  let last = { total: 0, js: 0, fonts: 0 };
  for (let run = 0; run < RUNS; run++) {
    const v = await visit(path, TABLE_PAGES.has(path.replace(/^\/(ar|zh|fr|ru|es)(?=\/|$)/, '') || '/') ? ['table'] : [CHART_ON_SCREEN, DRAWN_IN_BROWSER], on);
    first.push(v.ms[0]);
    if (v.ms[1] !== undefined) drawn.push(v.ms[1]);
    last = v;
  }
  return { first: median(first), drawn: drawn.length ? median(drawn) : null, total: last.total, js: last.js, fonts: last.fonts };
}

const kb = (bytes: number) => +(bytes / 1024).toFixed(1);
const LANGUAGE_PAGES = ['/', '/regions'];
/**
 * 'en' is the control: English against English, paired the same way. The page is the same, so its
 * ratio's distance from 1 is this run's noise.
 */
const COMPARED_LANGUAGES = ['en', 'ar', 'zh', 'fr', 'ru', 'es'];
const pageIn = (code: string, path: string) => (code === 'en' ? path : `/${code}${path === '/' ? '' : path}`);
/** Pages that fetch self-hosted fonts where the system has none, with the system font this machine has. */
const FONT_LANGUAGES = new Map(['ar', 'zh'].map((code) => [code, systemFontFor(code)]));
for (const [code, font] of FONT_LANGUAGES) {
  console.log(font ? `${code}: system font ${font}` : `${code}: no system font on this machine (Debian: fonts-noto-cjk, fonts-noto-core); the verdict is unmeasured`);
}

const results: Record<string, string | number | null>[] = [];
const languages: Record<string, string | number | null>[] = [];
// The first request opens the database and builds its summary table: not what a reader waits for.
for (const path of PAGES) await fetch(server.url + path);
try {
  const floor: number[] = [];
  for (let run = 0; run < RUNS; run++) floor.push((await visit('/favicon.svg', ['svg'])).ms[0]);
  results.push({ page: 'floor: /favicon.svg', first_chart_ms: median(floor), browser_drawn_ms: null, total_kb: null, js_kb: null });
  for (const path of PAGES) {
    const m = await measure(path);
    results.push({ page: path, first_chart_ms: m.first, browser_drawn_ms: m.drawn, total_kb: kb(m.total), js_kb: kb(m.js) });
  }
  for (const code of COMPARED_LANGUAGES) for (const path of LANGUAGE_PAGES) await fetch(server.url + pageIn(code, path));
  // Each language's page is compared with an English visit right next to it (the pair's ratio), the
  // two in alternate order from run to run (English first, then the language first), so that
  // neither a change in the machine's load nor the visit before (another browser's clean-up, say)
  // falls on one side only. The ratio is the median of the pairs' ratios; its 90 % bootstrap
  // interval decides the verdict: met, not met, or within this run's noise (paired-ratio.ts).
  for (const path of LANGUAGE_PAGES) {
    const selectors = TABLE_PAGES.has(path) ? ['table'] : [CHART_ON_SCREEN];
    for (const code of COMPARED_LANGUAGES) {
      const page = pageIn(code, path);
      const hasFonts = FONT_LANGUAGES.has(code);
      const pairs: { english: Visit; localised: Visit; withoutFonts?: Visit }[] = [];
      for (let run = 0; run < LANGUAGE_RUNS; run++) {
        const englishFirst = run % 2 === 0;
        const first = await visit(englishFirst ? path : page, selectors);
        const second = await visit(englishFirst ? page : path, selectors);
        const [english, localised] = englishFirst ? [first, second] : [second, first];
        pairs.push({ english, localised, withoutFonts: hasFonts ? await visit(page, selectors, browserWithoutFonts) : undefined });
      }
      const ratios = pairs.map((p) => p.localised.ms[0] / p.english.ms[0]);
      const ratio = median(ratios);
      const interval = medianInterval(ratios);
      const last = pairs[pairs.length - 1];
      const jsOver = last.localised.js - last.english.js;
      const systemFont = FONT_LANGUAGES.get(code) ?? null;
      languages.push({
        page: code === 'en' ? `${page} (English again: the noise)` : page,
        system_font: hasFonts ? (systemFont ?? 'none') : null,
        english_ms: median(pairs.map((p) => p.english.ms[0])),
        first_chart_ms: median(pairs.map((p) => p.localised.ms[0])),
        vs_english: +ratio.toFixed(2),
        // Three decimals: the verdict compares the unrounded bounds with 1.1.
        ci90: `${interval[0].toFixed(3)}–${interval[1].toFixed(3)}`,
        pair_ratios: `${+Math.min(...ratios).toFixed(2)}–${+Math.max(...ratios).toFixed(2)}`,
        without_system_fonts_ms: hasFonts ? median(pairs.map((p) => p.withoutFonts!.ms[0])) : null,
        without_system_fonts_vs_english: hasFonts ? +median(pairs.map((p) => p.withoutFonts!.ms[0] / p.english.ms[0])).toFixed(2) : null,
        font_kb: hasFonts ? kb(last.withoutFonts!.fonts) : null,
        js_kb: kb(last.localised.js),
        js_kb_minus_english: +(kb(last.localised.js) - kb(last.english.js)).toFixed(1),
        first_chart: code === 'en' ? 'control' : hasFonts && !systemFont ? 'unmeasured' : ratioVerdict(interval, RATIO_CEILING),
        javascript: jsOver <= 10 * 1024 ? 'met' : 'not met'
      });
    }
  }
} finally {
  await browser.close();
  await browserWithoutFonts.close();
  await server.stop();
  rmSync(fontconfigDir, { recursive: true, force: true });
}
console.table(results);
console.log(
  `Languages against English, median of ${LANGUAGE_RUNS} pairs of visits and its 90 % bootstrap interval (targets: first chart within 10 %, JavaScript within 10 KB).\n` +
    'first_chart: met when the whole interval is at or under 1.1, not met when it is all over, within noise when it straddles the line.'
);
console.table(languages);
