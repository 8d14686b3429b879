/**
 * Text a reader of a non-English page saw in English, found by a sweep of the Arabic, Chinese and
 * Russian pages (2026-12-02), as the server renders it: the report's methodology (the API's English
 * definitions), the Data page's code lists ("Unknown", "Undisclosed"), the record-level charts'
 * source lines (the metric's bare code), and the published figures' names and units, shown as their
 * codes ("region share: african group (percent)").
 */
import { describe, expect, it } from 'vitest';
import { serveFixture } from '../metrics/fixture-server.ts';
import { renderedPage } from './rendered-page.ts';
import { en } from '../../src/lib/i18n/en.ts';
import { fr } from '../../src/lib/i18n/catalogs/fr.ts';
import { ru } from '../../src/lib/i18n/catalogs/ru.ts';

const served = serveFixture();

const documentOf = (path: string) => renderedPage(served.url, path);

const texts = (doc: Document, selector: string) => [...doc.querySelectorAll(selector)].map((e) => e.textContent!.trim());

describe('the report’s methodology is in the page’s language', () => {
  it('French: each metric and definition in the words of the French Methodology page', async () => {
    const doc = await documentOf('/fr/report?source=demo');
    const terms = texts(doc, '#methodology dt');
    const definitions = texts(doc, '#methodology dd');
    expect(terms).toContain(`${fr['metric.gender.title']} (gender)`);
    expect(definitions).toContain(fr['metric.gender.definition']);
    expect(definitions).toContain(fr['definition.g77.text']);
    // nothing of the English catalog's definitions is left
    for (const d of definitions) expect(Object.values(en)).not.toContain(d);
  });

  it('English: the same entries from the English catalog, each metric once', async () => {
    const doc = await documentOf('/report?source=demo');
    const terms = texts(doc, '#methodology dt');
    expect(terms.filter((term) => term === `${en['metric.gender.title']} (gender)`)).toHaveLength(1);
    expect(texts(doc, '#methodology dd')).toContain(en['definition.wb_non_high_income.text']);
  });
});

describe('the Data page names unknown and undisclosed in the page’s language', () => {
  it.each([
    ['/ar/data', 'غير معروف', 'غير مفصح عنه'],
    ['/ru/data', 'Неизвестно', 'Не указано'],
    ['/data', 'Unknown', 'Undisclosed']
  ])('%s', async (path, unknown, undisclosed) => {
    const labels = texts(await documentOf(path), '.code-lists tbody th');
    expect(labels).toContain(unknown);
    expect(labels).toContain(undisclosed);
    if (path !== '/data') expect(labels.filter((l) => /^(Unknown|Undisclosed)$/.test(l))).toEqual([]);
  });
});

describe('a record-level chart’s source line names its metric in the page’s language, with its code', () => {
  it('Russian', async () => {
    const sources = texts(await documentOf('/ru/stakeholders?source=demo'), 'figure.chart p.source');
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.some((s) => s.includes(`метрика «${ru['metric.stakeholders.title']}» (stakeholders)`))).toBe(true);
  });

  it('English', async () => {
    const sources = texts(await documentOf('/gender?source=demo'), 'figure.chart p.source');
    expect(sources.some((s) => s.startsWith('Source: IGF participation database, metric “Gender” (gender).'))).toBe(true);
  });
});

describe('published figures are named, not given as codes', () => {
  it.each([
    ['/published', en],
    ['/fr/published', fr],
    ['/ru/published', ru]
  ])('%s: the figure column and the metric filter', async (path, messages) => {
    const doc = await documentOf(path);
    const names = texts(doc, 'table.figures tbody td:nth-of-type(1)');
    expect(names.length).toBeGreaterThan(0);
    const m = messages as Record<string, string>;
    const metricNames = Object.entries(m)
      .filter(([key]) => key.startsWith('published.metric.'))
      .map(([, name]) => name);
    // every figure is called by a metric name of the catalog, never by its code ("participants onsite")
    expect(names.filter((n) => !metricNames.some((name) => n.startsWith(name)))).toEqual([]);
    // the fixture's onsite head count, a lower bound: "Participants onsite (at least)" in the language
    expect(names).toContain(`${m['published.metric.participants_onsite']} (${m['published.unit.count_lower_bound']})`);
    const options = texts(doc, 'select[data-figure-metric] option').slice(1);
    expect(options.length).toBeGreaterThan(0);
    expect(options.filter((o) => !metricNames.includes(o))).toEqual([]);
  });
});
