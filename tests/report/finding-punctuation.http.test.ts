/**
 * A finding's sentence and its figure reference are punctuated as the page's language writes them
 * (the catalog's report.finding.figure): "… (Figure 1)." in English, "…（图1）。" in Chinese, with the
 * figure's link inside the brackets; a figure's caption label is "Figure 1." in English and "图1"
 * in Chinese.
 */
import { describe, expect, it } from 'vitest';
import { serveFixture } from '../metrics/fixture-server.ts';
import { renderedPage } from '../i18n/rendered-page.ts';

const served = serveFixture();

/** The findings that refer to a figure: their text, and the text of their link. */
async function findingsWithFigure(path: string): Promise<{ text: string; link: string }[]> {
  const doc = await renderedPage(served.url, path);
  return [...doc.querySelectorAll('.findings li')]
    .filter((li) => li.querySelector('a[href^="#figure-"]'))
    .map((li) => ({ text: li.textContent!.trim(), link: li.querySelector('a')!.textContent!.trim() }));
}

describe('findings and captions on the report page', () => {
  it('in English: "(Figure n)." after the sentence, and "Figure n." before a caption', async () => {
    const findings = await findingsWithFigure('/report?source=demo');
    expect(findings.length).toBeGreaterThan(3);
    for (const f of findings) {
      expect(f.link).toMatch(/^Figure \d+$/);
      expect(f.text.endsWith(` (${f.link}).`), f.text).toBe(true);
    }
    const doc = await renderedPage(served.url, '/report?source=demo');
    expect(doc.querySelector('figcaption strong')?.textContent).toBe('Figure 1.');
  });

  it('in Chinese: full-width brackets and stop, "（图n）。", and no stop after a caption’s label', async () => {
    const findings = await findingsWithFigure('/zh/report?source=demo');
    expect(findings.length).toBeGreaterThan(3);
    for (const f of findings) {
      expect(f.link).toMatch(/^图\d+$/);
      expect(f.text.endsWith(`（${f.link}）。`), f.text).toBe(true);
      expect(f.text).not.toMatch(/ \(|\)\.$/);
    }
    const doc = await renderedPage(served.url, '/zh/report?source=demo');
    expect(doc.querySelector('figcaption strong')?.textContent).toBe('图1');
  });
});
