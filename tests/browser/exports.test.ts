/**
 * Downloads, sharing and embeds in headless Chromium against the fixture database: every chart and
 * table has a download menu whose data links answer with the rows, the SVG carries the chart's title
 * (and the synthetic notice only when the rows are synthetic), the PNG has pixels, copy link fills the
 * clipboard (or shows the link when there is no clipboard), and /embed/{chart} draws one chart alone
 * inside an iframe.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite, chartsDrawn, horizontalOverflow, openPage, seriousAxeViolations } from './harness.ts';
import { EMBEDDABLE_CHARTS } from '../../src/lib/charts/export/embeds.ts';
import { embedSnippet } from '../../src/lib/charts/export/links.ts';

/** The pages whose charts pass their download queries (regions and published add theirs separately). */
const PAGES = ['/', '/gender', '/stakeholders', '/global-south', '/representation', '/sessions'];
const SYNTHETIC_NOTICE = 'Demonstration data';

const suite = browserSuite();
const open = (path: string, options: Parameters<typeof openPage>[2] = {}) => openPage(suite, path, options);


async function openMenu(page: Page, chart: string) {
  const menu = page.locator(`[data-download-menu="${chart}"]`);
  if (!(await menu.evaluate((d) => (d as HTMLDetailsElement).open))) await menu.locator('summary').first().click();
  return menu;
}

