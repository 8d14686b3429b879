import { describe, expect, it } from 'vitest';
import { ratioDots, ratioSummary, undrawnCategories } from './shape.ts';

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
    expect(ratioSummary(dots)).toBe('African Group suppressed, Outside the groups —');
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
});
