/**
 * Exports over HTTP against the production build and the fixture database: every table in every
 * format reads back to the same values (Arrow with apache-arrow, CSV and Parquet with DuckDB), the
 * metadata travels, attendance stays aggregated and suppressed, and bad requests get a 400.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableFromIPC, type Table } from 'apache-arrow';
import { unzipSync, strFromU8 } from 'fflate';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { createFixtureDatabase, ATTENDANCE_2019, ATTENDANCE_2021, REGION_ONLY_SPEAKERS, SPEAKERS, type Fixture } from '../metrics/fixture.ts';
import { ensureBuild, startServer, type RunningServer } from '../metrics/server.ts';
import { EXPORT_TABLES, TABLES } from '../../src/lib/server/exports/tables.ts';

const K = 5;
// The fixture's speakers: SPEAKERS in the demo and fixture sets, and the session pages' region-only ones.
const SPEAKER_RECORDS = 2 * SPEAKERS.length + REGION_ONLY_SPEAKERS.length;
// Attendance cells: one per record group and source set; group l is in the demo set only.
const ATTENDANCE_CELLS = 2 * (ATTENDANCE_2019.length + ATTENDANCE_2021.length) - 1;
let fixture: Fixture;
let server: RunningServer;
let scratch: string;
let duck: { conn: DuckDBConnection; close(): void };

beforeAll(async () => {
  await ensureBuild();
  fixture = await createFixtureDatabase();
  server = await startServer(fixture.path, { IGF_SUPPRESSION_K: String(K) });
  scratch = mkdtempSync(join(tmpdir(), 'igf-export-test-'));
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  duck = { conn, close: () => (conn.closeSync(), instance.closeSync()) };
}, 300_000);
afterAll(async () => {
  duck?.close();
  await server?.stop();
  fixture?.cleanup();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const get = (path: string) => fetch(server.url + path);
async function download(path: string): Promise<{ response: Response; bytes: Uint8Array }> {
  const response = await get(path);
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

/** Every value as the text a CSV would hold: null '', booleans true/false, dates YYYY-MM-DD. */
function text(v: unknown, type: string): string {
  if (v === null || v === undefined) return '';
  if (type === 'date') return new Date(v instanceof Date ? v.getTime() : Number(v)).toISOString().slice(0, 10);
  return String(v);
}

function arrowRows(t: Table, columns: { name: string; type: string }[]): string[][] {
  return t.toArray().map((row) => columns.map((c) => text(row[c.name], c.type)));
}

async function duckRows(sql: string, columns: { name: string; type: string }[]): Promise<string[][]> {
  const rows = (await duck.conn.runAndReadAll(sql)).getRowObjectsJS();
  return rows.map((r) => columns.map((c) => text(r[c.name], c.type)));
}

function save(name: string, bytes: Uint8Array): string {
  const path = join(scratch, name);
  writeFileSync(path, bytes);
  return path;
}

