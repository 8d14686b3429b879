/**
 * The common row shape of the breakdown metrics, and the finishing step: small-cell suppression
 * (attendees), Wilson intervals and the low-n flag.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { wilson } from './wilson.ts';
import { suppressGroups, suppressionK } from './suppression.ts';
import { runStatement, type SqlRow, type Statement } from './sql.ts';
import { publicParams, type MetricName, type MetricParams } from './params.ts';
import type { Column, ComputeOptions, MetricModule, MetricResult, Row } from './types.ts';
import { SHARE_TEXT, selectionText, suppressionText } from './describe.ts';
import { isMergeable, isMissing, mergeOut, type CountCell, type DraftRow } from './cells.ts';
import { addTargets, targetText, withTargetColumns } from './targets.ts';

/** Indices and ratios (and shares) computed from fewer records than this carry low_n = true. */
export const LOW_N = 30;

/** Missing-data bounds of a share row (also in the countries metric's columns). */
export const BOUND_COLUMNS: Column[] = [
  {
    name: 'bound_low',
    type: 'float',
    description:
      'Missing-data lower bound of the share: count / (denominator + u), u = records of the year with the field not known (unknown, undisclosed, not classified; with a small other gender merged into them, that too) — the share if none of them were in the category. Null when suppressed.'
  },
  {
    name: 'bound_high',
    type: 'float',
    description: 'Missing-data upper bound of the share: (count + u) / (denominator + u) — the share if all of the u records were in the category.'
  }
];

export const SHARE_COLUMNS: Column[] = [
  { name: 'year', type: 'int', description: 'Meeting year.' },
  {
    name: 'kind',
    type: 'string',
    description:
      "share: a category inside the denominator; excluded: records outside it (unknown, other...); count: a plain count; index / ratio: a value computed from the breakdown."
  },
  { name: 'dimension', type: 'string', description: 'The breakdown (stakeholder_group, gender, un_regional_group, ...) or index.' },
  { name: 'definition', type: 'string', description: 'Global-south definition the row is computed under, else empty.' },
  { name: 'category', type: 'string', description: 'Category of the breakdown, or the index name.' },
  { name: 'count', type: 'int', description: 'Records in the category (null when suppressed).' },
  {
    name: 'denominator',
    type: 'int',
    description: 'Records in the denominator (the known categories); for index and ratio rows the records the value is computed from.'
  },
  { name: 'total', type: 'int', description: 'All records of the year in the selection, known or not.' },
  { name: 'share', type: 'float', description: 'count / denominator.' },
  { name: 'ci_low', type: 'float', description: 'Wilson 95 % score interval, lower bound.' },
  { name: 'ci_high', type: 'float', description: 'Wilson 95 % score interval, upper bound.' },
  { name: 'coverage', type: 'float', description: 'denominator / total: the share of records with the field known.' },
  ...BOUND_COLUMNS,
  { name: 'value', type: 'float', description: 'Index or ratio value (index and ratio rows).' },
  { name: 'low_n', type: 'bool', description: `True when computed from fewer than ${LOW_N} records.` },
  {
    name: 'suppressed',
    type: 'bool',
    description: 'True when the row hides an attendee figure below the threshold k, or one that would let it be recovered.'
  },
  {
    name: 'suppression_reason',
    type: 'string',
    description:
      'Why a suppressed row is hidden, else null: fewer_than_k (the cell has 1 to k-1 records), protects_other (hidden so that a small cell elsewhere in the same breakdown and year cannot be recovered by subtraction), denominator_hidden (the breakdown\'s known total is hidden, and every share with it), input_suppressed (an index or ratio computed from a suppressed cell).'
  }
];

/** The values of suppression_reason (null when the row is shown). */
export type SuppressionReason = 'fewer_than_k' | 'protects_other' | 'denominator_hidden' | 'input_suppressed';

export interface FinishOptions {
  /** Apply attendee small-cell suppression. */
  suppress: boolean;
  k: number;
  /** For index/ratio dimensions: the breakdown whose cells they are computed from. */
  parents?: Record<string, string>;
  /**
   * For index/ratio dimensions: the parent's categories the value is computed from. The value is
   * hidden only when one of them is (without this, when any cell of the parent is).
   */
  inputs?: Record<string, readonly string[]>;
  /** Count rows that are attendee cells (suppressed when small), by dimension. */
  attendeeCounts?: string[];
  /** Extra columns derived from a row's share: nulled with it. */
  derivedFromShare?: string[];
  /** Keep only these dimensions in the output (others are computed for suppression only). */
  output?: string[];
}

const groupKey = (r: DraftRow, dimension: string = r.dimension) => `${r.year}|${dimension}|${r.definition ?? ''}`;

