/**
 * The world map and the host-share trend of /regions in headless Chromium against the fixture
 * database: one path per country shape, the filled countries the countries metric predicts,
 * suppressed countries hatched (never as zero), the host toggle through the URL, and the shapes
 * loaded by /regions only. Screenshots go to /tmp/shots.
 */
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite, horizontalOverflow, openPage, seriousAxeViolations } from './harness.ts';
import { PUBLISHED_SOURCE_URL } from '../metrics/fixture.ts';

const require = createRequire(import.meta.url);
const ATLAS = require('world-atlas/countries-110m.json') as { objects: { countries: { geometries: { id?: string }[] } } };
const SHAPES = ATLAS.objects.countries.geometries;
const SHAPE_IDS = new Set(SHAPES.flatMap((g) => (g.id ? [g.id] : [])));
const SHOTS = '/tmp/shots';
const MAP = '[data-chart="regions-map"]';

mkdirSync(SHOTS, { recursive: true });

const suite = browserSuite();
const open = (path: string, width = 1280) => openPage(suite, path, { width });

const drawn = (page: Page, chart: string) => page.waitForSelector(`${chart} .plot[data-drawn="true"]`);
const shapes = (page: Page, status?: string) => page.locator(`${MAP} path.country${status ? `[data-status="${status}"]` : ''}`).count();

async function countryRows(query: string): Promise<Record<string, unknown>[]> {
  const res = await fetch(`${suite.server.url}/api/v1/metrics/countries${query}`);
  return ((await res.json()) as { rows: Record<string, unknown>[] }).rows;
}

/** Countries of a year the map fills: a count shown, and a shape to fill. */
const filledOf = (rows: Record<string, unknown>[], year: number) =>
  rows.filter((r) => r.year === year && r.kind === 'share' && typeof r.count === 'number' && r.count > 0 && SHAPE_IDS.has(String(r.m49))).length;

