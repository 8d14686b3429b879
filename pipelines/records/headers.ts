/**
 * Matches a file's headers to the fields of a record kind, and guesses the
 * kind when the user did not force one.
 */
import { FIELDS, RECORD_KINDS, headerKey, type RecordKind } from './kinds.ts';
import { InputError } from '../files/input-file.ts';

export interface HeaderMatch {
  kind: RecordKind;
  /** field -> index of the column that feeds it */
  columns: Record<string, number>;
  /** Headers that feed no field (kept out of the database). */
  ignored: string[];
}

export function matchHeaders(headers: string[], kind: RecordKind): HeaderMatch {
  const keys = headers.map(headerKey);
  const columns: Record<string, number> = {};
  const used = new Set<number>();
  for (const [field, spec] of Object.entries(FIELDS[kind])) {
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
  return { kind, columns, ignored };
}

function missingRequired(match: HeaderMatch): string[] {
  return Object.entries(FIELDS[match.kind])
    .filter(([field, spec]) => spec.required && !(field in match.columns))
    .map(([field]) => field);
}

/** Fields that tell kinds apart (meeting year alone says nothing). */
function distinctiveScore(match: HeaderMatch): number {
  return Object.keys(match.columns).filter((f) => !['meeting_year', 'year', 'synthetic', 'session_id'].includes(f)).length;
}

export function resolveKind(headers: string[], forced?: RecordKind): HeaderMatch {
  const found = headers.length ? headers.map((h) => JSON.stringify(h)).join(', ') : 'none';
  if (forced) {
    const match = matchHeaders(headers, forced);
    const missing = missingRequired(match);
    if (missing.length) throw new InputError(`is not a ${forced} file: no ${missing.join(', ')} column (headers found: ${found})`);
    return match;
  }
  const candidates = RECORD_KINDS.map((k) => matchHeaders(headers, k))
    .filter((m) => missingRequired(m).length === 0 && distinctiveScore(m) > 0)
    .sort((a, b) => distinctiveScore(b) - distinctiveScore(a));
  if (candidates.length === 0) {
    throw new InputError(`has no recognisable columns for attendance, sessions or speakers (headers found: ${found})`);
  }
  if (candidates.length > 1 && distinctiveScore(candidates[0]) === distinctiveScore(candidates[1])) {
    throw new InputError(
      `could be ${candidates[0].kind} or ${candidates[1].kind} records; say which with --kind (headers found: ${found})`
    );
  }
  return candidates[0];
}
