/**
 * What every browser test file needs: the built site on the fixture database and headless Chromium,
 * pages that may only reach our own server and that collect console errors, and the checks each
 * page gets (charts drawn, axe, no sideways scroll).
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, startServer, type WebServer } from './server.ts';

const require = createRequire(import.meta.url);

export interface BrowserSuite {
  readonly server: WebServer;
  readonly browser: Browser;
}

/** Starts the server and Chromium before the file's tests and stops them after. */
export function browserSuite(): BrowserSuite {
  let server: WebServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer();
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error('browserSuite: the server is not started yet');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('browserSuite: the browser is not started yet');
      return browser;
    }
  };
}

export interface OpenedPage {
  page: Page;
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** URLs of the JavaScript files the page loaded. */
  scripts: string[];
}

/**
 * A page at `path` after the network is idle: in a new context of its own at `width` (default 1280),
 * or in `context`. Requests to anywhere but our server are refused: a chart must not leak the
 * reader's IP to a third party.
 */
export async function openPage(suite: BrowserSuite, path: string, options: { width?: number; context?: BrowserContext } = {}): Promise<OpenedPage> {
  const page = options.context
    ? await options.context.newPage()
    : await suite.browser.newPage({ viewport: { width: options.width ?? 1280, height: 900 } });
  const errors: string[] = [];
  const scripts: string[] = [];
  page.on('console', (m) => {
    // Svelte's runtime warnings (a hydration mismatch re-renders the page) count as errors too, except
    // hydration_html_changed: a chart drawn on the server is meant to be kept (server-drawing.ts).
    const svelteWarning = m.type() === 'warning' && m.text().includes('svelte.dev/e/') && !m.text().includes('hydration_html_changed');
    if (m.type() === 'error' || svelteWarning) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => {
    if (r.url().endsWith('.js')) scripts.push(r.url());
  });
  const origin = suite.server.url;
  await page.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
  await page.goto(origin + path, { waitUntil: 'networkidle' });
  return { page, errors, scripts };
}

/** Waits until every chart on the page has drawn (pages without charts return at once). */
export async function chartsDrawn(page: Page): Promise<void> {
  if ((await page.locator('[data-chart] .plot').count()) > 0) await page.waitForSelector('[data-chart] .plot[data-drawn="true"]');
}

/** The ids of axe-core's serious and critical findings on the page as it is now. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string }[] }> } }).axe.run();
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
  });
}

/** How many pixels the page scrolls sideways (0 when it fits its width). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
