/**
 * The five UN regional groups, and the many ways IGF session pages spell them.
 *
 * Session organisers type the regional group by hand, so one group arrives as
 * "Western European and Others Group (WEOG)", "WEOG" or "Western European and
 * Others". normaliseRegionalGroup() maps a spelling to its group only when the
 * text names exactly one group; a region that spans groups ("Europe" holds
 * WEOG and Eastern European states, "Middle East and North Africa" African and
 * Asia-Pacific ones) is never assigned to either.
 */
export const REGIONAL_GROUPS = ['african', 'asia_pacific', 'eastern_european', 'grulac', 'weog'] as const;
export type RegionalGroup = (typeof REGIONAL_GROUPS)[number];

/** The groups' names as the UN writes them. */
export const REGIONAL_GROUP_LABELS: Record<RegionalGroup, string> = {
  african: 'African Group',
  asia_pacific: 'Asia-Pacific Group',
  eastern_european: 'Eastern European Group',
  grulac: 'Latin American and Caribbean Group (GRULAC)',
  weog: 'Western European and Others Group (WEOG)'
};

/**
 * The global-south definition `regional_groups`: the African, Asia-Pacific and Latin American and
 * Caribbean groups are the south, the Eastern European and Western European and Others groups the
 * north (docs/metrics.md).
 */
export const SOUTH_REGIONAL_GROUPS: readonly RegionalGroup[] = ['african', 'asia_pacific', 'grulac'];
export const NORTH_REGIONAL_GROUPS: readonly RegionalGroup[] = ['eastern_european', 'weog'];

export type RegionalGroupReason = 'matched' | 'blank' | 'not_a_group' | 'unrecognised';
export interface RegionalGroupMatch {
  group: RegionalGroup | null;
  reason: RegionalGroupReason;
}

/** Spellings of each group, as people write them; compared after regionalGroupKey(). */
const GROUP_SPELLINGS: Record<RegionalGroup, string[]> = {
  african: [
    'African Group', 'African', 'Africa', 'Africa Region', 'African Region', 'African States', 'Group of African States',
    'African Group of States', 'Sub-Saharan Africa', 'North Africa', 'West Africa', 'East Africa', 'Southern Africa',
    'Central Africa', 'Groupe des États d’Afrique', 'Groupe africain', 'Afrique', 'Grupo de Estados de África',
    'Grupo africano', 'África'
  ],
  asia_pacific: [
    'Asia-Pacific Group', 'Asia-Pacific', 'Asia Pacific', 'Asia Pacific Group', 'Asia Pacific Regional Group',
    'Asia-Pacific Region', 'Asia and the Pacific', 'Asia and Pacific', 'Asia-Pacific States', 'Group of Asia-Pacific States',
    'Asia-Pacific Group (APG)', 'APG', 'APAC', 'Asia-Pacific (APAC)', 'Groupe des États d’Asie et du Pacifique',
    'Asie-Pacifique', 'Grupo de Estados de Asia y el Pacífico', 'Asia-Pacífico'
  ],
  eastern_european: [
    'Eastern European Group', 'Eastern European', 'Eastern Europe', 'Eastern European States', 'Group of Eastern European States',
    'Eastern European Group (EEG)', 'EEG', 'Central and Eastern Europe', 'Groupe des États d’Europe orientale',
    'Europe orientale', 'Grupo de Estados de Europa Oriental', 'Europa Oriental'
  ],
  grulac: [
    'GRULAC', 'Latin American and Caribbean Group (GRULAC)', 'Latin American and Caribbean Group', 'Latin America and Caribbean Group',
    'Latin American and Caribbean', 'Latin America and the Caribbean', 'Latin America and Caribbean',
    'Latin American and Caribbean States', 'Group of Latin American and Caribbean States', 'Latin America', 'Caribbean',
    'LAC', 'LAC Region', 'LATAM', 'Groupe des États d’Amérique latine et des Caraïbes', 'Amérique latine et Caraïbes',
    'Grupo de América Latina y el Caribe', 'Grupo de Estados de América Latina y el Caribe', 'América Latina y el Caribe',
    'América Latina'
  ],
  weog: [
    'WEOG', 'Western European and Others Group (WEOG)', 'Western European and Others Group', 'Western European and Others',
    'Western European and Others (WEOG)', 'Western European and Other States', 'Western European and Others States',
    'Group of Western European and Other States', 'Western Europe and Others', 'Western Europe', 'Western European',
    // A transposition seen on a real IGF page.
    'WOEG', 'Groupe des États d’Europe occidentale et autres États', 'Europe occidentale',
    'Grupo de Estados de Europa Occidental y otros Estados', 'Europa Occidental'
  ]
};

/**
 * Places and bodies that are not one regional group: they span several
 * ("Europe": WEOG and Eastern European; "North America": WEOG and Mexico in
 * GRULAC; "Asia": Israel and Turkey sit in WEOG) or are no place at all.
 */
