/**
 * npm run bench:load
 *
 * Three scenarios against the production build, on 127.0.0.1 only, with autocannon, each with 50
 * concurrent connections for 20 s (BENCH_CONNECTIONS, BENCH_DURATION to change). The database:
 * 1,000,000 synthetic attendance records (BENCH_ROWS).
 *
 * - cold: the eight overview endpoints with the response cache switched off (IGF_HTTP_CACHE_MB=0),
 *   so that every request is computed (a cache miss), as before the cache existed.
 * - repeated views: the nine dashboard pages and the eight overview endpoints, every connection
 *   cycling through the 17 addresses, with warm caches, as a browser asks (Accept-Encoding: br, gzip).
 * - static: a static file (/favicon.svg) from the same server, the same way: the rate the repeated
 *   views are compared with (target: at least 30 % of it, p99 under 100 ms, no errors).
 * - static, same size: the precompressed script whose brotli file is closest in size to the mean
 *   response of the repeated views. On loopback with the load generator on the same two cores, the
 *   rate depends mostly on bytes per response (the favicon is 157 bytes brotli'd, a view about 17 KB):
 *   this tells serving cost from response size.
 *
 * Reports throughput and latency percentiles per scenario, fails (exit 1) on any error, timeout or
 * non-2xx response. Writes tests/bench/results/load.json.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { createBenchDatabase } from './metrics-db.ts';
import { ROOT, ensureBuild, startServer, type RunningServer } from '../metrics/server.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const CONNECTIONS = Math.min(200, Number(process.env.BENCH_CONNECTIONS ?? 50));
const DURATION = Math.min(120, Number(process.env.BENCH_DURATION ?? 20));
const RESULTS = resolve(import.meta.dirname, 'results', 'load.json');
const OVERVIEW = ['participation', 'global-south', 'stakeholders', 'gender', 'regions', 'representation', 'host', 'sessions'].map(
  (m) => `/api/v1/metrics/${m}`
);
// The overview on the record-level view: the benchmark database has no public session-page set.
const PAGES = ['/?source=demo', '/stakeholders', '/regions', '/gender', '/global-south', '/representation', '/sessions', '/published', '/methodology'];
const STATIC_FILE = '/favicon.svg';
const BROWSER_HEADERS = { 'accept-encoding': 'br, gzip' };

interface Scenario {
  requests_total: number;
  throughput_rps_mean: number;
  throughput_bytes_per_s_mean: number;
  latency_ms: { p50: number; p90: number; p99: number; max: number; mean: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  status_codes: Record<string, { count: number }>;
}

function checkLoopback(server: RunningServer): void {
  const host = new URL(server.url).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') throw new Error(`refusing to load ${host}: loopback only`);
}

/** Each address once (opens the database, builds its summary table, fills the caches); the mean bytes sent. */
async function warm(server: RunningServer, paths: string[], headers: Record<string, string> = {}): Promise<number> {
  let sent = 0;
  for (const p of paths) {
    const r = await fetch(server.url + p, { headers });
    if (!r.ok) throw new Error(`${p}: ${r.status}`);
    await r.arrayBuffer();
    sent += Number(r.headers.get('content-length') ?? 0); // as sent: fetch decodes the body, not this header
  }
  return sent / paths.length;
}

/** The built script whose precompressed .br file is closest to `bytes`, as a path on the server. */
function staticOfSize(bytes: number): { path: string; br_bytes: number } {
  const dir = join(ROOT, 'build', 'client', '_app', 'immutable', 'chunks');
  const candidates = readdirSync(dir)
    .filter((f) => f.endsWith('.js.br'))
    .map((f) => ({ path: `/_app/immutable/chunks/${f.slice(0, -3)}`, br_bytes: statSync(join(dir, f)).size }));
  candidates.sort((a, b) => Math.abs(a.br_bytes - bytes) - Math.abs(b.br_bytes - bytes));
  return candidates[0];
}

async function run(name: string, server: RunningServer, paths: string[], headers: Record<string, string> = {}): Promise<Scenario> {
  console.log(`${name}: autocannon, ${CONNECTIONS} connections, ${DURATION} s, ${paths.length} address(es), ${server.url}`);
  const result = await autocannon({
    url: server.url,
    connections: CONNECTIONS,
    duration: DURATION,
    timeout: 10,
    requests: paths.map((path) => ({ method: 'GET' as const, path, headers }))
  });
  return {
    requests_total: result.requests.total,
    throughput_rps_mean: result.requests.average,
    throughput_bytes_per_s_mean: result.throughput.average,
    latency_ms: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max, mean: result.latency.average },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    status_codes: result.statusCodeStats
  };
}

