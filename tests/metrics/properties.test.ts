/**
 * Properties that must hold for any data and any parameters, checked on a synthetic database small
 * enough to have many small cells (the benchmark generator with 2,500 attendance records over 20
 * years) and on the hand-built fixture, each of its source sets on its own:
 *   - the shares of a breakdown sum to 1 (when none is hidden), and ci_low <= share <= ci_high;
 *   - J and the normalised Blau index lie in [0, 1], the effective number of groups in [1, 5];
 *   - bound_low <= share <= bound_high;
 *   - no attendee count of a real attribute from 1 to k-1 is ever shown (missing-data cells may be),
 *     and every sum an outsider knows (total, denominator, total - denominator, and with the bounds
 *     the missing-data cells and the rest) that holds a hidden cell of a real attribute hides at
 *     least two cells.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { createBenchDatabase } from '../bench/metrics-db.ts';
import { DuckDBInstance } from '@duckdb/node-api';
import { createFixtureDatabase, openReadOnly, type Fixture } from './fixture.ts';
import { computeMetric, parseMetricParams, sourceSets, METRICS, type MetricName, type Row } from '../../src/lib/server/metrics/index.ts';
import { DEFINITIONS, METRIC_PARAMETERS } from '../../src/lib/server/metrics/params.ts';

const dbs: { name: string; conn: DuckDBConnection; close(): void }[] = [];
const cleanups: (() => void)[] = [];

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'igf-metrics-prop-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const small = join(dir, 'small.duckdb');
  await createBenchDatabase(small, 2500);
  dbs.push({ name: 'synthetic', ...(await openReadOnly(small)) });
  const fixture: Fixture = await createFixtureDatabase();
  cleanups.push(fixture.cleanup);
  dbs.push({ name: 'fixture', ...(await openReadOnly(fixture.path)) });
});
afterAll(() => {
  for (const d of dbs) d.close();
  for (const c of cleanups) c();
});

/** Every combination of the parameters a metric takes (years left open). */
function combinations(metric: MetricName): Record<string, string>[] {
  const accepted = METRIC_PARAMETERS[metric];
  let combos: Record<string, string>[] = [{}];
  const expand = (name: string, values: string[]) => {
    if (!accepted.includes(name as never)) return;
    combos = combos.flatMap((c) => values.map((v) => ({ ...c, [name]: v })));
  };
  expand('population', metric === 'sessions' ? ['speakers'] : ['attendees', 'speakers']);
  expand('mode', ['all', 'onsite', 'online']);
  expand('exclude_host', ['false', 'true']);
  expand('definition', metric === 'global-south' ? ['all'] : [...DEFINITIONS]);
  return combos;
}

const group = (r: Row) => `${r.year}|${r.dimension}|${r.definition ?? ''}`;
const missing = (r: Row) => r.kind === 'excluded' && (r.category === 'unknown' || r.category === 'undisclosed');

function checkShareRows(rows: Row[], attendees: boolean, k: number, context: string) {
  const groups = new Map<string, Row[]>();
  for (const r of rows) if (r.kind === 'share' || r.kind === 'excluded') groups.set(group(r), [...(groups.get(group(r)) ?? []), r]);
  for (const [g, cells] of groups) {
    const inside = cells.filter((r) => r.kind === 'share');
    const where = `${context} ${g}`;
    if (inside.every((r) => typeof r.share === 'number') && Number(inside[0]?.denominator) > 0) {
      expect(inside.reduce((s, r) => s + Number(r.share), 0), where).toBeCloseTo(1, 9);
    }
    for (const r of inside) {
      if (typeof r.share === 'number') {
        expect(r.share, where).toBeGreaterThanOrEqual(0);
        expect(r.share, where).toBeLessThanOrEqual(1);
        expect(Number(r.ci_low), where).toBeLessThanOrEqual(r.share + 1e-12);
        expect(Number(r.ci_high), where).toBeGreaterThanOrEqual(r.share - 1e-12);
      }
      if (typeof r.coverage === 'number') expect(r.coverage).toBeLessThanOrEqual(1);
      if (typeof r.share === 'number' && typeof r.bound_low === 'number') {
        expect(Number(r.bound_low), where).toBeLessThanOrEqual(r.share + 1e-12);
        expect(Number(r.bound_high), where).toBeGreaterThanOrEqual(r.share - 1e-12);
      }
    }
    if (!attendees || k <= 1) {
      expect(cells.some((r) => r.suppressed), where).toBe(false);
      continue;
    }
    for (const r of cells) {
      const c = r.count;
      if (typeof c === 'number' && !missing(r)) expect(c >= k || c === 0, `${where} ${r.category} = ${c} shown`).toBe(true);
    }
    // a known sum holding a hidden cell of a real attribute hides at least two cells
    const ok = (list: Row[]) => !list.some((r) => r.count === null && !missing(r)) || list.filter((r) => r.count === null).length >= 2;
    const dShown = cells.some((r) => r.denominator !== null);
    const tShown = cells.some((r) => r.total !== null);
    const excluded = cells.filter((r) => r.kind === 'excluded');
    if (tShown) expect(ok(cells), `${where}: total`).toBe(true);
    if (dShown) expect(ok(inside), `${where}: denominator`).toBe(true);
    if (dShown && tShown) expect(ok(excluded), `${where}: total - denominator`).toBe(true);
    // bounds publish u: the missing-data cells plus a merged gender other (an excluded 'other' row)
    const mergedOther = (r: Row) => r.dimension === 'gender' && r.category === 'other';
    if (inside.some((r) => typeof r.bound_low === 'number') && tShown) {
      expect(ok(excluded.filter((r) => !missing(r) && !mergedOther(r))), `${where}: total - denominator - u`).toBe(true);
    }
    if (!dShown) for (const r of inside) expect(r.share, where).toBeNull();
  }
  for (const r of rows) {
    if (r.kind === 'index' && typeof r.value === 'number') {
      const [low, high] = r.category === 'effective_groups' ? [1, 5] : [0, 1];
      expect(r.value, context).toBeGreaterThanOrEqual(low - 1e-12);
      expect(r.value, context).toBeLessThanOrEqual(high + 1e-12);
    }
    if (attendees && k > 1 && r.kind === 'count' && r.dimension === 'participants' && typeof r.count === 'number') {
      expect(r.count >= k || r.count === 0).toBe(true);
    }
  }
}

