/**
 * Builds the assessment report (model.ts) from the metrics, for a URL with the dashboard's filters
 * (from, to, source). Without a source it is the public record, as on the overview: published
 * figures and the speakers of the public session pages, nothing synthetic. With ?source= it reports
 * on that set's records (the demonstration records by default in the dashboard), and says so.
 *
 * Charts are drawn here with the dashboard's own plot functions on a linkedom document of the
 * report's own, so the page and the PDF embed the same SVG.
 */
import { parseHTML } from 'linkedom';
import { filtersOf, resolveYears, filterQuery, type Filters } from '$lib/state/filters.ts';
import { metric } from '$lib/state/metrics.server.ts';
import { withConnection } from '$lib/server/db.ts';
import { realSourceSet, sourceSets, type SourceSet } from '$lib/server/metrics/source-sets.ts';
import { PUBLIC_SESSION_PAGES } from '$lib/domain/source-sets.ts';
import { dataVersion } from '$lib/server/download/metadata.ts';
import { hostGroups, sessionPageTotals } from '$lib/server/public-record/index.ts';
import type { MetricResult } from '$lib/server/metrics/types.ts';
import { GLOBAL_SOUTH_DEFINITIONS } from '$lib/domain/global-south.ts';
import { definitionTextKey, metricDefinitionKey, metricTitleKey, publishedFigureName } from '$lib/i18n/domain-text.ts';
import { citation } from '$lib/charts/export/cite.ts';
import { LINE_COLOURS, OKABE_ITO, categoryLabel, markNotes, series, suppressedMarks, type Point, type Row } from '$lib/charts/common.ts';
import { trendPlot } from '$lib/charts/trend/plot.ts';
import { stackedPlot } from '$lib/charts/stacked-shares/plot.ts';
import { stackedShares, type StackCell } from '$lib/charts/stacked-shares/shape.ts';
import { publicRecordPlot, PUBLISHED_COLOUR, STAGE_COLOUR } from '$lib/charts/public-record/plot.ts';
import { publishedShares, stageShares, type PublishedShare, type StageShare } from '$lib/charts/public-record/shape.ts';
import { REGIONAL_GROUPS_RECORD, STAKEHOLDER_GROUPS_RECORD, WOMEN_RECORD, type RecordVocabulary } from '$lib/charts/public-record/vocabularies.ts';
import { publishedCounts, safeUrl } from '$lib/charts/published/shape.ts';
import { publishedPlot } from '$lib/charts/published/plot.ts';
import { REGIONAL_GROUPS } from '$lib/domain/regional-groups.ts';
import { STAKEHOLDER_GROUPS } from '$lib/domain/stakeholder-groups.ts';
import { currentLocale, fmt, label, localHref, t, type MessageKey } from '$lib/i18n/index.ts';
import { localizePath } from '$lib/i18n/locales.ts';
import { pdfLocale } from './pdf-scripts.server.ts';
import { percentTick } from '$lib/charts/plot.ts';
import {
  compareShares,
  groupAgainstMemberStates,
  hostEffect,
  latestCount,
  latestPublished,
  latestShare,
  mostOverRepresented,
  period,
  publishedRange,
  shortSource,
  sessionPageTotals as pageTotalsFinding,
  speakersAgainstParticipants,
  type Finding,
  type ShareCell
} from './findings.ts';
import { countBars, pairedDots, splitChart } from './plots.ts';
import type { PublishedSource, Report, ReportFigure, ReportSection, ReportTable, SectionId, SourceSetEntry } from './model.ts';

/** The width charts are drawn at; the page and the PDF scale them to their column. */
const WIDTH = 640;

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Share cells of one breakdown (and definition) from metric rows. */
export function shareCells(rows: Row[], dimension: string, definition?: string): ShareCell[] {
  return rows
    .filter((r) => r.dimension === dimension && r.kind === 'share' && (definition === undefined || r.definition === definition))
    .map((r) => ({
      year: Number(r.year),
      category: String(r.category),
      share: num(r.share),
      count: num(r.count),
      denominator: num(r.denominator),
      total: num(r.total),
      suppressed: r.suppressed === true,
      memberStateShare: num(r.member_state_share)
    }));
}

const pct = (v: number | null) => (v === null ? '—' : fmt.percentRound(v));

/** "15 / 95 (107)": records in the category, with the field known, and all. */
function nCell(c: ShareCell | undefined): string {
  if (!c) return '—';
  if (c.suppressed) return t('chart.suppressed');
  return `${c.count === null ? '—' : fmt.integer(c.count)} / ${c.denominator === null ? '—' : fmt.integer(c.denominator)} (${c.total === null ? '—' : fmt.integer(c.total)})`;
}
function coverageCell(c: ShareCell | undefined): string {
  return c && c.denominator !== null && c.total ? fmt.percentRound(c.denominator / c.total) : '—';
}
function shareCell(c: ShareCell | undefined): string {
  if (!c) return '—';
  return c.suppressed ? t('chart.suppressed') : pct(c.share);
}

/** Year, share, n and coverage of one category over the years: the compact table of a trend. */
function trendTable(cells: ShareCell[], years: number[], category: string): ReportTable {
  return {
    columns: [
      { key: 'year', label: t('report.col.year') },
      { key: 'share', label: t('report.col.share'), numeric: true },
      { key: 'n', label: t('report.col.n'), numeric: true },
      { key: 'coverage', label: t('report.col.coverage'), numeric: true }
    ],
    rows: years
      .map((year) => cells.find((c) => c.year === year && c.category === category))
      .filter((c): c is ShareCell => c !== undefined)
      .map((c) => ({ year: fmt.year(c.year), share: shareCell(c), n: nCell(c), coverage: coverageCell(c) }))
  };
}

