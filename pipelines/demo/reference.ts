/**
 * Reference inputs of the demo generator: the published IGF figures, the
 * country table (ISO3, UN regional group, names in the six UN languages) and
 * the meetings (host, dates). Read from the repository's data/ folder.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { REGIONAL_GROUPS, type RegionalGroup } from '../../src/lib/domain/regional-groups.ts';

export const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));
export const PUBLISHED_CSV = fileURLToPath(new URL('../../data/published/participation_aggregates.csv', import.meta.url));
export const COUNTRIES_CSV = fileURLToPath(new URL('../../data/reference/cccommons_countries_master.csv', import.meta.url));
export const UN_GROUPS_CSV = fileURLToPath(new URL('../../data/reference/un_regional_groups_g77.csv', import.meta.url));

/** RFC 4180 parser (quoted fields, doubled quotes, CRLF or LF, optional BOM). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** CSV text -> objects keyed by the header row. */
export function parseCsvObjects(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(text);
  return rows
    .filter((r) => r.length > 1 || (r.length === 1 && r[0] !== ''))
    .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

// ---------------------------------------------------------------- published

export interface PublishedRow {
  /** 1-based line in the CSV (header = line 1). */
  line: number;
  year: number;
  hostCity: string;
  hostCountry: string;
  metric: string;
  category: string;
  /** Numeric value; NaN for values such as "2:3". */
  value: number;
  rawValue: string;
  unit: string;
  sourceUrl: string;
  quote: string;
}

export function parsePublished(text: string): PublishedRow[] {
  return parseCsvObjects(text).map((r, i) => ({
    line: i + 2,
    year: Number(r.year),
    hostCity: r.host_city,
    hostCountry: r.host_country,
    metric: r.metric,
    category: r.category,
    value: Number(r.value),
    rawValue: r.value,
    unit: r.unit,
    sourceUrl: r.source_url,
    quote: r.quote
  }));
}

export function loadPublished(path = PUBLISHED_CSV): PublishedRow[] {
  return parsePublished(readFileSync(path, 'utf8'));
}

// ---------------------------------------------------------------- countries

export type UnGroup = RegionalGroup;
export const UN_GROUPS: readonly UnGroup[] = REGIONAL_GROUPS;

const GROUP_CODES: Record<string, UnGroup> = {
  AFRICANGROUP: 'african',
  ASIAPACIFICGROUP: 'asia_pacific',
  EEG: 'eastern_european',
  GRULAC: 'grulac',
  WEOG: 'weog'
};

export interface Country {
  iso3: string;
  /** Formal UN regional group; null for Palestine and territories. */
  unGroup: UnGroup | null;
  /** Group used for drawing (territories and Palestine are drawn with their neighbours). */
  drawGroup: UnGroup;
  /** World Bank income code (HIC, UMC, LMC, LIC) or ''. */
  income: string;
  names: { en: string; fr: string; es: string; ru: string; ar: string; zh: string };
}

/** Territories drawn now and then (they have ISO3 codes but no UN group). */
const TERRITORIES: Record<string, UnGroup> = { HKG: 'asia_pacific', PRI: 'grulac', PSE: 'asia_pacific' };

/** The 193 UN members, Palestine, Hong Kong and Puerto Rico, in ISO3 order. */
export function loadCountries(): Country[] {
  const master = new Map(parseCsvObjects(readFileSync(COUNTRIES_CSV, 'utf8')).map((r) => [r.iso3, r]));
  const groups = parseCsvObjects(readFileSync(UN_GROUPS_CSV, 'utf8'));
  const out: Country[] = [];
  const seen = new Set<string>();
  const add = (iso3: string, unGroup: UnGroup | null, drawGroup: UnGroup) => {
    const m = master.get(iso3);
    if (!m || seen.has(iso3)) return;
    seen.add(iso3);
    out.push({
      iso3,
      unGroup,
      drawGroup,
      income: m.wb_income_code ?? '',
      names: {
        en: m.country_name_en,
        fr: m.country_name_fr || m.country_name_en,
        es: m.country_name_es || m.country_name_en,
        ru: m.country_name_ru || m.country_name_en,
        ar: m.country_name_ar || m.country_name_en,
        zh: m.country_name_zh || m.country_name_en
      }
    });
  };
  for (const g of groups) {
    const group = GROUP_CODES[g.un_regional_group_code] ?? null;
    const draw = group ?? TERRITORIES[g.iso3];
    if (draw) add(g.iso3, group, draw);
  }
  for (const [iso3, draw] of Object.entries(TERRITORIES)) add(iso3, null, draw);
  out.sort((a, b) => (a.iso3 < b.iso3 ? -1 : a.iso3 > b.iso3 ? 1 : 0));
  return out;
}

/**
 * Everyday spellings written instead of the ISO3 code for some rows. All of
 * them are in data/reference/country_aliases.csv, so the pipeline resolves them.
 */
export const COUNTRY_ALIASES: Readonly<Record<string, readonly string[]>> = {
  USA: ['USA'],
  GBR: ['UK'],
  RUS: ['Russia'],
  CIV: ['Ivory Coast'],
  TUR: ['Turkey'],
  KOR: ['South Korea'],
  VNM: ['Vietnam'],
  IRN: ['Iran'],
  COD: ['DR Congo'],
  ARE: ['UAE'],
  NLD: ['The Netherlands']
};
