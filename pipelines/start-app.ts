/**
 * npm start: the one command for a fresh clone. Builds the database from the
 * bundled data if there is none, builds the dashboard if the build is missing
 * or older than its sources, then serves it (PORT, HOST and IGF_DB honoured).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync, spawn } from 'node:child_process';
import { DEFAULT_DB_PATH } from '../src/lib/domain/database.ts';

const root = resolve(import.meta.dirname, '..');
const db = process.env.IGF_DB ?? join(root, DEFAULT_DB_PATH);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(args: string[]): void {
  const r = spawnSync(npm, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (r.status !== 0) {
    process.stderr.write(`start: "npm ${args.join(' ')}" failed; see above.\n`);
    process.exit(r.status ?? 1);
  }
}

function newestMtime(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(info.mtimeMs, ...readdirSync(path).map((f) => newestMtime(join(path, f))));
}

if (!existsSync(db)) {
  console.log(`No database at ${db}: building it from the bundled data (npm run pipeline) ...`);
  run(['run', 'pipeline', '--', '--db', db]);
}

const sources = ['src', 'static', 'svelte.config.js', 'vite.config.ts'].map((p) => join(root, p)).filter(existsSync);
const built = join(root, 'build', 'index.js');
if (!existsSync(built) || Math.max(...sources.map(newestMtime)) > statSync(built).mtimeMs) {
  console.log('Building the dashboard (npm run build) ...');
  run(['run', 'build']);
}

const port = process.env.PORT ?? '3000';
const host = process.env.HOST ?? '127.0.0.1';
// adapter-node takes the protocol of absolute URLs (citations, code snippets) from ORIGIN and would
// otherwise assume https; behind a proxy or on another name, set ORIGIN yourself.
const origin = process.env.ORIGIN ?? `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
console.log(`Serving the dashboard on ${origin} (database ${db})`);
const server = spawn(process.execPath, [built], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PORT: port, HOST: host, IGF_DB: db, ORIGIN: origin }
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
