/**
 * A pipeline killed in the middle (kill -9, out of memory, power loss) leaves
 * the database unchanged; the next run takes over its lock, removes its
 * half-written copy and succeeds. A lock of a running pipeline still blocks,
 * and when two runs find a dead one's lock at once, exactly one gets it.
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { ROOT, runCli, workspace, sha256, query } from './helpers.ts';
import { withDatabaseCopy, describeRecovered, LockedError, type Recovered } from '../../pipelines/database/atomic.ts';
import { acquireWriterLock, describeProcess, type LockOwner } from '../../pipelines/database/writer-lock.ts';

const FIRST = 'Meeting Year,Country,Gender\n2019,Germany,F\n2019,India,M\n';
const SECOND = 'Meeting Year,Country,Gender\n2020,Kenya,F\n';
const MILLION = 1_000_000;

/** Synthetic attendance rows in the demo's columns, written directly: much faster than the demo generator. */
function millionRowCsv(): string {
  const countries = ['DEU', 'France', 'IND', 'Brazil', 'KEN', 'USA', 'Japan', 'PER', 'Chile'];
  const genders = ['female', 'male', 'F', 'M', 'non-binary', ''];
  const modes = ['onsite', 'online', 'In person', 'remote'];
  const lines = ['meeting_year,participant_id,country,stakeholder_group,gender,participation_mode,first_time,synthetic'];
  for (let i = 0; i < MILLION; i++) {
    lines.push(`${2006 + (i % 20)},SYN-${i},${countries[i % 9]},civil_society,${genders[i % 6]},${modes[i % 4]},${i % 3 ? 'no' : 'yes'},true`);
  }
  return lines.join('\n') + '\n';
}

const leftovers = (dir: string) => readdirSync(dir).filter((name) => /^\.igf\.duckdb\.(tmp-\d+(\.wal|\.tmp)?$|lock-new-)/.test(name));
const sizeOrZero = (path: string) => (existsSync(path) ? statSync(path).size : 0);

/** A process id that surely runs no process: that of a child that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid!;
}

function liveProcess(): ChildProcess {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
  onTestFinished(() => {
    child.kill('SIGKILL');
  });
  return child;
}

/** The lock as a run leaves it: the folder `<db>.lock` with one owner file. */
function plantLock(db: string, content: string): void {
  mkdirSync(`${db}.lock`);
  writeFileSync(join(`${db}.lock`, 'owner.json'), content);
}

const ownerJson = (owner: LockOwner) => JSON.stringify(owner);

