import { describe, expect, it } from 'vitest';
import { publishedPoints, safeUrl } from './shape.ts';
import type { Row } from '../common.ts';

describe('publishedPoints', () => {
  const rows: Row[] = [
    { year: 2019, metric: 'participants_total', unit: 'count', published_value: 45, source_title: 'IGF 2019 report', source_url: 'https://example.org/r', quote: 'over 45 participants' },
    { year: 2021, metric: 'participants_total', unit: 'count', published_value: null, source_title: null, source_url: 'https://example.org/x', quote: 'q' },
    { year: 2021, metric: 'gender_share', unit: 'percent', published_value: 40, source_title: null, source_url: 'https://example.org/g', quote: 'q' },
    { year: 2022, metric: 'participants_total', unit: 'count', published_value: 9, source_title: null, source_url: 'javascript:alert(1)', quote: null }
  ];

  it('keeps the figures of one metric with their source and quote', () => {
    expect(publishedPoints(rows, 'participants_total')).toEqual([
      { year: 2019, value: 45, unit: 'count', source: 'IGF 2019 report', url: 'https://example.org/r', quote: 'over 45 participants' },
      { year: 2022, value: 9, unit: 'count', source: 'javascript:alert(1)', url: null, quote: '' }
    ]);
  });

  it('links only http(s) sources', () => {
    expect(safeUrl('HTTPS://un.org/x')).toBe('HTTPS://un.org/x');
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl(null)).toBeNull();
  });
});
