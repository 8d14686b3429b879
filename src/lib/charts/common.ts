/**
 * What every chart shares: the row shape of the metrics, the colour-blind-safe palette, and the rules
 * that decide when a point is drawn as uncertain (hollow) or suppressed (⊘, never zero).
 */
import { fmt, label, t, type MessageKey } from '$lib/i18n/index.ts';
import { metricTitleKey } from '$lib/i18n/domain-text.ts';
import type { MetricName } from '$lib/domain/metrics.ts';

import { num, type Cell, type Row } from '$lib/domain/rows.ts';
export type { Cell, Row } from '$lib/domain/rows.ts';

export interface MetricData {
  rows: Row[];
  suppression: { k: number; applied: boolean };
  synthetic: boolean;
  definition: string;
}

/** Okabe–Ito, without its yellow for lines and dots (too pale on white). */
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#000000', '#F0E442'];
export const LINE_COLOURS = OKABE_ITO.slice(0, 7);
export const MUTED = '#767676';

/** Under this share of known records a point is drawn hollow, like a low_n point. */
export const LOW_COVERAGE = 0.8;

export const lowCoverageText = () => fmt.percentRound(LOW_COVERAGE);

export interface Point {
  year: number;
  series: string;
  value: number | null;
  low: number | null;
  high: number | null;
  coverage: number | null;
  /** Records in the category (null when suppressed, or for an index). */
  count: number | null;
  denominator: number | null;
  /** Missing-data bounds: the share if none, or all, of the records with the field unknown were in the category. */
  boundLow: number | null;
  boundHigh: number | null;
  uncertain: boolean;
  suppressed: boolean;
  /** Why a suppressed point is hidden (the metric row's suppression_reason), else null. */
  reason: SuppressionReason | null;
}

/** The metric rows' suppression_reason values. */
export const SUPPRESSION_REASONS = ['fewer_than_k', 'protects_other', 'denominator_hidden', 'input_suppressed'] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

/** A row's reason, or null; a suppressed row without one (an older server) reads as a small cell. */
export function suppressionReason(r: Row): SuppressionReason | null {
  if (r.suppressed !== true) return null;
  const v = r.suppression_reason;
  return (SUPPRESSION_REASONS as readonly Cell[]).includes(v ?? null) ? (v as SuppressionReason) : 'fewer_than_k';
}

export function isUncertain(r: Row): boolean {
  const coverage = num(r.coverage);
  return r.low_n === true || (coverage !== null && coverage < LOW_COVERAGE);
}

export interface SeriesPick {
  dimension: string;
  category: string;
  definition?: string | null;
  /** Which field is the value: share for share rows, value for index/ratio rows, count for counts. */
  field?: 'share' | 'value' | 'count';
}

/** One series over the years from metric rows; a suppressed cell keeps its year with value null. */
export function series(rows: Row[], pick: SeriesPick, name: string = pick.category): Point[] {
  const field = pick.field ?? 'share';
  return rows
    .filter(
      (r) =>
        r.dimension === pick.dimension &&
        r.category === pick.category &&
        (pick.definition === undefined || r.definition === pick.definition)
    )
    .map((r) => ({
      year: Number(r.year),
      series: name,
      value: num(r[field]),
      low: num(r.ci_low),
      high: num(r.ci_high),
      coverage: num(r.coverage),
      count: num(r.count),
      denominator: num(r.denominator),
      boundLow: num(r.bound_low),
      boundHigh: num(r.bound_high),
      uncertain: isUncertain(r),
      suppressed: r.suppressed === true,
      reason: suppressionReason(r)
    }))
    .sort((a, b) => a.year - b.year);
}

/** Under this coverage a share's missing-data bounds are shown beside it (docs/metrics.md). */
export const BOUNDS_BELOW_COVERAGE = 0.95;

/** "40 % – 62 %" when the point's field is unknown for more than 5 % of records, else null. */
export function boundsText(p: Point | undefined, format: (n: number) => string = fmt.percent): string | null {
  if (!p || p.value === null || p.coverage === null || p.coverage >= BOUNDS_BELOW_COVERAGE) return null;
  if (p.boundLow === null || p.boundHigh === null) return null;
  return `${format(p.boundLow)} – ${format(p.boundHigh)}`;
}

export function inRange(points: Point[], years: number[]): Point[] {
  const set = new Set(years);
  return points.filter((p) => set.has(p.year));
}

/** "Gender known for 94 % of records (lowest 80 % in 2012)" for the rows of one dimension. */
export function coverageNote(rows: Row[], dimension: string, field: MessageKey, years: number[]): string {
  const byYear = new Map<number, number>();
  const totals = new Map<number, number>();
  const set = new Set(years);
  for (const r of rows) {
    if (r.dimension !== dimension || !set.has(Number(r.year))) continue;
    const d = num(r.denominator);
    const tot = num(r.total);
    if (d === null || tot === null || byYear.has(Number(r.year))) continue;
    byYear.set(Number(r.year), d);
    totals.set(Number(r.year), tot);
  }
  if (byYear.size === 0) return '';
  let known = 0;
  let all = 0;
  let lowest: { year: number; share: number } | null = null;
  for (const [year, d] of byYear) {
    const tot = totals.get(year)!;
    known += d;
    all += tot;
    const share = tot > 0 ? d / tot : 1;
    if (!lowest || share < lowest.share) lowest = { year, share };
  }
  const range =
    lowest && lowest.share < 1
      ? t('chart.coverage.range', { low: fmt.percentRound(lowest.share), year: fmt.year(lowest.year) })
      : t('chart.coverage.full');
  return t('chart.coverage', { field: t(field), share: fmt.percentRound(all > 0 ? known / all : 1), range });
}