/**
 * Suppression (attendees), Wilson intervals and low_n over draft rows; returns the final rows with
 * their fields in column order (one object shape for all rows, built once).
 */
export function finishShareRows(input: readonly DraftRow[], opt: FinishOptions, columns: Column[] = SHARE_COLUMNS): Row[] {
  const n = input.length;
  const drafts = [...input];
  const hideCount = new Array<boolean>(n).fill(false);
  const hideDenominator = new Array<boolean>(n).fill(false);
  const hideTotal = new Array<boolean>(n).fill(false);
  const hideValue = new Array<boolean>(n).fill(false);
  const hideBounds = new Array<boolean>(n).fill(false);
  const suppressed = new Array<boolean>(n).fill(false);
  const reason = new Array<SuppressionReason | null>(n).fill(null);
  const merged = new Array<boolean>(n).fill(false);
  const cellIdx: number[] = [];
  for (let i = 0; i < n; i++) if (drafts[i].kind === 'share' || drafts[i].kind === 'excluded') cellIdx.push(i);

  if (opt.suppress) {
    const plan = suppressGroups(
      cellIdx,
      (i) => groupKey(drafts[i]),
      (i) => ({
        count: Number(drafts[i].count ?? 0),
        part: drafts[i].kind === 'share' ? 'in' : 'out',
        missing: isMissing(drafts[i].kind, drafts[i].category),
        mergeable: drafts[i].kind === 'share' && isMergeable(drafts[i].dimension, drafts[i].category)
      }),
      opt.k
    );
    const hiddenCategories = new Map<string, Set<string>>();
    cellIdx.forEach((i, j) => {
      const g = plan.groups.get(groupKey(drafts[i]))!;
      if (plan.items[j].suppressed) {
        hideCount[i] = suppressed[i] = true;
        reason[i] = plan.items[j].secondary ? 'protects_other' : 'fewer_than_k';
        const gk = groupKey(drafts[i]);
        hiddenCategories.set(gk, (hiddenCategories.get(gk) ?? new Set()).add(drafts[i].category));
      }
      if (plan.items[j].merged) merged[i] = true;
      // Without D no share can be shown: the share rows are withheld even where their count is not.
      if (g.denominatorHidden) {
        hideDenominator[i] = true;
        if (drafts[i].kind === 'share') {
          suppressed[i] = true;
          reason[i] ??= 'denominator_hidden';
        }
      }
      if (g.totalHidden) hideTotal[i] = true;
      if (g.boundsHidden) hideBounds[i] = true;
    });
    for (let i = 0; i < n; i++) {
      const d = drafts[i];
      const count = Number(d.count ?? 0);
      if (d.kind === 'count' && opt.attendeeCounts?.includes(d.dimension) && count >= 1 && count < opt.k) {
        hideCount[i] = suppressed[i] = true;
        reason[i] = 'fewer_than_k';
      }
      if (d.kind === 'index' || d.kind === 'ratio') {
        const parent = opt.parents?.[d.dimension];
        const g = parent ? plan.groups.get(groupKey(d, parent)) : undefined;
        const inputs = opt.inputs?.[d.dimension];
        const hidden = parent ? hiddenCategories.get(groupKey(d, parent)) : undefined;
        const inputHidden = inputs ? inputs.some((c) => hidden?.has(c)) : g !== undefined && (g.anySuppressed || g.denominatorHidden);
        if (inputHidden) {
          hideValue[i] = hideDenominator[i] = suppressed[i] = true;
          reason[i] = 'input_suppressed';
        }
        if (g?.totalHidden) hideTotal[i] = true;
      }
    }
    // A merged cell leaves its group's denominator: the group's rows are re-based on the rest.
    if (merged.some(Boolean)) {
      const mergedRows = new Set(cellIdx.filter((i) => merged[i]).map((i) => drafts[i]));
      drafts.splice(0, n, ...mergeOut(drafts, (r) => mergedRows.has(r)));
    }
  }

  // u per group: the records outside the denominator whose field is not known (and merged cells).
  const unknownOf = new Map<string, number>();
  for (const i of cellIdx) {
    const d = drafts[i];
    if (isMissing(d.kind, d.category) || merged[i]) unknownOf.set(groupKey(d), (unknownOf.get(groupKey(d)) ?? 0) + Number(d.count ?? 0));
  }

  const derived = opt.derivedFromShare ?? [];
  const out: Row[] = [];
  for (let i = 0; i < n; i++) {
    const d = drafts[i];
    if (opt.output && !opt.output.includes(d.dimension)) continue;
    const count = hideCount[i] ? null : d.count;
    const denominator = hideDenominator[i] ? null : d.denominator;
    const shareHidden = hideCount[i] || hideDenominator[i];
    const share = shareHidden ? null : d.share;
    let ciLow: number | null = null;
    let ciHigh: number | null = null;
    let boundLow: number | null = null;
    let boundHigh: number | null = null;
    if (d.kind === 'share' && typeof count === 'number' && typeof denominator === 'number') {
      const ci = wilson(count, denominator);
      if (ci) {
        ciLow = ci.low;
        ciHigh = ci.high;
      }
      const u = unknownOf.get(groupKey(d)) ?? 0;
      if (!hideBounds[i] && denominator + u > 0) {
        boundLow = count / (denominator + u);
        boundHigh = (count + u) / (denominator + u);
      }
    }
    const computed: Row = {
      count,
      denominator,
      total: hideTotal[i] ? null : d.total,
      share,
      ci_low: ciLow,
      ci_high: ciHigh,
      coverage: hideDenominator[i] || hideTotal[i] ? null : d.coverage,
      bound_low: boundLow,
      bound_high: boundHigh,
      value: hideValue[i] ? null : d.value,
      low_n:
        d.kind === 'share' || d.kind === 'index' || d.kind === 'ratio' ? d.denominator === null || Number(d.denominator) < LOW_N : null,
      suppressed: suppressed[i],
      suppression_reason: suppressed[i] ? reason[i] : null
    };
    const row: Row = {};
    for (const c of columns) {
      const name = c.name;
      row[name] = name in computed ? computed[name] : shareHidden && derived.includes(name) ? null : (d[name] ?? null);
    }
    out.push(row);
  }
  return out;
}

