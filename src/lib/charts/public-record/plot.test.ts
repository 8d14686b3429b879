import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { publicRecordPlot } from './plot.ts';
import { REGIONAL_GROUPS_RECORD, WOMEN_RECORD } from './vocabularies.ts';
import type { PublishedShare } from './shape.ts';

const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');

const published = (year: number, category: string, share: number): PublishedShare => ({ year, category, share, estimated: false, source: 's', url: null, quote: '' });

/** The year labels under the chart, left to right. */
function yearLabels(years: number[], width: number, vocab = WOMEN_RECORD, points = [published(years[0], 'female', 0.4)]): string[] {
  const node = publicRecordPlot({
    width,
    vocab,
    published: points,
    stage: [],
    hostCategories: new Map(),
    years,
    labels: { published: 'published', stage: 'speakers', host: 'host' },
    tipPublished: () => '',
    tipStage: () => '',
    document: document as unknown as Document
  });
  return [...node.querySelectorAll('[aria-label="x-axis labels"] text')].map((t) => t.textContent ?? '');
}

describe('the public record chart’s year axis', () => {
  // A tick count over a few years put ticks at half years too, each written as its year: 2019 2019 2020 2020.
  it('labels whole meeting years only, each once, over a short span', () => {
    expect(yearLabels([2019, 2020, 2021], 640)).toEqual(['2019', '2020', '2021']);
    expect(yearLabels([2019, 2020, 2021], 343)).toEqual(['2019', '2020', '2021']);
    expect(yearLabels([2024, 2025], 343)).toEqual(['2024', '2025']);
    expect(yearLabels([2025], 343)).toEqual(['2025']);
  });

  it('keeps round years over a long span: every second year, every fifth on a phone', () => {
    const years = Array.from({ length: 20 }, (_, i) => 2006 + i);
    expect(yearLabels(years, 640)).toEqual(['2006', '2008', '2010', '2012', '2014', '2016', '2018', '2020', '2022', '2024']);
    expect(yearLabels(years, 343)).toEqual(['2010', '2015', '2020', '2025']);
    // with a row per regional group, the axis is still written once
    expect(yearLabels(years, 343, REGIONAL_GROUPS_RECORD, [published(2010, 'african', 0.2)])).toEqual(['2010', '2015', '2020', '2025']);
  });
});