/** A record-level chart's source line: the metric by its name in the page's language and its API code. */
export function sourceLine(metricName: MetricName, data: { suppression: MetricData['suppression'] }): string {
  const suppression = data.suppression.applied
    ? t('chart.suppression.attendees', { k: data.suppression.k })
    : t('chart.suppression.none');
  return t('chart.source', { title: t(metricTitleKey(metricName)), metric: metricName, suppression });
}

/** A table cell for a point: the value, or why there is none. */
export function pointCell(p: Point | undefined, format: (n: number) => string = fmt.percent): string {
  if (!p) return '—';
  if (p.suppressed || p.value === null) return p.suppressed ? t('chart.suppressed') : '—';
  return p.uncertain ? `${format(p.value)} (${t('chart.low')})` : format(p.value);
}

/** What a share is computed from: records in the category, records with the field known, and their share of all. */
export interface Tally {
  count: number | null;
  denominator: number | null;
  coverage: number | null;
}

/** A row's tally; `prefix` reads a paired row's own columns (speaker_count, speaker_denominator, speaker_coverage). */
export function tallyOf(r: Row, prefix = ''): Tally {
  return { count: num(r[`${prefix}count`]), denominator: num(r[`${prefix}denominator`]), coverage: num(r[`${prefix}coverage`]) };
}

/**
 * The n cell of a data table: "412 / 1,341" (in the category / known); "suppressed / 1,341" for a
 * hidden share, whose count the server withholds; the records alone for an index; "—" when unknown.
 */
export function nCell(x: (Pick<Tally, 'count' | 'denominator'> & { suppressed?: boolean }) | null | undefined): string {
  if (!x || x.denominator === null) return '—';
  if (x.suppressed) return `${t('chart.suppressed')} / ${fmt.integer(x.denominator)}`;
  return x.count === null ? fmt.integer(x.denominator) : `${fmt.integer(x.count)} / ${fmt.integer(x.denominator)}`;
}

/** The coverage cell of a data table: the share of records with the field known, "96 %". */
export function coverageCell(x: Pick<Tally, 'coverage'> | null | undefined): string {
  return x && x.coverage !== null ? fmt.percentRound(x.coverage) : '—';
}

export function categoryLabel(code: string): string {
  return label('category', code);
}

/** What a chart draws, for its notes: each kind of mark it has, and nothing it has not. */
export interface MarksDrawn {
  /** Hollow points (few records or low coverage). */
  hollow?: boolean;
  /** Faint bars (few records or low coverage), for stacked bars. */
  faint?: boolean;
  /** ⊘ marks, with the years and reason of each. */
  suppressed?: { year: number; reason: SuppressionReason | null }[];
  /** The 95 % interval band. */
  band?: boolean;
  /** Grey dots of the other years (ratio charts). */
  otherYears?: boolean;
  /** Attendee suppression threshold. */
  k?: number;
}

/**
 * One note per kind of mark drawn: a chart without hollow points has no hollow-point note, one
 * without ⊘ no ⊘ note, and each ⊘ says why it is hidden, with its years.
 */
export function markNotes(m: MarksDrawn): string[] {
  const notes: string[] = [];
  if (m.band) notes.push(t('chart.legend.band'));
  if (m.hollow) notes.push(t('chart.legend.low', { coverage: lowCoverageText() }));
  if (m.faint) notes.push(t('chart.legend.faint', { coverage: lowCoverageText() }));
  if (m.otherYears) notes.push(t('chart.legend.other_years'));
  const byReason = new Map<SuppressionReason, Set<number>>();
  for (const s of m.suppressed ?? []) {
    const reason = s.reason ?? 'fewer_than_k';
    byReason.set(reason, (byReason.get(reason) ?? new Set()).add(s.year));
  }
  for (const reason of SUPPRESSION_REASONS) {
    const years = byReason.get(reason);
    if (!years) continue;
    notes.push(
      t('chart.legend.suppressed_why', {
        years: fmt.list([...years].sort((a, b) => a - b).map(fmt.year)),
        why: t(`chart.reason.${reason}`, { k: m.k ?? 5 })
      })
    );
  }
  return notes;
}

/** The ⊘ marks of a set of points (suppressed, no value drawn). */
export function suppressedMarks(points: Point[]): { year: number; reason: SuppressionReason | null }[] {
  return points.filter((p) => p.suppressed && p.value === null).map((p) => ({ year: p.year, reason: p.reason }));
}

