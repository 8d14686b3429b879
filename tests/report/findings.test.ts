/**
 * The report's sentences, with values computed by hand: every number in a sentence is the figure's,
 * a missing year is named, a suppressed value is said to be suppressed and never replaced.
 */
import { describe, expect, it } from 'vitest';
import {
  compareShares,
  groupAgainstMemberStates,
  hostEffect,
  latestCount,
  latestPublished,
  latestShare,
  mostOverRepresented,
  publishedRange,
  sessionPageTotals,
  shortSource,
  speakersAgainstParticipants,
  yearList,
  type ShareCell
} from '$lib/report/findings.ts';

const cell = (year: number, category: string, count: number | null, denominator: number | null, total: number | null, extra: Partial<ShareCell> = {}): ShareCell => ({
  year,
  category,
  count,
  denominator,
  total,
  share: count !== null && denominator ? count / denominator : null,
  suppressed: false,
  ...extra
});

const labels = (c: string) => ({ african: 'African Group', weog: 'WEOG', grulac: 'GRULAC', asia_pacific: 'Asia-Pacific Group' })[c] ?? c;
const speakers = 'listed speakers';

describe('years in sentences', () => {
  it('joins consecutive years into ranges', () => {
    expect(yearList([2024, 2016, 2017, 2018, 2020])).toBe('2016–2018, 2020 and 2024');
    expect(yearList([2025])).toBe('2025');
    expect(yearList([])).toBe('');
  });
});

describe('a regional group against its share of UN member states', () => {
  // 2025: 15 of 95 speakers with a known group (107 listed) are African: 15/95 = 15.8 % -> 16 %;
  // 54 of 192 member states = 28.125 % -> 28 %.
  const cells = [cell(2024, 'african', 10, 100, 100, { memberStateShare: 54 / 192 }), cell(2025, 'african', 15, 95, 107, { memberStateShare: 54 / 192 })];

  it('states the latest year with its count, denominator and the member-state share', () => {
    expect(groupAgainstMemberStates(cells, { category: 'african', label: 'African Group', population: speakers, years: [2024, 2025], figure: 6, k: 5 })).toEqual({
      text: 'In 2025 the African Group made up 16% of listed speakers whose regional group is known (15 of 95), against 28% of UN member states',
      figure: 6
    });
  });

  it('names the years of the range that have no figure instead of filling them in', () => {
    const f = groupAgainstMemberStates(cells, { category: 'african', label: 'African Group', population: speakers, years: [2024, 2025, 2026, 2027], figure: 6, k: 5 });
    expect(f.text).toBe(
      'In 2025 the African Group made up 16% of listed speakers whose regional group is known (15 of 95), against 28% of UN member states; there is no figure for 2026 and 2027'
    );
  });

  it('says a suppressed share is suppressed and does not fall back to an earlier year', () => {
    const suppressed = [...cells.slice(0, 1), cell(2025, 'african', null, 4000, 4000, { suppressed: true, share: null })];
    expect(groupAgainstMemberStates(suppressed, { category: 'african', label: 'African Group', population: 'attendees', years: [2024, 2025], figure: 5, k: 5 }).text).toBe(
      'In 2025 the African Group’s share of attendees is suppressed (fewer than 5 records), so no figure is given'
    );
  });

  it('says when the range has no figure at all', () => {
    expect(groupAgainstMemberStates(cells, { category: 'african', label: 'African Group', population: speakers, years: [2016, 2017], figure: 6, k: 5 }).text).toBe(
      'There is no figure for the African Group’s share of listed speakers in 2016–2017'
    );
  });

  it('finds the group furthest above its member-state share: WEOG 38/95 = 40 % against 29/192 = 15.1 %, ratio 2.65', () => {
    const groups = [cell(2025, 'weog', 38, 95, 107, { memberStateShare: 29 / 192 }), cell(2025, 'african', 15, 95, 107, { memberStateShare: 54 / 192 })];
    expect(mostOverRepresented(groups, { labels, population: speakers, years: [2025], figure: 6 })?.text).toBe(
      'In 2025 WEOG had the largest weight against its place among UN member states: 40% of listed speakers, 2.65 times its 15% of member states'
    );
    expect(mostOverRepresented([], { labels, population: speakers, years: [2025], figure: 6 })).toBeNull();
  });
});

