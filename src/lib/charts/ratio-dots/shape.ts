/** Representation ratios (share on stage / share in the room) as dots per category, one year highlighted. */
import { fmt, label, t } from '$lib/i18n/index.ts';
import { categoryLabel, coverageCell, nCell, suppressionReason, tallyOf, type Row, type SuppressionReason, type Tally } from '../common.ts';
import { num } from '$lib/domain/rows.ts';

export interface RatioDot {
  year: number;
  group: string;
  category: string;
  label: string;
  ratio: number | null;
  speakerShare: number | null;
  attendeeShare: number | null;
  /** What each share is computed from: the speakers' and attendees' (paired rows), else the row's own share. */
  speakerTally: Tally | null;
  attendeeTally: Tally | null;
  tally: Tally | null;
  suppressed: boolean;
  reason: SuppressionReason | null;
  uncertain: boolean;
  selected: boolean;
}


export function ratioDots(
  rows: Row[],
  year: number | null,
  fields: { ratio: string; group: string; speaker?: string; attendee?: string } = {
    ratio: 'ratio',
    group: 'dimension',
    speaker: 'speaker_share',
    attendee: 'attendee_share'
  }
): RatioDot[] {
  return rows
    .filter((r) => r.kind === 'share')
    .map((r) => ({
      year: Number(r.year),
      group: String(r[fields.group] ?? ''),
      category: String(r.category),
      label: categoryLabel(String(r.category)),
      ratio: num(r[fields.ratio]),
      speakerShare: fields.speaker ? num(r[fields.speaker]) : null,
      attendeeShare: fields.attendee ? num(r[fields.attendee]) : null,
      speakerTally: fields.speaker ? tallyOf(r, 'speaker_') : null,
      attendeeTally: fields.attendee ? tallyOf(r, 'attendee_') : null,
      tally: fields.speaker || fields.attendee ? null : tallyOf(r),
      suppressed: r.suppressed === true,
      reason: suppressionReason(r),
      uncertain: r.low_n === true,
      selected: Number(r.year) === year
    }));
}

/** Labels of the categories with nothing to draw: no ratio in any year, and no ⊘ (suppressed) in the year in view. */
export function undrawnCategories(dots: RatioDot[]): string[] {
  // The scale is logarithmic: a ratio of 0 has no place on it.
  const drawn = new Set(dots.filter((d) => (d.ratio !== null && d.ratio > 0) || (d.selected && d.suppressed)).map((d) => d.label));
  return [...new Set(dots.map((d) => d.label))].filter((l) => !drawn.has(l));
}

export function ratioTable(dots: RatioDot[]): Record<string, string>[] {
  return dots
    .filter((d) => d.selected)
    .map((d) => ({
      category: d.label,
      group: label('dimension', d.group),
      speakers: d.speakerShare === null ? '—' : fmt.percent(d.speakerShare),
      attendees: d.suppressed ? t('chart.suppressed') : d.attendeeShare === null ? '—' : fmt.percent(d.attendeeShare),
      ratio: d.suppressed ? t('chart.suppressed') : d.ratio === null ? '—' : fmt.ratio(d.ratio) + (d.uncertain ? ` (${t('chart.low')})` : ''),
      speakers_n: nCell(d.speakerTally),
      speakers_coverage: coverageCell(d.speakerTally),
      attendees_n: nCell(d.attendeeTally && { ...d.attendeeTally, suppressed: d.suppressed }),
      attendees_coverage: coverageCell(d.attendeeTally),
      n: nCell(d.tally && { ...d.tally, suppressed: d.suppressed }),
      coverage: coverageCell(d.tally)
    }));
}

export function ratioSummary(dots: RatioDot[]): string {
  return fmt.list(
    dots.filter((d) => d.selected).map((d) => `${d.label} ${d.suppressed ? t('chart.suppressed') : d.ratio === null ? '—' : fmt.ratio(d.ratio)}`)
  );
}

/** What the ratio chart draws, for its notes (see ratioPlot: the same filters). */
export function ratioMarks(dots: RatioDot[]): { hollow: boolean; otherYears: boolean; suppressed: { year: number; reason: SuppressionReason | null }[] } {
  const valued = dots.filter((d) => d.ratio !== null && d.ratio > 0);
  return {
    hollow: valued.some((d) => d.selected && d.uncertain),
    otherYears: valued.some((d) => !d.selected),
    suppressed: dots.filter((d) => d.selected && d.ratio === null && d.suppressed).map((d) => ({ year: d.year, reason: d.reason }))
  };
}