describe.each([5, 11])('properties with k = %i', (k) => {
  for (const metric of METRICS.filter((m) => m !== 'published')) {
    it(`${metric}`, async () => {
      let suppressedRows = 0;
      for (const db of dbs) {
        const sources = (await sourceSets(db.conn)).map((s) => s.name);
        for (const query of sources.flatMap((source) => combinations(metric).map((c) => ({ ...c, source })))) {
          const params = parseMetricParams(metric, query);
          const r = await computeMetric(db.conn, metric, params, { k });
          suppressedRows += r.rows.filter((x) => x.suppressed === true).length;
          const context = `${db.name} ${metric} ${JSON.stringify(query)}`;
          if (metric === 'representation') {
            for (const row of r.rows) {
              if (typeof row.attendee_count === 'number' && !missing(row)) expect(row.attendee_count >= k || row.attendee_count === 0, context).toBe(true);
              for (const side of ['speaker', 'attendee']) {
                const share = row[`${side}_share`];
                if (typeof share === 'number') {
                  expect(Number(row[`${side}_ci_low`])).toBeLessThanOrEqual(share + 1e-12);
                  expect(Number(row[`${side}_ci_high`])).toBeGreaterThanOrEqual(share - 1e-12);
                }
              }
            }
            // the attendee side, as a breakdown (the year's total is public: the participants count)
            const attendeeRows = r.rows.map((row) => ({
              ...row,
              count: row.attendee_count,
              share: row.attendee_share,
              denominator: row.attendee_denominator,
              total: 1,
              ci_low: row.attendee_ci_low,
              ci_high: row.attendee_ci_high,
              coverage: row.attendee_coverage
            }));
            checkShareRows(attendeeRows, true, k, context);
          } else if (!(metric === 'sessions' && params.level === 'session')) {
            checkShareRows(r.rows, params.population === 'attendees' && metric !== 'sessions', k, context);
          }
        }
      }
      // the small database does exercise suppression (speakers-only metrics excepted; with k = 5 the
      // small cells of participation and host are all missing data, which is never hidden for size)
      if (metric !== 'sessions' && (k > 5 || !['participation', 'host'].includes(metric))) expect(suppressedRows).toBeGreaterThan(0);
    });
  }

  it('published never shows a suppressed cell', async () => {
    for (const db of dbs) {
      for (const { name } of await sourceSets(db.conn)) {
        const r = await computeMetric(db.conn, 'published', parseMetricParams('published', { source: name }), { k });
        for (const row of r.rows) if (row.suppressed) expect(row.computed_value).toBeNull();
      }
    }
  });
});

describe('no metric row mixes two source sets', () => {
  it('each set gives the same rows as a database holding that set alone', async () => {
    const fixture = dbs.find((d) => d.name === 'fixture')!;
    for (const { name } of await sourceSets(fixture.conn)) {
      const alone = await createFixtureDatabase();
      cleanups.push(alone.cleanup);
      const instance = await DuckDBInstance.create(alone.path);
      const conn = await instance.connect();
      for (const table of ['attendance', 'session', 'speaker']) {
        const st = await conn.prepare(`DELETE FROM ${table} WHERE source_set <> $source`);
        st.bind({ source: name });
        await st.run();
      }
      await conn.run('CHECKPOINT');
      conn.closeSync();
      instance.closeSync();
      const only = await openReadOnly(alone.path);
      try {
        for (const metric of METRICS) {
          for (const query of combinations(metric)) {
            const params = parseMetricParams(metric, { ...query, source: name });
            const mixed = await computeMetric(fixture.conn, metric, params, { k: 5 });
            const single = await computeMetric(only.conn, metric, params, { k: 5 });
            expect(mixed, `${name} ${metric} ${JSON.stringify(query)}`).toEqual(single);
          }
        }
      } finally {
        only.close();
      }
    }
  });
});
