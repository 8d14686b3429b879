/**
 * Published figures (published_figure) lined up with the figure this product computes for the same
 * year, metric and category, and the difference computed - published. The computed figures are the
 * rows of the participation, gender, stakeholders and regions metrics for all attendees (all modes,
 * host included), suppression included: a published figure never uncovers a hidden cell.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import sql from './published.sql?raw';
import { compose, runStatement, statement } from './sql.ts';
import { publicParams, DEFAULT_PARAMS, type MetricParams } from './params.ts';
import { orderRow } from './share-rows.ts';
import { sourceText } from './describe.ts';
import { suppressionK } from './suppression.ts';
import { participation } from './participation.ts';
import { genderShares } from './gender-shares.ts';
import { stakeholderShares } from './stakeholder-shares.ts';
import { regionalShares } from './regional-shares.ts';
import type { Column, ComputeOptions, MetricModule, Row } from './types.ts';
import { categoryCodes } from '$lib/domain/categories.ts';

export const PUBLISHED_COLUMNS: Column[] = [
  { name: 'year', type: 'int', description: 'Meeting year.' },
  { name: 'metric', type: 'string', description: 'Published metric, as in data/published.' },
  { name: 'category', type: 'string', description: 'Published category.' },
  { name: 'unit', type: 'string', description: 'count, count_lower_bound, count_approx, percent, percent_approx, ...' },
  { name: 'published_value', type: 'float', description: 'The published figure.' },
  { name: 'computed_value', type: 'float', description: 'The computed figure in the same unit (percent for shares); null when not comparable, not in the data, or suppressed.' },
  { name: 'difference', type: 'float', description: 'computed_value - published_value.' },
  { name: 'computed_from', type: 'string', description: 'Which computed figure was used; empty when the published metric has no computed counterpart.' },
  { name: 'suppressed', type: 'bool', description: 'True when the computed figure is a suppressed attendee cell.' },
  { name: 'source_title', type: 'string', description: 'Title of the source.' },
  { name: 'source_url', type: 'string', description: 'Where the figure was published.' },
  { name: 'quote', type: 'string', description: 'The words of the source that give the figure, verbatim.' }
];

type Source = 'participation' | 'gender' | 'stakeholders' | 'regions';
interface Mapping {
  source: Source;
  dimension: string;
  categories: string[];
  measure: 'count' | 'share';
}

const PERCENT_UNITS = ['percent', 'percent_approx', 'percent_less_than'];
const COUNT_UNITS = ['count', 'count_lower_bound', 'count_approx'];

const STAKEHOLDER_CATEGORIES: Record<string, string[]> = {
  government: ['government'],
  private_sector: ['private_sector'],
  civil_society: ['civil_society'],
  technical_community: ['technical_community'],
  academia: ['academia'],
  technical_and_academic: ['technical_community', 'academia'],
  intergovernmental_organisation: ['intergovernmental_organization'],
  intergovernmental_organization: ['intergovernmental_organization'],
  media: ['media']
};

const REGION_CATEGORIES: Record<string, [string, string]> = {
  african_group: ['un_regional_group', 'african'],
  asia_pacific_group: ['un_regional_group', 'asia_pacific'],
  eastern_european_group: ['un_regional_group', 'eastern_european'],
  grulac: ['un_regional_group', 'grulac'],
  weog: ['un_regional_group', 'weog'],
  // before 2011 the sources used continents, not UN regional groups
  africa: ['m49_region', 'africa']
};

/** Which computed figure answers a published (metric, category, unit); null when none does. */
export function mapPublishedFigure(metric: string, category: string | null, unit: string | null): Mapping | null {
  const cat = category ?? 'all';
  const u = unit ?? '';
  const isPercent = PERCENT_UNITS.includes(u);
  const isCount = COUNT_UNITS.includes(u);
  if (isCount && cat === 'all') {
    if (metric === 'participants_onsite') return { source: 'participation', dimension: 'participation_mode', categories: ['onsite'], measure: 'count' };
    if (metric === 'participants_online') return { source: 'participation', dimension: 'participation_mode', categories: ['online'], measure: 'count' };
    if (metric === 'participants_total') return { source: 'participation', dimension: 'participants', categories: ['participants'], measure: 'count' };
    if (metric === 'countries_represented')
      return { source: 'participation', dimension: 'countries_represented', categories: ['countries_represented'], measure: 'count' };
    if (metric === 'sessions_total') return { source: 'participation', dimension: 'sessions', categories: ['sessions'], measure: 'count' };
  }
  if (isPercent && metric === 'first_time_share' && cat === 'all')
    return { source: 'participation', dimension: 'first_time', categories: ['first_time'], measure: 'share' };
  if (isPercent && metric === 'gender_share' && (categoryCodes('gender', 'in') as string[]).includes(cat))
    return { source: 'gender', dimension: 'gender', categories: [cat], measure: 'share' };
  if (metric === 'stakeholder_share' && isPercent && STAKEHOLDER_CATEGORIES[cat])
    return { source: 'stakeholders', dimension: 'stakeholder_group', categories: STAKEHOLDER_CATEGORIES[cat], measure: 'share' };
  if ((metric === 'stakeholder_count' || metric === 'media_participants') && isCount && STAKEHOLDER_CATEGORIES[cat])
    return { source: 'stakeholders', dimension: 'stakeholder_group', categories: STAKEHOLDER_CATEGORIES[cat], measure: 'count' };
  if ((metric === 'region_share' || metric === 'region_share_estimated') && isPercent && REGION_CATEGORIES[cat]) {
    const [dimension, c] = REGION_CATEGORIES[cat];
    return { source: 'regions', dimension, categories: [c], measure: 'share' };
  }
  return null;
}

