/**
 * How the synthetic rows are spelled: mostly canonical values, but a seeded mix
 * of the spellings real registration exports use, so that the pipeline's
 * normalisation is exercised. Every spelling here resolves through
 * pipelines/records/synonyms.ts and data/reference/country_aliases.csv /
 * the multilingual names of cccommons_countries_master.csv.
 */
import type { Random } from './random';
import { cumulative } from './random';
import { csvField } from './csv';
import type { Country } from './reference';
import { COUNTRY_ALIASES } from './reference';

interface Choice {
  values: string[];
  cum: Float64Array;
}
function choice(pairs: Array<[string, number]>): Choice {
  return { values: pairs.map((p) => csvField(p[0])), cum: cumulative(pairs.map((p) => p[1])) };
}
export function spell(c: Choice, rng: Random): string {
  return c.values[rng.pickCumulative(c.cum)];
}

/** Share of country cells not written as ISO3 (attendance). */
export const COUNTRY_NON_ISO3 = 0.15;

/**
 * Spellings of one country, CSV-escaped: ISO3 in most rows, else the English
 * name, an everyday alias, or the French/Spanish/Russian/Arabic/Chinese name.
 */
export function countrySpellings(c: Country, nonIso3: number): Choice {
  const alias = COUNTRY_ALIASES[c.iso3];
  const other: Array<[string, number]> = [
    [c.names.en, 0.3],
    [c.names.fr, 0.14],
    [c.names.es, 0.14],
    [c.names.ru, 0.1],
    [c.names.ar, 0.1],
    [c.names.zh, 0.1]
  ];
  if (alias) for (const a of alias) other.push([a, 0.3 / alias.length]);
  const w = other.reduce((s, p) => s + p[1], 0);
  return choice([[c.iso3, 1 - nonIso3], ...other.map(([v, x]) => [v, (x / w) * nonIso3] as [string, number])]);
}

export const STAKEHOLDER_SPELLINGS: Record<string, Choice> = {
  government: choice([['government', 0.8], ['Government', 0.2]]),
  private_sector: choice([['private_sector', 0.78], ['Private Sector', 0.12], ['Business', 0.1]]),
  civil_society: choice([['civil_society', 0.78], ['Civil Society', 0.14], ['NGO', 0.08]]),
  technical_community: choice([['technical_community', 0.8], ['Technical Community', 0.2]]),
  academia: choice([['academia', 0.78], ['Academia', 0.12], ['University', 0.1]]),
  intergovernmental_organization: choice([['intergovernmental_organization', 0.8], ['IGO', 0.2]]),
  media: choice([['media', 0.8], ['Press', 0.2]]),
  other: choice([['other', 0.85], ['Other', 0.15]]),
  '': choice([['', 1]])
};

export const GENDER_SPELLINGS: Record<string, Choice> = {
  female: choice([['female', 0.7], ['F', 0.1], ['Female', 0.12], ['Woman', 0.08]]),
  male: choice([['male', 0.7], ['M', 0.1], ['Male', 0.12], ['Man', 0.08]]),
  other: choice([['other', 0.6], ['Non-binary', 0.4]]),
  undisclosed: choice([['undisclosed', 0.5], ['Prefer not to say', 0.5]])
};
/** Gender cells left blank on top of the categories. */
export const GENDER_BLANK = 0.02;

export const MODE_SPELLINGS: Record<string, Choice> = {
  onsite: choice([['onsite', 0.75], ['Onsite', 0.1], ['In person', 0.15]]),
  online: choice([['online', 0.7], ['Online', 0.1], ['Remote', 0.12], ['Virtual', 0.08]])
};

/** first_time: each year's export has its house style, with some mixing. */
const FIRST_TIME_STYLES: Array<[string, string]> = [
  ['yes', 'no'],
  ['true', 'false'],
  ['1', '0']
];
export function firstTimeSpellings(year: number): { yes: Choice; no: Choice } {
  const house = year <= 2012 ? 0 : year <= 2019 ? 2 : 1;
  const w = FIRST_TIME_STYLES.map((_, i) => (i === house ? 0.8 : 0.1));
  return {
    yes: choice(FIRST_TIME_STYLES.map((s, i) => [s[0], w[i]] as [string, number])),
    no: choice(FIRST_TIME_STYLES.map((s, i) => [s[1], w[i]] as [string, number]))
  };
}
/** first_time cells left blank. */
export const FIRST_TIME_BLANK = 0.03;
