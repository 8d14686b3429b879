/**
 * Changes to the database happen on a copy that replaces the original only
 * when everything succeeded, by rename(2) in the same directory. Until then
 * readers (the dashboard) keep the old file, and a failure leaves it
 * byte-identical.
 */
import { copyFile, rm, rename, open, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { openDatabase, type OpenDatabase } from './open.ts';

export class LockedError extends Error {}

export async function withDatabaseCopy<T>(
  dbPath: string,
  work: (db: OpenDatabase) => Promise<T>,
  beforeSwap?: () => void | Promise<void>
): Promise<T> {
  mkdirSync(dirname(dbPath) || '.', { recursive: true });
  const release = await lock(dbPath);
  const copy = join(dirname(dbPath), `.${basename(dbPath)}.tmp-${process.pid}`);
  let db: OpenDatabase | undefined;
  try {
    await removeDatabaseFiles(copy);
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
    await removeDatabaseFiles(copy);
    await release();
  }
}

async function removeDatabaseFiles(path: string): Promise<void> {
  await rm(path, { force: true });
  await rm(`${path}.wal`, { force: true });
}

/** One writer at a time; a lock left by a process that no longer runs is taken over. */
async function lock(dbPath: string): Promise<() => Promise<void>> {
  const lockPath = `${dbPath}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(lockPath, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number((await readFile(lockPath, 'utf8').catch(() => '')).trim());
      if (pid && pid !== process.pid && isRunning(pid)) {
        throw new LockedError(`another pipeline (process ${pid}) is writing ${dbPath}; wait for it, or delete ${lockPath} if it is gone`);
      }
      await rm(lockPath, { force: true });
    }
  }
  throw new LockedError(`cannot lock ${dbPath}`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
