/**
 * Diversity on stage: manel share and the four diversity rules per year (level=year), or the
 * per-session figures they are judged on (level=session). Speakers are public: no suppression.
 */
import yearSql from './session-diversity.sql?raw';
import sessionSql from './session-stages.sql?raw';
import perSessionSql from './session-per-session.sql?raw';
import { commonFragments, compose, runStatement, statement } from './sql.ts';
import { SHARE_COLUMNS, finishShareRows, orderRow, takeSynthetic } from './share-rows.ts';
import { shareRows, sortRows, type CountCell } from './cells.ts';
import type { SqlRow } from './sql.ts';
import { GLOBAL_SOUTH_DEFINITIONS, SHARE_TEXT, selectionText } from './describe.ts';
import { suppressionK } from './suppression.ts';
import { publicParams, type Definition, type MetricParams } from './params.ts';
import type { Column, MetricModule } from './types.ts';

export const SESSION_COLUMNS: Column[] = [
  { name: 'year', type: 'int', description: 'Meeting year.' },
  { name: 'session_id', type: 'string', description: 'Session id as published.' },
  { name: 'title', type: 'string', description: 'Session title (session table).' },
  { name: 'session_type', type: 'string', description: 'Session type (session table).' },
  { name: 'speakers', type: 'int', description: 'Speakers in the session (one person per session).' },
  { name: 'known_gender', type: 'int', description: 'Speakers whose gender is female, male or other.' },
  { name: 'women', type: 'int', description: 'Female speakers.' },
  { name: 'men', type: 'int', description: 'Male speakers.' },
  { name: 'women_share', type: 'float', description: 'women / known_gender.' },
  { name: 'genders', type: 'int', description: 'Distinct known genders on stage.' },
  { name: 'regional_groups', type: 'int', description: 'Distinct UN regional groups on stage.' },
  { name: 'stakeholder_groups', type: 'int', description: 'Distinct named stakeholder groups on stage.' },
  { name: 'global_south_speakers', type: 'int', description: 'Speakers from the global south (definition).' },
  { name: 'manel', type: 'bool', description: 'All speakers of known gender are male (null: fewer than 2 of known gender).' },
  { name: 'gender_diverse', type: 'bool', description: 'At least two genders (null: fewer than 2 of known gender).' },
  { name: 'region_diverse', type: 'bool', description: 'At least two UN regional groups (null: fewer than 2 with a known regional group).' },
  {
    name: 'stakeholder_diverse',
    type: 'bool',
    description: 'At least three stakeholder groups (null: fewer than 2 with a named group).'
  },
  {
    name: 'global_south_on_stage',
    type: 'bool',
    description: 'At least one global-south speaker (null: fewer than 2 classified).'
  }
];

function fragments() {
  return { ...commonFragments('speakers'), per_session: compose(perSessionSql, {}) };
}

function mainStatement(p: MetricParams) {
  return statement(compose(p.level === 'session' ? sessionSql : yearSql, fragments()), p);
}

const RULES = ['manel', 'gender_diverse', 'region_diverse', 'stakeholder_diverse', 'global_south_on_stage'];

function yearRows(cells: CountCell[], p: MetricParams) {
  const withDefinition = cells.map((c) => ({ ...c, definition: c.dimension === 'global_south_on_stage' ? p.definition : null }));
  return sortRows(RULES.flatMap((d) => shareRows(withDefinition, d)), RULES);
}

function definition(p: MetricParams): string {
  return [
    p.level === 'session'
      ? 'Diversity on stage, one row per session.'
      : 'Diversity on stage per meeting year: shares of sessions (not of people).',
    'The stage is the speakers of a session, one person per session, all roles. Each rule is judged on the speakers whose field is known, and a session counts for a rule only when at least two of its speakers have that field known; the others are the ineligible rows, outside the denominator.',
    'manel: the share of sessions with at least 2 speakers of known gender (female, male, other) whose speakers of known gender are all male.',
    'gender_diverse: at least two genders; region_diverse: at least two UN regional groups (territories outside the groups add none; a speaker without a known country counts by their own regional group when the record gives one); stakeholder_diverse: at least three of the seven named stakeholder groups; global_south_on_stage: at least one global-south speaker.',
    `Global south: ${p.definition}: ${GLOBAL_SOUTH_DEFINITIONS[p.definition as Definition]}`,
    selectionText(p, 'speakers'),
    p.level === 'session' ? '' : SHARE_TEXT,
    'Speakers are public: no suppression.'
  ]
    .filter(Boolean)
    .join(' ');
}

export const sessionDiversity: MetricModule = {
  name: 'sessions',
  title: 'Diversity on stage',
  columns: (p) => (p.level === 'session' ? SESSION_COLUMNS : SHARE_COLUMNS),
  definition,
  statements: (p) => [mainStatement(p)],
  async compute(conn, p, options = {}) {
    const k = options.k ?? suppressionK();
    const sqlRows = await runStatement(conn, mainStatement(p));
    const synthetic = takeSynthetic(sqlRows);
    const columns = p.level === 'session' ? SESSION_COLUMNS : SHARE_COLUMNS;
    const rows =
      p.level === 'session'
        ? sqlRows.map((r) => orderRow(r, columns))
        : finishShareRows(yearRows(sqlRows as (CountCell & SqlRow)[], p), { suppress: false, k }, columns);
    return {
      metric: 'sessions',
      params: publicParams('sessions', p),
      definition: definition(p),
      synthetic,
      suppression: { k, applied: false },
      columns,
      rows
    };
  }
};