describe('a pipeline killed in the middle of a load', () => {
  it('leaves the database byte-identical, and the next run clears what it left and succeeds', { timeout: 90_000 }, async () => {
    const ws = workspace();
    expect(runCli(['--db', ws.db, '--input', ws.file('first.csv', FIRST)]).code).toBe(0);
    const before = sha256(ws.db);
    const big = ws.file('million.csv', millionRowCsv());

    const started = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'pipelines/cli.ts'), '--db', ws.db, '--input', big, '--quiet'], {
      cwd: ROOT,
      env: process.env,
      stdio: 'ignore'
    });
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
    let exitedFirst = false;
    void exited.then(() => (exitedFirst = true));
    const copy = join(ws.dir, `.igf.duckdb.tmp-${child.pid}`);
    // Under way: the copy has grown past the database it was copied from, i.e. rows are being written into it.
    while (!(sizeOrZero(copy) + sizeOrZero(`${copy}.wal`) > statSync(ws.db).size)) {
      expect(exitedFirst, 'the load finished before it could be killed').toBe(false);
      expect(Date.now() - started).toBeLessThan(60_000);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    expect(sha256(ws.db)).toBe(before);
    expect(existsSync(copy)).toBe(true);
    const lockFiles = readdirSync(`${ws.db}.lock`);
    expect(lockFiles).toHaveLength(1);
    expect(lockFiles[0]).toMatch(new RegExp(`^${child.pid}-[0-9a-f]+\\.json$`));

    const next = runCli(['--db', ws.db, '--input', ws.file('second.csv', SECOND)]);
    expect(next.stderr).toMatch(
      new RegExp(`^an earlier pipeline run \\(process ${child.pid}, started .*\\) was interrupted; took over its lock and removed its temporary copy \\(\\.igf\\.duckdb\\.tmp-${child.pid}`)
    );
    expect(next.stderr).toContain('The database was not changed by it.');
    expect(next.code).toBe(0);
    expect(leftovers(ws.dir)).toEqual([]);
    expect(existsSync(`${ws.db}.lock`)).toBe(false);
    const rows = await query(ws.db, 'SELECT meeting_year, country_iso3, source_file FROM attendance ORDER BY meeting_year, country_iso3');
    expect(rows.map((r) => [r.meeting_year, r.country_iso3])).toEqual([
      [2019, 'DEU'],
      [2019, 'IND'],
      [2020, 'KEN']
    ]);
    const logged = await query(ws.db, "SELECT file FROM load_log WHERE kind = 'attendance' ORDER BY file");
    expect(logged.map((r) => String(r.file).split('/').pop())).toEqual(['first.csv', 'second.csv']);
  });

  it('reports the taken-over lock and the removed copies, and removes nothing else', async () => {
    const ws = workspace();
    await withDatabaseCopy(ws.db, async () => {});
    const dead = deadPid();
    plantLock(ws.db, ownerJson({ ...describeProcess(process.pid), pid: dead }));
    const copy = ws.file(`.igf.duckdb.tmp-${dead}`, Buffer.alloc(3_000_000));
    ws.file(`.igf.duckdb.tmp-${dead}.wal`, Buffer.alloc(1_000));
    mkdirSync(`${copy}.tmp`);
    ws.file(`.igf.duckdb.tmp-${dead}.tmp/spill.block`, Buffer.alloc(500));
    const unrelated = ['.igf.duckdb.tmp-12.bak', '.other.duckdb.tmp-12', 'igf.duckdb.tmp-12', '.igf.duckdbXtmp-12', '.igf.duckdb.tmp-abc'];
    for (const name of unrelated) ws.file(name, 'keep me');

    const reports: Recovered[] = [];
    await withDatabaseCopy(ws.db, async () => {}, undefined, (recovered) => reports.push(recovered));

    expect(reports).toHaveLength(1);
    expect(reports[0].interruptedRun?.pid).toBe(dead);
    expect(reports[0].removed).toEqual([
      { path: copy, bytes: 3_000_000 },
      { path: `${copy}.tmp`, bytes: 500 },
      { path: `${copy}.wal`, bytes: 1_000 }
    ]);
    expect(describeRecovered(reports[0])).toMatch(
      new RegExp(`^an earlier pipeline run \\(process ${dead}, started .+\\) was interrupted; took over its lock and removed its temporary copy \\(\\.igf\\.duckdb\\.tmp-${dead}, \\.igf\\.duckdb\\.tmp-${dead}\\.tmp, \\.igf\\.duckdb\\.tmp-${dead}\\.wal: 3\\.0 MB\\)\\. The database was not changed by it\\.$`)
    );
    for (const name of unrelated) expect(existsSync(join(ws.dir, name)), name).toBe(true);
    expect(leftovers(ws.dir)).toEqual([]);

    const quiet: Recovered[] = [];
    await withDatabaseCopy(ws.db, async () => {}, undefined, (recovered) => quiet.push(recovered));
    expect(quiet).toEqual([]);
  });
});

