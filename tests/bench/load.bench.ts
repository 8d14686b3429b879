/**
 * npm run bench:load
 *
 * 50 concurrent connections for 20 s (BENCH_CONNECTIONS, BENCH_DURATION to change) against the
 * overview endpoints of the production build, on 127.0.0.1 only, with autocannon; every connection
 * cycles through the eight endpoints. The database: 1,000,000 synthetic attendance records
 * (BENCH_ROWS). Reports throughput and latency percentiles, fails (exit 1) on any error, timeout or
 * non-2xx response. Writes tests/bench/results/load.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { createBenchDatabase } from './metrics-db.ts';
import { ensureBuild, startServer } from '../metrics/server.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const CONNECTIONS = Math.min(200, Number(process.env.BENCH_CONNECTIONS ?? 50));
const DURATION = Math.min(120, Number(process.env.BENCH_DURATION ?? 20));
const RESULTS = resolve(import.meta.dirname, 'results', 'load.json');
const OVERVIEW = ['participation', 'global-south', 'stakeholders', 'gender', 'regions', 'representation', 'host', 'sessions'];

async function main(): Promise<number> {
  const loadStart = loadavg()[0];
  const dir = mkdtempSync(join(tmpdir(), 'igf-bench-load-'));
  const dbPath = join(dir, 'igf.duckdb');
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    await createBenchDatabase(dbPath, ROWS);
    await ensureBuild();
    server = await startServer(dbPath);
    const host = new URL(server.url).hostname;
    if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') throw new Error(`refusing to load ${host}: loopback only`);
    for (const m of OVERVIEW) {
      const r = await fetch(`${server.url}/api/v1/metrics/${m}`);
      if (!r.ok) throw new Error(`${m}: ${r.status}`);
      await r.arrayBuffer();
    }
    console.log(`autocannon: ${CONNECTIONS} connections, ${DURATION} s, ${OVERVIEW.length} overview endpoints, ${server.url}`);
    const result = await autocannon({
      url: server.url,
      connections: CONNECTIONS,
      duration: DURATION,
      timeout: 10,
      requests: OVERVIEW.map((m) => ({ method: 'GET' as const, path: `/api/v1/metrics/${m}` }))
    });
    const report = {
      benchmark: 'load',
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? '', node: process.version, loadavg_1m_at_start: loadStart, loadavg_1m_at_end: loadavg()[0] },
      database: { attendance_rows: ROWS },
      connections: CONNECTIONS,
      duration_s: DURATION,
      endpoints: OVERVIEW.map((m) => `/api/v1/metrics/${m}`),
      requests_total: result.requests.total,
      throughput_rps_mean: result.requests.average,
      throughput_bytes_per_s_mean: result.throughput.average,
      latency_ms: {
        p50: result.latency.p50,
        p90: result.latency.p90,
        p99: result.latency.p99,
        max: result.latency.max,
        mean: result.latency.average
      },
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      status_codes: result.statusCodeStats
    };
    mkdirSync(resolve(RESULTS, '..'), { recursive: true });
    writeFileSync(RESULTS, JSON.stringify(report, null, 2) + '\n');
    console.table({
      requests: report.requests_total,
      'req/s (mean)': Math.round(report.throughput_rps_mean * 10) / 10,
      'latency p50 ms': report.latency_ms.p50,
      'latency p99 ms': report.latency_ms.p99,
      'latency max ms': report.latency_ms.max,
      errors: report.errors,
      timeouts: report.timeouts,
      'non-2xx': report.non2xx
    });
    console.log(`written ${RESULTS}`);
    const ok = report.errors === 0 && report.timeouts === 0 && report.non2xx === 0;
    console.log(ok ? 'OK: no errors, no non-2xx responses' : 'FAILED: errors or non-2xx responses');
    return ok ? 0 : 1;
  } finally {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
