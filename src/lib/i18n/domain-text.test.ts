/**
 * Every metric, global-south definition, export and export column of the domain has its catalog
 * keys, so that a new one cannot reach a page untranslated; and the English catalog says what the
 * API says (the modules' and the export schema's own English, which the metadata keeps).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseCsvObjects, PUBLISHED_CSV } from '../../../pipelines/demo/reference.ts';
import { en } from './en.ts';
import { t, useLocaleSource } from './index.ts';
import { registerAllCatalogs } from './all-catalogs.ts';
import {
  definitionTextKey,
  exportColumnText,
  exportDescriptionKey,
  exportTitleKey,
  metricDefinitionKey,
  metricTitleKey,
  publishedFigureName,
  publishedUnitText,
  sessionTypeText,
  typeText,
  unitText
} from './domain-text.ts';
import { METRICS } from '$lib/domain/metrics.ts';
import { GLOBAL_SOUTH_DEFINITIONS } from '$lib/domain/global-south.ts';
import type { MetricName } from '$lib/domain/metrics.ts';
import { METRIC_MODULES, parseMetricParams } from '$lib/server/metrics/index.ts';
import {
  BALANCE_TEXT,
  COUNTRY_BASED_TEXT,
  GLOBAL_SOUTH_DEFINITIONS as DEFINITION_TEXT,
  SHARE_TEXT,
  selectionText,
  sourceText,
  suppressionText
} from '$lib/server/metrics/describe.ts';
import { SPECIAL_SITUATION_LIST_DATE } from '$lib/server/metrics/ldc-lldc-sids-shares.ts';
import { EXPORT_TABLES, TABLES } from '$lib/server/exports/tables.ts';
import { EXPORT_TABLES as DOMAIN_EXPORT_TABLES } from '$lib/domain/exports.ts';
import { unitOf } from '$lib/server/download/metadata.ts';
import { UNIT_CODES, unitCodeOf, type UnitCode } from '$lib/domain/units.ts';

const has = (key: string) => key in en;

/**
 * Where the catalog words a metric's definition for a page rather than for one request: its words,
 * and the API's for the default parameters. Everything else is the API's text, sentence for sentence.
 */
const PAGE_WORDING: Partial<Record<MetricName, [catalog: string, api: string][]>> = {
  'global-south': [[' (parameter definition, one of the four below, default un_developing, or all four side by side)', '']],
  representation: [[' (under the chosen definition)', '']],
  sessions: [[' (under the chosen definition)', '']],
  published: [['of the chosen source set', `of ${sourceText(parseMetricParams('published', {}))}`]],
  // The page gives the balance indices themselves in a paragraph of their own (method.metric.balance).
  stakeholders: [['stakeholder_balance: balance indices over', 'stakeholder_balance: over']],
  regions: [['regional_balance: balance indices over the five groups.', `regional_balance: ${BALANCE_TEXT}`]]
};

/** The catalog writes typographic apostrophes where the API writes ASCII ones. */
const plain = (text: string) => text.replace(/’/g, "'");

/** The paragraphs every API definition may add, which the Methodology page gives apart (method.*). */
function sharedParagraphs(metric: MetricName): string[] {
  const p = parseMetricParams(metric, {});
  const definition = p.definition as keyof typeof DEFINITION_TEXT;
  return [
    SHARE_TEXT,
    BALANCE_TEXT,
    COUNTRY_BASED_TEXT,
    `Definition ${definition}: ${DEFINITION_TEXT[definition]}`,
    `Global south: ${definition}: ${DEFINITION_TEXT[definition]}`,
    ...(['attendees', 'speakers', 'both'] as const).map((population) => selectionText(p, population)),
    suppressionText('attendees'),
    suppressionText('speakers')
  ];
}