/** Order row fields as the columns list them. */
export function orderRow(row: Row, columns: Column[]): Row {
  const out: Row = {};
  for (const c of columns) out[c.name] = row[c.name] ?? null;
  return out;
}

/**
 * Every metric query carries a `synthetic` column (any synthetic record in the selection, the same
 * value on every row): read it and drop it from the rows.
 */
export function takeSynthetic(rows: SqlRow[]): boolean {
  let any = false;
  for (const r of rows) {
    if (r.synthetic === true) any = true;
    delete r.synthetic;
  }
  return any;
}

/** Counted cells from a metric query, and whether any record counted is synthetic. */
export async function runCells(conn: DuckDBConnection, st: Statement): Promise<{ cells: (CountCell & SqlRow)[]; synthetic: boolean }> {
  const rows = await runStatement(conn, st);
  const synthetic = takeSynthetic(rows);
  return { cells: rows as (CountCell & SqlRow)[], synthetic };
}

/** Shared compute() of the breakdown metrics: one SQL statement, then rows, then finishing. */
export async function computeShareMetric(
  conn: DuckDBConnection,
  spec: {
    metric: MetricName;
    params: MetricParams;
    statement: Statement;
    columns: Column[];
    definition: string;
    build: (cells: (CountCell & SqlRow)[]) => DraftRow[];
    finish: Omit<FinishOptions, 'suppress' | 'k'>;
  },
  options: ComputeOptions = {}
): Promise<MetricResult> {
  const k = options.k ?? suppressionK();
  const suppress = spec.params.population === 'attendees' && k > 1;
  const { cells, synthetic } = await runCells(conn, spec.statement);
  const rows = addTargets(finishShareRows(spec.build(cells), { ...spec.finish, suppress, k }, spec.columns), spec.params);
  return {
    metric: spec.metric,
    params: publicParams(spec.metric, spec.params),
    definition: spec.definition,
    synthetic,
    suppression: { k, applied: spec.params.population === 'attendees' },
    columns: withTargetColumns(spec.columns, spec.params),
    rows
  };
}

/** A breakdown metric: one SQL statement, its rows built from the counted cells, then finishing. */
export interface ShareMetricSpec {
  name: MetricName;
  title: string;
  columns: Column[];
  statement: (p: MetricParams) => Statement;
  build: (cells: (CountCell & SqlRow)[], p: MetricParams) => DraftRow[];
  /** What the metric measures; the selection, interval and suppression texts follow. */
  describe: (p: MetricParams) => string[];
  finish?: Omit<FinishOptions, 'suppress' | 'k'>;
}

export function shareMetric(spec: ShareMetricSpec): MetricModule {
  const definition = (p: MetricParams) =>
    [...spec.describe(p), selectionText(p), SHARE_TEXT, targetText(p), suppressionText(p.population)].filter(Boolean).join(' ');
  return {
    name: spec.name,
    title: spec.title,
    columns: (p) => withTargetColumns(spec.columns, p),
    definition,
    statements: (p) => [spec.statement(p)],
    compute: (conn, p, options) =>
      computeShareMetric(
        conn,
        {
          metric: spec.name,
          params: p,
          statement: spec.statement(p),
          columns: spec.columns,
          definition: definition(p),
          build: (cells) => spec.build(cells, p),
          finish: spec.finish ?? {}
        },
        options
      )
  };
}
