/**
 * One row per UN regional group, the meeting years across: the group's
 * published share of participants (diamonds) and its share of speakers on
 * the public session pages (dots), with the years the group hosted the
 * meeting shaded. Dots only, no lines: the figures come from different
 * sources and years, and nothing is interpolated.
 */
import * as Plot from '@observablehq/plot';
import { REGIONAL_GROUPS, REGIONAL_GROUP_SHORT_LABELS, type RegionalGroup } from '$lib/domain/regional-groups.ts';
import { MUTED, OKABE_ITO } from '../common.ts';
import type { PublishedGroupShare, StageGroupShare } from './shape.ts';

export const PUBLISHED_COLOUR = OKABE_ITO[5];
export const STAGE_COLOUR = OKABE_ITO[0];
const HOST_FILL = '#e6e6e6';

export interface RegionalRecordOptions {
  width: number;
  published: PublishedGroupShare[];
  stage: StageGroupShare[];
  /** Meeting year -> the host country's regional group (null: online, or no group). */
  hostGroups: ReadonlyMap<number, RegionalGroup | null>;
  years: number[];
  labels: { published: string; stage: string; host: string };
  tipPublished: (p: PublishedGroupShare) => string;
  tipStage: (s: StageGroupShare) => string;
  document?: Document;
}

export function regionalRecordPlot(o: RegionalRecordOptions): Element {
  const first = Math.min(...o.years);
  const last = Math.max(...o.years);
  const hosts = [...o.hostGroups].filter(([year, group]) => group !== null && year >= first && year <= last).map(([year, group]) => ({ year, group }));
  const narrow = o.width < 520;
  return Plot.plot({
    document: o.document,
    width: o.width,
    height: REGIONAL_GROUPS.length * 90 + 60,
    marginLeft: narrow ? 40 : 44,
    marginRight: narrow ? 84 : 150,
    marginTop: 34,
    marginBottom: 28,
    style: { fontSize: '12px', overflow: 'visible' },
    x: { label: null, tickFormat: 'd', domain: [first - 0.5, last + 0.5], ticks: narrow ? 4 : 8 },
    y: { label: null, tickFormat: '.0%', domain: [0, 0.8], ticks: 2, grid: true },
    fy: { label: null, domain: [...REGIONAL_GROUPS], tickFormat: (g: RegionalGroup) => REGIONAL_GROUP_SHORT_LABELS[g], axis: 'right' },
    // The legend names exactly the three marks drawn (labels carry the shape: ◆, ●).
    color: {
      domain: [o.labels.published, o.labels.stage, o.labels.host],
      range: [PUBLISHED_COLOUR, STAGE_COLOUR, HOST_FILL],
      legend: true
    },
    marks: [
      Plot.frame({ stroke: '#ccc', strokeOpacity: 0.6 }),
      Plot.rectY(hosts, { x1: (d) => d.year - 0.45, x2: (d) => d.year + 0.45, y1: 0, y2: 0.8, fy: 'group', fill: () => o.labels.host, className: 'mark-host' }),
      Plot.dot(o.stage, {
        x: 'year',
        y: 'share',
        fy: 'group',
        fill: () => o.labels.stage,
        r: 3.5,
        symbol: 'circle',
        title: o.tipStage,
        className: 'mark-stage'
      }),
      Plot.dot(o.published, {
        x: 'year',
        y: 'share',
        fy: 'group',
        fill: () => o.labels.published,
        stroke: 'white',
        r: 5,
        symbol: 'diamond',
        title: o.tipPublished,
        className: 'mark-published'
      }),
      // The values as text only where there is room for them; the table and the tips have them too.
      Plot.text(narrow ? [] : o.published, {
        x: 'year',
        y: 'share',
        fy: 'group',
        text: (p: PublishedGroupShare) => `${Math.round(p.share * 100)}%`,
        dy: -10,
        fill: PUBLISHED_COLOUR,
        fontWeight: 'bold',
        ariaHidden: 'true'
      }),
      Plot.ruleY([0], { stroke: MUTED, strokeOpacity: 0.5 })
    ]
  });
}
