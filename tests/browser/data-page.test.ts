/**
 * The data page in headless Chromium: every export listed with its row count, measured sizes that
 * match the files the links download, schema tables and code snippets with absolute URLs.
 */
import { describe, expect, it } from 'vitest';
import { browserSuite } from './harness.ts';
import { EXPORT_TABLES, TABLES } from '../../src/lib/server/exports/tables.ts';

const suite = browserSuite();

describe('/data', () => {
  it('lists every export with rows, sizes equal to the downloads, schema and snippets', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${suite.server.url}/data`, { waitUntil: 'networkidle' });
    expect(await page.locator('[data-export]').count()).toBe(EXPORT_TABLES.length);
    // Every source set of the metrics index, said to be real or synthetic.
    const index = (await (await fetch(`${suite.server.url}/api/v1/metrics`)).json()) as { source_sets: { sets: { name: string; synthetic: boolean }[] } };
    const sets = index.source_sets.sets;
    expect(sets.length).toBeGreaterThan(1);
    for (const set of sets) {
      expect(await page.locator(`[data-source-set="${set.name}"]`).innerText()).toContain(set.synthetic ? 'synthetic' : 'real');
    }
    const listing = (await (await fetch(`${suite.server.url}/api/v1/export`)).json()) as { exports: { name: string; rows: number }[] };
    for (const name of EXPORT_TABLES) {
      const section = page.locator(`[data-export="${name}"]`);
      const rows = listing.exports.find((e) => e.name === name)!.rows;
      expect(await section.locator('.facts').innerText()).toContain(`${rows.toLocaleString('en')} rows`);
      // Sizes are streamed in after the list; each equals the bytes of the file its link downloads.
      await section.locator('.size[data-size]:not([data-size=""])').first().waitFor();
      const links = section.locator('.files a[download]');
      expect(await links.count()).toBe(3);
      for (let i = 0; i < 3; i++) {
        const href = (await links.nth(i).getAttribute('href'))!;
        const size = Number(await section.locator('.size').nth(i).getAttribute('data-size'));
        const bytes = (await (await fetch(suite.server.url + href)).arrayBuffer()).byteLength;
        if (href.endsWith('.parquet')) expect(size).toBeGreaterThan(0); // Parquet files embed the generation time
        else expect(size).toBe(bytes);
      }
      await section.locator('summary', { hasText: 'Columns' }).click();
      expect(await section.locator('tbody tr').count()).toBe(TABLES[name].columns.length);
      await section.locator('summary', { hasText: 'Read it with' }).click();
      expect(await section.locator('pre').first().innerText()).toContain(`${suite.server.url}/api/v1/export/${name}.arrow`);
    }
    await page.close();
  });
});
