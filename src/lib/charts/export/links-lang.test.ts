import { describe, expect, it } from 'vitest';
import { DATA_FORMATS, metricUrl } from './links.ts';

describe('data links in the page language', () => {
  it('ask for labels and README in the language of a page not in English', () => {
    expect(metricUrl('gender', 'zip', { from: '2019' }, 'fr')).toBe('/api/v1/metrics/gender.zip?from=2019&lang=fr');
    expect(metricUrl('gender', 'metadata.json', {}, 'ar')).toBe('/api/v1/metrics/gender.metadata.json?lang=ar');
    expect(metricUrl('gender', 'arrow', {}, 'zh')).toBe('/api/v1/metrics/gender.arrow?lang=zh');
  });

  it('leave English links, and CSV and JSON (no human text), as they were', () => {
    expect(metricUrl('gender', 'zip', { from: '2019' }, 'en')).toBe('/api/v1/metrics/gender.zip?from=2019');
    expect(metricUrl('gender', 'csv', { from: '2019' }, 'fr')).toBe('/api/v1/metrics/gender.csv?from=2019');
    expect(metricUrl('gender', 'json', {}, 'ru')).toBe('/api/v1/metrics/gender.json');
    expect(metricUrl('gender', 'zip', {})).toBe('/api/v1/metrics/gender.zip');
  });

  it('follow the worded flag of the format list, for every format the menu offers', () => {
    for (const f of DATA_FORMATS) {
      expect(metricUrl('gender', f.ext, {}, 'es').endsWith('?lang=es'), f.ext).toBe(f.worded);
      expect(metricUrl('gender', f.ext, {}, 'en'), f.ext).toBe(`/api/v1/metrics/gender.${f.ext}`);
    }
  });
});
