/**
 * The source sets of the database (source-sets.sql) and the choice of the one a request counts:
 * the `source` parameter when it names a set present, else 'demo' when present, else the first set by
 * name. Read once per connection: a connection sees one database file, read-only (a replaced file
 * gets new connections, see db.ts).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import sql from './source-sets.sql?raw';
import { DEFAULT_SOURCE_SET, ParamError } from './params.ts';
import { PUBLIC_SESSION_PAGES } from '$lib/domain/source-sets.ts';

export interface SourceSet {
  name: string;
  /** Its records are synthetic (demonstration data), not facts about the IGF. */
  synthetic: boolean;
  /** Records per table. */
  records: { attendance: number; sessions: number; speakers: number };
  /** Meeting years with records. */
  years: number[];
}

const byConnection = new WeakMap<DuckDBConnection, Promise<SourceSet[]>>();

async function readSourceSets(conn: DuckDBConnection): Promise<SourceSet[]> {
  const rows = (await conn.runAndReadAll(sql)).getRowObjectsJS();
  return rows.map((r) => ({
    name: String(r.name),
    synthetic: r.synthetic === true,
    records: { attendance: Number(r.attendance), sessions: Number(r.sessions), speakers: Number(r.speakers) },
    years: (r.years as unknown[]).map(Number)
  }));
}

/** The source sets present, by name. */
export function sourceSets(conn: DuckDBConnection): Promise<SourceSet[]> {
  let sets = byConnection.get(conn);
  if (!sets) {
    sets = readSourceSets(conn);
    sets.catch(() => byConnection.delete(conn));
    byConnection.set(conn, sets);
  }
  return sets;
}

/** The default source set: 'demo' when present, else the first by name; 'demo' in a database without records. */
export function defaultSourceSet(sets: readonly SourceSet[]): string {
  return sets.find((s) => s.name === DEFAULT_SOURCE_SET)?.name ?? sets[0]?.name ?? DEFAULT_SOURCE_SET;
}

/**
 * A real set for the published metric when no records are to be compared: its computed side then
 * comes from real records or none (the session pages hold no attendance), never from synthetic ones.
 * The session pages first; null when every set is synthetic.
 */
export function realSourceSet(sets: readonly SourceSet[]): string | null {
  const real = sets.filter((s) => !s.synthetic);
  return (real.find((s) => s.name === PUBLIC_SESSION_PAGES) ?? real[0])?.name ?? null;
}

/** The set a request counts; a name not present is a ParamError listing the sets that are. */
export function chooseSourceSet(sets: readonly SourceSet[], requested: string | null): string {
  if (requested === null) return defaultSourceSet(sets);
  if (sets.some((s) => s.name === requested)) return requested;
  const names = sets.map((s) => s.name);
  throw new ParamError('source', requested, names, `Unknown source set "${requested}". Source sets in the database: ${names.join(', ') || '(none)'}.`);
}
