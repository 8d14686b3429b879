/**
 * The API over HTTP: the adapter-node build (`node build`) with IGF_DB pointing to the fixture.
 * Builds first when build/ is older than the sources.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { serveFixture } from './fixture-server.ts';
import { startServer } from './server.ts';
import { METRICS, METRIC_PARAMETERS } from '../../src/lib/server/metrics/params.ts';

const K = 5;
const served = serveFixture({ IGF_SUPPRESSION_K: String(K) });

const get = (path: string) => fetch(served.url + path);

describe('GET /api/v1/metrics/{metric}', () => {
  it.each(METRICS)('%s answers JSON with its definition and rows', async (metric) => {
    const r = await get(`/api/v1/metrics/${metric}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('application/json');
    const body = await r.json();
    expect(body.metric).toBe(metric);
    expect(typeof body.definition).toBe('string');
    expect(body.definition.length).toBeGreaterThan(40);
    expect(typeof body.synthetic).toBe('boolean');
    expect(body.rows.length).toBeGreaterThan(0);
    expect(Object.keys(body.params)).toEqual(expect.arrayContaining(['from', 'to', 'format']));
    const shareRow = body.rows.find((x: { kind?: string }) => x.kind === 'share');
    if (shareRow && !('speaker_share' in shareRow)) {
      for (const f of ['year', 'category', 'count', 'denominator', 'share', 'ci_low', 'ci_high', 'coverage', 'suppressed']) {
        expect(shareRow).toHaveProperty(f);
      }
    }
  });

  it('csv and arrow, by suffix or format=', async () => {
    const csv = await get('/api/v1/metrics/gender.csv?to=2019');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('x-igf-synthetic')).toBe('true');
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toBe('year,kind,dimension,definition,category,count,denominator,total,share,ci_low,ci_high,coverage,bound_low,bound_high,value,low_n,suppressed,suppression_reason');
    const arrow = await get('/api/v1/metrics/global-south?format=arrow&definition=all');
    expect(arrow.headers.get('content-type')).toBe('application/vnd.apache.arrow.file');
    const table = tableFromIPC(new Uint8Array(await arrow.arrayBuffer()));
    expect(table.numRows).toBe(2 * 4 * 3); // 2 years x 4 definitions x 3 categories
    const json = await (await get('/api/v1/metrics/gender.json?from=2021&source=fixture')).json();
    expect(json.synthetic).toBe(false);
    expect(json.params.source).toBe('fixture');
    expect((await get('/api/v1/metrics/gender.csv?format=json')).status).toBe(400);
  });

  it('figures as computed: region-only speakers of the session pages', async () => {
    const body = await (await get('/api/v1/metrics/global-south?population=speakers&source=public_session_pages&definition=regional_groups')).json();
    expect(body.rows.find((x: { category: string }) => x.category === 'global_south')).toMatchObject({ count: 5, denominator: 8, total: 9, region_only: 7 });
  });

  it('figures as computed: 2019 speakers female share', async () => {
    const body = await (await get('/api/v1/metrics/gender?population=speakers&from=2019&to=2019')).json();
    const f = body.rows.find((x: { category: string }) => x.category === 'female');
    expect(f).toMatchObject({ count: 3, denominator: 9, suppressed: false });
  });

  it('no attendee cell of a real attribute below k leaves the server, in any format (missing-data cells may)', async () => {
    const missing = (kind: string, category: string) => kind === 'excluded' && (category === 'unknown' || category === 'undisclosed');
    for (const metric of ['participation', 'global-south', 'stakeholders', 'gender', 'regions', 'host']) {
      for (const q of ['', '?exclude_host=true', '?mode=onsite', '?mode=online', '?definition=all', '?source=fixture']) {
        if (q.includes('definition') && metric !== 'global-south') continue;
        const body = await (await get(`/api/v1/metrics/${metric}${q}`)).json();
        for (const row of body.rows) {
          if (typeof row.count === 'number' && row.kind !== 'count' && !missing(row.kind, row.category)) expect(row.count === 0 || row.count >= K, `${metric}${q} ${JSON.stringify(row)}`).toBe(true);
          if (row.kind === 'count' && row.dimension === 'participants' && typeof row.count === 'number') expect(row.count === 0 || row.count >= K).toBe(true);
        }
        const csv = await (await get(`/api/v1/metrics/${metric}.csv${q}`)).text();
        const lines = csv.trim().split('\r\n').map((l) => l.split(','));
        const countIdx = lines[0].indexOf('count');
        const kindIdx = lines[0].indexOf('kind');
        const categoryIdx = lines[0].indexOf('category');
        for (const l of lines.slice(1)) {
          if ((l[kindIdx] === 'share' || l[kindIdx] === 'excluded') && !missing(l[kindIdx], l[categoryIdx])) {
            const c = l[countIdx];
            expect(c === '' || Number(c) === 0 || Number(c) >= K, `${metric}.csv${q}: ${l.join(',')}`).toBe(true);
          }
        }
      }
    }
    const rep = await (await get('/api/v1/metrics/representation')).json();
    for (const row of rep.rows) if (typeof row.attendee_count === 'number' && !missing(row.kind, row.category)) expect(row.attendee_count === 0 || row.attendee_count >= K).toBe(true);
  });
});

describe('bad requests', () => {
  const bad: [string, string][] = [
    ['/api/v1/metrics/gender?foo=1', 'foo'],
    ['/api/v1/metrics/gender?from=abc', 'from'],
    ['/api/v1/metrics/gender?from=2010;DROP%20TABLE%20attendance', 'from'],
    ["/api/v1/metrics/gender?to=2019'%20OR%201=1--", 'to'],
    ['/api/v1/metrics/gender?to=99999', 'to'],
    ['/api/v1/metrics/gender?from=2021&to=2019', 'from'],
    ['/api/v1/metrics/gender?population=everyone', 'population'],
    ['/api/v1/metrics/gender?mode=hybrid', 'mode'],
    ['/api/v1/metrics/global-south?definition=oecd', 'definition'],
    ["/api/v1/metrics/global-south?definition=g77'%3B--", 'definition'],
    ['/api/v1/metrics/representation?definition=all', 'definition'],
    ['/api/v1/metrics/gender?definition=g77', 'definition'],
    ['/api/v1/metrics/gender?exclude_host=1', 'exclude_host'],
    ['/api/v1/metrics/gender?format=xml', 'format'],
    ['/api/v1/metrics/gender?session_type=workshop', 'session_type'],
    ['/api/v1/metrics/gender?population=speakers&session_type=plenary', 'session_type'],
    ["/api/v1/metrics/gender?population=speakers&session_type=workshop'--", 'session_type'],
    ['/api/v1/metrics/sessions?population=attendees', 'population'],
    ['/api/v1/metrics/sessions?level=week', 'level'],
    ['/api/v1/metrics/published?mode=online', 'mode'],
    ['/api/v1/metrics/gender?mode=online&mode=onsite', 'mode'],
    ['/api/v1/metrics/gender?source=user', 'source'],
    ["/api/v1/metrics/gender?source=demo'%20OR%201=1--", 'source'],
    ['/api/v1/metrics/published?source=nothing', 'source']
  ];
  it.each(bad)('%s -> 400 naming %s', async (path, parameter) => {
    const r = await get(path);
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toContain('application/json');
    const body = await r.json();
    expect(body).toMatchObject({ error: 'invalid_parameter', parameter });
    expect(Array.isArray(body.allowed)).toBe(true);
    expect(body.allowed.length).toBeGreaterThan(0);
    expect(typeof body.message).toBe('string');
  });

  it('lists the allowed values: mode, source sets and session types from the data', async () => {
    expect((await (await get('/api/v1/metrics/gender?mode=x')).json()).allowed).toEqual(['all', 'onsite', 'online']);
    const source = await (await get('/api/v1/metrics/gender?source=user')).json();
    expect(source).toMatchObject({ parameter: 'source', value: 'user', allowed: ['demo', 'fixture', 'public_session_pages'] });
    const st = await (await get('/api/v1/metrics/gender?population=speakers&session_type=plenary')).json();
    expect(st.allowed).toEqual(['main_session', 'open_forum', 'workshop']);
  });

  it('unknown metric or suffix -> 404 JSON listing the metrics', async () => {
    const r = await get('/api/v1/metrics/age');
    expect(r.status).toBe(404);
    const body = await r.json();
    expect(body).toMatchObject({ error: 'unknown_metric', parameter: 'metric' });
    expect(body.allowed).toEqual([...METRICS]);
    expect((await get('/api/v1/metrics/gender.xml')).status).toBe(404);
  });

  it('the index lists metrics and parameters', async () => {
    const body = await (await get('/api/v1/metrics')).json();
    expect(body.metrics.map((m: { name: string }) => m.name)).toEqual([...METRICS]);
    expect(Object.keys(body.metrics[0].parameters)).toEqual([...METRIC_PARAMETERS.participation]);
    expect(body.metrics[0].columns.map((c: { name: string }) => c.name)).toContain('ci_low');
    expect(body.metrics[0].parameters.source).toEqual(['demo', 'fixture', 'public_session_pages']);
  });

  it('the index lists the source sets: synthetic or not, records per table, years', async () => {
    const body = await (await get('/api/v1/metrics')).json();
    expect(body.source_sets).toEqual({
      default: 'demo',
      sets: [
        { name: 'demo', synthetic: true, records: { attendance: 100, sessions: 8, speakers: 18 }, years: [2019, 2021] },
        { name: 'fixture', synthetic: false, records: { attendance: 99, sessions: 8, speakers: 18 }, years: [2019, 2021] },
        { name: 'public_session_pages', synthetic: false, records: { attendance: 0, sessions: 0, speakers: 10 }, years: [2021] }
      ]
    });
  });

  it('metadata and Arrow state the source set and whether it is synthetic', async () => {
    const real = await (await get('/api/v1/metrics/regions.metadata.json?population=speakers&source=public_session_pages')).json();
    expect(real).toMatchObject({ source_sets: [{ name: 'public_session_pages', synthetic: false }], synthetic: false, synthetic_notice: null });
    expect(real.filters.source).toBe('public_session_pages');
    expect(real.citation).toContain('Source set public_session_pages.');
    const arrow = tableFromIPC(new Uint8Array(await (await get('/api/v1/metrics/gender.arrow')).arrayBuffer()));
    expect(JSON.parse(arrow.schema.metadata.get('source_sets') ?? '')).toEqual([{ name: 'demo', synthetic: true }]);
    expect(arrow.schema.metadata.get('synthetic')).toBe('true');
  });
});

describe('database missing', () => {
  it('503 JSON telling to run the pipeline', async () => {
    const other = await startServer(join(served.fixture.dir, 'nothing-here.duckdb'));
    try {
      const r = await fetch(`${other.url}/api/v1/metrics/gender`);
      expect(r.status).toBe(503);
      const body = await r.json();
      expect(body.error).toBe('database_unavailable');
      expect(body.message).toContain('npm run pipeline');
    } finally {
      await other.stop();
    }
  });
});