describe('the writer lock', () => {
  it('blocks while the process that holds it runs', async () => {
    const ws = workspace();
    const holder = liveProcess();
    plantLock(ws.db, ownerJson(describeProcess(holder.pid!)));
    const attempt = withDatabaseCopy(ws.db, async () => 'ran');
    await expect(attempt).rejects.toThrow(LockedError);
    await expect(attempt).rejects.toThrow(`another pipeline (process ${holder.pid}) is writing ${ws.db} since `);
    await expect(attempt).rejects.toThrow('; wait for it to finish and run again');
    expect(readdirSync(`${ws.db}.lock`)).toEqual(['owner.json']);
  });

  it('blocks while this same process holds it', async () => {
    const ws = workspace();
    const held = await acquireWriterLock(ws.db);
    await expect(acquireWriterLock(ws.db)).rejects.toThrow(`another pipeline (process ${process.pid})`);
    await held.release();
    await (await acquireWriterLock(ws.db)).release();
    expect(existsSync(`${ws.db}.lock`)).toBe(false);
  });

  it('blocks on a lock from another machine, which cannot be checked, and says how to clear it', async () => {
    const ws = workspace();
    plantLock(ws.db, ownerJson({ pid: process.pid, host: `not-${hostname()}`, boot_id: 'another-machine', started_at: '2026-01-01T00:00:00.000Z' }));
    await expect(acquireWriterLock(ws.db)).rejects.toThrow(
      `another pipeline (process ${process.pid} on not-${hostname()}) is writing ${ws.db} since 2026-01-01T00:00:00.000Z; ` +
        `it cannot be checked from this machine: wait for it, or delete ${ws.db}.lock if no pipeline runs on not-${hostname()}`
    );
  });

  const me = () => describeProcess(process.pid);
  const takenOver = async (content: string) => {
    const ws = workspace();
    plantLock(ws.db, content);
    const lock = await acquireWriterLock(ws.db);
    expect(readdirSync(`${ws.db}.lock`)).toEqual([expect.stringMatching(new RegExp(`^${process.pid}-[0-9a-f]+\\.json$`))]);
    await lock.release();
    expect(existsSync(`${ws.db}.lock`)).toBe(false);
    expect(leftovers(ws.dir)).toEqual([]);
  };

  // Start time and boot id are read from /proc.
  it.skipIf(process.platform !== 'linux').each([
    ['its process id now belongs to another process (same id, another start time)', () => ownerJson({ ...me(), start_ticks: me().start_ticks! - 1 })],
    ['the machine was restarted since', () => ownerJson({ ...me(), boot_id: '00000000-0000-0000-0000-000000000000' })]
  ])('is taken over when %s', async (_, content) => takenOver(content()));

  it.each([
    ['its process is gone', () => ownerJson({ ...me(), pid: deadPid() })],
    ['it holds garbage', () => '\u0000\u0000{"pid": '],
    ['it is empty', () => '']
  ])('is taken over when %s', async (_, content) => takenOver(content()));

  it.each([
    ['a dead process id', () => String(deadPid())],
    ['our own process id (left by an earlier process that had it)', () => String(process.pid)],
    ['garbage', () => 'not a pid']
  ])('takes over the lock file of an earlier version naming %s', async (_, content) => {
    const ws = workspace();
    writeFileSync(`${ws.db}.lock`, content());
    const lock = await acquireWriterLock(ws.db);
    expect(statSync(`${ws.db}.lock`).isDirectory()).toBe(true);
    await lock.release();
  });

  it('an earlier version’s lock file naming a running process still blocks', async () => {
    const ws = workspace();
    const holder = liveProcess();
    writeFileSync(`${ws.db}.lock`, String(holder.pid));
    await expect(acquireWriterLock(ws.db)).rejects.toThrow(`another pipeline (process ${holder.pid}) is writing`);
  });

  it('goes to exactly one of several runs of this process that find a dead lock at once', async () => {
    const ws = workspace();
    const dead = deadPid();
    for (let round = 0; round < 40; round++) {
      plantLock(ws.db, ownerJson({ ...describeProcess(process.pid), pid: dead }));
      const attempts = await Promise.allSettled(Array.from({ length: 6 }, () => acquireWriterLock(ws.db)));
      const winners = attempts.filter((a) => a.status === 'fulfilled');
      expect(winners, `round ${round}`).toHaveLength(1);
      for (const a of attempts) if (a.status === 'rejected') expect(a.reason).toBeInstanceOf(LockedError);
      await winners[0].value.release();
      expect(existsSync(`${ws.db}.lock`)).toBe(false);
    }
    expect(leftovers(ws.dir)).toEqual([]);
  });

  it('goes to exactly one of several processes that find a dead lock at once', { timeout: 60_000 }, async () => {
    const ws = workspace();
    plantLock(ws.db, ownerJson({ ...describeProcess(process.pid), pid: deadPid() }));
    const go = join(ws.dir, 'go');
    // Each contender says "ready", spins until the go file appears, tries once, and holds a won lock until every other has decided.
    const contender = ws.file(
      'contender.mts',
      `import { existsSync } from 'node:fs';
       import { acquireWriterLock, LockedError } from ${JSON.stringify(join(ROOT, 'pipelines/database/writer-lock.ts'))};
       process.stdout.write('ready\\n');
       while (!existsSync(${JSON.stringify(go)})) {}
       try {
         const lock = await acquireWriterLock(${JSON.stringify(ws.db)});
         process.stdout.write('won\\n');
         await new Promise((resolve) => setTimeout(resolve, 2000));
         await lock.release();
       } catch (e) {
         if (!(e instanceof LockedError)) throw e;
         process.stdout.write('locked\\n');
       }`
    );
    const contenders = Array.from({ length: 4 }, () => {
      const child = spawn(process.execPath, ['--import', 'tsx', contender], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      const ready = new Promise<void>((resolve) =>
        child.stdout!.on('data', (chunk) => {
          out += chunk;
          if (out.includes('ready')) resolve();
        })
      );
      const done = new Promise<string>((resolve) => child.on('exit', () => resolve(out.replace('ready\n', '').trim())));
      return { ready, done };
    });
    await Promise.all(contenders.map((c) => c.ready));
    writeFileSync(go, '');
    const outcomes = await Promise.all(contenders.map((c) => c.done));
    expect(outcomes.sort()).toEqual(['locked', 'locked', 'locked', 'won']);
    expect(existsSync(`${ws.db}.lock`)).toBe(false);
    expect(leftovers(ws.dir)).toEqual([]);
  });
});
