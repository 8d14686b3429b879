/**
 * npm run bench:metrics
 *
 * With a synthetic database of 1,000,000 attendance records (BENCH_ROWS to change it), for each
 * endpoint, against two servers of the production build (`node build` on 127.0.0.1) on the same
 * database:
 * - warm: the server as deployed, answering from its response cache once the benchmark's own first
 *   requests have filled it (what a reader who is not the first to ask gets); its cache warm-up is
 *   off (IGF_WARM=0), so that it does not run during the measures;
 * - miss: the same server with its response cache off (IGF_HTTP_CACHE_MB=0), so that every
 *   request runs its SQL and builds its response (what the first reader of a view gets when the
 *   cache warm-up has not computed it: a filter set no one asked for yet, or a reader who comes
 *   before the warm-up is done).
 * Each is timed over HTTP (p50, p95), and set against the p50 of the same SQL statements run
 * directly in DuckDB in this process: the ratio HTTP p50 / SQL p50 is what HTTP, JSON and the
 * finishing cost on top of the query. Target (issue 16): at most 1.2 on the overview endpoints.
 * The miss server's own Server-Timing header (sql, finish, serialize) is recorded too.
 * Then a third server, with the cache warm-up on (IGF_WARM=1, as deployed), sees a new data version
 * arrive by atomic rename, as a pipeline run delivers it: how long until its warm-up has every
 * default view ready, and what the first reader of each overview endpoint gets after that.
 * Requests are sequential (one at a time, node:http with keep-alive), after a warm-up; the measures
 * of an endpoint are taken one after the other so that they see the same machine load.
 * Prints a table and writes tests/bench/results/metrics.json.
 */
import { copyFileSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { registerRawLoader } from './metrics-raw-loader.ts';
import { createBenchDatabase } from './metrics-db.ts';
import { ensureBuild, startServer, warmUpRuns } from '../metrics/server.ts';

registerRawLoader();
const { DuckDBInstance } = await import('@duckdb/node-api');
const metrics = await import('../../src/lib/server/metrics/index.ts');
const { prepareConnection } = await import('../../src/lib/server/metrics/summary.ts');
const { runStatement } = await import('../../src/lib/server/metrics/sql.ts');

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const N = Number(process.env.BENCH_REPEAT ?? 60);
const WARMUP = 5;
const RESULTS = resolve(import.meta.dirname, 'results', 'metrics.json');
/** Issue 16: HTTP p50 over SQL p50 on the overview endpoints. */
const TARGET_RATIO = 1.2;

/** The overview endpoints (each metric with its defaults), then a few heavier variants. */
const CASES: { name: string; metric: string; query: string; overview: boolean }[] = [
  { name: 'participation', metric: 'participation', query: '', overview: true },
  { name: 'global-south', metric: 'global-south', query: '', overview: true },
  { name: 'stakeholders', metric: 'stakeholders', query: '', overview: true },
  { name: 'gender', metric: 'gender', query: '', overview: true },
  { name: 'regions', metric: 'regions', query: '', overview: true },
  { name: 'representation', metric: 'representation', query: '', overview: true },
  { name: 'host', metric: 'host', query: '', overview: true },
  { name: 'sessions', metric: 'sessions', query: '', overview: true },
  { name: 'global-south definition=all', metric: 'global-south', query: 'definition=all', overview: false },
  { name: 'gender population=speakers', metric: 'gender', query: 'population=speakers', overview: false },
  { name: 'stakeholders exclude_host mode=onsite', metric: 'stakeholders', query: 'exclude_host=true&mode=onsite', overview: false },
  { name: 'gender 2015-2019 .csv', metric: 'gender', query: 'from=2015&to=2019&format=csv', overview: false },
  { name: 'regions .arrow', metric: 'regions', query: 'format=arrow', overview: false },
  { name: 'sessions level=session', metric: 'sessions', query: 'level=session', overview: false },
  { name: 'published', metric: 'published', query: '', overview: false }
];

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (x: number) => Math.round(x * 100) / 100;

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** GET with keep-alive; resolves with status, body size, the Server-Timing header and the response cache's state (x-igf-cache). */
function get(url: string): Promise<{ status: number; bytes: number; timing: string; cache: string | null }> {
  return new Promise((resolveGet, reject) => {
    http
      .get(url, { agent }, (res) => {
        let bytes = 0;
        res.on('data', (d: Buffer) => (bytes += d.length));
        res.on('end', () =>
          resolveGet({
            status: res.statusCode ?? 0,
            bytes,
            timing: String(res.headers['server-timing'] ?? ''),
            cache: (res.headers['x-igf-cache'] as string | undefined) ?? null
          })
        );
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

/** Server-Timing "sql;dur=1.2, finish;dur=0.3, serialize;dur=0.1" -> { sql: 1.2, ... } */
function serverTiming(header: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of header.split(',')) {
    const m = /^\s*(\w+);dur=([\d.]+)/.exec(part);
    if (m) out[m[1]] = Number(m[2]);
  }
  return out;
}

async function timed(fn: () => Promise<unknown>, n: number): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

async function main() {
  const loadStart = loadavg()[0];
  const dir = mkdtempSync(join(tmpdir(), 'igf-bench-metrics-'));
  const dbPath = join(dir, 'igf.duckdb');
  let warmServer: Awaited<ReturnType<typeof startServer>> | undefined;
  let missServer: Awaited<ReturnType<typeof startServer>> | undefined;
  let swapServer: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    let t = performance.now();
    await createBenchDatabase(dbPath, ROWS);
    const generateMs = performance.now() - t;
    console.log(`database: ${ROWS.toLocaleString('en')} attendance records generated in ${(generateMs / 1000).toFixed(1)} s (${dbPath})`);

    t = performance.now();
    await ensureBuild();
    const buildMs = performance.now() - t;
    warmServer = await startServer(dbPath);
    missServer = await startServer(dbPath, { IGF_HTTP_CACHE_MB: '0' });
    t = performance.now();
    const first = await get(`${warmServer.url}/api/v1/metrics/gender`);
    if (first.status !== 200) throw new Error(`first request: ${first.status}`);
    const coldMs = performance.now() - t;
    console.log(`servers: ${warmServer.url} (warm), ${missServer.url} (cache off); first request (open file, build summaries) ${coldMs.toFixed(0)} ms`);

    // the same database, opened read-only in this process, connection prepared as the server's are
    const instance = await DuckDBInstance.create(dbPath, { access_mode: 'READ_ONLY' });
    const conn = await instance.connect();
    t = performance.now();
    await prepareConnection(conn);
    const summaryMs = performance.now() - t;

    /** Timed GETs of one address; the Server-Timing parts of every response are collected. */
    async function httpTimes(url: string, expectCache: 'hit' | 'off'): Promise<{ times: number[]; bytes: number; timing: Record<string, number[]> }> {
      let bytes = 0;
      const timing: Record<string, number[]> = { sql: [], finish: [], serialize: [] };
      const times = await timed(async () => {
        const r = await get(url);
        if (r.status !== 200) throw new Error(`${url}: ${r.status}`);
        bytes = r.bytes;
        const parts = serverTiming(r.timing);
        for (const k of Object.keys(timing)) if (k in parts) timing[k].push(parts[k]);
      }, N);
      // A server without its cache that still answered from memory, or a warm one that computed every time, would time the wrong thing.
      const cache = (await get(url)).cache;
      const fromMemory = cache === 'hit' || cache === 'shared';
      if (expectCache === 'hit' ? cache !== 'hit' : fromMemory) throw new Error(`${url}: x-igf-cache ${cache}, expected ${expectCache === 'hit' ? 'hit' : 'none (cache off)'}`);
      return { times, bytes, timing };
    }

    const results = [];
    for (const c of CASES) {
      const path = `/api/v1/metrics/${c.metric}${c.query ? `?${c.query}` : ''}`;
      const warm = await httpTimes(warmServer.url + path, 'hit');
      const miss = await httpTimes(missServer.url + path, 'off');
      // the source set resolved as the server resolves it (the statements need it)
      const params = await metrics.resolveParams(conn, metrics.parseMetricParams(c.metric as never, new URLSearchParams(c.query)));
      const statements = metrics.METRIC_MODULES[c.metric as keyof typeof metrics.METRIC_MODULES].statements(params);
      const sql = await timed(async () => {
        for (const st of statements) await runStatement(conn, st);
      }, N);
      const compute = await timed(() => metrics.computeMetric(conn, c.metric as never, params), N);
      const row = {
        endpoint: c.name,
        overview: c.overview,
        url: path,
        statements: statements.length,
        response_bytes: miss.bytes,
        warm_http_p50_ms: ms(pct(warm.times, 50)),
        warm_http_p95_ms: ms(pct(warm.times, 95)),
        miss_http_p50_ms: ms(pct(miss.times, 50)),
        miss_http_p95_ms: ms(pct(miss.times, 95)),
        miss_server_sql_p50_ms: ms(pct(miss.timing.sql, 50)),
        miss_server_finish_p50_ms: ms(pct(miss.timing.finish, 50)),
        miss_server_serialize_p50_ms: ms(pct(miss.timing.serialize, 50)),
        sql_p50_ms: ms(pct(sql, 50)),
        sql_p95_ms: ms(pct(sql, 95)),
        compute_p50_ms: ms(pct(compute, 50)),
        ratio_warm_http_to_sql_p50: ms(pct(warm.times, 50) / pct(sql, 50)),
        ratio_miss_http_to_sql_p50: ms(pct(miss.times, 50) / pct(sql, 50))
      };
      results.push(row);
      console.log(
        `${c.name.padEnd(38)} warm p50 ${row.warm_http_p50_ms.toFixed(1).padStart(6)}  miss p50 ${row.miss_http_p50_ms.toFixed(1).padStart(6)}  ` +
          `sql p50 ${row.sql_p50_ms.toFixed(1).padStart(6)}  ratios ${row.ratio_warm_http_to_sql_p50.toFixed(2)} / ${row.ratio_miss_http_to_sql_p50.toFixed(2)}`
      );
    }
    conn.closeSync();
    instance.closeSync();
    await warmServer.stop();
    await missServer.stop();

    // After a pipeline run: the server with its warm-up, a new data version renamed into place.
    const swapPath = join(dir, 'served.duckdb');
    copyFileSync(dbPath, swapPath);
    swapServer = await startServer(swapPath, { IGF_WARM: '1' });
    await warmUpRuns(swapServer, 1, 120_000);
    const next = join(dir, 'next.duckdb');
    copyFileSync(swapPath, next);
    const writer = await DuckDBInstance.create(next);
    const writing = await writer.connect();
    await writing.run(
      `INSERT INTO load_log (file, sha256, kind, rows_read, rows_loaded, rows_rejected, synthetic, loaded_at)
       VALUES ('bench-new-version.csv', 'bench', 'attendance', 0, 0, 0, true, now()::TIMESTAMP)`
    );
    writing.closeSync();
    writer.closeSync();
    const swappedAt = performance.now();
    renameSync(next, swapPath);
    const warmUp = (await warmUpRuns(swapServer, 2, 120_000))[1].line;
    const readyAfterMs = performance.now() - swappedAt;
    // one request per endpoint, on one keep-alive connection (the first request opens it)
    const firstReaders = [];
    for (const r of results.filter((x) => x.overview)) {
      const t = performance.now();
      const res = await get(swapServer.url + r.url);
      const ms1 = performance.now() - t;
      if (res.status !== 200 || res.cache !== 'hit') throw new Error(`${r.url} after the swap: ${res.status}, x-igf-cache ${res.cache}`);
      firstReaders.push({ endpoint: r.endpoint, first_reader_ms: ms(ms1), ratio_to_sql_p50: ms(ms1 / r.sql_p50_ms) });
    }
    const afterSwap = {
      ready_after_swap_ms: Math.round(readyAfterMs),
      warm_up_reported: warmUp,
      first_readers: firstReaders,
      max_ratio_to_sql_p50: Math.max(...firstReaders.map((f) => f.ratio_to_sql_p50))
    };
    console.log(
      `after a new data version: every default view ready ${(readyAfterMs / 1000).toFixed(1)} s after the rename (${warmUp.trim()}); ` +
        `first reader of each overview endpoint then: ${firstReaders.map((f) => `${f.endpoint} ${f.first_reader_ms} ms`).join(', ')}; ` +
        `at most ${afterSwap.max_ratio_to_sql_p50} x its SQL`
    );

    const overview = results.filter((r) => r.overview);
    const summary = {
      overview_max_warm_http_p50_ms: Math.max(...overview.map((r) => r.warm_http_p50_ms)),
      overview_max_miss_http_p50_ms: Math.max(...overview.map((r) => r.miss_http_p50_ms)),
      overview_max_warm_ratio: Math.max(...overview.map((r) => r.ratio_warm_http_to_sql_p50)),
      overview_max_miss_ratio: Math.max(...overview.map((r) => r.ratio_miss_http_to_sql_p50)),
      overview_miss_ratios_within_target: overview.filter((r) => r.ratio_miss_http_to_sql_p50 <= TARGET_RATIO).length,
      overview_endpoints: overview.length,
      target_http_p50_ms: 50,
      target_ratio: TARGET_RATIO
    };
    const report = {
      benchmark: 'metrics',
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? '', node: process.version, loadavg_1m_at_start: loadStart, loadavg_1m_at_end: loadavg()[0] },
      database: { attendance_rows: ROWS, generate_ms: Math.round(generateMs), summary_build_ms: Math.round(summaryMs) },
      server: { first_request_ms: Math.round(coldMs), build_ms: Math.round(buildMs) },
      repeat: N,
      warmup: WARMUP,
      results,
      after_swap: afterSwap,
      summary: {
        ...summary,
        overview_http_p50_under_target: summary.overview_max_miss_http_p50_ms < 50,
        overview_warm_ratio_within_target: summary.overview_max_warm_ratio <= TARGET_RATIO,
        overview_miss_ratio_within_target: summary.overview_max_miss_ratio <= TARGET_RATIO
      }
    };
    console.log('');
    console.table(
      results.map((r) => ({
        endpoint: r.endpoint,
        'warm p50': r.warm_http_p50_ms,
        'miss p50': r.miss_http_p50_ms,
        'miss p95': r.miss_http_p95_ms,
        'sql p50': r.sql_p50_ms,
        'compute p50': r.compute_p50_ms,
        'warm/sql': r.ratio_warm_http_to_sql_p50,
        'miss/sql': r.ratio_miss_http_to_sql_p50,
        'miss server sql/finish/ser': `${r.miss_server_sql_p50_ms}/${r.miss_server_finish_p50_ms}/${r.miss_server_serialize_p50_ms}`,
        bytes: r.response_bytes
      }))
    );
    console.log(
      `overview endpoints: max HTTP p50 ${summary.overview_max_miss_http_p50_ms} ms computed, ${summary.overview_max_warm_http_p50_ms} ms warm (target < 50); ` +
        `HTTP p50 / SQL p50 (target <= ${TARGET_RATIO}): warm at most ${summary.overview_max_warm_ratio}, ` +
        `computed at most ${summary.overview_max_miss_ratio} (${summary.overview_miss_ratios_within_target} of ${summary.overview_endpoints} within)`
    );
    mkdirSync(resolve(RESULTS, '..'), { recursive: true });
    writeFileSync(RESULTS, JSON.stringify(report, null, 2) + '\n');
    console.log(`written ${RESULTS}`);
  } finally {
    await warmServer?.stop();
    await missServer?.stop();
    await swapServer?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
