/**
 * The one read-only DuckDB instance of the server process.
 *
 * - Path: `process.env.IGF_DB ?? 'data/igf.duckdb'` (the same rule as the pipeline), read at each check,
 *   resolved against the working directory.
 * - Opened lazily, READ_ONLY, one instance per process, with a small pool of connections
 *   (`IGF_DB_CONNECTIONS`, default 2: one per core; DuckDB also parallelises inside a query).
 *   IGF_DB_THREADS sets DuckDB's worker threads (default: one per core).
 *   An optional initializer prepares each connection when the file is opened (the metrics build
 *   their TEMP summary table there, so no request pays for it).
 * - The pipeline replaces the file atomically (rename). At most once per second the file's
 *   identity (device, inode, mtime, size) is compared with the open one; when it changed, a new
 *   instance is opened for new requests and the old one is closed once its last request is done.
 * - perDatabase() keeps values computed once per opened file (the data version the HTTP cache keys on).
 * - A missing or unreadable file is a DatabaseUnavailableError, which the API turns into HTTP 503.
 *
 * This module uses only Node and @duckdb/node-api: it is safe to import from plain Node scripts.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

import { DEFAULT_DB_PATH } from '../domain/database.ts';

export { DEFAULT_DB_PATH };
const CHECK_INTERVAL_MS = 1000;

export class DatabaseUnavailableError extends Error {
  readonly status = 503;
  constructor(
    message: string,
    readonly path: string,
    readonly reason: 'missing' | 'unreadable'
  ) {
    super(message);
    this.name = 'DatabaseUnavailableError';
  }
}

/** The database file the server reads: IGF_DB or data/igf.duckdb, as an absolute path. */
export function databasePath(): string {
  return resolve(process.env.IGF_DB || DEFAULT_DB_PATH);
}

function poolSize(): number {
  const n = Number(process.env.IGF_DB_CONNECTIONS ?? 2);
  return Number.isInteger(n) && n >= 1 && n <= 64 ? n : 2;
}

type ConnectionInitializer = (conn: DuckDBConnection) => Promise<void>;
let initializer: ConnectionInitializer | null = null;

/** Run `fn` on every new pooled connection before it serves a request (e.g. build TEMP tables). */
export function setConnectionInitializer(fn: ConnectionInitializer | null): void {
  initializer = fn;
}

interface FileIdentity {
  dev: number;
  ino: number;
  mtimeMs: number;
  size: number;
}

function sameFile(a: FileIdentity, b: FileIdentity): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.mtimeMs === b.mtimeMs && a.size === b.size;
}

function identify(path: string): FileIdentity {
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new DatabaseUnavailableError(`${path} is not a file`, path, 'unreadable');
    return { dev: st.dev, ino: st.ino, mtimeMs: st.mtimeMs, size: st.size };
  } catch (e) {
    if (e instanceof DatabaseUnavailableError) throw e;
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new DatabaseUnavailableError(
        `The database ${path} does not exist yet: run \`npm run pipeline\` to build it (or set IGF_DB to an existing file).`,
        path,
        'missing'
      );
    }
    throw new DatabaseUnavailableError(`The database ${path} cannot be read: ${(e as Error).message}`, path, 'unreadable');
  }
}

/** One opened file: an instance, its connections, and the requests using them. */
class OpenDatabase {
  private idle: DuckDBConnection[] = [];
  private waiting: ((c: DuckDBConnection) => void)[] = [];
  private all: DuckDBConnection[] = [];
  private leases = 0;
  private retired = false;
  private closed = false;
  /** Values computed once for this file (perDatabase). */
  readonly memo = new Map<string, Promise<unknown>>();

  private constructor(
    readonly path: string,
    readonly identity: FileIdentity,
    private readonly instance: DuckDBInstance
  ) {}

