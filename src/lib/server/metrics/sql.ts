/**
 * Composing metric SQL from fixed fragments, and running it with bound parameters.
 *
 * Nothing from a request is ever spliced into SQL: fragments are the .sql files of this folder,
 * chosen by validated enum values; every value from a request is a bound $parameter.
 */
import { BOOLEAN, INTEGER, VARCHAR, type DuckDBConnection, type DuckDBPreparedStatement, type DuckDBType } from '@duckdb/node-api';
import attendeesSql from './selection-attendees.sql?raw';
import speakersSql from './selection-speakers.sql?raw';
import type { MetricParams, Population } from './params.ts';

/** One statement as it is sent to DuckDB: the exact text, its values and their types. */
export interface Statement {
  sql: string;
  values: Record<string, string | number | boolean | null>;
  types: Record<string, DuckDBType>;
}

const PARAM_TYPES: Record<string, DuckDBType> = {
  source: VARCHAR,
  from: INTEGER,
  to: INTEGER,
  mode: VARCHAR,
  exclude_host: BOOLEAN,
  session_type: VARCHAR,
  definition: VARCHAR
};

const composed = new Map<string, string>();

/** Replace each {{name}} with the fragment of that name (fragments may contain placeholders too). */
export function compose(template: string, fragments: Record<string, string>): string {
  const cacheKey = template + '\u0000' + JSON.stringify(fragments);
  const hit = composed.get(cacheKey);
  if (hit !== undefined) return hit;
  const result = composeUncached(template, fragments);
  if (composed.size < 500) composed.set(cacheKey, result);
  return result;
}

function composeUncached(template: string, fragments: Record<string, string>): string {
  let out = stripComments(template);
  for (let depth = 0; depth < 5 && /\{\{\w+\}\}/.test(out); depth++) {
    out = out.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
      const f = fragments[name];
      if (f === undefined) throw new Error(`SQL fragment {{${name}}} is not defined`);
      return stripComments(f);
    });
  }
  return out;
}

/** Drop `-- comments` (the fragments hold no string literal containing two dashes). */
export function stripComments(sql: string): string {
  return sql
    .split('\n')
    .map((line) => line.replace(/--.*$/, '').trimEnd())
    .filter((line) => line.trim() !== '')
    .join('\n');
}

/** Rows of a population (summary rows with a count n), filtered by the request's parameters. */
export function rawPopulationSql(population: Population): string {
  return stripComments(population === 'attendees' ? attendeesSql : speakersSql);
}

/**
 * The fragments a metric template may use: {{population}} (rows of the selected population),
 * {{attendees}}, {{speakers}}.
 */
export function commonFragments(population: Population): Record<string, string> {
  return {
    population: rawPopulationSql(population),
    attendees: rawPopulationSql('attendees'),
    speakers: rawPopulationSql('speakers')
  };
}

const usedParameters = new Map<string, Set<string>>();

/**
 * Bound values of the parameters the SQL text uses (DuckDB rejects values it does not use). A
 * statement that selects records needs the source set resolved (resolveParams in index.ts): an
 * unresolved one would silently match no record.
 */
export function statement(sql: string, params: MetricParams): Statement {
  const all: Record<string, string | number | boolean | null> = {
    source: params.source,
    from: params.from ?? 1900,
    to: params.to ?? 2999,
    mode: params.mode,
    exclude_host: params.exclude_host,
    session_type: params.session_type,
    definition: params.definition
  };
  let used = usedParameters.get(sql);
  if (!used) {
    used = new Set([...sql.matchAll(/\$([a-z_]+)/g)].map((m) => m[1]));
    if (usedParameters.size < 500) usedParameters.set(sql, used);
  }
  const values: Statement['values'] = {};
  const types: Statement['types'] = {};
  for (const name of used) {
    if (!(name in all)) throw new Error(`SQL uses an unknown parameter $${name}`);
    if (name === 'source' && params.source === null) throw new Error('statement: the source set is not resolved (see resolveParams)');
    values[name] = all[name];
    types[name] = PARAM_TYPES[name];
  }
  return { sql, values, types };
}

export type SqlRow = Record<string, string | number | boolean | null>;

const sqlMs = new WeakMap<DuckDBConnection, number>();

/** Milliseconds spent in DuckDB on this connection since the last call (for Server-Timing). */
export function takeSqlTime(conn: DuckDBConnection): number {
  const t = sqlMs.get(conn) ?? 0;
  sqlMs.set(conn, 0);
  return t;
}

interface Prepared {
  statement: DuckDBPreparedStatement;
  /** One execution at a time: binding and running are two steps. */
  busy: Promise<unknown>;
}
const preparedByConnection = new WeakMap<DuckDBConnection, Map<string, Prepared>>();

/**
 * Run one statement; BIGINT and HUGEINT come back as JS numbers (exact up to 2^53).
 * Statements are prepared once per connection and SQL text (the texts are fixed: a few dozen), so
 * that a request only binds its values.
 */
export async function runStatement(conn: DuckDBConnection, st: Statement): Promise<SqlRow[]> {
  const started = performance.now();
  let cache = preparedByConnection.get(conn);
  if (!cache) {
    cache = new Map();
    preparedByConnection.set(conn, cache);
  }
  let prepared = cache.get(st.sql);
  if (!prepared) {
    prepared = { statement: await conn.prepare(st.sql), busy: Promise.resolve() };
    if (cache.size < 200) cache.set(st.sql, prepared);
  }
  const p = prepared;
  const run = p.busy.then(() => {
    p.statement.bind(st.values, st.types);
    return p.statement.runAndReadAll();
  });
  p.busy = run.catch(() => undefined);
  const reader = await run;
  sqlMs.set(conn, (sqlMs.get(conn) ?? 0) + performance.now() - started);
  return reader.getRowObjectsJS().map((row) => {
    const out: SqlRow = {};
    for (const [k, v] of Object.entries(row)) out[k] = toPlain(v, k);
    return out;
  });
}

function toPlain(v: unknown, column: string): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') {
    if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new Error(`Column ${column}: ${v} does not fit a JavaScript number`);
    }
    return Number(v);
  }
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}
