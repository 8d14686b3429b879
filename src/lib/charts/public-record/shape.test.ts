import { describe, expect, it } from 'vitest';
import { publishedShares, recordTable, stageShares } from './shape.ts';
import { stageSourceLine } from './stage-source.ts';
import type { Row } from '../common.ts';
import { REGIONAL_GROUPS_RECORD as REGIONS, STAKEHOLDER_GROUPS_RECORD as STAKEHOLDERS } from './vocabularies.ts';
import { publishedRegionalGroup } from '$lib/domain/regional-groups.ts';
import { publishedStakeholderGroup } from '$lib/domain/stakeholder-groups.ts';

const published = [
  // As in data/published: 2022 African Group quoted twice, a continent label before 2011, an IGO share.
  { year: 2022, metric: 'region_share', category: 'african_group', unit: 'percent', published_value: 44, source_title: 'IGF 2022 report', source_url: 'https://example.org/2022', quote: 'African Group 44%' },
  { year: 2022, metric: 'region_share', category: 'african_group', unit: 'percent', published_value: 44, source_title: 'IGF 2022 report', source_url: 'https://example.org/2022', quote: 'African Group 44%' },
  { year: 2022, metric: 'region_share', category: 'weog', unit: 'percent', published_value: 21, source_title: 'IGF 2022 report', source_url: 'https://example.org/2022', quote: 'WEOG 21%' },
  { year: 2022, metric: 'region_share', category: 'intergovernmental_organisation', unit: 'percent', published_value: 8, source_title: 'x', source_url: 'https://example.org', quote: 'IGO 8%' },
  { year: 2008, metric: 'region_share', category: 'africa', unit: 'percent', published_value: 5, source_title: 'x', source_url: 'https://example.org', quote: 'Africa | 5%' },
  { year: 2011, metric: 'region_share_estimated', category: 'grulac', unit: 'percent', published_value: 4, source_title: 'UN press release', source_url: 'javascript:alert(1)', quote: 'GRULAC 4 per cent' },
  { year: 2022, metric: 'participants_total', category: 'all', unit: 'count', published_value: 5120, source_title: 'x', source_url: 'https://example.org', quote: '5120' }
];

const regions: Row[] = [
  // 84 of 105 listed speakers with a known group: coverage 0.8.
  { year: 2022, dimension: 'un_regional_group', category: 'african', count: 21, denominator: 84, share: 0.25, coverage: 0.8, suppressed: false },
  { year: 2022, dimension: 'un_regional_group', category: 'weog', count: 42, denominator: 84, share: 0.5, coverage: 0.8, suppressed: false },
  { year: 2022, dimension: 'un_regional_group', category: 'unknown', count: 9, denominator: 84, share: null, suppressed: false },
  { year: 2022, dimension: 'un_regional_group', category: 'grulac', count: null, denominator: 84, share: null, suppressed: true },
  { year: 2022, dimension: 'm49_region', category: 'africa', count: 21, denominator: 84, share: 0.25, suppressed: false }
];

describe('the public record on regional groups', () => {
  it('maps the published UN-group categories and no continent', () => {
    expect(publishedRegionalGroup('african_group')).toBe('african');
    expect(publishedRegionalGroup('eastern_european_group')).toBe('eastern_european');
    expect(publishedRegionalGroup('africa')).toBeNull();
    expect(publishedRegionalGroup('intergovernmental_organisation')).toBeNull();
  });

  it('takes published group shares once each, as fractions, with their source and a safe link', () => {
    expect(publishedShares(published, REGIONS)).toEqual([
      { year: 2011, category: 'grulac', share: 0.04, estimated: true, source: 'UN press release', url: null, quote: 'GRULAC 4 per cent' },
      { year: 2022, category: 'african', share: 0.44, estimated: false, source: 'IGF 2022 report', url: 'https://example.org/2022', quote: 'African Group 44%' },
      { year: 2022, category: 'weog', share: 0.21, estimated: false, source: 'IGF 2022 report', url: 'https://example.org/2022', quote: 'WEOG 21%' }
    ]);
  });

  it('takes the speakers’ group shares with their counts, leaving out unknown and hidden cells', () => {
    expect(stageShares(regions, REGIONS)).toEqual([
      { year: 2022, category: 'african', share: 0.25, count: 21, denominator: 84, coverage: 0.8 },
      { year: 2022, category: 'weog', share: 0.5, count: 42, denominator: 84, coverage: 0.8 }
    ]);
  });

  it('lines both up per year and group and marks the host group', () => {
    const rows = recordTable(publishedShares(published, REGIONS), stageShares(regions, REGIONS), REGIONS, new Map([[2022, 'african'], [2011, 'african']]));
    expect(rows.map((r) => [r.year, r.category, r.published?.share ?? null, r.stage?.share ?? null, r.host])).toEqual([
      [2011, 'grulac', 0.04, null, false],
      [2022, 'african', 0.44, 0.25, true],
      [2022, 'weog', 0.21, 0.5, false]
    ]);
  });

  it('reads published stakeholder shares, leaving out the combined technical-and-academic figure', () => {
    expect(publishedStakeholderGroup('intergovernmental_organisation')).toBe('intergovernmental_organization');
    expect(publishedStakeholderGroup('technical_and_academic')).toBeNull();
    const rows = [
      { year: 2010, metric: 'stakeholder_share', category: 'technical_and_academic', unit: 'percent', published_value: 22, source_title: 's', source_url: 'https://example.org', quote: 'q' },
      { year: 2025, metric: 'stakeholder_share', category: 'intergovernmental_organisation', unit: 'percent', published_value: 6, source_title: 's', source_url: 'https://example.org', quote: '6%' },
      { year: 2025, metric: 'stakeholder_share', category: 'government', unit: 'percent', published_value: 35, source_title: 's', source_url: 'https://example.org', quote: '35%' },
      { year: 2025, metric: 'region_share', category: 'weog', unit: 'percent', published_value: 63, source_title: 's', source_url: 'https://example.org', quote: '63%' }
    ];
    expect(publishedShares(rows, STAKEHOLDERS).map((p) => [p.year, p.category, p.share])).toEqual([
      [2025, 'government', 0.35],
      [2025, 'intergovernmental_organization', 0.06]
    ]);
  });
});

describe('stageSourceLine', () => {
  it('counts the sessions of the years in view only', () => {
    const totals = [
      { year: 2016, sessions: 3, speakers: 10 },
      { year: 2017, sessions: 20, speakers: 90 },
      { year: 2018, sessions: 15, speakers: 70 }
    ];
    const line = stageSourceLine(totals, [2017, 2018, 2019]);
    expect(line).toContain('35 public IGF session pages, 2017–2018');
  });
  it('says there are none when no year in view has session pages', () => {
    expect(stageSourceLine([{ year: 2016, sessions: 3, speakers: 10 }], [2006])).toContain('0 public IGF session pages, — (');
  });
  it('names a single year once', () => {
    expect(stageSourceLine([{ year: 2025, sessions: 14, speakers: 99 }], [2025])).toContain('14 public IGF session pages, 2025 (');
  });
});
