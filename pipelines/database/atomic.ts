/**
 * Changes to the database happen on a copy that replaces the original only
 * when everything succeeded, by rename(2) in the same directory. Until then
 * readers (the dashboard) keep the old file, and a failure leaves it
 * byte-identical.
 *
 * A run that is killed (kill -9, out of memory, power loss) leaves the
 * database as it was, plus its lock and its half-written copy. The next run
 * takes over the lock (see writer-lock.ts) and removes the copy.
 */
import { copyFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { openDatabase, type OpenDatabase } from './open.ts';
import { acquireWriterLock, type LockOwner } from './writer-lock.ts';

export { LockedError } from './writer-lock.ts';

/** What an interrupted earlier run left behind and this run cleared before starting. */
export interface Recovered {
  /** The owner recorded in the lock that was taken over. */
  interruptedRun?: LockOwner;
  removed: Array<{ path: string; bytes: number }>;
}

/**
 * Runs `work` on a copy of the database at `dbPath` and swaps the copy in if
 * it succeeds. `onRecovered` hears, before `work` starts, about an
 * interrupted earlier run whose leftovers were cleared (it is not called when
 * there were none).
 */
export async function withDatabaseCopy<T>(
  dbPath: string,
  work: (db: OpenDatabase) => Promise<T>,
  beforeSwap?: () => void | Promise<void>,
  onRecovered?: (recovered: Recovered) => void
): Promise<T> {
  mkdirSync(dirname(dbPath) || '.', { recursive: true });
  const lock = await acquireWriterLock(dbPath);
  const copy = join(dirname(dbPath), `.${basename(dbPath)}.tmp-${process.pid}`);
  let db: OpenDatabase | undefined;
  try {
    // Only with the lock held: then no running process is writing any of these copies.
    const removed = await removeLeftoverCopies(dbPath);
    if (lock.takenOverFrom || removed.length) onRecovered?.({ interruptedRun: lock.takenOverFrom, removed });
    if (existsSync(dbPath)) {
      await copyFile(dbPath, copy);
      if (existsSync(`${dbPath}.wal`)) await copyFile(`${dbPath}.wal`, `${copy}.wal`);
    }
    db = await openDatabase(copy);
    const result = await work(db);
    await db.conn.run('CHECKPOINT');
    db.close();
    db = undefined;
    await beforeSwap?.();
    await rename(copy, dbPath);
    await rm(`${dbPath}.wal`, { force: true });
    return result;
  } finally {
    db?.close();
    await removeCopy(copy);
    await lock.release();
  }
}

/** One line for the user about what `Recovered` reports. */
export function describeRecovered(recovered: Recovered): string {
  const run = recovered.interruptedRun;
  const who = run ? `an earlier pipeline run (process ${run.pid}${run.started_at ? `, started ${run.started_at}` : ''})` : 'an earlier pipeline run';
  const bytes = recovered.removed.reduce((sum, file) => sum + file.bytes, 0);
  const done = [
    ...(run ? ['took over its lock'] : []),
    ...(recovered.removed.length ? [`removed its temporary copy (${recovered.removed.map((f) => basename(f.path)).join(', ')}: ${formatBytes(bytes)})`] : [])
  ];
  return `${who} was interrupted; ${done.join(' and ')}. The database was not changed by it.`;
}

/**
 * The copies `.<db>.tmp-<pid>` of runs that were killed, with DuckDB's
 * `.wal` file and `.tmp` spill folder next to each: exactly these names in
 * the database's folder, nothing else.
 */
async function removeLeftoverCopies(dbPath: string): Promise<Recovered['removed']> {
  const folder = dirname(dbPath);
  const leftover = new RegExp(`^\\.${escapeRegExp(basename(dbPath))}\\.tmp-\\d+(\\.wal|\\.tmp)?$`);
  const removed: Recovered['removed'] = [];
  for (const name of (await readdir(folder)).filter((n) => leftover.test(n)).sort()) {
    const path = join(folder, name);
    const bytes = await sizeOf(path);
    await rm(path, { recursive: true, force: true });
    removed.push({ path, bytes });
  }
  return removed;
}

async function removeCopy(copy: string): Promise<void> {
  await rm(copy, { force: true });
  await rm(`${copy}.wal`, { force: true });
}

async function sizeOf(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.size;
  const entries = await readdir(path);
  let total = 0;
  for (const entry of entries) total += await sizeOf(join(path, entry));
  return total;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${bytes} bytes`;
}