/** One row per category for the latest year with figures: share, n and coverage (and member states). */
function breakdownTable(cells: ShareCell[], years: number[], categories: readonly string[], memberStates = false): ReportTable {
  const inRange = cells.filter((c) => years.includes(c.year) && categories.includes(c.category));
  const year = inRange.length ? Math.max(...inRange.map((c) => c.year)) : null;
  const rows = year === null ? [] : inRange.filter((c) => c.year === year);
  return {
    columns: [
      { key: 'group', label: year === null ? t('report.col.group') : t('punct.with.year', { label: t('report.col.group'), year: fmt.year(year) }) },
      { key: 'share', label: t('report.col.share'), numeric: true },
      { key: 'n', label: t('report.col.n'), numeric: true },
      ...(memberStates
        ? [
            { key: 'members', label: t('report.col.members'), numeric: true },
            { key: 'ratio', label: t('report.col.ratio'), numeric: true }
          ]
        : []),
      { key: 'coverage', label: t('report.col.coverage'), numeric: true }
    ],
    rows: categories
      .map((cat) => rows.find((c) => c.category === cat))
      .filter((c): c is ShareCell => c !== undefined)
      .map((c) => ({
        group: categoryLabel(c.category),
        share: shareCell(c),
        n: nCell(c),
        members: pct(c.memberStateShare ?? null),
        ratio: c.share !== null && c.memberStateShare ? fmt.ratio(c.share / c.memberStateShare) : '—',
        coverage: coverageCell(c)
      }))
  };
}

/** Published figures of a public-record breakdown beside the speakers' shares, latest year of each. */
function recordTable(published: PublishedShare[], stage: StageShare[], vocab: RecordVocabulary, totals: Map<number, number>): ReportTable {
  const py = published.length ? Math.max(...published.map((p) => p.year)) : null;
  const sy = stage.length ? Math.max(...stage.map((s) => s.year)) : null;
  return {
    columns: [
      { key: 'group', label: t('report.col.group') },
      ...(py === null ? [] : [{ key: 'published', label: t('punct.with.year', { label: t('report.col.published'), year: fmt.year(py) }), numeric: true }]),
      ...(sy === null
        ? []
        : [
            { key: 'stage', label: t('punct.with.year', { label: t('record.legend.stage'), year: fmt.year(sy) }), numeric: true },
            { key: 'n', label: t('report.col.n'), numeric: true },
            { key: 'coverage', label: t('report.col.coverage'), numeric: true }
          ])
    ],
    rows: vocab.categories
      .map((cat) => {
        const p = published.find((x) => x.year === py && x.category === cat);
        const s = stage.find((x) => x.year === sy && x.category === cat);
        if (!p && !s) return null;
        const all = sy === null ? undefined : totals.get(sy);
        return {
          group: vocab.label(cat),
          published: p ? fmt.percentRound(p.share) + (p.estimated ? ` (${t('record.estimated')})` : '') : '—',
          stage: s ? fmt.percentRound(s.share) : '—',
          n: s ? `${fmt.integer(s.count)} / ${fmt.integer(s.denominator)}${all === undefined ? '' : ` (${fmt.integer(all)})`}` : '—',
          coverage: s && all ? fmt.percentRound(s.denominator / all) : '—'
        };
      })
      .filter((r): r is NonNullable<typeof r> => r !== null)
  };
}

interface Context {
  document: Document;
  years: number[];
  k: number;
  figures: ReportFigure[];
}

/** Draws a chart and numbers it in the order the report shows it. */
function figure(
  ctx: Context,
  o: { key: string; title: string; subtitle: string; alt: string; notes?: string[]; table: ReportTable; draw: (document: Document) => Element }
): ReportFigure {
  const number = ctx.figures.length + 1;
  let drawn = { svg: '', width: 0, height: 0, legend: [] as ReportFigure['legend'] };
  try {
    drawn = splitChart(o.draw(ctx.document));
  } catch (e) {
    console.error(`report: figure ${o.key} not drawn:`, e);
  }
  const f: ReportFigure = { id: `figure-${number}`, number, title: o.title, subtitle: o.subtitle, alt: o.alt, notes: o.notes ?? [], table: o.table, ...drawn };
  ctx.figures.push(f);
  return f;
}

const section = (id: SectionId, parts: Omit<ReportSection, 'id' | 'title'>): ReportSection => ({
  id,
  title: t(`report.section.${id}` as MessageKey),
  ...parts
});

const percentTip = (p: { value: number | null }) => (p.value === null ? t('chart.suppressed') : fmt.percent(p.value));

/** A trend of share cells as chart points (suppressed years kept, drawn as ⊘). */
function trendOf(rows: Row[], dimension: string, category: string, key: string, definition?: string) {
  return series(rows, { dimension, category, definition }, key);
}

/** The notes of a trend figure: exactly the marks it draws (band, hollow points, ⊘ with its reason). */
function trendNotes(points: Point[], o: { band?: boolean; k?: number } = {}): string[] {
  return markNotes({
    band: o.band === true && points.some((p) => p.value !== null && p.low !== null && p.high !== null),
    hollow: points.some((p) => p.value !== null && p.uncertain),
    suppressed: suppressedMarks(points),
    k: o.k
  });
}

/** The notes of a stacked-bar figure: faint segments and ⊘, only when drawn. */
function stackNotes(cells: StackCell[], k?: number): string[] {
  return markNotes({
    faint: cells.some((c) => c.share !== null && c.uncertain),
    suppressed: cells.filter((c) => c.suppressed).map((c) => ({ year: c.year, reason: c.reason })),
    k
  });
}

// ---------------------------------------------------------------------------------------------
// The public record: published figures and the speakers of the public session pages.

interface PublicData {
  published: MetricResult;
  regions: Row[];
  stakeholders: Row[];
  globalSouth: Row[];
  sessions: Row[];
  hosts: Map<number, string | null>;
  totals: { year: number; sessions: number; people: number }[];
}

