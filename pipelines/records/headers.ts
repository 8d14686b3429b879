/**
 * Matches a file's headers to the fields of a record kind, and guesses the
 * kind when the user did not force one. Headers a user mapped by hand
 * (`--map 'Header=field'`) win over the synonym lists.
 */
import { FIELDS, RECORD_KINDS, headerKey, type RecordKind } from './kinds.ts';
import { InputError } from '../files/input-file.ts';
import { editDistance } from './edit-distance.ts';

export interface HeaderMatch {
  kind: RecordKind;
  /** field -> index of the column that feeds it */
  columns: Record<string, number>;
  /** Headers that feed no field (kept out of the database). */
  ignored: string[];
  /** "Header → field" for every column mapped by hand. */
  mappedByHand: string[];
  /** --map entries this file could not use (no such header, or a field of another kind), in words. */
  unusedMappings: string[];
}

/** Header (any spelling: compared by headerKey) -> field, from `--map`. */
export type ManualMap = ReadonlyMap<string, string>;

export interface CleanHeaders {
  headers: string[];
  /** Plain sentences for the summary: renamed empty headers, repeated names. */
  notes: string[];
}

/**
 * Gives every column a usable, unique-enough name. An empty header (R's
 * `write.csv` writes one over its row names) becomes `column_7`; a repeated
 * header is reported, and only its first column can feed a field.
 */
export function cleanHeaders(raw: string[]): CleanHeaders {
  const notes: string[] = [];
  const headers = raw.map((h, i) => (h.trim() === '' ? `column_${i + 1}` : h.trim()));
  const empty = raw.map((h, i) => (h.trim() === '' ? headers[i] : null)).filter((h) => h !== null);
  if (empty.length) notes.push(`empty header names, called ${empty.join(', ')}`);
  const positions = new Map<string, number[]>();
  headers.forEach((h, i) => positions.set(headerKey(h), [...(positions.get(headerKey(h)) ?? []), i + 1]));
  for (const [, cols] of positions) {
    if (cols.length > 1) {
      notes.push(`header ${JSON.stringify(headers[cols[0] - 1])} appears in columns ${cols.join(', ')}; only column ${cols[0]} is used`);
    }
  }
  return { headers, notes };
}

/** Parses `--map` values ("On-Site=participation_mode"); throws a plain message on a bad one. */
export function parseManualMap(values: string[]): Map<string, string> {
  const allFields = new Set(RECORD_KINDS.flatMap((k) => Object.keys(FIELDS[k])));
  const map = new Map<string, string>();
  for (const value of values) {
    const at = value.lastIndexOf('=');
    const header = value.slice(0, at).trim();
    const field = value.slice(at + 1).trim();
    if (at < 0 || !header || !field) throw new Error(`--map "${value}" is not of the form 'Header=field'`);
    if (!allFields.has(field)) throw new Error(`--map "${value}": unknown field "${field}"; fields: ${[...allFields].sort().join(', ')}`);
    map.set(headerKey(header), field);
  }
  return map;
}

export function matchHeaders(headers: string[], kind: RecordKind, manual: ManualMap = new Map()): HeaderMatch {
  const keys = headers.map(headerKey);
  const columns: Record<string, number> = {};
  const used = new Set<number>();
  const mappedByHand: string[] = [];
  keys.forEach((key, i) => {
    const field = manual.get(key);
    if (field && field in FIELDS[kind] && !(field in columns)) {
      columns[field] = i;
      used.add(i);
      mappedByHand.push(`${headers[i]} → ${field}`);
    }
  });
  for (const [field, spec] of Object.entries(FIELDS[kind])) {
    if (field in columns) continue;
    // Earlier synonyms are more specific: "sessiontitle" beats "title".
    for (const synonym of spec.synonyms) {
      const index = keys.findIndex((k, i) => k === synonym && !used.has(i));
      if (index >= 0) {
        columns[field] = index;
        used.add(index);
        break;
      }
    }
  }
  const ignored = headers.filter((_, i) => !used.has(i));
  const unusedMappings = [...manual]
    .filter(([key, field]) => !keys.includes(key) || !(field in FIELDS[kind]))
    .map(([key, field]) =>
      keys.includes(key) ? `--map ${key}=${field}: ${withArticle(kind)} file has no field ${field}` : `--map ${key}=${field}: no such header in this file`
    );
  return { kind, columns, ignored, mappedByHand, unusedMappings };
}

