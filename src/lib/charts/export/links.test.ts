import { describe, expect, it } from 'vitest';
import {
  chartFilename,
  chartLink,
  downloadList,
  embedSnippet,
  embedUrl,
  imageFilename,
  isSynthetic,
  metricUrl,
  type ChartDownload
} from './links.ts';
import { EMBEDDABLE_CHARTS, embedQuery, isEmbeddable } from './embeds.ts';

const female: ChartDownload = {
  metric: 'gender',
  query: { population: 'attendees', mode: 'all', from: '2006', to: '2025', dimension: 'gender', category: 'female' },
  filename: 'igf-gender-female-2006-2025',
  synthetic: false
};

describe('metric API links', () => {
  it('put the format in the path and every query parameter in the query string', () => {
    expect(metricUrl('gender', 'csv', female.query)).toBe(
      '/api/v1/metrics/gender.csv?population=attendees&mode=all&from=2006&to=2025&dimension=gender&category=female'
    );
    expect(metricUrl('gender', 'metadata.json', {})).toBe('/api/v1/metrics/gender.metadata.json');
    expect(metricUrl('global-south', 'zip', { definition: 'all' })).toBe('/api/v1/metrics/global-south.zip?definition=all');
  });

  it('encode values that are not URL-safe', () => {
    expect(metricUrl('sessions', 'arrow', { session_type: 'open forum & more' })).toBe(
      '/api/v1/metrics/sessions.arrow?session_type=open+forum+%26+more'
    );
  });
});

describe('file names', () => {
  it('name the chart, the part and the year span; one year once', () => {
    expect(chartFilename('gender-female', [2006, 2010, 2025])).toBe('igf-gender-female-2006-2025');
    expect(chartFilename('gender-compare', [2025, 2006], 'speakers')).toBe('igf-gender-compare-speakers-2006-2025');
    expect(chartFilename('sessions', [2025])).toBe('igf-sessions-2025');
    expect(chartFilename('sessions', [])).toBe('igf-sessions');
  });

  it('never let a label put a path separator or space into a name', () => {
    expect(chartFilename('x', [2020], '../a b')).toBe('igf-x-.._a_b-2020');
  });

  it('name the image by the chart and the years of all its parts', () => {
    const speakers = { ...female, query: { ...female.query, from: '2010', to: '2024' } };
    expect(imageFilename('gender-compare', [female, speakers])).toBe('igf-gender-compare-2006-2025');
    expect(imageFilename('sessions', undefined)).toBe('igf-sessions');
  });
});

describe('parts and the synthetic flag', () => {
  it('treat one download and a list alike', () => {
    expect(downloadList(female)).toEqual([female]);
    expect(downloadList([female, female])).toHaveLength(2);
    expect(downloadList(undefined)).toEqual([]);
  });

  it('are synthetic when any part is, and fall back to the page when the parts do not say', () => {
    expect(isSynthetic([female, { ...female, synthetic: true }], false)).toBe(true);
    expect(isSynthetic(female, true)).toBe(false);
    expect(isSynthetic({ ...female, synthetic: undefined }, true)).toBe(true);
    expect(isSynthetic(undefined, false)).toBe(false);
  });
});

describe('sharing', () => {
  it('keeps the view state of the URL and points at the chart', () => {
    expect(chartLink('http://x.org/gender?population=speakers&target=40#old', 'gender-female')).toBe(
      'http://x.org/gender?population=speakers&target=40#gender-female'
    );
  });

  it('embeds with the same query string, in an iframe as wide as its container', () => {
    const src = embedUrl('https://igf.example', 'gender-female', '?population=speakers&from=2010');
    expect(src).toBe('https://igf.example/embed/gender-female?population=speakers&from=2010');
    const html = embedSnippet(src, 'Women "on stage" & in the room', 512.4);
    // & in an attribute is written &amp; (valid HTML; the browser reads it back as &).
    expect(html).toContain(`src="${src.replace(/&/g, '&amp;')}"`);
    expect(html).toContain('title="Women &quot;on stage&quot; &amp; in the room"');
    expect(html).toContain('width="100%"');
    expect(html).toContain('height="512"');
    // The iframe, then the one-line listener that fits it to the chart's reported height.
    expect(html).toMatch(/^<iframe data-igf-embed [^>]*><\/iframe><script>.*<\/script>$/);
    expect(html).toContain('e.source');
  });

  it('knows which page each embeddable chart comes from', () => {
    expect(EMBEDDABLE_CHARTS['gender-female'].page).toBe('/gender');
    expect(EMBEDDABLE_CHARTS['sessions'].page).toBe('/sessions');
    expect(isEmbeddable('toString')).toBe(false);
    expect(isEmbeddable('nope')).toBe(false);
  });
});

describe('embedQuery', () => {
  it('keeps the query of a chart drawn in the view it opens', () => {
    expect(embedQuery('sessions', new URLSearchParams('year=2024'), 'demo').toString()).toBe('year=2024');
    expect(embedQuery('gender-female', new URLSearchParams('source=mine&from=2010'), 'demo').toString()).toBe('source=mine&from=2010');
  });
  it('opens a record-level chart asked for without a source set on the default records', () => {
    expect(embedQuery('gender-female', new URLSearchParams('from=2010'), 'demo').toString()).toBe('from=2010&source=demo');
  });
  it('opens a public-record chart asked for with a source set on the public record', () => {
    expect(embedQuery('regions-record', new URLSearchParams('source=demo&to=2020'), 'demo').toString()).toBe('to=2020');
  });
});