describe('GET /api/v1/export/{table}.{format}', () => {
  it.each(EXPORT_TABLES)('%s: Arrow, CSV and Parquet hold the same rows, with their metadata', async (name) => {
    const columns = TABLES[name].columns;
    const arrow = await download(`/api/v1/export/${name}.arrow`);
    const csv = await download(`/api/v1/export/${name}.csv`);
    const parquet = await download(`/api/v1/export/${name}.parquet`);
    expect(arrow.response.status).toBe(200);
    expect(arrow.response.headers.get('content-type')).toBe('application/vnd.apache.arrow.file');
    expect(csv.response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(parquet.response.headers.get('content-type')).toBe('application/vnd.apache.parquet');
    expect(arrow.response.headers.get('content-disposition')).toBe(`attachment; filename="igf-${name}.arrow"`);

    const table = tableFromIPC(arrow.bytes);
    expect(table.schema.fields.map((f) => f.name)).toEqual(columns.map((c) => c.name));
    const meta = table.schema.metadata;
    expect(meta.get('name')).toBe(name);
    expect(meta.get('definition')).toBe(TABLES[name].definition);
    expect(meta.get('data_version')).toMatch(/^[0-9a-f]{64}$/);
    expect(meta.get('licence')).toContain('CC BY 4.0');
    expect(meta.get('citation')).toContain(TABLES[name].title);
    expect(Number.isNaN(Date.parse(meta.get('generated_at') ?? ''))).toBe(false);
    expect(table.schema.fields[0].metadata.get('description')).toBe(columns[0].description);
    expect(Number(arrow.response.headers.get('x-igf-rows'))).toBe(table.numRows);

    const fromArrow = arrowRows(table, columns);
    const csvPath = save(`${name}.csv`, csv.bytes);
    const fromCsv = await duckRows(`SELECT * FROM read_csv('${csvPath}', header = true, all_varchar = true)`, columns.map((c) => ({ ...c, type: 'string' })));
    const parquetPath = save(`${name}.parquet`, parquet.bytes);
    const fromParquet = await duckRows(`SELECT * FROM read_parquet('${parquetPath}')`, columns);
    expect(fromArrow.length).toBeGreaterThan(0);
    expect(fromCsv).toEqual(fromArrow);
    expect(fromParquet).toEqual(fromArrow);

    const kv = (await duck.conn.runAndReadAll(`SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata('${parquetPath}')`)).getRowObjectsJS();
    const parquetMeta = Object.fromEntries(kv.map((r) => [r.key, r.value]));
    expect(parquetMeta.data_version).toBe(meta.get('data_version'));
    expect(parquetMeta.synthetic).toBe(meta.get('synthetic'));
  });

  it('speakers: every record of every source set, names included (speakers are public)', async () => {
    const table = tableFromIPC((await download('/api/v1/export/speakers.arrow')).bytes);
    expect(table.numRows).toBe(SPEAKER_RECORDS);
    expect(table.schema.metadata.get('synthetic')).toBe('true'); // the demo set is in the table
    expect(JSON.parse(table.schema.metadata.get('source_sets') ?? '')).toEqual([
      { name: 'demo', synthetic: true },
      { name: 'fixture', synthetic: false },
      { name: 'public_session_pages', synthetic: false }
    ]);
    const rows = table.toArray().map((r) => r.toJSON());
    // a set is all synthetic or all real
    for (const r of rows) expect(r.synthetic, r.source_set).toBe(r.source_set === 'demo');
    // the session pages give a regional group, never a country: kept as given and as normalised
    expect(rows.find((r) => r.name === 'Amina')).toMatchObject({
      source_set: 'public_session_pages',
      country_iso3: null,
      regional_group: 'african',
      regional_group_raw: 'African Group',
      source_url: 'https://www.intgovforum.org/en/content/igf-2021-r1'
    });
    // with a country, the country's group
    expect(rows.find((r) => r.name === 'Ines')).toMatchObject({ country_iso3: 'MEX', regional_group: 'grulac', regional_group_raw: 'GRULAC' });
    expect(rows.find((r) => r.name === 'Ann' && r.source_set === 'fixture')).toMatchObject({ regional_group: 'weog', synthetic: false });
  });

  it('speakers: regional group and a global-south flag per definition, as the metrics classify the record', async () => {
    const flags = ['global_south_un_developing', 'global_south_g77', 'global_south_wb_non_high_income', 'global_south_regional_groups'];
    const csv = new TextDecoder().decode((await download('/api/v1/export/speakers.csv')).bytes);
    const [header, ...lines] = csv.trimEnd().split('\r\n');
    const names = header.split(',');
    expect(names).toEqual(expect.arrayContaining(['regional_group', ...flags]));
    const at = (name: string, set: string) => {
      const cells = lines.map((l) => l.split(',')).find((c) => c[names.indexOf('name')] === name && c[names.indexOf('source_set')] === set)!;
      return Object.fromEntries(['country_iso3', 'regional_group', ...flags].map((f) => [f, cells[names.indexOf(f)]]));
    };
    // Worked out from the fixture's country table (tests/metrics/fixture.ts): UN developing, G77, World
    // Bank not high income, regional groups (African, Asia-Pacific, GRULAC south; others north).
    expect(at('Kim', 'fixture')).toEqual({ country_iso3: 'KOR', regional_group: 'asia_pacific', global_south_un_developing: 'true', global_south_g77: 'false', global_south_wb_non_high_income: 'false', global_south_regional_groups: 'true' });
    expect(at('Hana', 'fixture')).toEqual({ country_iso3: 'ETH', regional_group: 'african', global_south_un_developing: 'true', global_south_g77: 'true', global_south_wb_non_high_income: 'true', global_south_regional_groups: 'true' });
    expect(at('Jo', 'fixture')).toEqual({ country_iso3: 'USA', regional_group: 'weog', global_south_un_developing: 'false', global_south_g77: 'false', global_south_wb_non_high_income: 'false', global_south_regional_groups: 'false' });
    // Hong Kong: a territory outside the groups, north under regional groups as in the metric
    expect(at('Gao', 'fixture')).toEqual({ country_iso3: 'HKG', regional_group: '', global_south_un_developing: 'true', global_south_g77: 'false', global_south_wb_non_high_income: 'false', global_south_regional_groups: 'false' });
    // session pages: no country, so only the regional-group definition knows; none without a group
    expect(at('Amina', 'public_session_pages')).toEqual({ country_iso3: '', regional_group: 'african', global_south_un_developing: '', global_south_g77: '', global_south_wb_non_high_income: '', global_south_regional_groups: 'true' });
    expect(at('Dmitri', 'public_session_pages')).toMatchObject({ regional_group: 'eastern_european', global_south_regional_groups: 'false' });
    expect(at('Hugo', 'public_session_pages')).toMatchObject({ regional_group: '', global_south_regional_groups: '' });
    // the same values in Arrow, with the column's description
    const table = tableFromIPC((await download('/api/v1/export/speakers.arrow')).bytes);
    const kim = table.toArray().map((r) => r.toJSON()).find((r) => r.name === 'Kim' && r.source_set === 'fixture')!;
    expect(flags.map((f) => kim[f])).toEqual([true, false, false, true]);
    expect(table.schema.fields.find((f) => f.name === 'global_south_g77')!.metadata.get('description')).toContain('Group of 77');
  });

  it('attendance: aggregated cells, small ones suppressed in every format', async () => {
    const table = tableFromIPC((await download('/api/v1/export/attendance.arrow')).bytes);
    const rows = table.toArray().map((r) => r.toJSON());
    // The fixture's attendance is grouped in ATTENDANCE_CELLS cells (one per group of records and set):
    // the export lists the shown ones and, for each set and year with hidden cells, one row for all of them.
    const hiddenRows = rows.filter((r) => r.suppressed);
    const shown = rows.filter((r) => !r.suppressed);
    expect(hiddenRows.map((r) => [r.source_set, r.meeting_year])).toEqual([
      ['demo', 2019],
      ['fixture', 2019]
    ]);
    for (const r of hiddenRows) {
      expect(r).toMatchObject({ country_iso3: null, stakeholder_group: null, gender: null, participation_mode: null, participants: null });
    }
    for (const r of shown) expect(r.participants).toBeGreaterThanOrEqual(K);
    const total = 2 * [...ATTENDANCE_2019, ...ATTENDANCE_2021].reduce((s, g) => s + g[5], 0) - 1;
    expect(shown.reduce((s, r) => s + r.participants, 0)).toBeLessThan(total);
    // 2021 has no cell under 5: nothing to protect, nothing hidden, every cell listed.
    expect(rows.filter((r) => r.meeting_year === 2021).every((r) => !r.suppressed)).toBe(true);
    // 2019 has 7 cells under 5 in the demo set (f to l), 6 in the fixture set (f to k); with them
    // each set's year total alone forces more: fewer than ATTENDANCE_2019.length - small cells shown.
    for (const [set, small] of [
      ['demo', 7],
      ['fixture', 6]
    ] as const) {
      const listed = shown.filter((r) => r.source_set === set && r.meeting_year === 2019).length;
      const cells = set === 'demo' ? ATTENDANCE_2019.length : ATTENDANCE_2019.length - 1;
      expect(listed, set).toBeLessThan(cells - small);
    }
    expect(rows).toHaveLength(shown.length + 2);
    const listing = await (await get('/api/v1/export')).json();
    expect(listing.exports.find((e: { name: string }) => e.name === 'attendance').suppressed_rows).toBe(ATTENDANCE_CELLS - shown.length);
    // The demo set's cells are synthetic, the others real; the export holds both.
    expect(table.schema.metadata.get('synthetic')).toBe('true');
    for (const r of rows) expect(r.synthetic).toBe(r.source_set === 'demo');
    expect(JSON.parse(table.schema.metadata.get('source_sets') ?? '')).toEqual([
      { name: 'demo', synthetic: true },
      { name: 'fixture', synthetic: false }
    ]);

    const csv = new TextDecoder().decode((await download('/api/v1/export/attendance.csv')).bytes);
    const csvLines = csv.trim().split('\r\n').slice(1);
    const hiddenInCsv = csvLines.filter((l) => l.split(',')[6] === 'true');
    expect(hiddenInCsv).toHaveLength(2);
    for (const l of hiddenInCsv) expect(l.split(',').slice(1, 6)).toEqual(['', '', '', '', '']);
    expect(csv).not.toContain('p1'); // participant keys never leave
  });

  it('metadata.json describes the CSV: columns with units, rows, suppression, citation', async () => {
    const r = await get('/api/v1/export/attendance.metadata.json');
    expect(r.status).toBe(200);
    const meta = await r.json();
    expect(meta.kind).toBe('table');
    expect(meta.url).toBe(`${server.url}/api/v1/export/attendance.csv`);
    expect(meta.suppression).toEqual({ k: K, applied: true });
    expect(meta.columns.find((c: { name: string }) => c.name === 'participants').unit).toBe('records');
    expect(meta.columns.find((c: { name: string }) => c.name === 'participants').unit_code).toBe('records');
    expect(meta.columns.find((c: { name: string }) => c.name === 'country_iso3')).toMatchObject({ unit: null, unit_code: null });
    expect(meta.synthetic_notice).toMatch(/SYNTHETIC/);
    expect(meta.rows).toBeLessThan(ATTENDANCE_CELLS); // hidden cells published as one row per set and year
    expect(meta.source_sets).toEqual([
      { name: 'demo', synthetic: true },
      { name: 'fixture', synthetic: false }
    ]);
    expect(meta.columns.find((c: { name: string }) => c.name === 'source_set').description).toMatch(/per source set/);
  });

  it('GET /api/v1/export lists every table with rows, schema and URLs', async () => {
    const body = await (await get('/api/v1/export')).json();
    expect(body.exports.map((e: { name: string }) => e.name)).toEqual([...EXPORT_TABLES]);
    const speakers = body.exports.find((e: { name: string }) => e.name === 'speakers');
    expect(speakers.rows).toBe(SPEAKER_RECORDS);
    expect(speakers.source_sets.map((x: { name: string }) => x.name)).toEqual(['demo', 'fixture', 'public_session_pages']);
    expect(body.exports.find((e: { name: string }) => e.name === 'countries').source_sets).toEqual([]);
    expect(speakers.files.map((f: { url: string }) => f.url)).toEqual([
      '/api/v1/export/speakers.csv',
      '/api/v1/export/speakers.arrow',
      '/api/v1/export/speakers.parquet'
    ]);
  });

  it.each([
    ['/api/v1/export/participants.csv', 'table'],
    ['/api/v1/export/attendance_raw.csv', 'table'],
    ['/api/v1/export/speakers.xlsx', 'format'],
    ['/api/v1/export/speakers', 'format'],
    ['/api/v1/export/speakers.csv?limit=10', 'limit'],
    ['/api/v1/export/..%2F..%2Fetc%2Fpasswd.csv', 'table'],
    ['/api/v1/export/speakers.csv%00.parquet', 'format']
  ])('%s -> 400 naming %s', async (path, parameter) => {
    const r = await get(path);
    expect(r.status).toBe(400);
    const body = await r.json();
    expect(body.parameter).toBe(parameter);
    expect(body.message).toBeTruthy();
    expect(JSON.stringify(body)).not.toMatch(/\\n\s+at |Error:/);
  });
});

describe('metric views: the rows of one chart in every format', () => {
  const view = '/api/v1/metrics/gender.{ext}?population=speakers&from=2019&to=2021&dimension=gender&category=female';
  const url = (ext: string) => view.replace('{ext}', ext);

  it('Arrow equals the JSON of the same request, with definition, filters and citation in the schema', async () => {
    const json = await (await get(url('json'))).json();
    expect(json.rows.length).toBeGreaterThan(0);
    expect(json.rows.every((r: { dimension: string; category: string }) => r.dimension === 'gender' && r.category === 'female')).toBe(true);
    const table = tableFromIPC((await download(url('arrow'))).bytes);
    const names = table.schema.fields.map((f) => f.name);
    expect(table.toArray().map((r) => r.toJSON())).toEqual(json.rows.map((r: Record<string, unknown>) => Object.fromEntries(names.map((n) => [n, r[n]]))));
    const meta = table.schema.metadata;
    expect(meta.get('definition')).toBe(json.definition);
    expect(JSON.parse(meta.get('filters') ?? '{}')).toMatchObject({ population: 'speakers', dimension: 'gender', category: 'female', from: 2019, to: 2021 });
    expect(meta.get('citation')).toContain(`${server.url}${url('arrow')}`);
    expect(table.schema.fields.find((f) => f.name === 'share')?.metadata.get('unit')).toBe('proportion (0–1)');
    expect(table.schema.fields.find((f) => f.name === 'share')?.metadata.get('unit_code')).toBe('proportion');
  });

  it('CSV parses to the same values as the JSON', async () => {
    const json = await (await get(url('json'))).json();
    const csvPath = save('gender-female.csv', (await download(url('csv'))).bytes);
    const rows = (await duck.conn.runAndReadAll(`SELECT * FROM read_csv('${csvPath}', header = true, all_varchar = true)`)).getRowObjectsJS();
    expect(rows.map((r) => [r.year, r.category, r.count, r.share])).toEqual(
      json.rows.map((r: Record<string, unknown>) => [String(r.year), r.category, r.count === null ? null : String(r.count), r.share === null ? null : String(r.share)])
    );
  });

  it('the citable bundle holds CSV, Arrow, JSON, metadata and a README with definition, citation and licence', async () => {
    const { response, bytes } = await download(url('zip'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="igf-gender-gender-female-2019-2021.zip"');
    const files = unzipSync(bytes);
    const base = 'igf-gender-gender-female-2019-2021';
    expect(Object.keys(files).sort()).toEqual([`${base}.arrow`, `${base}.csv`, `${base}.json`, `${base}.metadata.json`, 'README.md'].sort());
    const readme = strFromU8(files['README.md']);
    const meta = JSON.parse(strFromU8(files[`${base}.metadata.json`]));
    expect(readme).toContain(meta.definition);
    expect(readme).toContain(meta.citation);
    expect(readme).toContain('CC BY 4.0');
    // the default source set, synthetic, said in the README and the metadata
    expect(readme).toContain('## Source set\n\n- demo: synthetic demonstration records');
    expect(meta.source_sets).toEqual([{ name: 'demo', synthetic: true }]);
    expect(tableFromIPC(files[`${base}.arrow`]).numRows).toBe(JSON.parse(strFromU8(files[`${base}.json`])).rows.length);
  });

  it('suppressed attendee cells stay suppressed in JSON, CSV, Arrow and the bundle', async () => {
    const q = '/api/v1/metrics/gender.{ext}?population=attendees&from=2019&to=2019&dimension=gender';
    const json = await (await get(q.replace('{ext}', 'json'))).json();
    const hidden = json.rows.filter((r: { suppressed: boolean }) => r.suppressed);
    expect(hidden.length).toBeGreaterThan(0);
    const arrowRows = tableFromIPC((await download(q.replace('{ext}', 'arrow'))).bytes).toArray().map((r) => r.toJSON());
    const csv = new TextDecoder().decode((await download(q.replace('{ext}', 'csv'))).bytes);
    const zipped = unzipSync((await download(q.replace('{ext}', 'zip'))).bytes);
    const zippedJson = JSON.parse(strFromU8(zipped[Object.keys(zipped).find((n) => n.endsWith('.json') && !n.endsWith('metadata.json'))!]));
    for (const h of hidden) {
      const a = arrowRows.find((r) => r.category === h.category);
      expect(a).toMatchObject({ suppressed: true, count: null, share: null });
      expect(zippedJson.rows.find((r: { category: string }) => r.category === h.category)).toMatchObject({ suppressed: true, count: null });
      const line = csv.split('\r\n').find((l) => l.includes(`,${h.category},`))!;
      expect(line).toMatch(/,true(,|$)/);
    }
  });

  it.each([
    ['dimension=age', 'dimension'],
    ['dimension=gender&category=martian', 'category'],
    ["category=female'--", 'category']
  ])('%s -> 400 naming %s', async (query, parameter) => {
    const r = await get(`/api/v1/metrics/gender.csv?${query}`);
    expect(r.status).toBe(400);
    expect((await r.json()).parameter).toBe(parameter);
  });
});