function missingRequired(match: HeaderMatch, implied: ReadonlySet<string>): string[] {
  return Object.entries(FIELDS[match.kind])
    .filter(([field, spec]) => spec.required && !(field in match.columns) && !implied.has(field))
    .map(([field]) => field);
}

/** Fields that tell kinds apart (meeting year alone says nothing). */
function distinctiveScore(match: HeaderMatch): number {
  return Object.keys(match.columns).filter((f) => !['meeting_year', 'year', 'synthetic', 'session_id'].includes(f)).length;
}

export interface KindOptions {
  forced?: RecordKind;
  manual?: ManualMap;
  /** Fields given for the whole file on the command line (`--year` gives meeting_year). */
  implied?: ReadonlySet<string>;
}

export function resolveKind(headers: string[], options: KindOptions = {}): HeaderMatch {
  const { forced, manual = new Map(), implied = new Set<string>() } = options;
  const found = headers.length ? headers.map((h) => JSON.stringify(h)).join(', ') : 'none';
  if (forced) {
    const match = matchHeaders(headers, forced, manual);
    const missing = missingRequired(match, implied);
    if (missing.length) throw new InputError(`is not ${withArticle(forced)} file: ${missingAdvice(match, missing)} (headers found: ${found})`);
    return match;
  }
  const matches = RECORD_KINDS.map((k) => matchHeaders(headers, k, manual));
  const candidates = matches
    .filter((m) => missingRequired(m, implied).length === 0 && distinctiveScore(m) > 0)
    .sort((a, b) => distinctiveScore(b) - distinctiveScore(a));
  if (candidates.length === 0) {
    // The kind the headers look most like, so the advice names its missing columns.
    const likely = matches.filter((m) => distinctiveScore(m) > 0).sort((a, b) => distinctiveScore(b) - distinctiveScore(a))[0];
    if (likely) {
      throw new InputError(
        `looks like ${likely.kind} records but ${missingAdvice(likely, missingRequired(likely, implied))} (headers found: ${found})`
      );
    }
    throw new InputError(`has no recognisable columns for attendance, sessions or speakers (headers found: ${found})`);
  }
  if (candidates.length > 1 && distinctiveScore(candidates[0]) === distinctiveScore(candidates[1])) {
    throw new InputError(
      `could be ${candidates[0].kind} or ${candidates[1].kind} records; say which with --kind (headers found: ${found})`
    );
  }
  return candidates[0];
}

/** "no meeting_year column; did you mean "Yr"? map it with --map 'Yr=meeting_year'" */
function missingAdvice(match: HeaderMatch, missing: string[]): string {
  return missing
    .map((field) => {
      const guess = closestHeader(match.ignored, FIELDS[match.kind][field].synonyms);
      const year = field === 'meeting_year' ? `, or give the year of every row with --year` : '';
      return guess
        ? `no ${field} column; did you mean ${JSON.stringify(guess)}? map it with --map '${guess}=${field}'${year}`
        : `no ${field} column; name one with --map 'Header=${field}'${year}`;
    })
    .join('; ');
}

/** The unused header closest to any synonym of a field, if one is close enough to be worth suggesting. */
export function closestHeader(candidates: string[], synonyms: string[]): string | undefined {
  let best: { header: string; score: number } | undefined;
  for (const header of candidates) {
    const key = headerKey(header);
    if (!key) continue;
    for (const synonym of synonyms) {
      // A synonym inside the header ("Year of meeting") or the header inside a synonym counts as close.
      const contained = key.includes(synonym) || (key.length >= 3 && synonym.includes(key));
      const distance = contained ? 0 : editDistance(key, synonym);
      const score = distance / Math.max(key.length, synonym.length);
      if (score <= 0.34 && (!best || score < best.score)) best = { header, score };
    }
  }
  return best?.header;
}

/** "an attendance", "a speakers": the article a kind's name takes. */
export function withArticle(kind: string): string {
  return `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`;
}
