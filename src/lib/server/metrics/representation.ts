/**
 * Speakers' share / attendees' share per year and category. The attendee side is suppressed exactly
 * as the attendee breakdown endpoints suppress it (same groups, same rule), and the ratio goes with it.
 */
import sql from './representation.sql?raw';
import { commonFragments, compose, statement } from './sql.ts';
import { LOW_N, SHARE_COLUMNS, orderRow, runCells } from './share-rows.ts';
import { isMergeable, isMissing, mergeOut, shareRows, sortRows, type DraftRow } from './cells.ts';
import { suppressGroups, suppressionK } from './suppression.ts';
import { wilson } from './wilson.ts';
import { COUNTRY_BASED_TEXT, GLOBAL_SOUTH_DEFINITIONS, selectionText, suppressionText } from './describe.ts';
import { publicParams, type Definition, type MetricParams } from './params.ts';
import type { Column, MetricModule, Row } from './types.ts';

export const REPRESENTATION_COLUMNS: Column[] = [
  { name: 'year', type: 'int', description: 'Meeting year.' },
  { name: 'kind', type: 'string', description: 'share: inside both denominators; excluded: records outside them.' },
  { name: 'dimension', type: 'string', description: 'stakeholder_group, un_regional_group, gender or global_south.' },
  { name: 'definition', type: 'string', description: 'Global-south definition (global_south rows).' },
  { name: 'category', type: 'string', description: 'Category.' },
  { name: 'speaker_count', type: 'int', description: 'Speakers in the category (one person per session).' },
  { name: 'speaker_denominator', type: 'int', description: 'Speakers with the field known.' },
  { name: 'speaker_share', type: 'float', description: 'speaker_count / speaker_denominator.' },
  { name: 'speaker_ci_low', type: 'float', description: 'Wilson 95 % interval of the speaker share, lower bound.' },
  { name: 'speaker_ci_high', type: 'float', description: 'Wilson 95 % interval of the speaker share, upper bound.' },
  { name: 'speaker_coverage', type: 'float', description: 'speaker_denominator / all speakers of the year.' },
  { name: 'attendee_count', type: 'int', description: 'Attendees in the category (null when suppressed).' },
  { name: 'attendee_denominator', type: 'int', description: 'Attendees with the field known.' },
  { name: 'attendee_share', type: 'float', description: 'attendee_count / attendee_denominator.' },
  { name: 'attendee_ci_low', type: 'float', description: 'Wilson 95 % interval of the attendee share, lower bound.' },
  { name: 'attendee_ci_high', type: 'float', description: 'Wilson 95 % interval of the attendee share, upper bound.' },
  { name: 'attendee_coverage', type: 'float', description: 'attendee_denominator / all attendees of the year.' },
  { name: 'ratio', type: 'float', description: 'speaker_share / attendee_share; 1 = speakers as attendees, above 1 = over-represented on stage.' },
  { name: 'low_n', type: 'bool', description: `True when either denominator is below ${LOW_N}.` },
  { name: 'suppressed', type: 'bool', description: 'True when the attendee figures of the row are hidden (small cells).' },
  SHARE_COLUMNS.find((c) => c.name === 'suppression_reason')!
];

const DIMENSIONS = ['stakeholder_group', 'un_regional_group', 'gender', 'global_south'];

function mainStatement(p: MetricParams) {
  return statement(compose(sql, commonFragments('speakers')), p);
}

function definition(p: MetricParams): string {
  return [
    'Representation on stage per meeting year: for each category of stakeholder group, UN regional group, gender and global south, ratio = speakers\' share / attendees\' share in the same year (1 = proportional, above 1 = more present on stage than in the room). Shares are over the records with the field known, as in the stakeholders, regions, gender and global-south metrics; only years with both speakers and attendees.',
    `Global south: ${p.definition}: ${GLOBAL_SOUTH_DEFINITIONS[p.definition as Definition]}`,
    p.definition === 'regional_groups' ? '' : COUNTRY_BASED_TEXT,
    selectionText(p, 'both'),
    'Both shares carry Wilson 95 % intervals.',
    suppressionText('attendees')
  ]
    .filter(Boolean)
    .join(' ');
}