function publicSections(ctx: Context, d: PublicData): { sections: ReportSection[]; summary: Finding[] } {
  const { years } = ctx;
  const pop = t('report.pop.speakers');
  const people = new Map(d.totals.map((x) => [x.year, x.people]));
  const published = d.published.rows.filter((r) => years.includes(Number(r.year)));
  const recordLabels = { published: t('record.legend.published'), stage: t('record.legend.stage'), host: t('record.legend.host') };
  const noTip = () => '';

  // Participation: published participant counts; the people the session pages list.
  // Several sources may give the same count for a year: one point each; different counts all stay.
  const onsite = publishedCounts(published).filter((p) => p.basis === 'onsite')
    .filter((p, i, all) => all.findIndex((q) => q.year === p.year && q.value === p.value) === i)
    .sort((a, b) => a.year - b.year || a.value - b.value);
  const fParticipants = figure(ctx, {
    key: 'participants',
    title: t('report.fig.published_participants'),
    subtitle: t('report.fig.published_participants.sub', { period: period(years) }),
    alt: t('report.fig.published_participants.alt', { n: onsite.length, period: period(years) }),
    table: {
      columns: [
        { key: 'year', label: t('report.col.year') },
        { key: 'count', label: t('report.col.count'), numeric: true },
        { key: 'source', label: t('report.col.source') }
      ],
      rows: onsite.map((p) => ({ year: fmt.year(p.year), count: fmt.integer(p.value), source: p.source }))
    },
    draw: (document) => publishedPlot({ width: WIDTH, computed: [], published: onsite, document })
  });
  const onsiteFigures = onsite.map((p) => ({ year: p.year, category: 'all', value: p.value, source: shortSource(p.source) }));
  const onsiteRange = publishedRange(onsiteFigures, { what: t('report.what.onsite_published'), years, figure: fParticipants.number, format: fmt.integer });
  const participation = section('participation', {
    findings: [
      latestPublished(onsiteFigures, { what: t('report.what.onsite_published'), years, figure: fParticipants.number, format: fmt.integer }),
      ...(onsiteRange ? [onsiteRange] : [])
    ],
    figures: [fParticipants],
    coverage: [t('report.cov.published')],
    caveats: [t('report.cav.published_counts')]
  });

  // Global south: speakers by regional group (the only definition region-only records allow).
  const gsCells = shareCells(d.globalSouth, 'global_south', 'regional_groups');
  const gsPoints = trendOf(d.globalSouth, 'global_south', 'global_south', 'gs', 'regional_groups').filter((p) => years.includes(p.year));
  const fGs = figure(ctx, {
    key: 'global-south',
    title: t('report.fig.gs_speakers'),
    subtitle: t('report.fig.gs_speakers.sub', { period: period(years) }),
    alt: t('report.fig.gs.alt', { period: period(years) }),
    notes: trendNotes(gsPoints, { band: true, k: ctx.k }),
    table: trendTable(gsCells, years, 'global_south'),
    draw: (document) =>
      trendPlot({
        width: WIDTH,
        series: [{ key: 'gs', label: t('category.global_south') }],
        points: gsPoints,
        yFormat: percentTick,
        yDomain: [0, 1],
        band: true,
        tipFormat: percentTip,
        document
      })
  });
  const gsFinding = latestShare(gsCells, { category: 'global_south', what: t('report.what.gs_speakers'), years, figure: fGs.number, k: ctx.k });
  const globalSouth = section('global-south', {
    findings: [gsFinding],
    figures: [fGs],
    coverage: [t('report.cov.pages')],
    caveats: [t('report.cav.pages'), t('report.cav.gs_definition')]
  });

  // Stakeholder groups: published shares of participants and listed speakers.
  const stPublished = publishedShares(published, STAKEHOLDER_GROUPS_RECORD);
  const stStage = stageShares(d.stakeholders, STAKEHOLDER_GROUPS_RECORD).filter((s) => years.includes(s.year));
  const fStake = figure(ctx, {
    key: 'stakeholders',
    title: t('record.stakeholder_groups.title'),
    subtitle: t('record.stakeholder_groups.subtitle', { first: fmt.year(years[0] ?? 0), last: fmt.year(years.at(-1) ?? 0) }),
    alt: t('report.fig.record.alt', { what: t('record.stakeholder_groups.categories'), period: period(years) }),
    notes: [t('record.note.published'), ...(stStage.length ? [t('report.note.stage')] : [])],
    table: recordTable(stPublished, stStage, STAKEHOLDER_GROUPS_RECORD, people),
    draw: (document) =>
      publicRecordPlot({ width: WIDTH, vocab: STAKEHOLDER_GROUPS_RECORD, published: stPublished, stage: stStage, hostCategories: new Map(), years, labels: recordLabels, tipPublished: noTip, tipStage: noTip, document })
  });
  const stCells = shareCells(d.stakeholders, 'stakeholder_group');
  const stakeholders = section('stakeholders', {
    findings: [
      latestPublished(
        stPublished.map((p) => ({ year: p.year, category: p.category, value: p.share, source: shortSource(p.source) })),
        { what: t('report.what.government_published'), years, figure: fStake.number, format: fmt.percentRound, category: 'government' }
      ),
      latestShare(stCells, { category: 'civil_society', what: t('report.what.civil_society_speakers'), years, figure: fStake.number, k: ctx.k })
    ],
    figures: [fStake],
    coverage: [t('report.cov.published'), t('report.cov.pages')],
    caveats: [t('report.cav.stakeholder_published'), t('report.cav.pages')]
  });

  // Gender: published figures only; the session pages give no gender and none is inferred.
  const women = publishedShares(published, WOMEN_RECORD);
  const fWomen = figure(ctx, {
    key: 'gender',
    title: t('record.women.title'),
    subtitle: t('record.women.subtitle', { first: fmt.year(years[0] ?? 0), last: fmt.year(years.at(-1) ?? 0) }),
    alt: t('report.fig.record.alt', { what: t('record.women.categories'), period: period(years) }),
    notes: [t('record.note.published')],
    table: {
      columns: [
        { key: 'year', label: t('report.col.year') },
        { key: 'published', label: t('report.col.published'), numeric: true },
        { key: 'source', label: t('report.col.source') }
      ],
      rows: women.map((p) => ({ year: fmt.year(p.year), published: fmt.percentRound(p.share), source: p.source }))
    },
    draw: (document) =>
      publicRecordPlot({ width: WIDTH, vocab: WOMEN_RECORD, published: women, stage: [], hostCategories: new Map(), years, labels: recordLabels, tipPublished: noTip, tipStage: noTip, document })
  });
  const gender = section('gender', {
    findings: [
      latestPublished(
        women.map((p) => ({ year: p.year, category: 'female', value: p.share, source: shortSource(p.source) })),
        { what: t('report.what.women_published'), years, figure: fWomen.number, format: fmt.percentRound }
      )
    ],
    figures: [fWomen],
    coverage: [t('report.cov.published')],
    caveats: [t('report.cav.no_gender_pages')]
  });

  // Regions and the host effect.
  const rgPublished = publishedShares(published, REGIONAL_GROUPS_RECORD);
  const rgStage = stageShares(d.regions, REGIONAL_GROUPS_RECORD).filter((s) => years.includes(s.year));
  const rgCells = shareCells(d.regions, 'un_regional_group');
  const fRegions = figure(ctx, {
    key: 'regions',
    title: t('record.regional_groups.title'),
    subtitle: t('record.regional_groups.subtitle', { first: fmt.year(years[0] ?? 0), last: fmt.year(years.at(-1) ?? 0) }),
    alt: t('report.fig.record.alt', { what: t('record.regional_groups.categories'), period: period(years) }),
    // Notes for what is drawn: diamonds, dots when any speaker figure, shading when a host group is known.
    notes: [
      t('record.note.published'),
      ...(rgStage.length ? [t('report.note.stage')] : []),
      ...([...d.hosts.values()].some((c) => c !== null) ? [t('record.note.host')] : [])
    ],
    table: recordTable(rgPublished, rgStage, REGIONAL_GROUPS_RECORD, people),
    draw: (document) =>
      publicRecordPlot({ width: WIDTH, vocab: REGIONAL_GROUPS_RECORD, published: rgPublished, stage: rgStage, hostCategories: d.hosts, years, labels: recordLabels, tipPublished: noTip, tipStage: noTip, document })
  });
  const fMembers = membersFigure(ctx, rgCells, pop);
  const groupLabel = categoryLabel;
  const over = mostOverRepresented(rgCells, { labels: categoryLabel, population: pop, years, figure: fMembers.number });
  const africa = groupAgainstMemberStates(rgCells, { category: 'african', label: categoryLabel('african'), population: pop, years, figure: fMembers.number, k: ctx.k });
  const host = hostEffect(rgCells, { hosts: d.hosts, labels: groupLabel, population: pop, years, figure: fRegions.number });
  const regions = section('regions', {
    findings: [africa, ...(over ? [over] : []), host],
    figures: [fRegions, fMembers],
    coverage: [t('report.cov.pages'), t('report.cov.published')],
    caveats: [t('report.cav.pages'), t('report.cav.region_only'), t('report.cav.host')]
  });

  // Speakers and attendees: the room as published against the stage as listed.
  const pairs = latestPairs(rgPublished, rgStage);
  const fPairs = figure(ctx, {
    key: 'speakers-attendees',
    title: t('report.fig.room_stage'),
    subtitle: pairs.year === null ? t('report.empty') : t('report.fig.room_stage.sub', { year: fmt.year(pairs.year) }),
    alt: t('report.fig.room_stage.alt', { year: pairs.year === null ? '—' : fmt.year(pairs.year) }),
    table: {
      columns: [
        { key: 'group', label: t('report.col.group') },
        { key: 'published', label: t('record.col.published'), numeric: true },
        { key: 'stage', label: t('record.legend.stage'), numeric: true },
        { key: 'n', label: t('report.col.n'), numeric: true }
      ],
      rows: pairs.rows.map((r) => ({
        group: groupLabel(r.category),
        published: r.published ? fmt.percentRound(r.published.share) : '—',
        stage: r.stage ? fmt.percentRound(r.stage.share) : '—',
        n: r.stage ? `${fmt.integer(r.stage.count)} / ${fmt.integer(r.stage.denominator)}` : '—'
      }))
    },
    draw: (document) =>
      pairedDots({
        width: WIDTH,
        categories: REGIONAL_GROUPS.map((c) => ({ key: c, label: categoryLabel(c) })),
        dots: pairs.rows.flatMap((r) => [
          ...(r.published ? [{ category: r.category, series: t('report.legend.room'), value: r.published.share }] : []),
          ...(r.stage ? [{ category: r.category, series: t('report.legend.stage'), value: r.stage.share }] : [])
        ]),
        series: [
          { label: t('report.legend.room'), colour: PUBLISHED_COLOUR, symbol: 'diamond' },
          { label: t('report.legend.stage'), colour: STAGE_COLOUR, symbol: 'circle' }
        ],
        document
      })
  });
  const pairFinding = speakersAgainstParticipants(
    rgCells,
    rgPublished.map((p) => ({ year: p.year, category: p.category, value: p.share, source: shortSource(p.source) })),
    { labels: groupLabel, years, figure: fPairs.number }
  );
  const speakersAttendees = section('speakers-attendees', {
    findings: [pairFinding],
    figures: [fPairs],
    coverage: [t('report.cov.pages'), t('report.cov.published')],
    caveats: [t('report.cav.room_stage')]
  });

  // Sessions: what the session pages hold, and how mixed their panels are.
  const shown = d.totals.filter((x) => years.includes(x.year));
  const fPages = figure(ctx, {
    key: 'sessions',
    title: t('report.fig.pages'),
    subtitle: t('report.fig.pages.sub', { period: period(years) }),
    alt: t('report.fig.pages.alt', { period: period(years) }),
    table: {
      columns: [
        { key: 'year', label: t('report.col.year') },
        { key: 'sessions', label: t('report.col.sessions'), numeric: true },
        { key: 'people', label: t('report.col.people'), numeric: true }
      ],
      rows: shown.map((x) => ({ year: fmt.year(x.year), sessions: fmt.integer(x.sessions), people: fmt.integer(x.people) }))
    },
    draw: (document) => countBars({ width: WIDTH, bars: shown.map((x) => ({ year: x.year, value: x.people })), colour: STAGE_COLOUR, format: fmt.integer, document })
  });
  const diverse = shareCells(d.sessions, 'region_diverse');
  const fDiverse = diversityFigure(ctx, d.sessions, diverse, false);
  const sessions = section('sessions', {
    findings: [
      pageTotalsFinding(d.totals, { years, figure: fPages.number }),
      latestShare(diverse, { category: 'diverse', what: t('report.what.region_diverse'), years, figure: fDiverse.number, k: ctx.k })
    ],
    figures: [fPages, fDiverse],
    coverage: [t('report.cov.pages')],
    caveats: [t('report.cav.pages'), t('report.cav.proposed')]
  });

  return {
    sections: [participation, globalSouth, stakeholders, gender, regions, speakersAttendees, sessions],
    summary: [africa, ...(over ? [over] : []), gsFinding, host, pairFinding, gender.findings[0], participation.findings[0], sessions.findings[0]]
  };
}

