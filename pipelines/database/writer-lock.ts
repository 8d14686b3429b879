/**
 * One pipeline writes a database at a time. The lock is the folder
 * `<db>.lock` holding one file that names its owner: process id, the
 * process's start time and the machine's boot id. A process id alone is not
 * enough: after a crash the id is reused by some other process, and a lock
 * that only checks "is process N alive?" then blocks every later run.
 *
 * Why a folder: taking over a dead owner's lock must be race-free when two new
 * runs find it at once. Each owner file has a name of its own, so removing a
 * dead owner is an unlink of that one name, which can never remove the lock a
 * faster run has just taken; and the lock is taken by renaming a complete
 * folder (owner file inside) onto `<db>.lock`, which succeeds for exactly one
 * run while the folder is missing or empty.
 */
import { chmod, lstat, mkdtemp, readdir, readFile, rename, rm, rmdir, unlink, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';

export class LockedError extends Error {}

/** What a lock records about the process holding it (JSON, as written to the owner file). */
export interface LockOwner {
  pid: number;
  /** Missing only in the lock files of earlier versions, which held a bare process id. */
  host?: string;
  /** Linux: /proc/sys/kernel/random/boot_id; a reboot ends every process. */
  boot_id?: string;
  /** Linux: field 22 of /proc/<pid>/stat, clock ticks after boot; another process with the same id started at another time. */
  start_ticks?: number;
  /** When the run took the lock. */
  started_at?: string;
}

export interface WriterLock {
  release(): Promise<void>;
  /** The owner of a lock that was left behind by a run that no longer runs, and was taken over. */
  takenOverFrom?: LockOwner;
}

const MAX_ATTEMPTS = 20;

/** Identifies process `pid` of this machine as a lock records it. */
export function describeProcess(pid: number): LockOwner {
  return { pid, host: hostname(), boot_id: bootId(), start_ticks: startTicks(pid), started_at: new Date().toISOString() };
}

export async function acquireWriterLock(dbPath: string): Promise<WriterLock> {
  const lockPath = `${dbPath}.lock`;
  const ownerFile = `${process.pid}-${randomBytes(6).toString('hex')}.json`;
  // Written completely before it becomes the lock, so a lock is never seen half-written.
  const candidate = await mkdtemp(join(dirname(lockPath), `.${basename(lockPath)}-new-`));
  // mkdtemp makes it private; other users running the pipeline must be able to read who holds the lock.
  await chmod(candidate, 0o755);
  await writeFile(join(candidate, ownerFile), JSON.stringify(describeProcess(process.pid)) + '\n');
  let takenOverFrom: LockOwner | undefined;
  try {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      try {
        await rename(candidate, lockPath);
        return { release: () => release(lockPath, ownerFile), takenOverFrom };
      } catch (e) {
        // ENOTEMPTY/EEXIST: held; ENOTDIR: an earlier version's lock file; EPERM: Windows will not rename onto a folder.
        if (!['ENOTEMPTY', 'EEXIST', 'ENOTDIR', 'EPERM'].includes(errorCode(e))) throw e;
      }
      takenOverFrom = (await clearIfAbandoned(dbPath, lockPath)) ?? takenOverFrom;
    }
    throw new LockedError(`could not lock ${dbPath}: other pipelines keep taking and releasing ${lockPath}; try again`);
  } finally {
    await rm(candidate, { recursive: true, force: true });
  }
}

/**
 * Throws LockedError if a running process holds the lock; otherwise removes
 * what is left of it and returns the dead owner, if there was one.
 */
async function clearIfAbandoned(dbPath: string, lockPath: string): Promise<LockOwner | undefined> {
  const stat = await lstat(lockPath).catch(ignore('ENOENT'));
  if (!stat) return undefined;
  if (!stat.isDirectory()) {
    const owner = parseOwner(await readFile(lockPath, 'utf8').catch(ignore('ENOENT', 'EISDIR')));
    if (owner) throwIfHeld(owner, dbPath, lockPath);
    // unlink never removes a folder, so this cannot remove a lock another run has just taken.
    await unlink(lockPath).catch(ignore('ENOENT', 'EISDIR', 'EPERM'));
    return owner ?? undefined;
  }
  const ownerFiles = await readdir(lockPath).catch(ignore('ENOENT', 'ENOTDIR'));
  if (!ownerFiles) return undefined;
  if (ownerFiles.length === 0) {
    // A release or a takeover in progress; whoever renames onto it, or removes it, first wins.
    await rmdir(lockPath).catch(ignore('ENOENT', 'ENOTEMPTY', 'EEXIST'));
    return undefined;
  }
  let deadOwner: LockOwner | undefined;
  for (const name of ownerFiles) {
    const text = await readFile(join(lockPath, name), 'utf8').catch(ignore('ENOENT'));
    if (text === undefined) continue; // released meanwhile
    const owner = parseOwner(text);
    if (owner) throwIfHeld(owner, dbPath, lockPath);
    await rm(join(lockPath, name), { recursive: true, force: true });
    deadOwner ??= owner ?? undefined;
  }
  return deadOwner;
}