const NOT_A_GROUP = [
  'Intergovernmental Organization', 'Intergovernmental Organisation', 'Intergovernmental Organizations',
  'Inter-governmental Organization', 'IGO', 'International Organization', 'International Organisation', 'International',
  'Global', 'Worldwide', 'Multiregional', 'Middle East and North Africa', 'MENA', 'WANA', 'West Asia and North Africa',
  'Middle East', 'Arab Region', 'Arab States', 'EU', 'European Union', 'Europe', 'EMEA', 'North America', 'Americas',
  'America', 'Asia', 'Oceania', 'Pacific', 'Commonwealth', 'Global South', 'Global North'
];

/** Words that say "a group" without saying which: they may surround a group's name. */
const FILLER = new Set(['group', 'groups', 'region', 'regions', 'regional', 'state', 'states', 'countries', 'country', 'of', 'the', 'and', 'un']);

/** At most this many other words (a country, a city) may stand beside a group's name: "Myanmar APAC". */
const MAX_EXTRA_WORDS = 2;

/**
 * The same key as the SQL macro text_key(): lower case, no accents, no
 * apostrophes, "&" as "and", any other punctuation as one space.
 */
export function regionalGroupKey(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/['’‘`´ʼ]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const TABLE: Map<string, RegionalGroup | null> = buildTable();

function buildTable(): Map<string, RegionalGroup | null> {
  const table = new Map<string, RegionalGroup | null>();
  for (const group of REGIONAL_GROUPS) {
    for (const spelling of [group.replaceAll('_', ' '), REGIONAL_GROUP_LABELS[group], ...GROUP_SPELLINGS[group]]) {
      table.set(regionalGroupKey(spelling), group);
    }
  }
  for (const spelling of NOT_A_GROUP) table.set(regionalGroupKey(spelling), null);
  return table;
}

/** Every known spelling in regionalGroupKey() form, with its group (null: names no single group), for a SQL lookup table. */
export function regionalGroupSpellings(): Array<[spelling: string, group: RegionalGroup | null]> {
  return [...TABLE.entries()];
}

// Missing-value markers, as the SQL macro given() knows them: no value, not a spelling.
const MISSING = new Set(['', 'na', 'n/a', 'n.a.', '#n/a', 'null', 'nan', '-', '--', '—']);

export function normaliseRegionalGroup(raw: string | null | undefined): RegionalGroupMatch {
  if (raw == null || MISSING.has(raw.trim().toLowerCase()) || regionalGroupKey(raw) === '') return { group: null, reason: 'blank' };
  const exact = TABLE.get(regionalGroupKey(raw));
  if (exact !== undefined) return exact ? { group: exact, reason: 'matched' } : { group: null, reason: 'not_a_group' };

  // "Africa (Nigeria)", "(India) APAC", "Latin American and Caribbean Group (GRULAC": the words
  // outside brackets carry the group; bracketed words may repeat it or name a country.
  const outside = raw.replace(/\([^)]*\)?/g, ' ');
  const inside = [...raw.matchAll(/\(([^)]*)\)?/g)].map((m) => m[1]).join(' ');
  const main = scan(regionalGroupKey(outside));
  const note = scan(regionalGroupKey(inside));
  if (main.extraWords > MAX_EXTRA_WORDS) return { group: null, reason: 'unrecognised' };
  const groups = new Set([...main.groups, ...note.groups]);
  // Extra words are tolerated beside a group's name only: "Imaginary University of the Pacific" is no region.
  if (main.notAGroup && main.extraWords > 0) return { group: null, reason: 'unrecognised' };
  if (main.notAGroup || groups.size > 1) return { group: null, reason: 'not_a_group' };
  if (main.groups.size === 1) return { group: [...groups][0], reason: 'matched' };
  return { group: null, reason: 'unrecognised' };
}

interface Scan {
  groups: Set<RegionalGroup>;
  notAGroup: boolean;
  extraWords: number;
}

/** Finds known spellings inside a key, longest first at each word, and counts the words no spelling covers. */
function scan(key: string): Scan {
  const words = key ? key.split(' ') : [];
  const result: Scan = { groups: new Set(), notAGroup: false, extraWords: 0 };
  let i = 0;
  while (i < words.length) {
    let found = 0;
    for (let end = words.length; end > i; end--) {
      const value = TABLE.get(words.slice(i, end).join(' '));
      if (value === undefined) continue;
      if (value) result.groups.add(value);
      else result.notAGroup = true;
      found = end - i;
      break;
    }
    if (found === 0 && !FILLER.has(words[i])) result.extraWords++;
    i += Math.max(found, 1);
  }
  return result;
}

/**
 * The category codes data/published uses for the UN regional groups. Earlier
 * sources used continents ("africa", "western_europe"), which are not these
 * groups and map to none.
 */
const PUBLISHED_CATEGORIES: Record<string, RegionalGroup> = {
  african_group: 'african',
  asia_pacific_group: 'asia_pacific',
  eastern_european_group: 'eastern_european',
  grulac: 'grulac',
  weog: 'weog'
};

/** The regional group a published figure's category names, or null when it names none. */
export function publishedRegionalGroup(category: string | null | undefined): RegionalGroup | null {
  return (category && PUBLISHED_CATEGORIES[category]) || null;
}