describe('the latest share of a trend', () => {
  // 2025: 50 of 95 known = 52.6 % -> 53 %; 95 of 107 known = 88.8 % -> 89 %. First year with a
  // figure: 2018, 28 of 50 = 56 % (2016 and 2017 give no regional group: no denominator).
  const cells = [
    cell(2016, 'global_south', 0, 0, 40, { share: null }),
    cell(2017, 'global_south', 0, 0, 30, { share: null }),
    cell(2018, 'global_south', 28, 50, 60),
    cell(2025, 'global_south', 50, 95, 107)
  ];
  const what = 'the global-south share of listed speakers';

  it('gives the share, n and coverage, against the first year with a figure', () => {
    expect(latestShare(cells, { category: 'global_south', what, years: [2016, 2017, 2018, 2025], figure: 2, k: 5 }).text).toBe(
      'In 2025 the global-south share of listed speakers was 53% (n = 95; known for 89% of 107 records), against 56% in 2018'
    );
  });

  it('says the latest year is suppressed rather than report the year before', () => {
    const s = [...cells, cell(2026, 'global_south', null, null, 20, { suppressed: true, share: null })];
    expect(latestShare(s, { category: 'global_south', what, years: [2018, 2025, 2026], figure: 2, k: 5 }).text).toBe(
      'In 2026 the global-south share of listed speakers is suppressed (fewer than 5 records), so no figure is given'
    );
  });

  it('says a year whose records all lack the field has no share', () => {
    expect(latestShare(cells, { category: 'global_south', what, years: [2016, 2017], figure: 2, k: 5 }).text).toBe(
      'In 2017 the global-south share of listed speakers has no records with the field known'
    );
  });
});

describe('the host effect', () => {
  // African host in 2022: 44 %; the other years with an African figure: 2021 10 %, 2023 20 %:
  // mean (0.10 + 0.20) / 2 = 15 %. 2011 was an African host too, but has no speaker figure.
  const cells = [cell(2021, 'african', 10, 100, 100), cell(2022, 'african', 44, 100, 100), cell(2023, 'african', 20, 100, 100), cell(2023, 'weog', 30, 100, 100)];
  const hosts = new Map<number, string | null>([
    [2011, 'african'],
    [2020, null],
    [2021, 'weog'],
    [2022, 'african'],
    [2023, 'asia_pacific']
  ]);

  it('compares the host year with the group’s average in the other years', () => {
    expect(hostEffect(cells, { hosts, labels, population: speakers, years: [2011, 2021, 2022, 2023], figure: 5 }).text).toBe(
      'In 2022, when the meeting was hosted in the African Group, that group made up 44% of listed speakers, against 15% on average in the 2 other years with figures (2021 and 2023)'
    );
  });

  it('says when no host year can be compared', () => {
    expect(hostEffect(cells.slice(0, 1), { hosts, labels, population: speakers, years: [2021], figure: 5 }).text).toBe(
      'The listed speakers of 2021 give no year in which the host’s regional group can be compared with other years'
    );
  });
});

