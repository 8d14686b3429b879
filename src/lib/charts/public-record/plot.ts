/**
 * One row per category (a UN regional group, a stakeholder group), the meeting years across: the
 * category's published share of participants (diamonds) and its share of speakers on the public
 * session pages (dots); for regional groups, the years the group hosted the meeting are shaded.
 * Dots only, no lines: the figures come from different sources and years, and nothing is
 * interpolated.
 */
import * as Plot from '@observablehq/plot';
import { ticks } from 'd3';
import { percentTick, plot, yearTick } from '../plot.ts';
import { MUTED, OKABE_ITO } from '../common.ts';
import type { PublishedShare, StageShare } from './shape.ts';
import type { RecordVocabulary } from './vocabularies.ts';

export const PUBLISHED_COLOUR = OKABE_ITO[5];
export const STAGE_COLOUR = OKABE_ITO[0];
const HOST_FILL = '#e6e6e6';
const ROW_HEIGHT = 88;
const MARGIN_LEFT = 40;
const MARGIN_TOP = 34;
const MARGIN_BOTTOM = 28;

/**
 * Where a published value's label goes. Above its diamond, unless the speaker dot of the same year
 * and category is there (a text 10 px up, 12 px high, and the dot's radius: up to 20 px above the
 * diamond); then below it, when the row has room for the text above its zero line and no dot is
 * just below; else to its left, beside the diamond, when a year is wide enough to hold it clear of
 * the year before (9 px off the diamond, about 30 px of "44%", a dot's radius) and there is a year
 * before; else nowhere: the data table and the tip give the value.
 */
export type ValueLabelPlace = 'above' | 'below' | 'left' | 'none';
const LABEL_CLEARANCE_PX = 20;
const LEFT_LABEL_ROOM_PX = 45;
/** A label's box: "44%" at 12 px in the widest font it is set in (the PDF's DejaVu Sans), and a line's height. */
const LABEL_WIDTH_PX = 30;
const LABEL_HEIGHT_PX = 13;
export interface LabelScale {
  pxPerShare: number;
  pxPerYear: number;
  firstYear: number;
}

/** The places a label may take, in order of preference (valueLabelPlace's rules). */
function allowedPlaces(p: PublishedShare, stage: readonly StageShare[], scale: LabelScale): Exclude<ValueLabelPlace, 'none'>[] {
  const dot = stage.find((s) => s.year === p.year && s.category === p.category);
  const dotAbovePx = dot ? (dot.share - p.share) * scale.pxPerShare : null;
  const places: Exclude<ValueLabelPlace, 'none'>[] = [];
  if (dotAbovePx === null || dotAbovePx < 0 || dotAbovePx > LABEL_CLEARANCE_PX) places.push('above');
  // Below is clear unless the dot is just under the diamond (a dot on it, or above it, leaves the space under it free).
  if (p.share * scale.pxPerShare >= LABEL_CLEARANCE_PX && (dotAbovePx === null || dotAbovePx >= 0 || dotAbovePx < -LABEL_CLEARANCE_PX)) places.push('below');
  if (scale.pxPerYear >= LEFT_LABEL_ROOM_PX && p.year > scale.firstYear) places.push('left');
  return places;
}

export function valueLabelPlace(p: PublishedShare, stage: readonly StageShare[], scale: LabelScale): ValueLabelPlace {
  return allowedPlaces(p, stage, scale)[0] ?? 'none';
}

/** Where each place puts the text, from its diamond (SVG: dy down), and how the text is anchored there. */
const LABEL_OFFSETS: Record<Exclude<ValueLabelPlace, 'none'>, { dx: number; dy: number; textAnchor: 'middle' | 'end' }> = {
  above: { dx: 0, dy: -10, textAnchor: 'middle' },
  below: { dx: 0, dy: 13, textAnchor: 'middle' },
  left: { dx: -9, dy: 0, textAnchor: 'end' }
};

/** A label's box in pixels from its diamond's year and share, as LABEL_OFFSETS sets it: x across, y up. */
function labelBox(p: PublishedShare, place: Exclude<ValueLabelPlace, 'none'>, scale: LabelScale) {
  const { dx, dy, textAnchor } = LABEL_OFFSETS[place];
  const x = (p.year - scale.firstYear) * scale.pxPerYear + dx;
  const left = textAnchor === 'end' ? x - LABEL_WIDTH_PX : x - LABEL_WIDTH_PX / 2;
  return { left, right: left + LABEL_WIDTH_PX, y: p.share * scale.pxPerShare - dy };
}

/**
 * Every label's place, year by year within each row: the first allowed place whose box clears the
 * label placed for the row's year before (2022's "43%" and 2023's "38%" a year apart in the
 * report's 640 px chart), else none.
 */
