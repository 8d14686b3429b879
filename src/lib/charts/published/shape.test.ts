import { describe, expect, it } from 'vitest';
import { basesShown, figureChoices, filterFigures, publishedCounts, readFigureFilter, safeUrl, sourceHost, writeFigureFilter } from './shape.ts';
import type { Row } from '../common.ts';

const rows: Row[] = [
  { year: 2006, metric: 'participants_onsite', category: 'all', unit: 'count', published_value: 1350, source_title: 'Athens stats', source_url: 'https://www.example.org/a', quote: '1350 participants' },
  { year: 2006, metric: 'registrations', category: 'all', unit: 'count', published_value: 1400, source_title: null, source_url: 'https://paftech.se/n', quote: '1400 delegates registered' },
  { year: 2010, metric: 'badges_distributed', category: 'all', unit: 'count', published_value: 1461, source_title: 'Vilnius', source_url: 'http://igf.example/v', quote: '1461 badges' },
  { year: 2014, metric: 'participants_total', category: 'all', unit: 'count_lower_bound', published_value: 3500, source_title: 'Istanbul', source_url: 'https://un.org/i', quote: 'over 3,500' },
  { year: 2019, metric: 'participants_total', category: 'all', unit: 'count', published_value: null, source_title: null, source_url: 'https://example.org/x', quote: 'q' },
  { year: 2021, metric: 'gender_share', category: 'female', unit: 'percent', published_value: 40, source_title: null, source_url: 'https://un.org/g', quote: 'women 40%' },
  { year: 2006, metric: 'media_participants', category: 'media', unit: 'count', published_value: 152, source_title: null, source_url: 'javascript:alert(1)', quote: '152 media' }
];

describe('publishedCounts', () => {
  it('keeps every published head count with its basis, onsite figures before 2014 included', () => {
    expect(publishedCounts(rows).map((p) => [p.year, p.basis, p.value, p.unit])).toEqual([
      [2006, 'onsite', 1350, 'count'],
      [2006, 'registered', 1400, 'count'],
      [2010, 'badges', 1461, 'count'],
      [2014, 'total', 3500, 'count_lower_bound']
    ]);
    expect(basesShown(publishedCounts(rows)).map((b) => b.basis)).toEqual(['total', 'onsite', 'registered', 'badges']);
  });

  it('links only http(s) sources', () => {
    expect(safeUrl('HTTPS://un.org/x')).toBe('HTTPS://un.org/x');
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl(null)).toBeNull();
  });
});

describe('the table of every figure', () => {
  const none = { q: '', metric: '', year: '', source: '' };
  it('filters by year, metric and source host, and by every word of the search', () => {
    expect(filterFigures(rows, { ...none, year: '2006' })).toHaveLength(3);
    expect(filterFigures(rows, { ...none, metric: 'participants_total' })).toHaveLength(2);
    expect(filterFigures(rows, { ...none, source: 'example.org' }).map((r) => r.year)).toEqual([2006, 2019]);
    expect(filterFigures(rows, { ...none, q: 'Delegates 2006' }).map((r) => r.metric)).toEqual(['registrations']);
    expect(filterFigures(rows, { ...none, q: 'participants onsite' }).map((r) => r.published_value)).toEqual([1350]);
    expect(filterFigures(rows, { ...none, year: '2006', source: 'un.org' })).toEqual([]);
  });

  it('finds a figure by its name as the page shows it, in the reader’s language', () => {
    const french: Record<string, string> = { participants_onsite: 'Participants sur place', badges_distributed: 'Badges distribués' };
    const name = (r: Row) => french[String(r.metric)] ?? '';
    expect(filterFigures(rows, { ...none, q: 'sur place' }, name).map((r) => r.published_value)).toEqual([1350]);
    expect(filterFigures(rows, { ...none, q: 'sur place' })).toEqual([]);
  });

  it('lists the metrics by their names as the page shows them', () => {
    const names: Record<string, string> = { participants_onsite: 'c', registrations: 'a', badges_distributed: 'd', participants_total: 'b', gender_share: 'e', media_participants: 'f' };
    expect(figureChoices(rows, (m) => names[m]).metrics).toEqual(['registrations', 'participants_total', 'participants_onsite', 'badges_distributed', 'gender_share', 'media_participants']);
    expect(figureChoices(rows).metrics).toEqual(['badges_distributed', 'gender_share', 'media_participants', 'participants_onsite', 'participants_total', 'registrations']);
  });

  it('lists the choices: source hosts without www, never a javascript: link', () => {
    expect(sourceHost('https://www.Example.org/a')).toBe('example.org');
    expect(figureChoices(rows).sources).toEqual(['example.org', 'igf.example', 'paftech.se', 'un.org']);
    expect(figureChoices(rows).years).toEqual(['2006', '2010', '2014', '2019', '2021']);
  });

  it('reads and writes its URL parameters, keeping the others', () => {
    const f = readFigureFilter(new URLSearchParams('q=onsite&figure_year=2010&from=2008'));
    expect(f).toEqual({ q: 'onsite', metric: '', year: '2010', source: '' });
    expect(writeFigureFilter(new URLSearchParams('from=2008&metric=x'), { ...f, source: 'un.org' }).toString()).toBe(
      'from=2008&q=onsite&figure_year=2010&publisher=un.org'
    );
  });
});