describe('stage against room', () => {
  it('takes the latest year with both figures and the widest gap: WEOG 41 % against 30 %', () => {
    const stage = [cell(2019, 'weog', 41, 100, 100), cell(2019, 'african', 10, 100, 100), cell(2025, 'weog', 40, 100, 100)];
    const published = [
      { year: 2019, category: 'weog', value: 0.3, source: 'IGF 2019 report' },
      { year: 2019, category: 'african', value: 0.12, source: 'IGF 2019 report' },
      { year: 2024, category: 'weog', value: 0.5, source: 'IGF 2024 report' }
    ];
    expect(speakersAgainstParticipants(stage, published, { labels, years: [2019, 2024, 2025], figure: 7 }).text).toBe(
      'In 2019 WEOG made up 41% of listed speakers, against 30% of participants as published (IGF 2019 report): the widest gap between stage and room that year'
    );
    expect(speakersAgainstParticipants(stage, published, { labels, years: [2024, 2025], figure: 7 }).text).toBe(
      'No year in 2024–2025 has both a published share of participants and listed speakers for the same regional group'
    );
  });

  it('compares two populations in the latest year both have, skipping a suppressed one', () => {
    const attendees = [cell(2024, 'female', 400, 1000, 1100), cell(2025, 'female', null, null, 3, { suppressed: true, share: null })];
    const onStage = [cell(2024, 'female', 30, 100, 100), cell(2025, 'female', 45, 100, 100)];
    expect(compareShares(attendees, onStage, { category: 'female', what: 'the share of women', labelA: 'attendees', labelB: 'speakers', years: [2024, 2025], figure: 4 }).text).toBe(
      'In 2024 the share of women was 40% among attendees (n = 1,000) and 30% among speakers (n = 100)'
    );
  });
});

describe('counts and published figures', () => {
  it('gives the latest count, or says it is suppressed', () => {
    const points = [
      { year: 2024, value: 11000, suppressed: false },
      { year: 2025, value: 9435, suppressed: false }
    ];
    expect(latestCount(points, { what: 'attendees', years: [2024, 2025], figure: 1, k: 5 }).text).toBe('In 2025 the records count 9,435 attendees');
    expect(latestCount([{ year: 2025, value: null, suppressed: true }], { what: 'attendees', years: [2025], figure: 1, k: 5 }).text).toBe(
      'In 2025 attendees is suppressed (fewer than 5 records), so no figure is given'
    );
  });

  it('gives the latest published figure with its source, or says none was published', () => {
    const figures = [
      { year: 2019, category: 'female', value: 0.41, source: 'IGF 2019 report' },
      { year: 2012, category: 'female', value: 0.35, source: 'UN press release' }
    ];
    expect(latestPublished(figures, { what: 'women among participants', years: [2012, 2019], figure: 4, format: (v) => `${Math.round(v * 100)}%` }).text).toBe(
      'The latest published figure for women among participants is 41% (2019; IGF 2019 report); 2 published figures in the period'
    );
    expect(latestPublished(figures, { what: 'women among participants', years: [2020, 2021, 2022], figure: 4, format: String }).text).toBe(
      'No figure for women among participants was published for 2020–2022'
    );
  });

  it('gives the highest and lowest published figure, the earlier year on a tie', () => {
    const counts = [
      { year: 2006, category: 'all', value: 1350, source: 'a' },
      { year: 2008, category: 'all', value: 1280, source: 'b' },
      { year: 2023, category: 'all', value: 6279, source: 'IGF 2023 report' },
      { year: 2024, category: 'all', value: 1280, source: 'c' }
    ];
    expect(publishedRange(counts, { what: 'onsite participants', years: [2006, 2008, 2023, 2024], figure: 1, format: (v) => v.toLocaleString('en') })?.text).toBe(
      'The highest published figure for onsite participants is 6,279 (2023; IGF 2023 report), the lowest 1,280 (2008)'
    );
    expect(publishedRange(counts, { what: 'x', years: [2006], figure: 1, format: String })).toBeNull();
  });

  it('names a source without a title by its host', () => {
    expect(shortSource('https://www.intgovforum.org/en/content/x')).toBe('intgovforum.org');
    expect(shortSource('IGF 2019 report')).toBe('IGF 2019 report');
  });

  it('sums the session pages and names the years without pages', () => {
    const totals = [
      { year: 2016, sessions: 10, people: 50 },
      { year: 2017, sessions: 5, people: 20 }
    ];
    expect(sessionPageTotals(totals, { years: [2015, 2016, 2017], figure: 8 }).text).toBe(
      'The public session pages list 70 speakers, organisers and moderators (a person counted once per session) in 15 sessions of 2016 and 2017; there are no session pages for 2015'
    );
  });
});
