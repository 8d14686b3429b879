/**
 * The catalog keys of the domain's own English text: metric titles and definitions, the
 * global-south definitions, the full-table exports with their columns, types and units, session
 * formats, and the names of the published figures (data/published).
 * Pages show these through t(); the API and the machine-readable metadata keep the English text
 * of the metric modules and the export schema (src/lib/server/…). domain-text.test.ts checks that
 * every metric, definition, export and column of the domain has its key, so a new one cannot
 * appear untranslated.
 */
import { hasMessage, label, messageOr, t, type MessageKey } from './index.ts';
import type { MetricName } from '$lib/domain/metrics.ts';
import { GLOBAL_SOUTH_DEFINITIONS, type GlobalSouthDefinition } from '$lib/domain/global-south.ts';
import { EXPORT_TABLES, type ExportTableName } from '$lib/domain/exports.ts';
import type { UnitCode } from '$lib/domain/units.ts';
import { sessionTypeCode } from '$lib/domain/session-types.ts';

export const metricTitleKey = (metric: MetricName): MessageKey => `metric.${metric}.title`;
export const metricDefinitionKey = (metric: MetricName): MessageKey => `metric.${metric}.definition`;
export const definitionTextKey = (definition: GlobalSouthDefinition): MessageKey => `definition.${definition}.text`;

export const exportTitleKey = (table: ExportTableName): MessageKey => `export.${table}.title`;
export const exportDescriptionKey = (table: ExportTableName): MessageKey => `export.${table}.description`;

/** Whether a name is one of the exports (the domain's list, which the server's export schema reads too). */
export function isExportName(name: string): name is ExportTableName {
  return (EXPORT_TABLES as readonly string[]).includes(name);
}

/** Attendance's person categories: the shared description plus "empty only on the row of hidden cells". */
const HIDDEN_ROW_COLUMNS = ['stakeholder_group', 'gender', 'participation_mode'];

/**
 * The description of an export column in the current language, or null when the catalog has none.
 * One key per distinct description: `column.<table>.<column>` where a table describes the column
 * its own way, `column.<column>` for a column several tables share.
 */
export function exportColumnText(table: string, column: string): string | null {
  const south = /^global_south_(\w+)$/.exec(column);
  if (south && (GLOBAL_SOUTH_DEFINITIONS as readonly string[]).includes(south[1])) {
    const d = south[1] as GlobalSouthDefinition;
    return `${t('column.global_south_flag', { definition: d })} ${t(definitionTextKey(d))}`;
  }
  const own = `column.${table}.${column}`;
  if (hasMessage(own)) return t(own);
  const shared = `column.${column}`;
  if (!hasMessage(shared)) return null;
  return table === 'attendance' && HIDDEN_ROW_COLUMNS.includes(column) ? `${t(shared)} ${t('column.hidden_row_empty')}` : t(shared);
}

/** A unit (src/lib/domain/units.ts) in words of the current language; '' for a column without one. */
export function unitText(unit: UnitCode | null): string {
  return unit === null ? '' : t(`unit.${unit}`);
}

/** A column type (int, float, bool, string, date) in words of the current language. */
export function typeText(type: string): string {
  return messageOr(`type.${type}`, type);
}

/** A stored session type as the format's name in the current language; a code no format has, as stored with spaces for underscores. */
export function sessionTypeText(stored: string): string {
  return label('session_type', sessionTypeCode(stored) ?? stored);
}

/** A published figure's metric (data/published) in the current language; a code no catalog has, as stored. */
export function publishedMetricText(metric: string): string {
  return label('published.metric', metric);
}

/** A published figure's category: the domain's own name where it has one (government, women …), else the figures' own. */
export function publishedCategoryText(category: string): string {
  return label(hasMessage(`category.${category}`) ? 'category' : 'published.category', category);
}

/** A published figure's unit in words (at least, approximate number, %). */
export function publishedUnitText(unit: string): string {
  return label('published.unit', unit);
}

/** What a published figure counts, in the current language: its metric, and its category unless that is all ("Share by region: Africa"). */
export function publishedFigureName(figure: { metric?: unknown; category?: unknown }): string {
  const metric = publishedMetricText(String(figure.metric ?? ''));
  const category = typeof figure.category === 'string' && figure.category !== '' && figure.category !== 'all' ? figure.category : null;
  return category === null ? metric : t('punct.labelled', { label: metric, value: publishedCategoryText(category) });
}
