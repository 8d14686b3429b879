/**
 * The published-figures table's filters (narrowing rows, kept in the URL, rendered by the server from
 * it), its cards at 375 px, the Data & API page's Copy buttons, and the CSV of a chart's data table as
 * shown, in headless Chromium against the fixture database.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { browserSuite, horizontalOverflow, openPage } from './harness.ts';
import { PUBLISHED } from '../metrics/fixture.ts';

const suite = browserSuite();

/** RFC 4180 records (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += ch;
  }
  return rows;
}

describe('/published', () => {
  it('the figure filters narrow the table, and the URL keeps them', async () => {
    const { page, errors } = await openPage(suite, '/published');
    const rows = page.locator('.figures tbody tr');
    expect(await rows.count()).toBe(PUBLISHED.length);
    await page.locator('[data-figure-year]').selectOption('2021');
    const in2021 = PUBLISHED.filter((p) => p[0] === 2021).length;
    await expect.poll(() => rows.count()).toBe(in2021);
    await expect.poll(() => new URL(page.url()).searchParams.get('figure_year')).toBe('2021');
    await page.locator('[data-figure-search]').fill('onsite');
    await expect.poll(() => rows.count()).toBe(1);
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('onsite');
    expect(await page.locator('[data-published-count]').innerText()).toContain(`1 of ${PUBLISHED.length}`);
    // The address alone gives the same table: the server renders it filtered.
    const html = await (await fetch(page.url())).text();
    expect(html.match(/<tr data-figure/g)?.length).toBe(1);
    // Metric and source filters
    await page.locator('[data-figure-search]').fill('');
    await page.locator('[data-figure-year]').selectOption('');
    await page.locator('[data-figure-metric]').selectOption('stakeholder_share');
    await expect.poll(() => rows.count()).toBe(PUBLISHED.filter((p) => p[1] === 'stakeholder_share').length);
    await page.locator('[data-figure-source]').selectOption('intgovforum.org');
    expect(await rows.count()).toBe(2);
    expect(new URL(page.url()).searchParams.get('publisher')).toBe('intgovforum.org');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('without JavaScript the filter form submits, keeping the page’s other parameters', async () => {
    const context = await suite.browser.newContext({ javaScriptEnabled: false });
    const { page } = await openPage(suite, '/published?from=2019', { context });
    await page.locator('[data-figure-metric]').selectOption('participants_total');
    await Promise.all([page.waitForURL(/metric=participants_total/), page.locator('form.figure-filters button[type="submit"]').click()]);
    expect(new URL(page.url()).searchParams.get('from')).toBe('2019');
    expect(await page.locator('.figures tbody tr').count()).toBe(PUBLISHED.filter((p) => p[1] === 'participants_total').length);
    await context.close();
  });

  it('shows each figure as a card at 375 px, with no sideways scroll and no scroll box', async () => {
    const { page, errors } = await openPage(suite, '/published', { width: 375 });
    expect(await horizontalOverflow(page)).toBe(0);
    const first = page.locator('.figures tbody tr').first();
    expect(await first.evaluate((e) => getComputedStyle(e).display)).toBe('block');
    // every cell says which column it is
    expect(await first.locator('td').first().evaluate((e) => getComputedStyle(e, '::before').content)).toContain('Figure');
    const wrap = page.locator('.figures-wrap');
    expect(await wrap.evaluate((e) => e.scrollHeight - e.clientHeight)).toBeLessThanOrEqual(1);
    expect(await wrap.evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('downloads the data table under the chart as shown (wide)', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const { page, errors } = await openPage(suite, '/published', { context });
    const frame = page.locator('[data-chart="published-participants"]');
    await frame.locator('summary', { hasText: 'Data table' }).click();
    const shown = await frame.locator('table').evaluate((t) =>
      [...t.querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim()))
    );
    expect(shown.length).toBeGreaterThan(1);
    const [download] = await Promise.all([page.waitForEvent('download'), frame.locator('[data-table-download]').click()]);
    expect(download.suggestedFilename()).toMatch(/^igf-published-participants-.*table.*\.csv$/);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(parseCsv(text.slice(1))).toEqual(shown);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('/data', () => {
  it('a Copy button puts its snippet on the clipboard and says Copied', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 375, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.server.url });
    const { page, errors } = await openPage(suite, '/data', { context });
    const section = page.locator('[data-export="speakers"]');
    await section.locator('summary', { hasText: 'Read it with' }).click();
    const block = section.locator('[data-snippet]').first();
    const button = block.locator('[data-copy]');
    expect(await button.getAttribute('aria-label')).toContain('Copy the Python');
    await button.click();
    await expect.poll(() => button.innerText()).toContain('Copied');
    const code = await block.locator('pre').innerText();
    expect(code).toContain(`${suite.server.url}/api/v1/export/speakers.arrow`);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
    expect(await block.locator('[role="status"]').innerText()).toBe('Copied');
    // nothing cut off on a phone: the code wraps inside its block
    expect(await block.locator('pre').evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(1);
    expect(await horizontalOverflow(page)).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lists the codes of every category and explains the member-state benchmark', async () => {
    const { page } = await openPage(suite, '/data');
    for (const id of ['stakeholder_group', 'regional_group', 'definition', 'gender', 'participation_mode']) {
      expect(await page.locator(`[data-code-list="${id}"] tbody tr`).count()).toBeGreaterThan(1);
    }
    expect(await page.locator('[data-code-list="stakeholder_group"]').innerText()).toContain('intergovernmental_organization');
    const benchmark = await page.locator('[data-benchmark]').innerText();
    expect(benchmark).toContain('192');
    expect(benchmark).toContain('United States');
    expect(benchmark).toContain('Türkiye');
    expect(benchmark).toContain('Kiribati');
    await page.close();
  });
});
