/**
 * What travels with every download: where the figures come from, which data they were computed on,
 * when, under which licence, how to cite them, and whether any record behind them is synthetic.
 * One builder for metric views and full-table exports, so every format says the same thing.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { CSV_TEXT_NOTE } from './encoding.ts';
import { PRODUCT } from '../../charts/export/cite.ts';
export const LICENCE =
  'Computed figures and exports: CC BY 4.0 (cite as below). Reference tables keep their own terms (PDDL, MIT; see data/reference/PROVENANCE.md); published figures are quoted from their publishers for citation, with source URL.';
export const SOURCE =
  'Attendance, session and speaker records loaded by the project pipeline into DuckDB; country classifications from UN M49, UN SDG, World Bank and UN regional groups; published figures from IGF reports and UN press releases (see data/PROVENANCE.md).';
export const SYNTHETIC_NOTICE =
  'SYNTHETIC DATA: some records behind these figures are generated demonstration data, calibrated to published IGF totals. Do not cite them as facts about the IGF.';

/** Units of the columns the metrics and exports share, by column name. */
const UNITS: Record<string, string> = {
  share: 'proportion (0–1)',
  ci_low: 'proportion (0–1)',
  ci_high: 'proportion (0–1)',
  coverage: 'proportion (0–1)',
  attendee_share: 'proportion (0–1)',
  speaker_share: 'proportion (0–1)',
  attendee_ci_low: 'proportion (0–1)',
  attendee_ci_high: 'proportion (0–1)',
  speaker_ci_low: 'proportion (0–1)',
  speaker_ci_high: 'proportion (0–1)',
  attendee_coverage: 'proportion (0–1)',
  speaker_coverage: 'proportion (0–1)',
  women_share: 'proportion (0–1)',
  women_share_estimate: 'proportion (0–1)',
  count: 'records',
  denominator: 'records',
  attendee_count: 'records',
  attendee_denominator: 'records',
  speaker_count: 'records',
  speaker_denominator: 'records',
  participants: 'records',
  speakers: 'persons on stage',
  sessions: 'sessions',
  attendance_onsite: 'persons',
  attendance_online: 'persons',
  year: 'calendar year of the meeting',
  meeting_year: 'calendar year of the meeting',
  ratio: 'ratio (1 = proportional)',
  representation: 'ratio (1 = proportional)'
};

export function unitOf(column: string): string | null {
  return UNITS[column] ?? null;
}

export interface DataVersion {
  /** SHA-256 over the loaded files' names and contents (load_log): changes whenever the data do. */
  hash: string;
  /** When the newest file was loaded. */
  loaded_at: string | null;
  files: number;
}

/** The data version of the database a connection reads. */
export async function dataVersion(conn: DuckDBConnection): Promise<DataVersion> {
  const reader = await conn.runAndReadAll(
    `SELECT coalesce(sha256(string_agg(file || ':' || sha256, '\n' ORDER BY file)), sha256('')) AS hash,
            strftime(max(loaded_at), '%Y-%m-%dT%H:%M:%SZ') AS loaded_at,
            count(*)::INTEGER AS files
       FROM load_log`
  );
  const [row] = reader.getRowObjectsJS() as { hash: string; loaded_at: string | null; files: number }[];
  return { hash: row.hash, loaded_at: row.loaded_at, files: row.files };
}

/** A source set behind a download, and whether its records are synthetic. */
export interface SourceSetMetadata {
  name: string;
  synthetic: boolean;
}

export interface ColumnMetadata {
  name: string;
  type: string;
  description: string;
  unit: string | null;
}

export interface DownloadMetadata {
  title: string;
  /** Metric name or export table name. */
  name: string;
  kind: 'metric' | 'table';
  definition: string;
  population: string | null;
  /** The filters (query parameters) the rows were produced with. */
  filters: Record<string, unknown>;
  columns: ColumnMetadata[];
  rows: number | null;
  /**
   * The source sets of the records behind the rows: one for a metric (metrics never mix sets), the
   * sets a full table holds for an export (its source_set column tells them apart), none for a
   * reference table.
   */
  source_sets: SourceSetMetadata[];
  /** True when any record behind the rows is synthetic. */
  synthetic: boolean;
  synthetic_notice: string | null;
  suppression: { k: number; applied: boolean } | null;
  /** How the CSV writes text that a spreadsheet would run as a formula (CSV_TEXT_NOTE). */
  csv_text: string;
  source: string;
  licence: string;
  citation: string;
  url: string;
  data_version: DataVersion;
  generated_at: string;
  producer: string;
}