export const representation: MetricModule = {
  name: 'representation',
  title: 'Representation on stage',
  columns: () => REPRESENTATION_COLUMNS,
  definition,
  statements: (p) => [mainStatement(p)],
  async compute(conn, p, options = {}) {
    const k = options.k ?? suppressionK();
    const { cells, synthetic } = await runCells(conn, mainStatement(p));
    const speakerYears = new Set(cells.filter((c) => c.population === 'speakers').map((c) => c.year));
    const attendeeYears = new Set(cells.filter((c) => c.population === 'attendees').map((c) => c.year));
    const both = cells
      .filter((c) => speakerYears.has(c.year) && attendeeYears.has(c.year))
      .map((c) => ({ ...c, definition: c.dimension === 'global_south' ? p.definition : null }));
    const drafts = sortRows(DIMENSIONS.flatMap((d) => shareRows(both, d)), DIMENSIONS);
    const attendees = drafts.filter((r) => r.population === 'attendees');
    const key = (r: DraftRow) => `${r.year}|${r.dimension}`;
    const plan = suppressGroups(
      attendees,
      key,
      (r) => ({
        count: Number(r.count ?? 0),
        part: r.kind === 'share' ? 'in' : 'out',
        missing: isMissing(r.kind, r.category),
        mergeable: r.kind === 'share' && isMergeable(r.dimension, r.category)
      }),
      k
    );
    const cellKey = (r: DraftRow) => `${r.year}|${r.dimension}|${r.category}`;
    const decision = new Map(attendees.map((r, i) => [cellKey(r), plan.items[i]]));
    // A category merged with the not-stated records on the attendee side (gender 'other') leaves
    // both denominators of its year, so that the two shares of the ratio stay comparable.
    const mergedKeys = new Set(attendees.filter((r, i) => k > 1 && plan.items[i].merged).map(cellKey));
    const rebased = mergedKeys.size === 0 ? drafts : mergeOut(drafts, (r) => mergedKeys.has(cellKey(r)));
    const byKey = new Map(rebased.filter((r) => r.population === 'attendees').map((r) => [cellKey(r), r]));

    const rows = rebased
      .filter((r) => r.population === 'speakers')
      .map((s) => {
        const a = byKey.get(`${s.year}|${s.dimension}|${s.category}`)!;
        const inside = s.kind === 'share';
        const row: Row = {
          year: s.year,
          kind: s.kind,
          dimension: s.dimension,
          definition: s.definition,
          category: s.category,
          speaker_count: s.count,
          speaker_denominator: s.denominator,
          speaker_share: s.share,
          speaker_coverage: s.coverage,
          attendee_count: a.count,
          attendee_denominator: a.denominator,
          attendee_share: a.share,
          attendee_coverage: a.coverage,
          ratio: inside && s.share !== null && a.share ? s.share / a.share : null,
          low_n: inside ? Number(s.denominator) < LOW_N || Number(a.denominator) < LOW_N : null,
          suppressed: false,
          suppression_reason: null
        };
        if (k > 1) {
          const g = plan.groups.get(key(a))!;
          if (decision.get(cellKey(a))!.suppressed) {
            row.attendee_count = null;
            row.attendee_share = null;
            row.ratio = null;
            row.suppressed = true;
            row.suppression_reason = decision.get(cellKey(a))!.secondary ? 'protects_other' : 'fewer_than_k';
          }
          if (g.denominatorHidden) {
            row.attendee_denominator = null;
            row.attendee_share = null;
            row.attendee_coverage = null;
            row.ratio = null;
            if (inside) {
              row.suppressed = true;
              row.suppression_reason ??= 'denominator_hidden';
            }
          }
          if (g.totalHidden) row.attendee_coverage = null;
        }
        const sci = inside ? wilson(Number(row.speaker_count), Number(row.speaker_denominator)) : null;
        const aci =
          inside && typeof row.attendee_count === 'number' && typeof row.attendee_denominator === 'number'
            ? wilson(row.attendee_count, row.attendee_denominator)
            : null;
        row.speaker_ci_low = sci?.low ?? null;
        row.speaker_ci_high = sci?.high ?? null;
        row.attendee_ci_low = aci?.low ?? null;
        row.attendee_ci_high = aci?.high ?? null;
        return orderRow(row, REPRESENTATION_COLUMNS);
      });
    return {
      metric: 'representation',
      params: publicParams('representation', p),
      definition: definition(p),
      synthetic,
      suppression: { k, applied: true },
      columns: REPRESENTATION_COLUMNS,
      rows
    };
  }
};