/** Shares of a group against its share of UN member states, latest year with figures. */
function membersFigure(ctx: Context, cells: ShareCell[], population: string): ReportFigure {
  const inRange = cells.filter((c) => ctx.years.includes(c.year) && REGIONAL_GROUPS.includes(c.category as never) && !c.suppressed && c.share !== null);
  const year = inRange.length ? Math.max(...inRange.map((c) => c.year)) : null;
  const latest = inRange.filter((c) => c.year === year);
  const series = [
    { label: t('report.legend.population', { population }), colour: OKABE_ITO[0], symbol: 'circle' as const },
    { label: t('report.legend.members'), colour: '#767676', symbol: 'square' as const }
  ];
  return figure(ctx, {
    key: 'members',
    title: t('report.fig.members', { population }),
    subtitle: year === null ? t('report.empty') : t('report.fig.members.sub', { year: fmt.year(year), population }),
    alt: t('report.fig.members.alt', { year: year === null ? '—' : fmt.year(year), population }),
    table: breakdownTable(cells, ctx.years, REGIONAL_GROUPS, true),
    draw: (document) =>
      pairedDots({
        width: WIDTH,
        categories: REGIONAL_GROUPS.map((c) => ({ key: c, label: categoryLabel(c) })),
        dots: latest.flatMap((c) => [
          { category: c.category, series: series[0].label, value: c.share! },
          ...(c.memberStateShare ? [{ category: c.category, series: series[1].label, value: c.memberStateShare }] : [])
        ]),
        series,
        document
      })
  });
}

