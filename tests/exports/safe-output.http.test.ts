/**
 * What leaves the server for files loaded by the pipeline from a folder of their own, over HTTP
 * against the production build:
 * - text a spreadsheet would run as a formula gets a leading ' in every CSV (metric CSV, the CSV in
 *   the zip bundle, table exports), and stays exact in JSON, Arrow and Parquet; numbers never change;
 * - no response holds the server path of the loaded files (source_file is the name as given).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { unzipSync, strFromU8 } from 'fflate';
import { DuckDBInstance } from '@duckdb/node-api';
import { runPipeline } from '../../pipelines/run.ts';
import { ensureBuild, startServer, type RunningServer } from '../metrics/server.ts';
import { METRICS } from '../../src/lib/server/metrics/params.ts';
import { EXPORT_TABLES, EXPORT_FORMATS } from '../../src/lib/server/exports/tables.ts';
import { CSV_TEXT_NOTE } from '../../src/lib/server/download/encoding.ts';
import { parseCsv } from './csv-read.ts';

const FORMULA = '=HYPERLINK("http://x","y")';
const CMD = "+cmd|' /C calc'!A0";
const SUM = '@SUM(1)';
const MINUS = '-2+3';
const TAB = '\tTabbed';
const q = (s: string) => `"${s.replace(/"/g, '""')}"`;

let dir: string; // the temporary folder everything is loaded from: its path must never leave the server
let server: RunningServer;
const previousKeyFile = process.env.IGF_PSEUDONYM_KEY_FILE;

beforeAll(async () => {
  await ensureBuild();
  dir = mkdtempSync(join(tmpdir(), 'igf-safe-output-'));
  process.env.IGF_PSEUDONYM_KEY_FILE = join(dir, 'pseudonym.key');
  const inputs = join(dir, 'inputs');
  mkdirSync(inputs);
  writeFileSync(
    join(inputs, 'sessions.csv'),
    [
      'meeting_year,session_id,title,session_type,attendance_onsite',
      `2019,S1,${q(FORMULA)},workshop,12`,
      `2019,S2,${q(MINUS)},workshop,30`,
      `2019,S3,${q(TAB)},open_forum,`
    ].join('\n') + '\n'
  );
  writeFileSync(
    join(inputs, 'speakers.csv'),
    [
      'meeting_year,session_id,name,role,organization,country,gender,stakeholder_group',
      `2019,S1,${q(FORMULA)},speaker,${q(CMD)},Germany,female,government`,
      `2019,S1,${q(SUM)},moderator,${q(MINUS)},Brazil,male,civil_society`,
      `2019,S2,${q(TAB)},speaker,Plain Org,Kenya,female,academia`,
      `2019,S3,Ann,speaker,${q(SUM)},France,female,private_sector`,
      `2019,S3,Bo,speaker,,Chile,male,government`
    ].join('\n') + '\n'
  );
  const published = join(dir, 'published.csv');
  writeFileSync(
    published,
    ['year,metric,category,value,unit,source_url,source_title,quote', `2019,participants_total,all,-3,count,https://example.org,${q(CMD)},${q(SUM)}`].join('\n') + '\n'
  );
  const db = join(dir, 'igf.duckdb');
  const loaded = await runPipeline({ db, inputs: [inputs] });
  expect(loaded.failed, JSON.stringify(loaded.failed)).toEqual([]);
  expect(loaded.error).toBeUndefined();
  const pub = await runPipeline({ db, inputs: [published], kind: 'published_figures' });
  expect(pub.error).toBeUndefined();
  server = await startServer(db);
}, 300_000);
afterAll(async () => {
  await server?.stop();
  if (previousKeyFile === undefined) delete process.env.IGF_PSEUDONYM_KEY_FILE;
  else process.env.IGF_PSEUDONYM_KEY_FILE = previousKeyFile;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const get = (path: string) => fetch(server.url + path);
async function ok(path: string): Promise<Response> {
  const r = await get(path);
  expect(r.status, path).toBe(200);
  return r;
}
async function csvRows(path: string): Promise<Record<string, string>[]> {
  return objects(parseCsv(await (await ok(path)).text()));
}
function objects(rows: string[][]): Record<string, string>[] {
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}
const safe = (s: string) => `'${s}`;

describe('CSV text is safe for spreadsheets; other formats keep it exact', () => {
  it('export speakers: CSV prefixed, Arrow and Parquet exact', async () => {
    const byLine = (a: Record<string, unknown>, b: Record<string, unknown>) => Number(a.source_line) - Number(b.source_line);
    const csv = (await csvRows('/api/v1/export/speakers.csv')).sort(byLine);
    expect(csv.map((r) => r.name)).toEqual([safe(FORMULA), safe(SUM), safe(TAB), 'Ann', 'Bo']);
    expect(csv.map((r) => r.organization)).toEqual([safe(CMD), safe(MINUS), 'Plain Org', safe(SUM), '']);
    expect(csv.map((r) => r.meeting_year)).toEqual(['2019', '2019', '2019', '2019', '2019']);
    expect(csv[0].source_file).toBe('inputs/speakers.csv');

    const arrow = tableFromIPC(new Uint8Array(await (await ok('/api/v1/export/speakers.arrow')).arrayBuffer()));
    const arrowRows = arrow.toArray().map((r) => r.toJSON()).sort(byLine);
    expect(arrowRows.map((r) => r.name)).toEqual([FORMULA, SUM, TAB, 'Ann', 'Bo']);
    expect(arrowRows.map((r) => r.organization)).toEqual([CMD, MINUS, 'Plain Org', SUM, null]);

    const parquetPath = join(dir, 'speakers.parquet');
    writeFileSync(parquetPath, new Uint8Array(await (await ok('/api/v1/export/speakers.parquet')).arrayBuffer()));
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    try {
      const rows = (await conn.runAndReadAll(`SELECT name, organization FROM read_parquet('${parquetPath}') ORDER BY source_line`)).getRowObjectsJS();
      expect(rows.map((r) => r.name)).toEqual([FORMULA, SUM, TAB, 'Ann', 'Bo']);
      expect(rows.map((r) => r.organization)).toEqual([CMD, MINUS, 'Plain Org', SUM, null]);
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
  });

  it('export sessions and published figures: titles and quotes prefixed, the negative value unchanged', async () => {
    const sessions = (await csvRows('/api/v1/export/sessions.csv')).sort((a, b) => Number(a.source_line) - Number(b.source_line));
    expect(sessions.map((r) => r.title)).toEqual([safe(FORMULA), safe(MINUS), safe(TAB)]);
    const published = await csvRows('/api/v1/export/published_figures.csv');
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({ value: '-3', year: '2019', source_title: safe(CMD), quote: safe(SUM) });
  });

  it('metric CSV: session titles prefixed, numbers unchanged; JSON and Arrow exact', async () => {
    const csv = await csvRows('/api/v1/metrics/sessions.csv?level=session&from=2019&to=2019');
    expect(csv.map((r) => r.title).sort()).toEqual([safe(FORMULA), safe(MINUS), safe(TAB)].sort());
    expect(csv.find((r) => r.title === safe(FORMULA))?.speakers).toBe('2');
    const json = await (await ok('/api/v1/metrics/sessions.json?level=session&from=2019&to=2019')).json();
    expect(json.rows.map((r: { title: string }) => r.title).sort()).toEqual([FORMULA, MINUS, TAB].sort());
    const arrow = tableFromIPC(new Uint8Array(await (await ok('/api/v1/metrics/sessions.arrow?level=session&from=2019&to=2019')).arrayBuffer()));
    expect(arrow.toArray().map((r) => r.title).sort()).toEqual([FORMULA, MINUS, TAB].sort());
  });

  it('metric CSV of published figures: quote prefixed, the negative published value unchanged', async () => {
    const csv = await csvRows('/api/v1/metrics/published.csv');
    const row = csv.find((r) => r.metric === 'participants_total' && r.year === '2019')!;
    expect(row).toMatchObject({ published_value: '-3', quote: safe(SUM), source_title: safe(CMD) });
  });

  it('the zip bundle: its CSV prefixed, its JSON and Arrow exact, its README and metadata say so', async () => {
    const files = unzipSync(new Uint8Array(await (await ok('/api/v1/metrics/sessions.zip?level=session&from=2019&to=2019')).arrayBuffer()));
    const name = (ext: string) => Object.keys(files).find((f) => f.endsWith(ext))!;
    const csv = objects(parseCsv(strFromU8(files[name('.csv')])));
    expect(csv.map((r) => r.title).sort()).toEqual([safe(FORMULA), safe(MINUS), safe(TAB)].sort());
    const json = JSON.parse(strFromU8(files[Object.keys(files).find((f) => f.endsWith('.json') && !f.endsWith('.metadata.json'))!]));
    expect(json.rows.map((r: { title: string }) => r.title).sort()).toEqual([FORMULA, MINUS, TAB].sort());
    expect(tableFromIPC(files[name('.arrow')]).toArray().map((r) => r.title).sort()).toEqual([FORMULA, MINUS, TAB].sort());
    expect(strFromU8(files['README.md'])).toContain(CSV_TEXT_NOTE);
    expect(JSON.parse(strFromU8(files[name('.metadata.json')])).csv_text).toBe(CSV_TEXT_NOTE);
  });

  it('the CSV metadata says so: metric .metadata.json and export .metadata.json', async () => {
    expect((await (await ok('/api/v1/metrics/sessions.metadata.json')).json()).csv_text).toBe(CSV_TEXT_NOTE);
    expect((await (await ok('/api/v1/export/speakers.metadata.json')).json()).csv_text).toBe(CSV_TEXT_NOTE);
  });
});

describe('no server path in any response', () => {
  it('metrics (every format, index), exports (every format, metadata, list) never hold the input folder’s path', async () => {
    const paths = ['/api/v1/metrics', '/api/v1/export'];
    for (const metric of METRICS) for (const ext of ['json', 'csv', 'arrow', 'metadata.json']) paths.push(`/api/v1/metrics/${metric}.${ext}`);
    for (const table of EXPORT_TABLES) for (const ext of [...EXPORT_FORMATS, 'metadata.json']) paths.push(`/api/v1/export/${table}.${ext}`);
    const bodies: [string, string][] = [];
    for (const path of paths) {
      const bytes = Buffer.from(await (await ok(path)).arrayBuffer());
      bodies.push([path, bytes.toString('latin1')]);
    }
    for (const metric of METRICS) {
      const files = unzipSync(new Uint8Array(await (await ok(`/api/v1/metrics/${metric}.zip`)).arrayBuffer()));
      for (const [name, bytes] of Object.entries(files)) bodies.push([`${metric}.zip/${name}`, Buffer.from(bytes).toString('latin1')]);
    }
    for (const [path, body] of bodies) {
      expect(body.includes(dir), path).toBe(false);
      expect(body.includes(tmpdir() + '/'), path).toBe(false);
    }
    // the loaded files are there, by the name they were given
    const speakers = bodies.find(([p]) => p === '/api/v1/export/speakers.csv')![1];
    expect(speakers).toContain('inputs/speakers.csv');
    const published = bodies.find(([p]) => p === '/api/v1/export/published_figures.csv')![1];
    expect(published).toContain(',published.csv,');
  });
});