  static async open(path: string, identity: FileIdentity, size: number): Promise<OpenDatabase> {
    let instance: DuckDBInstance;
    try {
      const options: Record<string, string> = { access_mode: 'READ_ONLY' };
      if (process.env.IGF_DB_THREADS) options.threads = process.env.IGF_DB_THREADS;
      instance = await DuckDBInstance.create(path, options);
    } catch (e) {
      throw new DatabaseUnavailableError(
        `The database ${path} cannot be opened read-only: ${(e as Error).message}`,
        path,
        'unreadable'
      );
    }
    const db = new OpenDatabase(path, identity, instance);
    try {
      for (let i = 0; i < size; i++) {
        const c = await instance.connect();
        db.all.push(c);
        if (initializer) await initializer(c);
        db.idle.push(c);
      }
    } catch (e) {
      db.closeNow();
      throw new DatabaseUnavailableError(`Cannot connect to ${path}: ${(e as Error).message}`, path, 'unreadable');
    }
    return db;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  async acquire(): Promise<DuckDBConnection> {
    this.leases++;
    const c = this.idle.pop();
    if (c) return c;
    return new Promise((resolveConn) => this.waiting.push(resolveConn));
  }

  release(c: DuckDBConnection): void {
    this.leases--;
    const next = this.waiting.shift();
    if (next) next(c);
    else this.idle.push(c);
    if (this.retired && this.leases === 0) this.closeNow();
  }

  /**
   * A connection of its own, outside the pool, for long work such as streaming a large export to a
   * slow client: the pooled connections stay free for the API. The instance stays open until it is
   * released.
   */
  async dedicated(): Promise<{ conn: DuckDBConnection; release: () => void }> {
    this.leases++;
    let conn: DuckDBConnection;
    try {
      conn = await this.instance.connect();
    } catch (e) {
      this.leases--;
      throw new DatabaseUnavailableError(`Cannot connect to ${this.path}: ${(e as Error).message}`, this.path, 'unreadable');
    }
    let released = false;
    return {
      conn,
      release: () => {
        if (released) return;
        released = true;
        try {
          conn.closeSync();
        } catch {
          /* already closed */
        }
        this.leases--;
        if (this.retired && this.leases === 0) this.closeNow();
      }
    };
  }

  /** No new requests; close as soon as the running ones are done. */
  retire(): void {
    this.retired = true;
    if (this.leases === 0) this.closeNow();
  }

  private closeNow(): void {
    if (this.closed) return;
    this.closed = true;
    for (const c of this.all) {
      try {
        c.closeSync();
      } catch {
        /* already closed */
      }
    }
    try {
      this.instance.closeSync();
    } catch {
      /* already closed */
    }
  }
}

let current: OpenDatabase | null = null;
let lastCheck = 0;
let opening: Promise<OpenDatabase> | null = null;

async function currentDatabase(): Promise<OpenDatabase> {
  const path = databasePath();
  const now = Date.now();
  if (current && current.path === path && now - lastCheck < CHECK_INTERVAL_MS) return current;
  if (opening) return opening;
  lastCheck = now;
  let identity: FileIdentity;
  try {
    identity = identify(path);
  } catch (e) {
    lastCheck = 0; // check again on the next request
    throw e;
  }
  if (current && current.path === path && sameFile(current.identity, identity)) return current;
  opening = OpenDatabase.open(path, identity, poolSize())
    .then((db) => {
      const old = current;
      current = db;
      old?.retire();
      return db;
    })
    .catch((e) => {
      lastCheck = 0;
      throw e;
    })
    .finally(() => {
      opening = null;
    });
  return opening;
}

/**
 * Run `fn` with a pooled read-only connection to the current database file.
 * Throws DatabaseUnavailableError when the file is missing or cannot be opened.
 */
export async function withConnection<T>(fn: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
  let db = await currentDatabase();
  // A swap between the check and the lease may have closed that instance: take the new one.
  for (let i = 0; db.isClosed && i < 3; i++) db = await currentDatabase();
  const conn = await db.acquire();
  try {
    return await fn(conn);
  } finally {
    db.release(conn);
  }
}

/**
 * A connection outside the pool, for work that may take as long as a client takes to read it (export
 * streams). The caller must call release() exactly when done (repeated calls are harmless).
 */
export async function dedicatedConnection(): Promise<{ conn: DuckDBConnection; release: () => void }> {
  let db = await currentDatabase();
  for (let i = 0; db.isClosed && i < 3; i++) db = await currentDatabase();
  return db.dedicated();
}

/**
 * A value computed once per opened database file, such as its data version: the file is read-only
 * and replaced only by a swap, after which the new file gets its own value. A failed computation is
 * forgotten, so that the next call tries again.
 */
export async function perDatabase<T>(name: string, compute: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
  let db = await currentDatabase();
  for (let i = 0; db.isClosed && i < 3; i++) db = await currentDatabase();
  let value = db.memo.get(name) as Promise<T> | undefined;
  if (!value) {
    const opened = db;
    value = (async () => {
      const conn = await opened.acquire();
      try {
        return await compute(conn);
      } finally {
        opened.release(conn);
      }
    })();
    opened.memo.set(name, value);
    value.catch(() => opened.memo.delete(name));
  }
  return value;
}

/** Close the open instance (tests, shutdown). The next request opens the file again. */
export function closeDatabase(): void {
  current?.retire();
  current = null;
  lastCheck = 0;
}