/** Click an image button and return the downloaded file with its suggested name. */
async function download(page: Page, chart: string, kind: 'svg' | 'png'): Promise<{ name: string; bytes: Buffer }> {
  const menu = await openMenu(page, chart);
  const [file] = await Promise.all([page.waitForEvent('download'), menu.locator(`[data-image="${kind}"]`).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

describe('download menu on every chart and table', () => {
  // Each page's public record, and its record-level view of the demonstration records.
  for (const path of [...PAGES, ...PAGES.map((p) => `${p}?source=demo`)]) {
    it(`${path}: each chart has a menu whose data links answer with the chart's rows`, async () => {
      const { page, errors } = await open(path);
      await chartsDrawn(page);
      const charts = await page.locator('[data-chart], [data-card]').count();
      expect(charts).toBeGreaterThan(0);
      const menus = page.locator('[data-download-menu]');
      expect(await menus.count()).toBe(charts);
      for (const menu of await menus.all()) {
        const csv = await menu.locator('a[data-format="csv"]').all();
        expect(csv.length).toBeGreaterThan(0);
        for (const link of csv) {
          const href = (await link.getAttribute('href'))!;
          expect(href).toMatch(/^\/api\/v1\/metrics\/[a-z-]+\.csv\?/);
          expect(href).toMatch(/[?&]from=\d{4}&to=\d{4}/);
          expect(await link.getAttribute('download')).toMatch(/^igf-[a-z0-9_-]+\.csv$/);
          const res = await fetch(suite.server.url + href);
          expect(res.status, `${href}: ${res.status === 200 ? '' : await res.text()}`).toBe(200);
          expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
          expect((await res.text()).split('\r\n').length).toBeGreaterThan(2);
        }
        // Every format of the same query is offered.
        const formats = await menu.locator('a[data-format]').evaluateAll((as) => as.map((a) => a.getAttribute('data-format')));
        expect(new Set(formats)).toEqual(new Set(['csv', 'arrow', 'json', 'metadata.json', 'zip']));
      }
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  it('the data links of a row-filtered chart hold exactly its rows', async () => {
    const { page } = await open('/gender?source=demo');
    const href = await page.locator('[data-download-menu="gender-female"] a[data-format="json"]').getAttribute('href');
    const body = (await (await fetch(suite.server.url + href)).json()) as { rows: { dimension: string; category: string; year: number }[] };
    expect(body.rows.length).toBeGreaterThan(0);
    expect(body.rows.every((r) => r.dimension === 'gender' && r.category === 'female')).toBe(true);
    const tableRows = await page.locator('[data-chart="gender-female"] tbody tr').count();
    expect(body.rows.length).toBe(tableRows);
    await page.context().close();
  });

  it('/representation: every share row of the download is a row of the chart in the year in view', async () => {
    const { page } = await open('/representation?source=demo');
    await chartsDrawn(page);
    const year = Number(await page.locator('select[name="year"]').inputValue());
    const href = await page.locator('[data-download-menu="representation"] a[data-format="json"]').getAttribute('href');
    const body = (await (await fetch(suite.server.url + href)).json()) as { rows: { kind: string; year: number }[] };
    const shares = body.rows.filter((r) => r.kind === 'share' && r.year === year);
    expect(shares.length).toBeGreaterThan(0);
    expect(await page.locator('[data-chart="representation"] tbody tr').count()).toBe(shares.length);
    await page.context().close();
  });

  it('opens and closes from the keyboard, passes axe with every menu open, fits 375 px', async () => {
    for (const width of [1280, 375]) {
      const { page, errors } = await open('/gender?source=demo', { width });
      await chartsDrawn(page);
      const summary = page.locator('[data-download-menu="gender-female"] > summary');
      await summary.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('[data-download-menu="gender-female"] a[data-format="csv"]').isVisible()).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('[data-download-menu="gender-female"] a[data-format="csv"]').isVisible()).toBe(false);
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');

      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      if (width === 1280) {
        expect(await seriousAxeViolations(page)).toEqual([]);
      } else {
        const overflow = await horizontalOverflow(page);
        expect(overflow).toBeLessThanOrEqual(1);
      }
      expect(errors).toEqual([]);
      await page.context().close();
    }
  });

  it('works without JavaScript: the data links are plain links', async () => {
    const context = await suite.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(suite.server.url + '/gender?source=demo');
    const links = page.locator('[data-download-menu="gender-female"] a[data-format][download]');
    expect(await links.count()).toBe(5);
    await context.close();
  });
});

describe('SVG and PNG of a chart', () => {
  it('the SVG is standalone and carries the title, subtitle, source and the synthetic notice', async () => {
    const { page, errors } = await open('/gender?source=demo');
    await chartsDrawn(page);
    const title = (await page.locator('#gender-female-title').textContent())!.trim();
    const subtitle = (await page.locator('[data-chart="gender-female"] .subtitle').textContent())!.trim();
    const { name, bytes } = await download(page, 'gender-female', 'svg');
    expect(name).toMatch(/^igf-gender-female-\d{4}-\d{4}-demo\.svg$/);
    const svg = bytes.toString('utf8');
    expect(svg).toMatch(/^<\?xml[^>]*>\s*<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    const text = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(' ');
    expect(text).toContain(title);
    expect(text).toContain(subtitle.split(' ').slice(0, 3).join(' '));
    expect(text).toContain('Source: IGF participation database');
    // The fixture's one synthetic record is an attendee: the attendee chart is flagged.
    expect(text).toContain(SYNTHETIC_NOTICE);
    // Where it came from: address, licence, date and data version.
    expect(text).toContain(`${suite.server.url}/gender?source=demo#gender-female · CC BY 4.0 · `);
    expect(text).toMatch(/ · data version [0-9a-f]{12}/);
    // The drawing came along, with its marks, and nothing points outside the file.
    expect(svg).toContain('mark-line');
    expect(svg).not.toMatch(/<link|<style|url\(|href="http/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('no synthetic notice when the chart’s rows are real; HTML legends become SVG text', async () => {
    // The fixture's real records are the source set "fixture"; the default set "demo" is synthetic.
    const { page } = await open('/gender?source=fixture');
    await chartsDrawn(page);
    const manel = (await download(page, 'gender-manel', 'svg')).bytes.toString('utf8');
    expect(manel).not.toContain(SYNTHETIC_NOTICE);
    const compare = (await download(page, 'gender-compare', 'svg')).bytes.toString('utf8');
    const legend = [...compare.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(legend).toContain('Attendees');
    expect(legend).toContain('Speakers');
    await page.context().close();
  });

  it('the PNG is twice the size of the chart and not blank', async () => {
    const { page, errors } = await open('/stakeholders?source=demo');
    await chartsDrawn(page);
    const width = await page.locator('[data-chart="stakeholders-attendees"] .plot').evaluate((e) => e.getBoundingClientRect().width);
    const { name, bytes } = await download(page, 'stakeholders-attendees', 'png');
    expect(name).toMatch(/^igf-stakeholders-attendees-\d{4}-\d{4}-demo\.png$/);
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
    const pngWidth = bytes.readUInt32BE(16);
    expect(pngWidth).toBeGreaterThanOrEqual(Math.floor(width * 2));
    // Decode in the browser and count pixels that are not white.
    const inked = await page.evaluate(async (b64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${b64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
      let count = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200) count++;
      return count / (canvas.width * canvas.height);
    }, bytes.toString('base64'));
    // Bars fill a good part of a stacked chart; title and axes alone would be a few percent.
    expect(inked).toBeGreaterThan(0.1);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('sharing', () => {
  it('copy link puts the view’s URL with the chart anchor into the clipboard', async () => {
    const context = await suite.browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.server.url });
    const { page, errors } = await open('/gender?population=speakers&target=40&source=demo', { context });
    const menu = await openMenu(page, 'gender-female');
    await menu.locator('[data-copy-link]').click();
    await expect.poll(() => menu.locator('[data-download-status]').textContent()).toMatch(/copied/i);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${suite.server.url}/gender?population=speakers&target=40&source=demo#gender-female`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('without a clipboard the link is shown, selected, to copy by hand', async () => {
    const context = await suite.browser.newContext();
    await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
    const { page } = await open('/global-south?definition=g77&source=demo', { context });
    const menu = await openMenu(page, 'global-south-definitions');
    await menu.locator('[data-copy-link]').click();
    const input = menu.locator('input[readonly]');
    await expect.poll(() => input.inputValue()).toBe(`${suite.server.url}/global-south?definition=g77&source=demo#global-south-definitions`);
    expect(await menu.locator('[data-download-status]').textContent()).toMatch(/select the link/i);
    await context.close();
  });

  it('the embed snippet is an iframe to /embed/{chart} with the same query', async () => {
    const { page } = await open('/stakeholders?population=speakers&from=2019&source=demo');
    const menu = await openMenu(page, 'stakeholder-evenness');
    await menu.locator('details.embed-code > summary').click();
    const snippet = await menu.locator('[data-embed-snippet]').inputValue();
    expect(snippet).toMatch(/^<iframe data-igf-embed src="[^"]+" title="[^"]+" width="100%" height="\d+"/);
    expect(snippet).toContain(`src="${suite.server.url}/embed/stakeholder-evenness?population=speakers&amp;from=2019&amp;source=demo"`);
    await page.context().close();
  });
});

describe('embeds', () => {
  it.each([375, 700, 1280])('the snippet fits its frame to the chart at %i px, nothing cut off', async (width) => {
    const page = await suite.browser.newPage({ viewport: { width, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // The snippet as the download menu gives it, starting far too short.
    const snippet = embedSnippet(`${suite.server.url}/embed/gender-female`, 'Women among participants', 200);
    await page.setContent(`<!doctype html><title>host</title><p>A newspaper article.</p>${snippet}<p>More article.</p>`);
    const frame = page.frameLocator('iframe');
    await frame.locator('[data-chart="gender-female"] .plot[data-drawn="true"]').waitFor();
    const iframe = page.locator('iframe');
    const contentHeight = () =>
      frame.locator('html').evaluate((html) => Math.ceil(html.getBoundingClientRect().height));
    await expect.poll(async () => Math.abs((await iframe.evaluate((f) => f.getBoundingClientRect().height)) - (await contentHeight())), { timeout: 10_000 }).toBeLessThanOrEqual(1);
    // The last thing in the frame, the link to the dashboard, lies inside the frame.
    const frameBox = (await iframe.boundingBox())!;
    const linkBox = (await frame.locator('[data-open-dashboard]').boundingBox())!;
    expect(linkBox.y + linkBox.height).toBeLessThanOrEqual(frameBox.y + frameBox.height + 1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a message from another frame or page resizes nothing', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 900, height: 900 } });
    await page.setContent(`<!doctype html><title>host</title>${embedSnippet('about:blank', 'x', 300)}`);
    await page.evaluate(() => window.postMessage({ type: 'igf-embed-height', height: 3000 }, '*'));
    await page.waitForTimeout(200);
    expect(await page.locator('iframe').evaluate((f) => f.getBoundingClientRect().height)).toBe(300);
    await page.close();
  });

  it('render alone inside an iframe on another page and draw their chart to the frame width', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 900, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.setContent(
      `<!doctype html><title>host</title><p>A newspaper article.</p>` +
        `<iframe src="${suite.server.url}/embed/gender-female" title="chart" width="420" height="700" style="border:0"></iframe>`
    );
    const frame = page.frameLocator('iframe');
    await frame.locator('[data-chart="gender-female"] .plot[data-drawn="true"]').waitFor();
    expect(await frame.locator('[data-chart]').count()).toBe(1);
    expect(await frame.locator('header, nav, h1, form.filters, [data-synthetic-banner]').count()).toBe(0);
    expect(await frame.locator('[data-chart="gender-female"] h2').textContent()).toBeTruthy();
    expect(await frame.locator('[data-chart="gender-female"] .mark-point circle').count()).toBeGreaterThan(0);
    const svgWidth = await frame.locator('[data-chart="gender-female"] .plot svg').first().evaluate((s) => s.getBoundingClientRect().width);
    expect(svgWidth).toBeLessThanOrEqual(420);
    expect(await frame.locator('[data-synthetic-notice]').count()).toBe(1);
    // A record-level chart embedded without a source set shows the default records (an embed made
    // before the public record became the default keeps working), and its link opens that view.
    expect(await frame.locator('[data-open-dashboard]').getAttribute('href')).toBe('/gender?source=demo#gender-female');
    expect(await frame.locator('[data-download-menu="gender-female"]').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keep the page’s query parameters and leave out the notice for real rows', async () => {
    const { page } = await open('/embed/gender-female?source=fixture&population=speakers&target=40');
    await chartsDrawn(page);
    expect(await page.locator('[data-synthetic-notice]').count()).toBe(0);
    expect(await page.locator('[data-chart="gender-female"] .mark-target').count()).toBe(1);
    expect(await page.locator('[data-open-dashboard]').getAttribute('href')).toBe('/gender?source=fixture&population=speakers&target=40#gender-female');
    expect(await page.title()).toContain(await page.locator('#gender-female-title').textContent());
    await page.context().close();
  });

  // One test per chart: each gets its own time budget, and a failure names the chart.
  it.each(Object.keys(EMBEDDABLE_CHARTS))('/embed/%s shows that chart alone, without errors', async (chart) => {
    const { page, errors } = await open(`/embed/${chart}`);
    await chartsDrawn(page);
    expect(await page.locator('[data-chart]').count(), chart).toBe(1);
    expect(await page.locator(`[data-chart="${chart}"]`).count(), chart).toBe(1);
    if (chart === 'gender-female') {
      expect(await seriousAxeViolations(page)).toEqual([]);
    }
    expect(errors, chart).toEqual([]);
    await page.context().close();
  });

  it('can be framed by other sites; an unknown chart is a 404 that names the embeddable ones', async () => {
    const res = await fetch(`${suite.server.url}/embed/gender-female`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-frame-options')).toBeNull();
    expect(res.headers.get('content-security-policy') ?? '').not.toMatch(/frame-ancestors/);
    const missing = await fetch(`${suite.server.url}/embed/no-such-chart`);
    expect(missing.status).toBe(404);
    const body = await missing.text();
    expect(body).toContain('no-such-chart');
    expect(body).toContain('gender-female');
  });
});

describe('cite this chart', () => {
  // Every chart and table of every page, in its public and its record-level view (the overview's
  // record-level view is headline cards only).
  for (const path of [...PAGES, '/regions', '/published'].flatMap((p) => [p, `${p}?source=demo`]).filter((p) => p !== '/?source=demo')) {
    it(`${path}: every chart has a Cite entry with APA and Chicago texts`, async () => {
      const { page } = await open(path);
      await chartsDrawn(page);
      const charts = await page.locator('[data-chart]').evaluateAll((els) => els.map((e) => e.getAttribute('data-chart')));
      expect(charts.length).toBeGreaterThan(0);
      for (const id of charts) {
        const menu = page.locator(`[data-chart="${id}"] [data-download-menu]`);
        expect(await menu.count(), `${path}: ${id}`).toBe(1);
        expect(await menu.locator('[data-cite-style="apa"]').textContent(), `${path}: ${id}`).toContain(`#${id}`);
        expect(await menu.locator('[data-cite-style="chicago"]').textContent(), `${path}: ${id}`).toContain('data version');
      }
      await page.context().close();
    });
  }

  it('every chart’s menu cites it in APA and Chicago with its permalink and the data version', async () => {
    const index = (await (await fetch(`${suite.server.url}/api/v1/export`)).json()) as { data_version: { hash: string } };
    const version = index.data_version.hash.slice(0, 12);
    const { page } = await open('/gender?population=speakers&source=demo');
    await chartsDrawn(page);
    const menus = page.locator('[data-download-menu]');
    const count = await menus.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      const menu = menus.nth(i);
      const id = await menu.getAttribute('data-download-menu');
      const apa = await menu.locator('[data-cite-style="apa"]').textContent();
      expect(apa).toContain(`(Data version ${version}) [Data set]`);
      expect(apa).toContain(`${suite.server.url}/gender?population=speakers&source=demo#${id}`);
      expect(await menu.locator('[data-cite-style="chicago"]').textContent()).toContain(`data version ${version}`);
    }
    await page.context().close();
  });
});

describe('the selection travels with the chart', () => {
  it('under a mode and population filter: in the line under the chart, the SVG, the PNG’s and the data files’ names, the embed', async () => {
    const query = 'population=speakers&mode=online&exclude_host=true&source=demo';
    const { page, errors } = await open(`/gender?${query}`);
    await chartsDrawn(page);
    const chart = 'gender-female';
    const line = await page.locator(`[data-chart="${chart}"] [data-selection]`).textContent();
    for (const part of ['Speakers', 'Online', 'Host country left out', 'Demonstration records (synthetic)']) expect(line).toContain(part);
    const suffix = 'speakers-online-without-host-demo';
    const svg = await download(page, chart, 'svg');
    expect(svg.name).toMatch(new RegExp(`^igf-${chart}-\\d{4}-\\d{4}-${suffix}\\.svg$`));
    const text = [...svg.bytes.toString('utf8').matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(' ');
    expect(text).toContain('Online');
    expect(text).toContain('Host country left out');
    const png = await download(page, chart, 'png');
    expect(png.name).toMatch(new RegExp(`^igf-${chart}-\\d{4}-\\d{4}-${suffix}\\.png$`));
    const menu = await openMenu(page, chart);
    for (const name of await menu.locator('a[data-format]').evaluateAll((as) => as.map((a) => a.getAttribute('download')))) {
      expect(name).toMatch(new RegExp(`-${suffix}\\.(csv|arrow|json|metadata\\.json|zip)$`));
    }
    expect(errors).toEqual([]);
    await page.context().close();
    // The embed of the same view states the same selection.
    const embed = await open(`/embed/${chart}?${query}`);
    await chartsDrawn(embed.page);
    expect(await embed.page.locator(`[data-chart="${chart}"] [data-selection]`).textContent()).toBe(line);
    await embed.page.context().close();
  });

  it('is stated under the chart, in the image and in every file name', async () => {
    const { page, errors } = await open('/global-south?definition=wb_non_high_income&exclude_host=true&source=fixture');
    await chartsDrawn(page);
    const chart = 'global-south-definitions';
    const line = await page.locator(`[data-chart="${chart}"] [data-selection]`).textContent();
    expect(line).toContain('World Bank: not high income');
    expect(line).toContain('Host country left out');
    expect(line).toContain('fixture (real)');
    const { name, bytes } = await download(page, chart, 'svg');
    expect(name).toMatch(/^igf-global-south-definitions-\d{4}-\d{4}-wb-non-high-income-without-host-fixture\.svg$/);
    const text = [...bytes.toString('utf8').matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(' ');
    expect(text).toContain('Host country left out');
    const menu = await openMenu(page, chart);
    for (const href of await menu.locator('a[data-format]').evaluateAll((as) => as.map((a) => a.getAttribute('download')))) {
      expect(href).toMatch(/-wb-non-high-income-without-host-fixture\.(csv|arrow|json|metadata\.json|zip)$/);
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
