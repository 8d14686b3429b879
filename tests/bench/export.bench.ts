/**
 * npm run bench:export
 *
 * A synthetic database with 1,000,000 attendance records and 1,000,000 speaker records
 * (BENCH_ROWS to change both). For the speakers table and the attendance aggregates, each export
 * format over HTTP against the production build (`node build` on 127.0.0.1): seconds to the last
 * byte, MB and MB/s; and, in the same run, DuckDB's own `COPY (same query) TO` a Parquet file and a
 * CSV file in this process. Ratio = HTTP export time / DuckDB Parquet COPY time.
 * Target (issue 16): Arrow at most 1.0x DuckDB's Parquet COPY. Downloads are timed with curl
 * (node_client_http_s: the same with Node's http client, which competes with the server for the
 * machine's cores; see curlDownload). Median of BENCH_REPEAT (default 5) runs after
 * one warm-up download per format, the two measures of a case taken one after the other so they
 * see the same machine load; every run's time is kept in the results. The server runs with its
 * response cache off (IGF_HTTP_CACHE_MB=0): responses up to 4 MB (the attendance cells, the speakers'
 * Parquet file) would otherwise come from memory after the warm-up, and every figure here is of an
 * export being generated; each download's x-igf-cache header is checked to say so.
 * Prints a table and writes tests/bench/results/export.json.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { registerRawLoader } from './metrics-raw-loader.ts';
import { createBenchDatabase } from './metrics-db.ts';
import { ensureBuild, startServer } from '../metrics/server.ts';

registerRawLoader();
const execFileAsync = promisify(execFile);
const { DuckDBInstance } = await import('@duckdb/node-api');
const { TABLES, ATTENDANCE_CELLS_SQL } = await import('../../src/lib/server/exports/tables.ts');
const { wholeTableSelect } = await import('../../src/lib/server/exports/stream.ts');

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 5);
const RESULTS = resolve(import.meta.dirname, 'results', 'export.json');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/**
 * GET to the last byte with curl, a client that takes little of the machine: a Node client reading
 * the 88 MB of speakers.arrow used 0.2-0.27 s of CPU, on a 2-core machine that also runs the server
 * and DuckDB, and took 0.1-0.4 s longer than curl for the same file. Seconds, bytes and status;
 * null where curl is not installed.
 */
