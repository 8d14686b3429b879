import { describe, expect, it } from 'vitest';
import { ratioDots, ratioSummary, ratioTable, undrawnCategories } from './shape.ts';

describe('ratio dots', () => {
  const rows = [
    { year: 2024, kind: 'share', dimension: 'un_regional_group', category: 'african', representation_ratio: 1.5, suppressed: false, low_n: false },
    { year: 2025, kind: 'share', dimension: 'un_regional_group', category: 'african', representation_ratio: null, suppressed: true, low_n: true },
    { year: 2024, kind: 'share', dimension: 'un_regional_group', category: 'no_group', representation_ratio: null, suppressed: false, low_n: false },
    { year: 2025, kind: 'share', dimension: 'un_regional_group', category: 'no_group', representation_ratio: null, suppressed: false, low_n: false },
    { year: 2025, kind: 'excluded', dimension: 'un_regional_group', category: 'unknown', representation_ratio: null, suppressed: false, low_n: false }
  ];
  const dots = ratioDots(rows, 2025, { ratio: 'representation_ratio', group: 'dimension' });

  it('makes a dot of every share row, every category included, and none of the excluded (unknown) rows', () => {
    expect(dots.map((d) => [d.year, d.category, d.ratio, d.suppressed, d.selected])).toEqual([
      [2024, 'african', 1.5, false, false],
      [2025, 'african', null, true, true],
      [2024, 'no_group', null, false, false],
      [2025, 'no_group', null, false, true]
    ]);
  });

  it('says suppressed in the summary only for suppressed rows', () => {
    expect(ratioSummary(dots)).toBe('African Group suppressed and Outside the groups —');
  });

  it('names the categories left without any dot or ⊘ mark (a ratio of 0 has no place on the log scale)', () => {
    const zero = ratioDots([{ ...rows[0], representation_ratio: 0 }], 2024, { ratio: 'representation_ratio', group: 'dimension' });
    expect(undrawnCategories(zero)).toEqual(['African Group']);
    expect(undrawnCategories(dots)).toEqual(['Outside the groups']);
    // African: a dot in 2024, and ⊘ in 2025 when 2025 is in view.
    expect(undrawnCategories(dots.filter((d) => d.category === 'african'))).toEqual([]);
    // Suppressed only in a year not in view, and no ratio otherwise: nothing is drawn.
    const suppressedElsewhere = ratioDots(rows.slice(1, 2), 2024, { ratio: 'representation_ratio', group: 'dimension' });
    expect(undrawnCategories(suppressedElsewhere)).toEqual(['African Group']);
  });

  it('gives the table the n and coverage of each share: the row’s own, or the speakers’ and attendees’ of a paired row', () => {
    // Regions: 20 of 92 speakers with a known group are African; 92 of 118 listed have one (78 %).
    const own = ratioDots([{ ...rows[0], count: 20, denominator: 92, coverage: 92 / 118 }], 2024, { ratio: 'representation_ratio', group: 'dimension' });
    expect(ratioTable(own).map((r) => [r.n, r.coverage, r.speakers_n])).toEqual([['20 / 92', '78%', '—']]);
    // Representation: 398 / 1,341 speakers (98.5 % known), 3,504 / 10,618 attendees (96.5 % known).
    const paired = ratioDots(
      [{ year: 2024, kind: 'share', dimension: 'stakeholder_group', category: 'government', ratio: 0.9, speaker_share: 0.297, attendee_share: 0.33,
         speaker_count: 398, speaker_denominator: 1341, speaker_coverage: 0.985, attendee_count: 3504, attendee_denominator: 10618, attendee_coverage: 0.9653,
         suppressed: false, low_n: false }],
      2024
    );
    expect(ratioTable(paired).map((r) => [r.speakers_n, r.speakers_coverage, r.attendees_n, r.attendees_coverage, r.n])).toEqual([
      ['398 / 1,341', '99%', '3,504 / 10,618', '97%', '—']
    ]);
    // A hidden attendee share: the server withholds its count, and its denominator is not shown as one.
    const hidden = ratioDots(
      [{ year: 2024, kind: 'share', dimension: 'stakeholder_group', category: 'government', ratio: null, speaker_share: 0.297, attendee_share: null,
         speaker_count: 398, speaker_denominator: 1341, speaker_coverage: 0.985, attendee_count: null, attendee_denominator: 10618, attendee_coverage: 0.9653,
         suppressed: true, low_n: false }],
      2024
    );
    expect(ratioTable(hidden).map((r) => [r.speakers_n, r.attendees, r.attendees_n])).toEqual([['398 / 1,341', 'suppressed', 'suppressed / 10,618']]);
  });
});