/** Share of sessions whose listed speakers come from two or more regional groups (and, with gender, manels). */
function diversityFigure(ctx: Context, rows: Row[], diverse: ShareCell[], withManel: boolean): ReportFigure {
  const lines = [
    { key: 'region', label: t('report.legend.region_diverse'), dimension: 'region_diverse', category: 'diverse' },
    { key: 'stakeholder', label: t('report.legend.stakeholder_diverse'), dimension: 'stakeholder_diverse', category: 'diverse' },
    ...(withManel ? [{ key: 'manel', label: t('report.legend.manel'), dimension: 'manel', category: 'manel' }] : [])
  ];
  const points = lines.flatMap((l) => trendOf(rows, l.dimension, l.category, l.key)).filter((p) => ctx.years.includes(p.year) && (p.denominator ?? 0) > 0);
  return figure(ctx, {
    key: 'diversity',
    title: t('report.fig.diversity'),
    subtitle: t('report.fig.diversity.sub', { period: period(ctx.years) }),
    alt: t('report.fig.diversity.alt', { period: period(ctx.years) }),
    notes: trendNotes(points, { k: ctx.k }),
    table: trendTable(diverse, ctx.years, 'diverse'),
    draw: (document) =>
      trendPlot({
        width: WIDTH,
        series: lines.map((l, i) => ({ key: l.key, label: l.label, colour: LINE_COLOURS[i] })),
        points,
        yFormat: percentTick,
        yDomain: [0, 1],
        tipFormat: percentTip,
        document
      })
  });
}

/** The latest year with both a published share and a speakers' share for a regional group. */
function latestPairs(published: PublishedShare[], stage: StageShare[]) {
  const both = stage.filter((s) => published.some((p) => p.year === s.year && p.category === s.category)).map((s) => s.year);
  const year = both.length ? Math.max(...both) : null;
  const rows = REGIONAL_GROUPS.map((category) => ({
    category,
    published: published.find((p) => p.year === year && p.category === category) ?? null,
    stage: stage.find((s) => s.year === year && s.category === category) ?? null
  })).filter((r) => year !== null && (r.published || r.stage));
  return { year, rows };
}

// ---------------------------------------------------------------------------------------------
// Record-level: one source set's attendance, session and speaker records.

interface RecordData {
  participation: MetricResult;
  globalSouth: MetricResult;
  stakeholders: MetricResult;
  genderAttendees: MetricResult;
  genderSpeakers: MetricResult;
  regions: MetricResult;
  regionsSpeakers: MetricResult;
  gsSpeakers: MetricResult;
  host: MetricResult;
  sessions: MetricResult;
}