describe('/regions world map', () => {
  it('draws every country shape and fills the countries with participants in the latest year', async () => {
    const rows = await countryRows('');
    const latest = Math.max(...rows.map((r) => Number(r.year)));
    const { page, errors } = await open('/regions?source=demo');
    await drawn(page, MAP);
    expect(await shapes(page)).toBe(SHAPES.length);
    // 2021: POL 15, DEU 8, BRA 7 and six countries with 5: nine countries, all with a shape
    expect(latest).toBe(2021);
    expect(filledOf(rows, 2021)).toBe(9);
    expect(await shapes(page, 'count')).toBe(9);
    expect(await shapes(page, 'suppressed')).toBe(0);
    // the host (Poland, M49 616) is outlined
    expect(await page.locator(`${MAP} path.host-outline`).count()).toBe(1);
    expect(await page.locator(`${MAP} path.country[data-m49="616"] title`).textContent()).toBe('POL: 15 (25.0%)');
    // the data table: nine countries (the unknown row is 0 and left out)
    expect(await page.locator(`${MAP} tbody tr`).count()).toBe(9);
    expect(errors).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/regions-map-1280.png`, fullPage: true });
    await page.close();
  });

  it('2019: small countries hatched as suppressed, Hong Kong listed as not on the map', async () => {
    const rows = await countryRows('?from=2019&to=2019');
    const { page, errors } = await open('/regions?year=2019&source=demo');
    await drawn(page, MAP);
    // DEU 12, USA 6, CHN 5, KOR 5 shown; ETH, MEX, POL suppressed (HKG too, but it has no shape)
    expect(filledOf(rows, 2019)).toBe(4);
    expect(await shapes(page, 'count')).toBe(4);
    expect(await shapes(page, 'suppressed')).toBe(3);
    expect(await page.locator(`${MAP} path.country[data-m49="231"]`).getAttribute('fill')).toMatch(/^url\(#/);
    expect(await page.locator(`${MAP} .notes`).textContent()).toContain('HKG');
    expect(await page.locator(`${MAP} .map-legend`).textContent()).toContain('Suppressed');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the host toggle changes the URL and the map; the copied URL restores it', async () => {
    const { page, errors } = await open('/regions?source=demo');
    await drawn(page, MAP);
    await page.check('input[name="exclude_host"]');
    await page.waitForURL(/exclude_host=true/);
    const rows = await countryRows('?exclude_host=true');
    // Poland's 15 records leave the view: eight countries filled, Poland drawn as the left-out host
    expect(filledOf(rows, 2021)).toBe(8);
    await expect.poll(() => shapes(page, 'count')).toBe(8);
    expect(await page.locator(`${MAP} path.country[data-m49="616"]`).getAttribute('data-status')).toBe('host_excluded');
    expect(await page.locator(`${MAP} path.host-outline`).getAttribute('stroke-dasharray')).toBe('3,2');
    const { page: again } = await open(page.url().replace(suite.server.url, ''));
    await drawn(again, MAP);
    expect(await shapes(again, 'count')).toBe(8);
    expect(await again.locator('input[name="exclude_host"]').isChecked()).toBe(true);
    await page.goBack();
    await page.waitForURL((u) => !u.search.includes('exclude_host'));
    await expect.poll(() => shapes(page, 'count')).toBe(9);
    expect(errors).toEqual([]);
    await page.close();
    await again.close();
  });

  it('the host share trend: the host always included, a small unknown cell no reason to hide a share', async () => {
    const { page } = await open('/regions?exclude_host=true&source=demo');
    await drawn(page, '[data-chart="regions-host"]');
    // 2021 POL 15 of 60: a point, even with the host left out of the other charts. 2019 (DEU 12,
    // others 26, unknown 2): a small count of records without a country says nothing about a
    // person, so it hides nothing (docs/metrics.md) and 2019 is a point too.
    const chart = page.locator('[data-chart="regions-host"]');
    expect(await chart.locator('.mark-point circle, .mark-point-uncertain circle').count()).toBe(2);
    expect(await chart.locator('.mark-suppressed text').count()).toBe(0);
    await page.close();
  });

  it('names the shapes without an M49 code in the page language, under a note on whose borders these are', async () => {
    const uncoded = (page: Page) => page.locator(`${MAP} path.country:not([data-m49]) title`).allTextContents();
    const english = await open('/regions?source=demo');
    await drawn(english.page, MAP);
    expect((await uncoded(english.page)).sort()).toEqual([
      'Kosovo: no country code in the map data',
      'Northern Cyprus: no country code in the map data', // the atlas writes "N. Cyprus"
      'Somaliland: no country code in the map data'
    ]);
    expect(await english.page.locator(`${MAP} .notes`).textContent()).toContain('Borders follow Natural Earth. Neither borders nor names imply');
    await english.page.close();
    const chinese = await open('/zh/regions?source=demo');
    await drawn(chinese.page, MAP);
    expect((await uncoded(chinese.page)).sort()).toEqual(['北塞浦路斯：地图数据中没有国家代码', '科索沃：地图数据中没有国家代码', '索马里兰：地图数据中没有国家代码'].sort());
    expect(await chinese.page.locator(`${MAP} .notes`).textContent()).toContain('边界依据Natural Earth。');
    expect(chinese.errors).toEqual([]);
    await chinese.page.close();
  });

  it('at 375 px: no horizontal overflow', async () => {
    const { page, errors } = await open('/regions?source=demo', 375);
    await drawn(page, MAP);
    const overflow = await horizontalOverflow(page);
    expect(overflow).toBeLessThanOrEqual(1);
    expect(errors).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/regions-map-375.png`, fullPage: true });
    await page.close();
  });

  it('only /regions loads the shapes', async () => {
    const shapeChunks = async (scripts: string[]) => {
      const found: string[] = [];
      for (const url of scripts) if ((await (await fetch(url)).text()).includes('Topology')) found.push(url);
      return found;
    };
    const regions = await open('/regions?source=demo');
    await drawn(regions.page, MAP);
    expect(await shapeChunks(regions.scripts)).toHaveLength(1);
    await regions.page.close();
    const overview = await open('/');
    expect(await shapeChunks(overview.scripts)).toEqual([]);
    await overview.page.close();
  });

  it('no serious axe violations', async () => {
    const { page } = await open('/regions?year=2019&source=demo');
    await drawn(page, MAP);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('/published: every figure with its quote and source', () => {
  it('the table quotes each figure and links its source; the chart tooltips carry the quote', async () => {
    const res = await fetch(`${suite.server.url}/api/v1/metrics/published`);
    const rows = ((await res.json()) as { rows: Record<string, unknown>[] }).rows;
    const { page, errors } = await open('/published');
    await drawn(page, '[data-chart="published-participants"]');
    const table = page.locator('table.figures tbody tr');
    expect(await table.count()).toBe(rows.length);
    expect(await table.locator('q').count()).toBe(rows.length);
    expect(await table.locator(`a[href="${PUBLISHED_SOURCE_URL}"]`).count()).toBe(rows.length);
    // the fixture publishes two head counts (2019: 45 participants in all; 2021: over 40 onsite): one
    // point each, shaped by its basis, its title quoting the source
    const dots = page.locator('[data-chart="published-participants"] .mark-published a');
    expect(await dots.count()).toBe(2);
    expect(await dots.first().getAttribute('href')).toBe(PUBLISHED_SOURCE_URL);
    // Plot shows the title channel in its tip when the point is hovered (lines wrapped at zero-width spaces)
    await dots.first().hover();
    const tip = page.locator('[data-chart="published-participants"] [aria-label="tip"]');
    await expect.poll(async () => (await tip.textContent())?.replace(/[\s\u200b]+/g, ' ').trim()).toBe('2019: 45, Participants, all (onsite and online). “a quote” — Fixture source');
    expect(errors).toEqual([]);
    await page.close();
  });
});
