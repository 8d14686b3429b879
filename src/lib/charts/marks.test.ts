import { describe, expect, it } from 'vitest';
import { markNotes, series, suppressedMarks } from './common.ts';
import { bandPieces } from './trend/plot.ts';
import { ratioDots, ratioMarks } from './ratio-dots/shape.ts';

const row = (year: number, share: number | null, extra: Record<string, unknown> = {}) => ({
  year,
  dimension: 'gender',
  category: 'female',
  share,
  ci_low: share === null ? null : share - 0.05,
  ci_high: share === null ? null : share + 0.05,
  coverage: 0.95,
  low_n: false,
  suppressed: false,
  suppression_reason: null,
  ...extra
});

describe('notes list exactly the marks drawn', () => {
  it('no note for marks a chart does not draw', () => {
    expect(markNotes({})).toEqual([]);
    expect(markNotes({ hollow: false, suppressed: [], band: false, otherYears: false })).toEqual([]);
  });

  it('one ⊘ note per reason, with its years and k', () => {
    const points = series(
      [
        row(2019, 0.4),
        row(2020, null, { suppressed: true, suppression_reason: 'protects_other' }),
        row(2021, null, { suppressed: true, suppression_reason: 'fewer_than_k' }),
        row(2022, null, { suppressed: true, suppression_reason: 'protects_other' }),
        // An older server without the reason: read as a small cell.
        row(2023, null, { suppressed: true, suppression_reason: undefined })
      ],
      { dimension: 'gender', category: 'female' }
    );
    expect(markNotes({ suppressed: suppressedMarks(points), k: 5 })).toEqual([
      '⊘ (2021 and 2023): suppressed, not zero — fewer than 5 records',
      '⊘ (2020 and 2022): suppressed, not zero — hidden to protect a small group elsewhere in this breakdown'
    ]);
  });

  it('ratio charts: grey dots only when other years have a ratio, hollow only when a selected dot is', () => {
    const rows = [
      { year: 2024, kind: 'share', dimension: 'un_regional_group', category: 'african', representation_ratio: 1.5, suppressed: false, low_n: false },
      { year: 2025, kind: 'share', dimension: 'un_regional_group', category: 'african', representation_ratio: 0.8, suppressed: false, low_n: true }
    ];
    const fields = { ratio: 'representation_ratio', group: 'dimension' };
    expect(ratioMarks(ratioDots(rows, 2025, fields))).toEqual({ hollow: true, otherYears: true, suppressed: [] });
    expect(ratioMarks(ratioDots(rows.slice(0, 1), 2024, fields))).toEqual({ hollow: false, otherYears: false, suppressed: [] });
  });
});

describe('the interval band breaks where the line does', () => {
  it('a suppressed or missing year starts a new piece', () => {
    const points = series([row(2018, 0.4), row(2019, 0.42), row(2020, null, { suppressed: true }), row(2021, 0.5), row(2022, 0.5)], {
      dimension: 'gender',
      category: 'female'
    });
    expect(bandPieces(points).map((p) => [p.year, p.piece])).toEqual([
      [2018, 'female|0'],
      [2019, 'female|0'],
      [2021, 'female|1'],
      [2022, 'female|1']
    ]);
  });
});
