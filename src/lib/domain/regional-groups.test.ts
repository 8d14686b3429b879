import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  normaliseRegionalGroup,
  regionalGroupKey,
  regionalGroupSpellings,
  REGIONAL_GROUPS,
  type RegionalGroupMatch
} from './regional-groups.ts';

const matched = (group: RegionalGroupMatch['group']): RegionalGroupMatch => ({ group, reason: 'matched' });
const notAGroup: RegionalGroupMatch = { group: null, reason: 'not_a_group' };
const blank: RegionalGroupMatch = { group: null, reason: 'blank' };

/**
 * Every distinct regional_group value of the bundled IGF session speakers file
 * (cut/sort -u on 2026-11-30), with the group a person reading it would choose.
 */
const SHARED_CSV_SPELLINGS: Array<[string, RegionalGroupMatch]> = [
  ['(India) APAC', matched('asia_pacific')],
  ['APAC', matched('asia_pacific')],
  ['Africa', matched('african')],
  ['Africa (Nigeria)', matched('african')],
  ['Africa Region', matched('african')],
  ['African', matched('african')],
  ['African Group', matched('african')],
  ['Asia Pacific', matched('asia_pacific')],
  ['Asia Pacific Group', matched('asia_pacific')],
  ['Asia Pacific Regional Group', matched('asia_pacific')],
  ['Asia-Pacific', matched('asia_pacific')],
  ['Asia-Pacific (APAC)', matched('asia_pacific')],
  ['Asia-Pacific Group', matched('asia_pacific')],
  // The EU's members sit in two groups (WEOG and Eastern European).
  ['EU', notAGroup],
  ['Eastern Europe', matched('eastern_european')],
  ['Eastern European', matched('eastern_european')],
  ['Eastern European Group', matched('eastern_european')],
  ['Eastern European States', matched('eastern_european')],
  ['Europe', notAGroup],
  ['GRULAC', matched('grulac')],
  // Two countries in two groups (Georgia: Eastern European; United States: WEOG); countries are not resolved here.
  ['Georgia United States of America', { group: null, reason: 'unrecognised' }],
  ['Global', notAGroup],
  ['Intergovernmental Organization', notAGroup],
  ['LAC', matched('grulac')],
  ['LAC region', matched('grulac')],
  ['Latin America and Caribbean Group', matched('grulac')],
  ['Latin American and Caribbean', matched('grulac')],
  ['Latin American and Caribbean Group (GRULAC', matched('grulac')],
  ['Latin American and Caribbean Group (GRULAC)', matched('grulac')],
  ['Middle East and North Africa', notAGroup],
  ['Myanmar APAC', matched('asia_pacific')],
  // A missing-value marker, as everywhere in the pipeline (SQL given()).
  ['NA', blank],
  ['New Delhi (India) APAC', matched('asia_pacific')],
  ['WEOG', matched('weog')],
  ['Western European and Others', matched('weog')],
  ['Western European and Others (WEOG)', matched('weog')],
  ['Western European and Others Group (WEOG)', matched('weog')]
];

describe('every spelling in the bundled IGF session speakers file', () => {
  it.each(SHARED_CSV_SPELLINGS)('%j', (raw, expected) => {
    expect(normaliseRegionalGroup(raw)).toEqual(expected);
  });

  // The copy bundled in data/ (see data/PROVENANCE.md), which the default pipeline run loads.
  const csv = new URL('../../../data/igf-session-speakers/igf_session_speakers.csv', import.meta.url);
  it('the expected table covers every distinct value of the file', () => {
    const values = new Set(distinctColumn(readFileSync(csv, 'utf8'), 'regional_group').filter((v) => v !== ''));
    expect([...values].sort()).toEqual(SHARED_CSV_SPELLINGS.map(([raw]) => raw).sort());
  });
});

describe('other spellings of the groups', () => {
  it.each<[string, RegionalGroupMatch]>([
    ['Western European and Others Group (WEOG)', matched('weog')],
    ['weog', matched('weog')],
    ['  Western-European and others GROUP ', matched('weog')],
    ['WOEG', matched('weog')],
    ['Asia-Pacific Group', matched('asia_pacific')],
    ['ASIA PACIFIC GROUP', matched('asia_pacific')],
    ['Eastern European Group (EEG)', matched('eastern_european')],
    ['Groupe des États d’Afrique', matched('african')],
    ["Groupe des Etats d'Afrique", matched('african')],
    ['Grupo de América Latina y el Caribe', matched('grulac')],
    ['Latin America & the Caribbean', matched('grulac')],
    ['African Group (Kenya)', matched('african')],
    ['Kenya, Africa', matched('african')]
  ])('%j', (raw, expected) => {
    expect(normaliseRegionalGroup(raw)).toEqual(expected);
  });
});

describe('traps: never guess across groups', () => {
  it.each([
    'Intergovernmental Organization', 'Global', 'Middle East and North Africa', 'MENA', 'EU', 'Europe', 'International',
    'North America', 'Asia', 'Africa and Europe', 'WEOG / GRULAC', 'Asia-Pacific (WEOG)'
  ])('%j names no single group', (raw) => {
    expect(normaliseRegionalGroup(raw)).toEqual(notAGroup);
  });

  it.each([
    // An organisation that mentions a region is not a regional group.
    'Collaboration on International ICT Policies for East and Southern Africa',
    'Kenya',
    'Ministry of Digital Affairs',
    'Westeros',
    'Imaginary University of the Pacific'
  ])('%j is unrecognised', (raw) => {
    expect(normaliseRegionalGroup(raw)).toEqual({ group: null, reason: 'unrecognised' });
  });

  it.each([null, undefined, '', '   ', 'N/A', '-', '—', '()'])('%j is blank', (raw) => {
    expect(normaliseRegionalGroup(raw)).toEqual(blank);
  });
});

describe('regionalGroupSpellings()', () => {
  const spellings = regionalGroupSpellings();

  it('holds keys in text_key() form, each once', () => {
    for (const [spelling] of spellings) expect(spelling).toBe(regionalGroupKey(spelling));
    expect(new Set(spellings.map(([s]) => s)).size).toBe(spellings.length);
  });

  it('agrees with normaliseRegionalGroup() on every entry', () => {
    for (const [spelling, group] of spellings) expect(normaliseRegionalGroup(spelling).group).toBe(group);
  });

  it('names each group by its code, and holds the ambiguous "europe" as no group', () => {
    const table = new Map(spellings);
    for (const group of REGIONAL_GROUPS) expect(table.get(group.replaceAll('_', ' '))).toBe(group);
    expect(table.get('europe')).toBeNull();
  });
});

/** The distinct values of one column of a CSV whose quoted fields hold no line breaks. */
function distinctColumn(csv: string, column: string): string[] {
  const [header, ...rows] = csv.split(/\r?\n/).filter((line) => line !== '');
  const index = splitCsvLine(header).indexOf(column);
  return [...new Set(rows.map((row) => splitCsvLine(row)[index]))];
}

function splitCsvLine(line: string): string[] {
  return [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map(([, field]) =>
    field.startsWith('"') ? field.slice(1, -1).replaceAll('""', '"') : field
  );
}