function throwIfHeld(owner: LockOwner, dbPath: string, lockPath: string): void {
  const state = ownerState(owner);
  if (state !== 'gone') throw lockedBy(owner, state, dbPath, lockPath);
}

async function release(lockPath: string, ownerFile: string): Promise<void> {
  await rm(join(lockPath, ownerFile), { force: true });
  // Fails harmlessly when the next run has already renamed its lock onto the empty folder.
  await rmdir(lockPath).catch(ignore('ENOENT', 'ENOTEMPTY', 'EEXIST'));
}

function lockedBy(owner: LockOwner, verdict: 'running' | 'elsewhere', dbPath: string, lockPath: string): LockedError {
  const since = owner.started_at ? ` since ${owner.started_at}` : '';
  if (verdict === 'elsewhere') {
    return new LockedError(
      `another pipeline (process ${owner.pid} on ${owner.host}) is writing ${dbPath}${since}; ` +
        `it cannot be checked from this machine: wait for it, or delete ${lockPath} if no pipeline runs on ${owner.host}`
    );
  }
  return new LockedError(`another pipeline (process ${owner.pid}) is writing ${dbPath}${since}; wait for it to finish and run again`);
}

/** Content that names no process (garbage, an empty file) belongs to no running owner. */
function parseOwner(text: string | undefined): LockOwner | null {
  if (text === undefined) return null;
  const trimmed = text.trim();
  // Earlier versions wrote the bare process id.
  if (/^\d+$/.test(trimmed)) return validPid(Number(trimmed)) ? { pid: Number(trimmed) } : null;
  try {
    const owner = JSON.parse(trimmed) as LockOwner;
    return owner && typeof owner === 'object' && validPid(owner.pid) ? owner : null;
  } catch {
    return null;
  }
}

function validPid(pid: unknown): pid is number {
  // 0 and negative ids would signal process groups in process.kill.
  return Number.isSafeInteger(pid) && (pid as number) > 0;
}

/**
 * running: the owner is alive on this machine. gone: it is not (exited,
 * killed, rebooted, or its process id now belongs to another process).
 * elsewhere: it ran on another machine sharing the folder, which cannot be checked.
 */
function ownerState(owner: LockOwner): 'running' | 'gone' | 'elsewhere' {
  const ourBootId = bootId();
  const sameKernel = owner.boot_id !== undefined && ourBootId !== undefined ? owner.boot_id === ourBootId : undefined;
  // Containers on one machine share the boot id but not the host name: the boot id decides when there is one.
  const sameHost = owner.host === undefined || owner.host === hostname();
  if (sameKernel === false) return sameHost ? 'gone' : 'elsewhere';
  if (sameKernel === undefined && !sameHost) return 'elsewhere';
  // An earlier version's lock naming our own id was left by a dead process whose id we were given.
  if (owner.host === undefined && owner.pid === process.pid) return 'gone';
  try {
    process.kill(owner.pid, 0);
  } catch (e) {
    // EPERM: the process exists but belongs to another user.
    if (errorCode(e) !== 'EPERM') return 'gone';
  }
  if (owner.start_ticks === undefined) return 'running';
  const ticks = startTicks(owner.pid);
  // Unreadable /proc/<pid> (hidepid): trust the process id alone.
  return ticks === undefined || ticks === owner.start_ticks ? 'running' : 'gone';
}

function bootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return undefined;
  }
}

function startTicks(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after its closing one; field 3 comes first.
    const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[22 - 3]);
    return Number.isSafeInteger(ticks) ? ticks : undefined;
  } catch {
    return undefined;
  }
}

function errorCode(e: unknown): string {
  return String((e as NodeJS.ErrnoException)?.code ?? '');
}

/** For .catch(): undefined on the expected error codes, rethrow anything else. */
function ignore(...codes: string[]) {
  return (e: unknown): undefined => {
    if (!codes.includes(errorCode(e))) throw e;
    return undefined;
  };
}