function recordSections(ctx: Context, d: RecordData, definition: Filters['definition']): { sections: ReportSection[]; summary: Finding[] } {
  const { years } = ctx;
  const attendees = t('report.pop.attendees');
  const speakers = t('report.pop.speakers');
  const within = (r: Row) => years.includes(Number(r.year));

  // Participation.
  const participants = series(d.participation.rows, { dimension: 'participants', category: 'participants', field: 'count' }).filter((p) => years.includes(p.year));
  const countries = series(d.participation.rows, { dimension: 'countries_represented', category: 'countries_represented', field: 'count' });
  const onsite = shareCells(d.participation.rows, 'participation_mode');
  const fPart = figure(ctx, {
    key: 'participants',
    title: t('report.fig.participants'),
    subtitle: t('report.fig.participants.sub', { period: period(years) }),
    alt: t('report.fig.participants.alt', { period: period(years) }),
    table: {
      columns: [
        { key: 'year', label: t('report.col.year') },
        { key: 'count', label: t('report.col.count'), numeric: true },
        { key: 'countries', label: t('overview.card.countries'), numeric: true },
        { key: 'onsite', label: t('overview.card.onsite'), numeric: true },
        { key: 'coverage', label: t('report.col.coverage'), numeric: true }
      ],
      rows: participants.map((p) => {
        const c = onsite.find((x) => x.year === p.year && x.category === 'onsite');
        const n = countries.find((x) => x.year === p.year);
        return {
          year: fmt.year(p.year),
          count: p.suppressed ? t('chart.suppressed') : p.value === null ? '—' : fmt.integer(p.value),
          countries: n?.value == null ? '—' : fmt.integer(n.value),
          onsite: shareCell(c),
          coverage: coverageCell(c)
        };
      })
    },
    draw: (document) =>
      countBars({ width: WIDTH, bars: participants.filter((p) => p.value !== null).map((p) => ({ year: p.year, value: p.value! })), colour: OKABE_ITO[0], format: fmt.integer, document })
  });
  const participation = section('participation', {
    findings: [
      latestCount(participants, { what: t('report.what.participants'), years, figure: fPart.number, k: ctx.k }),
      latestShare(onsite, { category: 'onsite', what: t('report.what.onsite'), years, figure: fPart.number, k: ctx.k })
    ],
    figures: [fPart],
    coverage: [t('report.cov.records')],
    caveats: [t('report.cav.demo')]
  });

  // Global south, four definitions.
  const definitions = ['un_developing', 'g77', 'wb_non_high_income', 'regional_groups'];
  const gsCells = shareCells(d.globalSouth.rows, 'global_south', definition);
  const gsPoints = definitions.flatMap((def) => trendOf(d.globalSouth.rows, 'global_south', 'global_south', def, def)).filter((p) => years.includes(p.year));
  const fGs = figure(ctx, {
    key: 'global-south',
    title: t('report.fig.gs_definitions'),
    subtitle: t('report.fig.gs_definitions.sub', { period: period(years), population: attendees }),
    alt: t('report.fig.gs.alt', { period: period(years) }),
    notes: trendNotes(gsPoints, { k: ctx.k }),
    table: trendTable(gsCells, years, 'global_south'),
    draw: (document) =>
      trendPlot({
        width: WIDTH,
        series: definitions.map((def, i) => ({ key: def, label: label('definition', def), colour: LINE_COLOURS[i] })),
        points: gsPoints,
        yFormat: percentTick,
        yDomain: [0, 1],
        tipFormat: percentTip,
        document
      })
  });
  const gsFinding = latestShare(gsCells, {
    category: 'global_south',
    what: t('report.what.gs_attendees', { definition: label('definition', definition) }),
    years,
    figure: fGs.number,
    k: ctx.k
  });
  const globalSouth = section('global-south', {
    findings: [gsFinding],
    figures: [fGs],
    coverage: [t('report.cov.records')],
    caveats: [t('report.cav.gs_definitions')]
  });

  // Stakeholder groups.
  const stRows = d.stakeholders.rows.filter(within);
  const stack = stackedShares(stRows, 'stakeholder_group', STAKEHOLDER_GROUPS);
  const stCells = shareCells(stRows, 'stakeholder_group');
  const fStake = figure(ctx, {
    key: 'stakeholders',
    title: t('report.fig.stakeholders'),
    subtitle: t('report.fig.stack.sub', { period: period(years), population: attendees }),
    alt: t('report.fig.stack.alt', { period: period(years) }),
    notes: stackNotes(stack.cells, ctx.k),
    table: breakdownTable(stCells, years, STAKEHOLDER_GROUPS),
    draw: (document) => stackedPlot({ width: WIDTH, cells: stack.cells, categories: STAKEHOLDER_GROUPS, suppressedYears: stack.suppressedYears, document })
  });
  const stakeholders = section('stakeholders', {
    findings: [
      latestShare(stCells, { category: 'government', what: t('report.what.government', { population: attendees }), years, figure: fStake.number, k: ctx.k }),
      latestShare(stCells, { category: 'civil_society', what: t('report.what.civil_society', { population: attendees }), years, figure: fStake.number, k: ctx.k })
    ],
    figures: [fStake],
    coverage: [t('report.cov.records')],
    caveats: [t('report.cav.demo')]
  });

  // Gender: attendees and speakers.
  const womenA = shareCells(d.genderAttendees.rows, 'gender');
  const womenS = shareCells(d.genderSpeakers.rows, 'gender');
  const womenPoints = [...trendOf(d.genderAttendees.rows, 'gender', 'female', 'attendees'), ...trendOf(d.genderSpeakers.rows, 'gender', 'female', 'speakers')].filter((p) =>
    years.includes(p.year)
  );
  const fGender = figure(ctx, {
    key: 'gender',
    title: t('report.fig.women'),
    subtitle: t('report.fig.women.sub', { period: period(years) }),
    alt: t('report.fig.women.alt', { period: period(years) }),
    notes: trendNotes(womenPoints, { k: ctx.k }),
    table: trendTable(womenA, years, 'female'),
    draw: (document) =>
      trendPlot({
        width: WIDTH,
        series: [
          { key: 'attendees', label: label('population', 'attendees') },
          { key: 'speakers', label: label('population', 'speakers') }
        ],
        points: womenPoints,
        yFormat: percentTick,
        yDomain: [0, 1],
        target: { value: 0.5, label: t('report.parity') },
        tipFormat: percentTip,
        document
      })
  });
  const genderFinding = latestShare(womenA, { category: 'female', what: t('report.what.women', { population: attendees }), years, figure: fGender.number, k: ctx.k });
  const gender = section('gender', {
    findings: [genderFinding],
    figures: [fGender],
    coverage: [t('report.cov.records')],
    caveats: [t('report.cav.gender')]
  });

  // Regions and host effect.
  const rgRows = d.regions.rows.filter(within);
  const rgStack = stackedShares(rgRows, 'un_regional_group', [...REGIONAL_GROUPS, 'no_group']);
  const rgCells = shareCells(d.regions.rows, 'un_regional_group');
  const fRegions = figure(ctx, {
    key: 'regions',
    title: t('report.fig.regions'),
    subtitle: t('report.fig.stack.sub', { period: period(years), population: attendees }),
    alt: t('report.fig.stack.alt', { period: period(years) }),
    notes: stackNotes(rgStack.cells, ctx.k),
    table: breakdownTable(rgCells, years, [...REGIONAL_GROUPS, 'no_group'], true),
    draw: (document) =>
      stackedPlot({ width: WIDTH, cells: rgStack.cells, categories: [...REGIONAL_GROUPS, 'no_group'], suppressedYears: rgStack.suppressedYears, document })
  });
  const hostCells = shareCells(d.host.rows, 'host');
  const hostPoints = trendOf(d.host.rows, 'host', 'host_country', 'host').filter((p) => years.includes(p.year));
  const fHost = figure(ctx, {
    key: 'host',
    title: t('regions.hostshare.title'),
    subtitle: t('report.fig.host.sub', { period: period(years), population: attendees }),
    alt: t('report.fig.host.alt', { period: period(years) }),
    notes: trendNotes(hostPoints, { k: ctx.k }),
    table: trendTable(hostCells, years, 'host_country'),
    draw: (document) =>
      trendPlot({
        width: WIDTH,
        series: [{ key: 'host', label: t('regions.hostshare.series') }],
        points: hostPoints,
        yFormat: percentTick,
        yDomain: [0, 1],
        tipFormat: percentTip,
        document
      })
  });
  const africa = groupAgainstMemberStates(rgCells, { category: 'african', label: categoryLabel('african'), population: attendees, years, figure: fRegions.number, k: ctx.k });
  const over = mostOverRepresented(rgCells, { labels: categoryLabel, population: attendees, years, figure: fRegions.number });
  const hostFinding = latestShare(hostCells, { category: 'host_country', what: t('report.what.host', { population: attendees }), years, figure: fHost.number, k: ctx.k });
  const regions = section('regions', {
    findings: [africa, ...(over ? [over] : []), hostFinding],
    figures: [fRegions, fHost],
    coverage: [t('report.cov.records')],
    caveats: [t('report.cav.demo'), t('report.cav.host_records')]
  });

  // Speakers and attendees.
  const gsSpeakers = shareCells(d.gsSpeakers.rows, 'global_south', definition);
  const rgSpeakers = shareCells(d.regionsSpeakers.rows, 'un_regional_group');
  const comparePoints = [
    ...trendOf(d.globalSouth.rows, 'global_south', 'global_south', 'attendees', definition),
    ...trendOf(d.gsSpeakers.rows, 'global_south', 'global_south', 'speakers', definition)
  ].filter((p) => years.includes(p.year));
  const fCompare = figure(ctx, {
    key: 'speakers-attendees',
    title: t('report.fig.compare'),
    subtitle: t('report.fig.compare.sub', { period: period(years), definition: label('definition', definition) }),
    alt: t('report.fig.compare.alt', { period: period(years) }),
    notes: trendNotes(comparePoints, { k: ctx.k }),
    table: trendTable(gsSpeakers, years, 'global_south'),
    draw: (document) =>
      trendPlot({
        width: WIDTH,
        series: [
          { key: 'attendees', label: label('population', 'attendees') },
          { key: 'speakers', label: label('population', 'speakers') }
        ],
        points: comparePoints,
        yFormat: percentTick,
        yDomain: [0, 1],
        tipFormat: percentTip,
        document
      })
  });
  const compareGs = compareShares(gsCells, gsSpeakers, {
    category: 'global_south',
    what: t('report.what.gs_share', { definition: label('definition', definition) }),
    labelA: attendees,
    labelB: speakers,
    years,
    figure: fCompare.number
  });
  const compareWomen = compareShares(womenA, womenS, { category: 'female', what: t('report.what.women_share'), labelA: attendees, labelB: speakers, years, figure: fGender.number });
  const speakersAttendees = section('speakers-attendees', {
    findings: [compareGs, compareWomen, groupAgainstMemberStates(rgSpeakers, { category: 'african', label: categoryLabel('african'), population: speakers, years, figure: fCompare.number, k: ctx.k })],
    figures: [fCompare],
    coverage: [t('report.cov.records')],
    caveats: [t('report.cav.demo')]
  });

  // Sessions.
  const manel = shareCells(d.sessions.rows, 'manel');
  const fDiverse = diversityFigure(ctx, d.sessions.rows, shareCells(d.sessions.rows, 'region_diverse'), true);
  const sessions = section('sessions', {
    findings: [
      latestShare(manel, { category: 'manel', what: t('report.what.manel'), years, figure: fDiverse.number, k: ctx.k }),
      latestShare(shareCells(d.sessions.rows, 'region_diverse'), { category: 'diverse', what: t('report.what.region_diverse'), years, figure: fDiverse.number, k: ctx.k })
    ],
    figures: [fDiverse],
    coverage: [t('report.cov.records')],
    caveats: [t('report.cav.demo')]
  });

  return {
    sections: [participation, globalSouth, stakeholders, gender, regions, speakersAttendees, sessions],
    summary: [participation.findings[0], gsFinding, africa, ...(over ? [over] : []), genderFinding, compareGs, hostFinding, sessions.findings[0]]
  };
}