function describeMapping(m: Mapping): string {
  const what = m.categories.join(' + ');
  return m.measure === 'share'
    ? `${m.source}: ${m.dimension} ${what}, share x 100 (attendees, all modes)`
    : `${m.source}: ${m.dimension === what ? what : `${m.dimension} ${what}`} count (attendees, all modes)`;
}

function mainStatement(p: MetricParams) {
  return statement(compose(sql, {}), p);
}

function attendeeParams(p: MetricParams): MetricParams {
  return { ...DEFAULT_PARAMS, source: p.source, from: p.from, to: p.to, population: 'attendees', format: p.format };
}

function definition(p: MetricParams): string {
  return `Published IGF participation figures (data/published, each with its source and quote) beside the figure computed from the attendance records of ${sourceText(p)} for the same year, metric and category: counts of attendance records (participants, onsite, online, countries, sessions, per stakeholder group) and shares in percent (gender, stakeholder group, UN regional group, first-time). difference = computed - published. Published definitions vary by year and source (onsite vs registered, estimated shares): read the unit and the source before drawing conclusions. Computed attendee figures are suppressed as everywhere else (k).`;
}

async function compute(conn: DuckDBConnection, p: MetricParams, options: ComputeOptions = {}) {
  const k = options.k ?? suppressionK();
  const published = await runStatement(conn, mainStatement(p));
  const ap = attendeeParams(p);
  const needed = new Set<Source>();
  const mappings = published.map((r) => mapPublishedFigure(String(r.metric), r.category as string | null, r.unit as string | null));
  for (const m of mappings) if (m) needed.add(m.source);
  const modules: Record<Source, MetricModule> = {
    participation,
    gender: genderShares,
    stakeholders: stakeholderShares,
    regions: regionalShares
  };
  const computed = new Map<Source, Row[]>();
  let synthetic = false;
  for (const s of needed) {
    const result = await modules[s].compute(conn, ap, { k });
    computed.set(s, result.rows);
    synthetic ||= result.synthetic;
  }

  const rows = published.map((r, i) => {
    const m = mappings[i];
    let value: number | null = null;
    let suppressed = false;
    if (m) {
      const cells = (computed.get(m.source) ?? []).filter(
        (c) => c.year === r.year && c.dimension === m.dimension && m.categories.includes(String(c.category))
      );
      if (cells.length === m.categories.length) {
        if (cells.some((c) => c.suppressed === true)) suppressed = true;
        const field = m.measure === 'share' ? 'share' : 'count';
        if (cells.every((c) => typeof c[field] === 'number')) {
          const sum = cells.reduce((s, c) => s + (c[field] as number), 0);
          value = m.measure === 'share' ? sum * 100 : sum;
        }
      }
    }
    const published_value = typeof r.value === 'number' ? r.value : null;
    return orderRow(
      {
        year: r.year,
        metric: r.metric,
        category: r.category,
        unit: r.unit,
        published_value,
        computed_value: value,
        difference: value !== null && published_value !== null ? value - published_value : null,
        computed_from: m ? describeMapping(m) : null,
        suppressed,
        source_title: r.source_title,
        source_url: r.source_url,
        quote: r.quote
      },
      PUBLISHED_COLUMNS
    );
  });
  return {
    metric: 'published' as const,
    params: publicParams('published', p),
    definition: definition(p),
    synthetic,
    suppression: { k, applied: true },
    columns: PUBLISHED_COLUMNS,
    rows
  };
}

export const publishedVsComputed: MetricModule = {
  name: 'published',
  title: 'Published vs computed',
  columns: () => PUBLISHED_COLUMNS,
  definition,
  statements: (p) => {
    const ap = attendeeParams(p);
    return [
      mainStatement(p),
      ...participation.statements(ap),
      ...genderShares.statements(ap),
      ...stakeholderShares.statements(ap),
      ...regionalShares.statements(ap)
    ];
  },
  compute
};