export function valueLabelPlaces(published: readonly PublishedShare[], stage: readonly StageShare[], scale: LabelScale): Map<PublishedShare, ValueLabelPlace> {
  const places = new Map<PublishedShare, ValueLabelPlace>();
  const previousInRow = new Map<string, { p: PublishedShare; place: Exclude<ValueLabelPlace, 'none'> }>();
  for (const p of [...published].sort((a, b) => a.year - b.year)) {
    const before = previousInRow.get(p.category);
    const beforeBox = before && labelBox(before.p, before.place, scale);
    const place = allowedPlaces(p, stage, scale).find((candidate) => {
      if (!beforeBox) return true;
      const box = labelBox(p, candidate, scale);
      return box.left >= beforeBox.right || box.right <= beforeBox.left || Math.abs(box.y - beforeBox.y) >= LABEL_HEIGHT_PX;
    });
    places.set(p, place ?? 'none');
    if (place) previousInRow.set(p.category, { p, place });
  }
  return places;
}

export interface PublicRecordOptions {
  width: number;
  vocab: RecordVocabulary;
  published: PublishedShare[];
  stage: StageShare[];
  /** Meeting year -> the host's category (regional groups only); none shaded when empty. */
  hostCategories: ReadonlyMap<number, string | null>;
  years: number[];
  labels: { published: string; stage: string; host: string };
  tipPublished: (p: PublishedShare) => string;
  tipStage: (s: StageShare) => string;
  document?: Document;
}

export function publicRecordPlot(o: PublicRecordOptions): Element {
  const first = Math.min(...o.years);
  const last = Math.max(...o.years);
  const hosts = [...o.hostCategories]
    .filter(([year, category]) => category !== null && year >= first && year <= last)
    .map(([year, category]) => ({ year, category }));
  const narrow = o.width < 520;
  const yMax = Math.max(0.6, ...o.published.map((p) => p.share), ...o.stage.map((s) => s.share)) + 0.1;
  // The legend names exactly the marks drawn (labels carry the shape: ◆, ●).
  const legend = [o.labels.published, ...(o.stage.length ? [o.labels.stage] : []), ...(hosts.length ? [o.labels.host] : [])];
  const colours = [PUBLISHED_COLOUR, ...(o.stage.length ? [STAGE_COLOUR] : []), ...(hosts.length ? [HOST_FILL] : [])];
  const rows = o.vocab.categories.length;
  const height = rows * ROW_HEIGHT + 60;
  const marginRight = narrow ? 84 : 150;
  // A row's height in pixels: Plot's facet band, 0.1 of a step between rows and none outside them
  // (80 px for five rows, as drawn).
  const rowPx = ((height - MARGIN_TOP - MARGIN_BOTTOM) / (rows - 0.1)) * 0.9;
  const scale: LabelScale = { pxPerShare: rowPx / yMax, pxPerYear: (o.width - MARGIN_LEFT - marginRight) / (last - first + 1), firstYear: first };
  const places = valueLabelPlaces(narrow ? [] : o.published, o.stage, scale);
  const labelsAt = (place: ValueLabelPlace) => [...places].filter(([, at]) => at === place).map(([p]) => p);
  return plot({
    document: o.document,
    width: o.width,
    height,
    marginLeft: MARGIN_LEFT,
    marginRight,
    marginTop: MARGIN_TOP,
    marginBottom: MARGIN_BOTTOM,
    style: { fontSize: '12px', overflow: 'visible' },
    // Whole years only: over a span of a few years the round ticks fall on half years too, and each
    // was written as its year (2019 2019 2020 2020).
    x: { label: null, tickFormat: yearTick, domain: [first - 0.5, last + 0.5], ticks: ticks(first - 0.5, last + 0.5, narrow ? 4 : 8).filter(Number.isInteger) },
    y: { label: null, tickFormat: percentTick, domain: [0, yMax], ticks: 2, grid: true },
    fy: { label: null, domain: [...o.vocab.categories], tickFormat: o.vocab.shortLabel, axis: 'right' },
    color: { domain: legend, range: colours, legend: true },
    marks: [
      Plot.frame({ stroke: '#ccc', strokeOpacity: 0.6 }),
      Plot.rectY(hosts, {
        x1: (d) => d.year - 0.45,
        x2: (d) => d.year + 0.45,
        y1: 0,
        y2: yMax,
        fy: 'category',
        fill: () => o.labels.host,
        className: 'mark-host'
      }),
      Plot.dot(o.stage, { x: 'year', y: 'share', fy: 'category', fill: () => o.labels.stage, r: 3.5, symbol: 'circle', title: o.tipStage, className: 'mark-stage' }),
      Plot.dot(o.published, {
        x: 'year',
        y: 'share',
        fy: 'category',
        fill: () => o.labels.published,
        stroke: 'white',
        r: 5,
        symbol: 'diamond',
        title: o.tipPublished,
        className: 'mark-published'
      }),
      // The values as text only where there is room for them; the table and the tips have them too.
      ...(['above', 'below', 'left'] as const).map((place) =>
        Plot.text(labelsAt(place), {
          x: 'year',
          y: 'share',
          fy: 'category',
          text: (p: PublishedShare) => percentTick(p.share),
          ...LABEL_OFFSETS[place],
          fill: PUBLISHED_COLOUR,
          fontWeight: 'bold',
          ariaHidden: 'true',
          className: `value-label-${place}`
        })
      ),
      Plot.ruleY([0], { stroke: MUTED, strokeOpacity: 0.5 })
    ]
  });
}