// ---------------------------------------------------------------------------------------------

/**
 * The published figures the public-record report draws or quotes, by metric: a figure is used when
 * its category is one the chart's vocabulary reads (a UN regional group, a stakeholder group,
 * women), or any category for the onsite count. The Sources list names exactly these.
 */
const PUBLISHED_USED: Record<string, (category: string | null) => boolean> = {
  participants_onsite: () => true,
  region_share: (c) => REGIONAL_GROUPS_RECORD.publishedCategory(c) !== null,
  region_share_estimated: (c) => REGIONAL_GROUPS_RECORD.publishedCategory(c) !== null,
  stakeholder_share: (c) => STAKEHOLDER_GROUPS_RECORD.publishedCategory(c) !== null,
  gender_share: (c) => WOMEN_RECORD.publishedCategory(c) !== null
};

function sourcesOf(published: MetricResult | null, years: number[], used: Record<string, (category: string | null) => boolean>): PublishedSource[] {
  if (!published) return [];
  const seen = new Set<string>();
  const out: PublishedSource[] = [];
  for (const r of published.rows) {
    const year = Number(r.year);
    const category = typeof r.category === 'string' ? r.category : null;
    if (!years.includes(year) || !used[String(r.metric)]?.(category) || typeof r.published_value !== 'number') continue;
    const key = `${year}|${r.metric}|${r.category}|${r.published_value}|${r.source_url}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const unit = String(r.unit ?? '');
    out.push({
      year,
      metric: publishedFigureName(r),
      // Percentages as the language writes them (41 %, and in Arabic with the marks that keep the sign after the number).
      value: unit.startsWith('percent')
        ? (Number.isInteger(r.published_value) ? fmt.percentRound : fmt.percent)(r.published_value / 100)
        : fmt.integer(r.published_value),
      quote: typeof r.quote === 'string' ? r.quote : '',
      title: typeof r.source_title === 'string' ? r.source_title : '',
      url: safeUrl(r.source_url)
    });
  }
  return out.sort((a, b) => a.year - b.year || a.metric.localeCompare(b.metric));
}

function sourceSetEntries(sets: SourceSet[], used: string[]): SourceSetEntry[] {
  return sets.map((s) => ({
    name: s.name,
    label: label('source', s.name),
    synthetic: s.synthetic,
    used: used.includes(s.name),
    text: t('report.sets.line', {
      name: s.name,
      label: label('source', s.name),
      attendance: fmt.integer(s.records.attendance),
      sessions: fmt.integer(s.records.sessions),
      speakers: fmt.integer(s.records.speakers),
      years: s.years.length ? period(s.years) : '—'
    })
  }));
}

/** The report for a request URL (its from, to, source and v parameters). */
export async function buildReport(url: URL, now: Date = new Date()): Promise<Report> {
  const { filters, invalid } = filtersOf(url);
  const [sets, version] = await withConnection(async (conn) => [await sourceSets(conn), await dataVersion(conn)] as const);
  const notes = invalid.map((i) => t('notes.invalid', { name: i.name, value: i.value, fallback: i.fallback }));
  // A set the database does not hold: the public record, and the page says so.
  let source = filters.source;
  if (source !== null && !sets.some((s) => s.name === source)) {
    notes.push(t('notes.invalid', { name: 'source', value: source, fallback: t('report.subtitle.public') }));
    source = null;
  }
  const f: Filters = { ...filters, source, year: null, population: 'attendees', mode: 'all', exclude_host: false };
  const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>') as unknown as { document: Document };
  const hasPages = sets.some((s) => s.name === PUBLIC_SESSION_PAGES && !s.synthetic);

  let built: { sections: ReportSection[]; summary: Finding[] };
  let published: MetricResult | null = null;
  let results: MetricResult[];
  let years: number[];
  let k = 5;
  const ctx = (ys: number[]): Context => ({ document, years: ys, k, figures: [] });
  // A range without any meeting year in the data: the whole record, and the report says so.
  const inRange = (all: number[]): number[] => {
    const ys = resolveYears(f, all).years;
    if (ys.length || !all.length) return ys;
    notes.push(t('report.range.empty', { from: f.from === null ? '…' : fmt.year(f.from), to: f.to === null ? '…' : fmt.year(f.to), period: period(all) }));
    return [...new Set(all)].sort((a, b) => a - b);
  };
  const selected = sets.find((s) => s.name === source);
  const demo = selected?.synthetic ?? false;

  if (source === null) {
    const pages = { ...f, source: realSourceSet(sets) };
    const speakers = { population: 'speakers' } as const;
    const none = async (): Promise<MetricResult | null> => null;
    const [pub, regions, stakeholders, gs, sess, hosts, totals] = await Promise.all([
      metric('published', pages),
      hasPages ? metric('regions', pages, speakers) : none(),
      hasPages ? metric('stakeholders', pages, speakers) : none(),
      hasPages ? metric('global-south', pages, { ...speakers, definition: 'regional_groups' }) : none(),
      hasPages ? metric('sessions', pages) : none(),
      hostGroups(),
      hasPages ? sessionPageTotals(PUBLIC_SESSION_PAGES) : Promise.resolve([])
    ]);
    // Rows of another set than the session pages never stand in for them.
    const real = (r: MetricResult | null) => (r && r.params.source === PUBLIC_SESSION_PAGES && !r.synthetic ? r.rows : []);
    published = pub;
    results = [pub, regions, stakeholders, gs, sess].filter((r): r is MetricResult => r !== null);
    const all = [...new Set([...pub.rows.map((r) => Number(r.year)), ...totals.map((x) => x.year)])].filter(Number.isFinite);
    years = inRange(all);
    built = publicSections(ctx(years), {
      published: pub,
      regions: real(regions),
      stakeholders: real(stakeholders),
      globalSouth: real(gs),
      sessions: real(sess),
      hosts: new Map(hosts.map((h) => [h.year, h.host_group])),
      totals
    });
  } else {
    const definition = f.definition;
    const sp = { population: 'speakers' } as const;
    const [participation, gsAll, stakeholders, genderA, genderS, regions, regionsS, gsS, host, sess] = await Promise.all([
      metric('participation', f),
      metric('global-south', f, { definition: 'all' }),
      metric('stakeholders', f),
      metric('gender', f),
      metric('gender', f, sp),
      metric('regions', f),
      metric('regions', f, sp),
      metric('global-south', f, { ...sp, definition }),
      metric('host', f),
      metric('sessions', f)
    ]);
    results = [participation, gsAll, stakeholders, genderA, genderS, regions, regionsS, gsS, host, sess];
    k = participation.suppression.k;
    const all = [...new Set(results.flatMap((r) => r.rows.map((row) => Number(row.year))))].filter(Number.isFinite);
    years = inRange(all);
    built = recordSections(
      ctx(years),
      {
        participation,
        globalSouth: gsAll,
        stakeholders,
        genderAttendees: genderA,
        genderSpeakers: genderS,
        regions,
        regionsSpeakers: regionsS,
        gsSpeakers: gsS,
        host,
        sessions: sess
      },
      definition
    );
  }

  const hash = version.hash.slice(0, 12);
  const requested = url.searchParams.get('v');
  const query = filterQuery({ ...f, definition: source === null ? 'un_developing' : f.definition });
  const permalinkQuery = new URLSearchParams(query.slice(1));
  permalinkQuery.set('v', hash);
  const permalink = `${url.origin}${localHref('/report')}?${permalinkQuery}`;
  const date = now.toISOString().slice(0, 10);
  const title = demo ? t('report.title.demo') : t('report.title');
  const p = period(years);
  const citeTitle = t('punct.with.period', { label: title, period: p });
  const cite = citation({ title: citeTitle, url: permalink, version: hash, accessed: date, year: version.loaded_at ? Number(version.loaded_at.slice(0, 4)) : undefined });
  const used = source === null ? [PUBLIC_SESSION_PAGES].filter(() => hasPages) : [source];

  const methodology = [
    // Each metric the report uses, once, in the words of the Methodology page (the page's language);
    // its code is the API's name for it.
    ...[...new Set(results.map((r) => r.metric))].map((m) => ({ title: t('punct.with.code', { label: t(metricTitleKey(m)), code: m }), text: t(metricDefinitionKey(m)) })),
    ...GLOBAL_SOUTH_DEFINITIONS.filter((code) => source !== null || code === 'regional_groups').map((code) => ({
      title: t('punct.labelled', { label: t('method.gs'), value: label('definition', code) }),
      text: t(definitionTextKey(code))
    })),
    { title: t('method.suppression'), text: t('method.suppression.text', { k, coverage: fmt.percentRound(0.8) }) },
    { title: t('report.method.reading'), text: t('report.method.reading.text') }
  ];

  return {
    title,
    subtitle: source === null ? t('report.subtitle.public') : t('report.subtitle.records', { source: label('source', source) }),
    demo,
    period: p,
    years,
    version: hash,
    requestedVersion: requested && requested !== hash ? requested.slice(0, 40) : null,
    date,
    permalink,
    // A page whose language the PDF cannot be set in links the English PDF itself, not its /xx/report.pdf (a 303 to it).
    pdfUrl: `${localizePath('/report.pdf', pdfLocale(currentLocale()))}${query}`,
    pdfInPageLanguage: pdfLocale(currentLocale()) === currentLocale(),
    records: source === null ? t('report.records.public') : t('punct.with.code', { label: label('source', source), code: source }),
    citation: cite,
    intro: demo ? t('report.demo.text') : source === null ? t('report.public.text') : t('report.records.text'),
    summary: built.summary,
    sections: built.sections,
    methodology,
    // The record-level report draws no published figure; the public record draws these.
    sources: sourcesOf(published, years, source === null ? PUBLISHED_USED : {}),
    sourceSets: sourceSetEntries(sets, used),
    notes
  };
}
