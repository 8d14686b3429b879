/**
 * A production build of the site, served against the tiny fixture database of the metrics tests.
 * The build runs at most once per test run (a lock file guards concurrent test files) and is copied
 * out of build/, which other work in the repo may rebuild at any time.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, openSync, closeSync, readdirSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { createFixtureDatabase, type Fixture } from '../metrics/fixture.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CACHE = join(ROOT, 'node_modules/.cache/igf-web-test');
const STAMP = join(CACHE, 'built-at');
const LOCK = join(ROOT, 'node_modules/.cache/igf-web-test.lock');
function newestSource(dir = join(ROOT, 'src')): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** The copied build is reused while no source file is newer than it. */
function fresh(): boolean {
  return existsSync(STAMP) && Number(readFileSync(STAMP, 'utf8')) >= newestSource();
}

/** Other work in the repo builds too, into the same .svelte-kit/output: a collision is retried. */
function viteBuild(): void {
  for (let attempt = 1; ; attempt++) {
    try {
      // vitest sets NODE_ENV=test; the build must be the production one (npm start serves build/ too).
      execFileSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'pipe', env: { ...process.env, NODE_ENV: 'production' } });
      return;
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
}

async function buildOnce(): Promise<string> {
  mkdirSync(join(ROOT, 'node_modules/.cache'), { recursive: true });
  for (;;) {
    if (fresh()) return join(CACHE, 'build');
    try {
      closeSync(openSync(LOCK, 'wx'));
      break;
    } catch {
      // Another file is building; a lock older than 5 minutes is a crashed build.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 300_000) rmSync(LOCK, { force: true });
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    if (!fresh()) {
      const started = Date.now();
      viteBuild();
      rmSync(CACHE, { recursive: true, force: true });
      mkdirSync(CACHE, { recursive: true });
      cpSync(join(ROOT, 'build'), join(CACHE, 'build'), { recursive: true });
      writeFileSync(STAMP, String(started));
    }
  } finally {
    rmSync(LOCK, { force: true });
  }
  return join(CACHE, 'build');
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
    s.on('error', rej);
  });
}

export interface WebServer {
  url: string;
  fixture: Fixture | null;
  stop(): Promise<void>;
}

/** Serve the built site; with dbPath unset, on a fresh fixture database. */
export async function startServer(dbPath?: string): Promise<WebServer> {
  const build = await buildOnce();
  const fixture = dbPath ? null : await createFixtureDatabase();
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [build], {
    cwd: ROOT,
    // No cache warm-up: its 131 background requests would compete with the browser for the two cores.
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: `http://127.0.0.1:${port}`, IGF_DB: dbPath ?? fixture!.path, IGF_WARM: '0' },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      await fetch(url + '/methodology');
      break;
    } catch {
      if (i > 100 || child.exitCode !== null) throw new Error(`server did not start:\n${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    fixture,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill();
        await exited;
      }
      fixture?.cleanup();
    }
  };
}

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
