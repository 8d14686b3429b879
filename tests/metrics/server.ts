/**
 * The production server (adapter-node build) for HTTP tests and benchmarks: build it when build/
 * is missing or older than the sources, start `node build` on a free loopback port with IGF_DB, wait
 * until it answers, stop it. The server runs from a private copy of build/ (others rebuild the
 * shared one while they work), next to a link to node_modules. Builds take the lock file of
 * tests/browser/server.ts, so parallel test files do not build at the same time.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
const BUILD_ENTRY = join(ROOT, 'build', 'index.js');

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function buildIsFresh(): boolean {
  const sources = Math.max(newest(join(ROOT, 'src')), statSync(join(ROOT, 'svelte.config.js')).mtimeMs);
  return existsSync(BUILD_ENTRY) && existsSync(join(ROOT, 'build', 'handler.js')) && statSync(join(ROOT, 'build', 'handler.js')).mtimeMs > sources;
}

// The same lock as tests/browser/server.ts, so that test files running in parallel build one at a time.
const LOCK = join(ROOT, 'node_modules', '.cache', 'igf-web-test.lock');

async function withBuildLock<T>(fn: () => T): Promise<T> {
  mkdirSync(join(ROOT, 'node_modules', '.cache'), { recursive: true });
  for (;;) {
    try {
      closeSync(openSync(LOCK, 'wx'));
      break;
    } catch {
      // another test file is building; a lock older than 5 minutes is a crashed build
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 300_000) rmSync(LOCK, { force: true });
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return fn();
  } finally {
    rmSync(LOCK, { force: true });
  }
}

function viteBuild(): void {
  // other work in the repo may build into the same .svelte-kit/output at the same time: retry
  for (let attempt = 1; ; attempt++) {
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], {
      cwd: ROOT,
      // vitest sets NODE_ENV=test, which would give a development build; build/ is also what
      // `npm start` serves afterwards, so it must be the production one.
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: 'pipe',
      encoding: 'utf8',
      timeout: 300_000
    });
    if (r.status === 0 && existsSync(BUILD_ENTRY)) return;
    if (attempt >= 3) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
  }
}

/** Run `vite build` unless build/ is newer than every file under src/ and svelte.config.js. */
export async function ensureBuild(): Promise<void> {
  await withBuildLock(() => {
    if (!buildIsFresh()) viteBuild();
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolvePort(port));
    });
  });
}

export interface RunningServer {
  url: string;
  process: ChildProcess;
  log(): string;
  stop(): Promise<void>;
}

/** A private copy of build/ in a temp directory (with package.json and a node_modules link). */
async function snapshotBuild(): Promise<string> {
  return withBuildLock(() => {
    if (!buildIsFresh()) viteBuild();
    const dir = mkdtempSync(join(tmpdir(), 'igf-server-'));
    try {
      cpSync(join(ROOT, 'build'), join(dir, 'build'), { recursive: true });
      copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
      symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
      if (!existsSync(join(dir, 'build', 'index.js'))) throw new Error('build/index.js missing');
      return dir;
    } catch (e) {
      rmSync(dir, { recursive: true, force: true });
      throw e;
    }
  });
}

/**
 * Start `node build` with IGF_DB = dbPath on 127.0.0.1 and a free port. The cache warm-up is off
 * unless `env` turns it on (IGF_WARM=1): tests and benchmarks see which responses were computed and
 * which came from memory, and a warm-up would answer first.
 */
export async function startServer(dbPath: string, env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const dir = await snapshotBuild();
  let output = '';
  const child = spawn(process.execPath, [join(dir, 'build')], {
    cwd: dir,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), IGF_DB: dbPath, ORIGIN: `http://127.0.0.1:${port}`, IGF_WARM: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`server exited (${child.exitCode}):\n${output}`);
    }
    try {
      const r = await fetch(`${url}/api/v1/metrics`);
      if (r.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`server did not answer within 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    process: child,
    log: () => output,
    stop: () =>
      new Promise<void>((done) => {
        const finish = () => {
          rmSync(dir, { recursive: true, force: true });
          done();
        };
        if (child.exitCode !== null) return finish();
        child.once('exit', finish);
        child.kill('SIGTERM');
        setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 5000).unref();
      })
  };
}

export interface WarmUpRun {
  warmed: number;
  total: number;
  /** The data version's first 12 hex digits. */
  version: string;
  line: string;
}

/**
 * The cache warm-up runs a server with IGF_WARM=1 has finished, from its log (warm.ts, describeRun),
 * waiting up to `timeoutMs` until there are at least `count`.
 */
export async function warmUpRuns(server: Pick<RunningServer, 'log'>, count: number, timeoutMs = 60_000): Promise<WarmUpRun[]> {
  const ready = /cache warm-up: (\d+) of (\d+) views ready for data version ([0-9a-f]{12})[^\n]*/g;
  for (let waited = 0; ; waited += 100) {
    const runs = [...server.log().matchAll(ready)].map((m) => ({ warmed: Number(m[1]), total: Number(m[2]), version: m[3], line: m[0] }));
    if (runs.length >= count) return runs;
    if (waited >= timeoutMs) throw new Error(`no warm-up run number ${count} in the server's log after ${timeoutMs / 1000} s:\n${server.log()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
