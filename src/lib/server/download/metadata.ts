/**
 * What travels with every download: where the figures come from, which data they were computed on,
 * when, under which licence, how to cite them, and whether any record behind them is synthetic.
 * One builder for metric views and full-table exports, so every format says the same thing.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { CSV_TEXT_NOTE } from './encoding.ts';
import { PRODUCT } from '../../charts/export/cite.ts';
import { currentLocale, t, type Locale } from '../../i18n/index.ts';
import { unitText } from '../../i18n/domain-text.ts';
import { en } from '../../i18n/en.ts';
import { unitCodeOf, type UnitCode } from '../../domain/units.ts';

// The machine-readable metadata is English in every language: the English catalog's text, the
// same words the README gives in its own language.
export const LICENCE = en['readme.licence.text'];
export const SOURCE = en['readme.source.text'];
export const SYNTHETIC_NOTICE = en['readme.synthetic'];

/** The English words of a column's unit (its code: unitCodeOf), or null when it has none. */
export function unitOf(column: string): string | null {
  const code = unitCodeOf(column);
  return code === null ? null : en[`unit.${code}`];
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
  /** The unit in English words ("proportion (0–1)"), null for a column without one. */
  unit: string | null;
  /** The same unit as a stable code ("proportion": src/lib/domain/units.ts). */
  unit_code: UnitCode | null;
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
  /**
   * Metric downloads only: the language of `label`, `labels` and the bundle's README (?lang=).
   * Everything else stays English, and column names and codes are the same in every language.
   */
  lang?: Locale;
  /** The title in that language. */
  label?: string;
  /** What the metric counts, in that language (the catalog's; `definition` is the exact English for these filters). */
  definition_label?: string;
  /** The label of every code in the rows, per code column (dimension, category, …), in that language. */
  labels?: Record<string, Record<string, string>>;
}

export interface MetadataInput
  extends Pick<
    DownloadMetadata,
    'title' | 'name' | 'kind' | 'definition' | 'population' | 'filters' | 'rows' | 'source_sets' | 'synthetic' | 'suppression' | 'label' | 'definition_label' | 'labels'
  > {
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
    columns: input.columns.map((c) => ({ name: c.name, type: c.type, description: c.description, unit: unitOf(c.name), unit_code: unitCodeOf(c.name) })),
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
    producer: PRODUCT,
    ...(input.labels
      ? { lang: currentLocale(), label: input.label ?? input.title, definition_label: input.definition_label ?? input.definition, labels: input.labels }
      : {})
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
    ['suppression', JSON.stringify(m.suppression)],
    ...(m.labels ? ([['lang', m.lang ?? 'en'], ['label', m.label ?? m.title], ['labels', JSON.stringify(m.labels)]] as [string, string][]) : [])
  ]);
}

/** Arrow field metadata of one column: its description, and its unit in English words and as a code. */
export function arrowFieldMetadata(c: { name: string; description: string }): Map<string, string> {
  const out = new Map<string, string>([['description', c.description]]);
  const unit = unitOf(c.name);
  const code = unitCodeOf(c.name);
  if (unit !== null && code !== null) {
    out.set('unit', unit);
    out.set('unit_code', code);
  }
  return out;
}

/**
 * The README of a citable bundle, in the language of the request (t() reads it; English by
 * default). Column names, codes, the citation and the metadata's own definition stay as the API
 * gives them; a non-English README gives the metric's definition in its language (definition_label)
 * before the exact English one.
 */
export function bundleReadme(m: DownloadMetadata, files: string[]): string {
  const definition = m.definition_label ?? null;
  const english = currentLocale() === 'en';
  const labels = Object.entries(m.labels ?? {}).filter(([, codes]) => Object.keys(codes).length);
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const lines = [
    `# ${m.label ?? m.title}`,
    '',
    ...(m.synthetic ? [`**${t('readme.synthetic')}**`, ''] : []),
    `## ${t('readme.definition')}`,
    '',
    ...(english || definition === null ? [m.definition] : [definition, '', t('readme.definition.exact'), '', m.definition]),
    '',
    `## ${t('readme.source_sets', { count: Math.max(1, m.source_sets.length) })}`,
    '',
    ...(m.source_sets.length
      ? m.source_sets.map((s) => `- ${s.name}: ${s.synthetic ? t('readme.set.synthetic') : t('readme.set.real')}`)
      : [`- ${t('readme.set.none')}`]),
    '',
    `## ${t('readme.filters')}`,
    '',
    ...Object.entries(m.filters).map(([k, v]) => `- ${k}: ${v === null ? t('readme.filter.all') : String(v)}`),
    '',
    `## ${t('readme.files')}`,
    '',
    ...files.map((f) => `- ${f}`),
    '',
    t('readme.csv_text'),
    '',
    `## ${t('readme.columns')}`,
    '',
    ...(english ? [] : [t('readme.columns.note'), '']),
    `| ${t('readme.col.column')} | ${t('readme.col.type')} | ${t('readme.col.unit')} | ${t('readme.col.description')} |`,
    '|---|---|---|---|',
    ...m.columns.map((c) => `| ${c.name} | ${c.type} | ${unitText(c.unit_code)} | ${cell(c.description)} |`),
    '',
    ...(labels.length
      ? [
          `## ${t('readme.labels')}`,
          '',
          ...labels.flatMap(([column, codes]) => [
            t('readme.labels.column', { column }),
            '',
            `| ${t('readme.col.code')} | ${t('readme.col.label')} |`,
            '|---|---|',
            ...Object.entries(codes).map(([code, label]) => `| ${code} | ${cell(label)} |`),
            ''
          ])
        ]
      : []),
    ...(m.suppression?.applied ? [`## ${t('readme.suppression')}`, '', t('readme.suppression.text', { k: m.suppression.k }), ''] : []),
    `## ${t('readme.source')}`,
    '',
    t('readme.source.text'),
    '',
    `## ${t('readme.cite')}`,
    '',
    m.citation,
    '',
    `## ${t('readme.licence')}`,
    '',
    t('readme.licence.text'),
    '',
    t('readme.version', {
      hash: m.data_version.hash,
      files: m.data_version.files,
      loaded: m.data_version.loaded_at ?? t('readme.version.unknown'),
      generated: m.generated_at,
      producer: m.producer
    }),
    ''
  ];
  return lines.join('\n');
}