async function main(): Promise<number> {
  const loadStart = loadavg()[0];
  const dir = mkdtempSync(join(tmpdir(), 'igf-bench-load-'));
  const dbPath = join(dir, 'igf.duckdb');
  let server: RunningServer | undefined;
  const scenarios: Record<string, Scenario> = {};
  try {
    await createBenchDatabase(dbPath, ROWS);
    await ensureBuild();

    server = await startServer(dbPath, { IGF_HTTP_CACHE_MB: '0' });
    checkLoopback(server);
    await warm(server, OVERVIEW);
    scenarios.cold = await run('cold (cache off)', server, OVERVIEW);
    await server.stop();
    server = undefined;

    server = await startServer(dbPath);
    checkLoopback(server);
    const repeated = [...PAGES, ...OVERVIEW];
    // computed, then asked twice more as returning readers would: the second time from memory
    // starts the brotli-11 recompression (in the background); measured once the sizes stop changing
    for (let i = 0; i < 3; i++) await warm(server, repeated, BROWSER_HEADERS);
    let viewBytes = await warm(server, repeated, BROWSER_HEADERS);
    for (let i = 0; i < 24; i++) {
      await new Promise((r) => setTimeout(r, 5000));
      const now = await warm(server, repeated, BROWSER_HEADERS);
      if (now === viewBytes) break;
      viewBytes = now;
    }
    const sameSize = staticOfSize(viewBytes);
    scenarios.repeated_views = await run('repeated views (warm)', server, repeated, BROWSER_HEADERS);
    scenarios.static = await run('static file', server, [STATIC_FILE], BROWSER_HEADERS);
    scenarios.static_same_size = await run(`static file of about a view's size (${sameSize.br_bytes} bytes)`, server, [sameSize.path], BROWSER_HEADERS);

    const share = scenarios.repeated_views.throughput_rps_mean / scenarios.static.throughput_rps_mean;
    const shareSameSize = scenarios.repeated_views.throughput_rps_mean / scenarios.static_same_size.throughput_rps_mean;
    const report = {
      benchmark: 'load',
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? '', node: process.version, loadavg_1m_at_start: loadStart, loadavg_1m_at_end: loadavg()[0] },
      database: { attendance_rows: ROWS },
      connections: CONNECTIONS,
      duration_s: DURATION,
      addresses: { cold: OVERVIEW, repeated_views: repeated, static: [STATIC_FILE], static_same_size: [sameSize.path] },
      request_headers: { cold: {}, repeated_views: BROWSER_HEADERS, static: BROWSER_HEADERS, static_same_size: BROWSER_HEADERS },
      bytes_per_response: { repeated_views_mean: Math.round(viewBytes), static_same_size: sameSize.br_bytes },
      scenarios,
      repeated_views_share_of_static_rate: share,
      repeated_views_share_of_same_size_static_rate: shareSameSize,
      targets: {
        'repeated views >= 30% of the static-file rate': share >= 0.3,
        'repeated views p99 < 100 ms': scenarios.repeated_views.latency_ms.p99 < 100,
        'repeated views 0 errors': scenarios.repeated_views.errors + scenarios.repeated_views.timeouts + scenarios.repeated_views.non2xx === 0
      }
    };
    mkdirSync(resolve(RESULTS, '..'), { recursive: true });
    writeFileSync(RESULTS, JSON.stringify(report, null, 2) + '\n');
    console.table(
      Object.fromEntries(
        Object.entries(scenarios).map(([name, s]) => [
          name,
          {
            requests: s.requests_total,
            'req/s (mean)': Math.round(s.throughput_rps_mean * 10) / 10,
            'p50 ms': s.latency_ms.p50,
            'p99 ms': s.latency_ms.p99,
            'max ms': s.latency_ms.max,
            errors: s.errors,
            timeouts: s.timeouts,
            'non-2xx': s.non2xx
          }
        ])
      )
    );
    console.log(`repeated views at ${(share * 100).toFixed(1)} % of the static-file rate, ${(shareSameSize * 100).toFixed(1)} % of a same-size static file's`);
    console.table(report.targets);
    console.log(`written ${RESULTS}`);
    const ok = Object.values(scenarios).every((s) => s.errors === 0 && s.timeouts === 0 && s.non2xx === 0);
    console.log(ok ? 'OK: no errors, no non-2xx responses' : 'FAILED: errors or non-2xx responses');
    return ok ? 0 : 1;
  } finally {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
