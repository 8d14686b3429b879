import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { publicRecordPlot, valueLabelPlace, valueLabelPlaces, type LabelScale } from './plot.ts';
import { REGIONAL_GROUPS_RECORD, WOMEN_RECORD } from './vocabularies.ts';
import type { PublishedShare, StageShare } from './shape.ts';

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

const speakers = (year: number, category: string, share: number): StageShare => ({ year, category, share, count: 1, denominator: 1, coverage: 1 });

describe('where a published value’s label goes', () => {
  // 100 px per whole share (0.01 is 1 px), 48 px per year (a 1280 px page over 2006–2025).
  const wide: LabelScale = { pxPerShare: 100, pxPerYear: 48, firstYear: 2006 };
  it('above its diamond when no speaker dot of its year and row is within 20 px above', () => {
    expect(valueLabelPlace(published(2022, 'african', 0.44), [], wide)).toBe('above');
    // the dot is below the diamond (African 2022: 44 % published, 34 % of speakers)
    expect(valueLabelPlace(published(2022, 'african', 0.44), [speakers(2022, 'african', 0.34)], wide)).toBe('above');
    // 40 px above: clear of the label
    expect(valueLabelPlace(published(2022, 'african', 0.1), [speakers(2022, 'african', 0.5)], wide)).toBe('above');
    // a dot of another year or another row is not in the way
    expect(valueLabelPlace(published(2022, 'african', 0.1), [speakers(2023, 'african', 0.2), speakers(2022, 'weog', 0.2)], wide)).toBe('above');
  });

  it('below it when a dot is there and the row has 20 px under the diamond (civil society 2025: 34 % and 45 %)', () => {
    expect(valueLabelPlace(published(2025, 'civil_society', 0.34), [speakers(2025, 'civil_society', 0.45)], wide)).toBe('below');
  });

  it('to its left when a dot is there and the diamond is near zero (African 2023: 8 % and 22 %)', () => {
    // 14 px above, 8 px over the zero line
    expect(valueLabelPlace(published(2023, 'african', 0.08), [speakers(2023, 'african', 0.22)], wide)).toBe('left');
  });

  it('nowhere when the years are too narrow for it beside the diamond (the report’s 640 px: 22.5 px a year), or it is the first year', () => {
    const report: LabelScale = { pxPerShare: 100, pxPerYear: 22.5, firstYear: 2006 };
    expect(valueLabelPlace(published(2023, 'african', 0.08), [speakers(2023, 'african', 0.22)], report)).toBe('none');
    expect(valueLabelPlace(published(2006, 'african', 0.08), [speakers(2006, 'african', 0.22)], wide)).toBe('none');
    // above and below need no width
    expect(valueLabelPlace(published(2022, 'african', 0.44), [speakers(2022, 'african', 0.34)], report)).toBe('above');
  });

  it('draws each label where it goes: the near-zero one left of its diamond, anchored at its end', () => {
    const node = publicRecordPlot({
      width: 1000,
      vocab: REGIONAL_GROUPS_RECORD,
      published: [published(2023, 'african', 0.08), published(2022, 'african', 0.44)],
      stage: [speakers(2023, 'african', 0.22), speakers(2022, 'african', 0.34)],
      hostCategories: new Map(),
      years: [2022, 2023],
      labels: { published: 'published', stage: 'speakers', host: 'host' },
      tipPublished: () => '',
      tipStage: () => '',
      document: document as unknown as Document
    });
    const texts = (place: string) => [...node.querySelectorAll(`g.value-label-${place} text`)].map((t) => t.textContent);
    expect(texts('left')).toEqual(['8%']);
    expect(texts('above')).toEqual(['44%']);
    expect(texts('below')).toEqual([]);
    expect(node.querySelector('g.value-label-left')?.getAttribute('text-anchor')).toBe('end');
  });
});

describe('labels of neighbouring years', () => {
  // The report's 640 px chart: 22.5 px a year, 100 px per whole share.
  const report: LabelScale = { pxPerShare: 100, pxPerYear: 22.5, firstYear: 2006 };
  const placesOf = (...ps: ReturnType<typeof published>[]) => [...valueLabelPlaces(ps, [], report).values()];

  it('the later of two close labels a year apart goes below its diamond (women 2022: 43 %, 2023: 38 %)', () => {
    // 22.5 px apart, 30 px wide each: they overlap across unless 13 px apart in height (5 px here).
    expect(placesOf(published(2022, 'women', 0.43), published(2023, 'women', 0.38))).toEqual(['above', 'below']);
  });

  it('both above when they clear each other: two years apart, far apart in height, or in different rows', () => {
    expect(placesOf(published(2020, 'women', 0.47), published(2022, 'women', 0.43))).toEqual(['above', 'above']);
    expect(placesOf(published(2022, 'women', 0.43), published(2023, 'women', 0.2))).toEqual(['above', 'above']);
    expect(placesOf(published(2022, 'women', 0.43), published(2023, 'men', 0.43))).toEqual(['above', 'above']);
  });

  it('none when no allowed place clears the label before (too near zero for below)', () => {
    expect(placesOf(published(2022, 'women', 0.12), published(2023, 'women', 0.1))).toEqual(['above', 'none']);
  });
});
