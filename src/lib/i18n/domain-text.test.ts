/**
 * Every metric, global-south definition, export and export column of the domain has its catalog
 * keys, so that a new one cannot reach a page untranslated; and the English catalog says what the
 * API says (the modules' and the export schema's own English, which the metadata keeps).
 */
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { t } from './index.ts';
import {
  definitionTextKey,
  exportColumnText,
  exportDescriptionKey,
  exportTitleKey,
  hasUnitKey,
  metricDefinitionKey,
  metricTitleKey,
  typeText,
  unitText
} from './domain-text.ts';
import { METRICS } from '$lib/domain/metrics.ts';
import { GLOBAL_SOUTH_DEFINITIONS } from '$lib/domain/global-south.ts';
import { METRIC_MODULES, parseMetricParams } from '$lib/server/metrics/index.ts';
import { BALANCE_TEXT, COUNTRY_BASED_TEXT, GLOBAL_SOUTH_DEFINITIONS as DEFINITION_TEXT, SHARE_TEXT } from '$lib/server/metrics/describe.ts';
import { EXPORT_TABLES, TABLES } from '$lib/server/exports/tables.ts';
import { EXPORT_TABLES as DOMAIN_EXPORT_TABLES } from '$lib/domain/exports.ts';
import { unitOf } from '$lib/server/download/metadata.ts';

const has = (key: string) => key in en;

describe('metric text', () => {
  it.each(METRICS)('%s has a title and a definition in the catalog', (metric) => {
    expect(has(metricTitleKey(metric))).toBe(true);
    expect(has(metricDefinitionKey(metric))).toBe(true);
    expect(t(metricDefinitionKey(metric), { date: '2026-08-21' }).length).toBeGreaterThan(80);
  });

  it.each(METRICS)('%s: the English title is the API’s', (metric) => {
    expect(en[metricTitleKey(metric)]).toBe(METRIC_MODULES[metric].title);
  });

  it.each(GLOBAL_SOUTH_DEFINITIONS)('definition %s: its text in the catalog is the API’s', (definition) => {
    expect(en[definitionTextKey(definition)]).toBe(DEFINITION_TEXT[definition]);
  });

  it('shared paragraphs of the Methodology page are the API’s words', () => {
    expect(en['method.metric.shares']).toBe(SHARE_TEXT);
    expect(en['method.metric.balance']).toBe(BALANCE_TEXT);
    expect(en['method.gs.country_based']).toBe(COUNTRY_BASED_TEXT);
  });
});

describe('export text', () => {
  it("the server's export list is the domain's, the one the pages read (not a copy)", () => {
    expect(EXPORT_TABLES).toBe(DOMAIN_EXPORT_TABLES);
  });

  it.each(EXPORT_TABLES)('%s: title, description and every column through the catalog, in the schema’s English', (name) => {
    const table = TABLES[name];
    expect(en[exportTitleKey(name)]).toBe(table.title);
    expect(en[exportDescriptionKey(name)]).toBe(table.definition);
    for (const column of table.columns) {
      expect(exportColumnText(name, column.name), `${name}.${column.name}`).toBe(column.description);
      expect(has(`type.${column.type}`), `type ${column.type}`).toBe(true);
      const unit = unitOf(column.name);
      if (unit !== null) {
        expect(hasUnitKey(unit), `unit ${unit}`).toBe(true);
        expect(unitText(unit)).toBe(unit);
      }
    }
  });

  it('every unit of a metric column has its key', () => {
    for (const metric of METRICS) {
      for (const column of METRIC_MODULES[metric].columns(parseMetricParams(metric, {}))) {
        const unit = unitOf(column.name);
        if (unit !== null) expect(hasUnitKey(unit), `${metric}.${column.name}: ${unit}`).toBe(true);
      }
    }
  });

  it('words the types and leaves an unknown type or unit as given', () => {
    expect(typeText('bool')).toBe('true/false');
    expect(typeText('blob')).toBe('blob');
    expect(unitText('parsecs')).toBe('parsecs');
    expect(unitText(null)).toBe('');
    expect(exportColumnText('speakers', 'no_such_column')).toBeNull();
  });
});