async function curlDownload(url: string): Promise<{ seconds: number; bytes: number; status: number } | null> {
  try {
    const { stdout } = await execFileAsync('curl', ['-s', '-o', '/dev/null', '-w', '%{time_total} %{size_download} %{http_code}', url]);
    const [seconds, bytes, status] = stdout.trim().split(' ').map(Number);
    return { seconds, bytes, status };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/** GET to the last byte with Node's http client: seconds and bytes. */
function nodeDownload(url: string): Promise<{ seconds: number; bytes: number; status: number }> {
  const started = performance.now();
  return new Promise((done, fail) => {
    http
      .get(url, (res) => {
        const cache = res.headers['x-igf-cache'];
        if (cache === 'hit' || cache === 'shared') fail(new Error(`${url} came from the response cache (x-igf-cache: ${cache}), not generated`));
        let bytes = 0;
        res.on('data', (d: Buffer) => (bytes += d.length));
        res.on('end', () => done({ seconds: (performance.now() - started) / 1000, bytes, status: res.statusCode ?? 0 }));
        res.on('error', fail);
      })
      .on('error', fail);
  });
}

/** Speakers up to `rows` records: copies of the bench sessions' speakers with new lines and names. */
async function growSpeakers(path: string, rows: number): Promise<void> {
  const instance = await DuckDBInstance.create(path);
  const conn = await instance.connect();
  try {
    await conn.run(`
      INSERT INTO speaker
      SELECT s.* EXCLUDE (n, total) REPLACE ('Speaker ' || CAST(r.range AS VARCHAR) AS name,
             'bench-speakers-grown.csv' AS source_file, r.range + 2 AS source_line, true AS synthetic)
      FROM range(${rows} - (SELECT count(*) FROM speaker)) AS r
      JOIN (SELECT *, row_number() OVER () - 1 AS n, count(*) OVER () AS total FROM speaker) AS s
        ON s.n = r.range % s.total`);
    await conn.run('CHECKPOINT');
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'igf-bench-export-'));
const dbPath = join(dir, 'bench.duckdb');
let server: Awaited<ReturnType<typeof startServer>> | undefined;
try {
  console.log(`Building a benchmark database with ${ROWS.toLocaleString('en')} attendance and speaker records ...`);
  await createBenchDatabase(dbPath, ROWS);
  await growSpeakers(dbPath, ROWS);
  await ensureBuild();
  server = await startServer(dbPath, { IGF_HTTP_CACHE_MB: '0' });

  const instance = await DuckDBInstance.create(dbPath, { access_mode: 'READ_ONLY' });
  const conn = await instance.connect();
  const copy = async (sql: string, format: 'parquet' | 'csv') => {
    const target = join(dir, `baseline.${format}`);
    const started = performance.now();
    await conn.run(`COPY (${sql.trim().replace(/;\s*$/, '')}) TO '${target}' (FORMAT ${format}${format === 'parquet' ? ', COMPRESSION zstd' : ''})`);
    const seconds = (performance.now() - started) / 1000;
    const bytes = statSync(target).size;
    rmSync(target);
    return { seconds, bytes };
  };

  // The attendance export's query is the cell aggregation; suppression and the TEMP table are ours.
  const cases = [
    { table: 'speakers', sql: await wholeTableSelect(conn, TABLES.speakers) },
    { table: 'attendance', sql: ATTENDANCE_CELLS_SQL }
  ];
  const results = [];
  for (const c of cases) {
    for (const format of ['arrow', 'csv', 'parquet'] as const) {
      // Warm-up: the server's code compiled and the table's pages read (for attendance, also its
      // suppressed cells computed) before the timed runs, as for the COPY baseline after its first run.
      await nodeDownload(`${server.url}/api/v1/export/${c.table}.${format}`);
      const http: { seconds: number; bytes: number }[] = [];
      const nodeClient: { seconds: number; bytes: number }[] = [];
      let client = 'curl';
      const parquet: { seconds: number; bytes: number }[] = [];
      const csv: { seconds: number; bytes: number }[] = [];
      for (let i = 0; i < REPEAT; i++) {
        const url = `${server.url}/api/v1/export/${c.table}.${format}`;
        const n = await nodeDownload(url);
        if (n.status !== 200) throw new Error(`${c.table}.${format}: HTTP ${n.status}`);
        nodeClient.push(n);
        const curl = await curlDownload(url);
        if (!curl) client = 'node (no curl on this machine)';
        const r = curl ?? n;
        if (r.status !== 200) throw new Error(`${c.table}.${format}: HTTP ${r.status}`);
        http.push(r);
        parquet.push(await copy(c.sql, 'parquet'));
        csv.push(await copy(c.sql, 'csv'));
      }
      const h = median(http.map((x) => x.seconds));
      const p = median(parquet.map((x) => x.seconds));
      const row = {
        export: `${c.table}.${format}`,
        http_s: round(h, 3),
        mb: round(http[0].bytes / 1e6),
        mb_per_s: round(http[0].bytes / 1e6 / h, 1),
        duckdb_copy_parquet_s: round(p, 3),
        duckdb_copy_csv_s: round(median(csv.map((x) => x.seconds)), 3),
        ratio_to_parquet_copy: round(h / p),
        http_runs_s: http.map((x) => round(x.seconds, 3)),
        client,
        node_client_http_s: round(median(nodeClient.map((x) => x.seconds)), 3),
        parquet_copy_runs_s: parquet.map((x) => round(x.seconds, 3)),
        target: format === 'arrow' ? 'ratio <= 1.0' : null,
        met: format === 'arrow' ? h / p <= 1 : null
      };
      results.push(row);
      console.log(row);
    }
  }
  conn.closeSync();
  instance.closeSync();

  console.table(results);
  mkdirSync(resolve(import.meta.dirname, 'results'), { recursive: true });
  writeFileSync(
    RESULTS,
    JSON.stringify(
      { measured_at: new Date().toISOString(), rows: ROWS, repeat: REPEAT, cpus: cpus().length, loadavg: loadavg().map((x) => round(x)), results },
      null,
      2
    ) + '\n'
  );
  console.log(`Results written to ${RESULTS}`);
} finally {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
}