describe('metric text', () => {
  it.each(METRICS)('%s has a title and a definition in the catalog', (metric) => {
    expect(has(metricTitleKey(metric))).toBe(true);
    expect(has(metricDefinitionKey(metric))).toBe(true);
  });

  it.each(METRICS)('%s: the English definition is the API’s text, in its order, less the shared paragraphs', (metric) => {
    const api = METRIC_MODULES[metric].definition(parseMetricParams(metric, {}));
    let catalog = plain(t(metricDefinitionKey(metric), { date: SPECIAL_SITUATION_LIST_DATE }));
    for (const [ours, theirs] of PAGE_WORDING[metric] ?? []) {
      expect(catalog, `${metric}: page wording "${ours}"`).toContain(ours);
      catalog = catalog.replace(ours, theirs);
    }
    // Every sentence of the catalog's, in the API's text and in its order…
    let rest = api;
    for (const sentence of catalog.split(/(?<=\.)\s+(?=\S)/)) {
      const at = rest.indexOf(sentence);
      expect(at, `${metric}: not in the API's definition (or out of order): "${sentence}"\nAPI: ${api}`).toBeGreaterThanOrEqual(0);
      rest = rest.slice(0, at) + rest.slice(at + sentence.length);
    }
    // …and nothing of the API's left over but the paragraphs the page gives apart.
    for (const shared of sharedParagraphs(metric)) rest = rest.replace(shared, '');
    expect(rest.trim(), `${metric}: the API says more than the catalog`).toBe('');
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
      const unit = unitCodeOf(column.name);
      // The page's words for the unit are the metadata's, in English.
      expect(unitText(unit), `${name}.${column.name}`).toBe(unitOf(column.name) ?? '');
    }
  });

  it('uses every unit code: each is the unit of some metric or export column', () => {
    const used = new Set<UnitCode>();
    const note = (column: string) => {
      const unit = unitCodeOf(column);
      if (unit !== null) used.add(unit);
    };
    for (const metric of METRICS) for (const column of METRIC_MODULES[metric].columns(parseMetricParams(metric, {}))) note(column.name);
    for (const name of EXPORT_TABLES) for (const column of TABLES[name].columns) note(column.name);
    expect([...used].sort()).toEqual([...UNIT_CODES].sort());
  });

  it('words the types, leaves an unknown type as given, and words units in the reader’s language', () => {
    expect(typeText('bool')).toBe('true/false');
    expect(typeText('blob')).toBe('blob');
    expect(unitText('proportion')).toBe('proportion (0–1)');
    expect(unitText(null)).toBe('');
    expect(unitCodeOf('share')).toBe('proportion');
    expect(unitOf('share')).toBe('proportion (0–1)');
    expect(unitCodeOf('country_iso3')).toBeNull();
    expect(unitCodeOf('toString')).toBeNull();
    expect(exportColumnText('speakers', 'no_such_column')).toBeNull();
    registerAllCatalogs();
    useLocaleSource(() => 'fr');
    expect(unitText('ratio')).not.toBe(unitText(null));
    expect(unitText('ratio')).toBe(t('unit.ratio'));
    expect(unitText('ratio')).not.toBe('ratio (1 = proportional)');
  });
});

afterEach(() => useLocaleSource(() => 'en'));

describe('session types', () => {
  afterEach(() => useLocaleSource(() => 'en'));

  it('names each stored spelling of a format by the format, in the reader’s language', () => {
    registerAllCatalogs();
    expect(sessionTypeText('dc')).toBe('Dynamic coalition');
    expect(sessionTypeText('day_0')).toBe('Day 0 event');
    useLocaleSource(() => 'fr');
    expect(sessionTypeText('workshop')).toBe('Atelier');
    expect(sessionTypeText('networking')).toBe('Séance de réseautage');
    useLocaleSource(() => 'ar');
    expect(sessionTypeText('dynamic_coalition')).toBe('ائتلاف دينامي');
  });

  it('shows a type no format has as stored, without underscores', () => {
    expect(sessionTypeText('high_level_leaders_track')).toBe('high level leaders track');
  });
});

describe('published figures', () => {
  afterEach(() => useLocaleSource(() => 'en'));
  // data/published, read as the demo generator reads it
  const figures = parseCsvObjects(readFileSync(PUBLISHED_CSV, 'utf8'));

  it('every metric, category and unit of the bundled figures has its English name, so none appears as a code', () => {
    const missing = new Set<string>();
    for (const f of figures) {
      if (!has(`published.metric.${f.metric}`)) missing.add(`metric ${f.metric}`);
      if (f.category !== 'all' && !has(`category.${f.category}`) && !has(`published.category.${f.category}`)) missing.add(`category ${f.category}`);
      if (!has(`published.unit.${f.unit}`)) missing.add(`unit ${f.unit}`);
    }
    expect(figures.length).toBeGreaterThan(200);
    expect([...missing]).toEqual([]);
  });

  it('names a figure by its metric and category, the domain’s category names first', () => {
    registerAllCatalogs();
    expect(publishedFigureName({ metric: 'region_share', category: 'african_group' })).toBe('Share by region: African Group');
    expect(publishedFigureName({ metric: 'gender_share', category: 'female' })).toBe(`Share by gender: ${en['category.female']}`);
    expect(publishedFigureName({ metric: 'participants_onsite', category: 'all' })).toBe('Participants onsite');
    expect(publishedUnitText('count_lower_bound')).toBe('at least');
    // a figure a user loads with codes no catalog has reads as its codes
    expect(publishedFigureName({ metric: 'new_metric', category: 'new_place' })).toBe('new metric: new place');
  });
});