export interface MetadataInput
  extends Pick<DownloadMetadata, 'title' | 'name' | 'kind' | 'definition' | 'population' | 'filters' | 'rows' | 'source_sets' | 'synthetic' | 'suppression'> {
  columns: { name: string; type: string; description: string }[];
  /** The URL the download was made from (absolute), so a citation leads back to it. */
  url: string;
  version: DataVersion;
  now?: Date;
}

export function describeDownload(input: MetadataInput): DownloadMetadata {
  const generated = (input.now ?? new Date()).toISOString();
  const day = generated.slice(0, 10);
  const synthetic = input.synthetic ? ' [synthetic demonstration data]' : '';
  const sets = input.source_sets.length ? ` Source set${input.source_sets.length > 1 ? 's' : ''} ${input.source_sets.map((s) => s.name).join(', ')}.` : '';
  return {
    title: input.title,
    name: input.name,
    kind: input.kind,
    definition: input.definition,
    population: input.population,
    filters: input.filters,
    columns: input.columns.map((c) => ({ name: c.name, type: c.type, description: c.description, unit: unitOf(c.name) })),
    rows: input.rows,
    source_sets: input.source_sets,
    synthetic: input.synthetic,
    synthetic_notice: input.synthetic ? SYNTHETIC_NOTICE : null,
    suppression: input.suppression,
    csv_text: CSV_TEXT_NOTE,
    source: SOURCE,
    licence: LICENCE,
    citation: `${PRODUCT}: ${input.title}${synthetic}.${sets} Data version ${input.version.hash.slice(0, 12)}, generated ${day}. ${input.url}`,
    url: input.url,
    data_version: input.version,
    generated_at: generated,
    producer: PRODUCT
  };
}

/** Arrow schema metadata: every value a string, nested values as JSON. */
export function arrowSchemaMetadata(m: DownloadMetadata): Map<string, string> {
  return new Map<string, string>([
    ['title', m.title],
    ['name', m.name],
    ['kind', m.kind],
    ['definition', m.definition],
    ['population', m.population ?? ''],
    ['filters', JSON.stringify(m.filters)],
    ['source', m.source],
    ['licence', m.licence],
    ['citation', m.citation],
    ['url', m.url],
    ['data_version', m.data_version.hash],
    ['generated_at', m.generated_at],
    ['source_sets', JSON.stringify(m.source_sets)],
    ['synthetic', String(m.synthetic)],
    ['suppression', JSON.stringify(m.suppression)]
  ]);
}

/** Arrow field metadata of one column. */
export function arrowFieldMetadata(c: ColumnMetadata): Map<string, string> {
  const out = new Map<string, string>([['description', c.description]]);
  if (c.unit) out.set('unit', c.unit);
  return out;
}

/** The README of a citable bundle. */
export function bundleReadme(m: DownloadMetadata, files: string[]): string {
  const lines = [
    `# ${m.title}`,
    '',
    ...(m.synthetic ? [`**${SYNTHETIC_NOTICE}**`, ''] : []),
    `## Definition`,
    '',
    m.definition,
    '',
    `## Source set${m.source_sets.length > 1 ? 's' : ''}`,
    '',
    ...(m.source_sets.length
      ? m.source_sets.map((s) => `- ${s.name}: ${s.synthetic ? 'synthetic demonstration records, not facts about the IGF' : 'real records'}`)
      : ['- none: a reference table']),
    '',
    `## Filters`,
    '',
    ...Object.entries(m.filters).map(([k, v]) => `- ${k}: ${v === null ? '(all)' : String(v)}`),
    '',
    `## Files`,
    '',
    ...files.map((f) => `- ${f}`),
    '',
    m.csv_text,
    '',
    `## Columns`,
    '',
    '| column | type | unit | description |',
    '|---|---|---|---|',
    ...m.columns.map((c) => `| ${c.name} | ${c.type} | ${c.unit ?? ''} | ${c.description.replace(/\|/g, '\\|')} |`),
    '',
    ...(m.suppression?.applied
      ? [
          `## Suppression`,
          '',
          `Attendee cells with fewer than ${m.suppression.k} records are suppressed (count and share empty, suppressed = true), with secondary suppression so that no hidden cell can be recovered from a total.`,
          ''
        ]
      : []),
    `## Source`,
    '',
    m.source,
    '',
    `## How to cite`,
    '',
    m.citation,
    '',
    `## Licence`,
    '',
    m.licence,
    '',
    `Data version ${m.data_version.hash} (${m.data_version.files} loaded files, newest loaded ${m.data_version.loaded_at ?? 'unknown'}); generated ${m.generated_at} by ${m.producer}.`,
    ''
  ];
  return lines.join('\n');
}
