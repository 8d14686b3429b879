/**
 * A database built before the World Bank income history (no country_income table, no
 * meeting.wb_fiscal_year) is still read: every year then uses today's income group, as before,
 * instead of every metric failing until the pipeline runs again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { createFixtureDatabase, openReadOnly, type Fixture } from './fixture.ts';
import { computeMetric, parseMetricParams } from '../../src/lib/server/metrics/index.ts';
import { hasIncomeHistory } from '../../src/lib/server/metrics/income-join.ts';

let current: Fixture;
let old: Fixture;

beforeAll(async () => {
  current = await createFixtureDatabase();
  old = await createFixtureDatabase();
  const instance = await DuckDBInstance.create(old.path);
  const conn = await instance.connect();
  await conn.run('DROP TABLE country_income; ALTER TABLE meeting DROP COLUMN wb_fiscal_year; CHECKPOINT;');
  conn.closeSync();
  instance.closeSync();
});
afterAll(() => {
  current?.cleanup();
  old?.cleanup();
});

describe('a database without the income history', () => {
  it('gives the same World Bank shares as one whose history is empty (today\'s groups)', async () => {
    const a = await openReadOnly(current.path);
    const b = await openReadOnly(old.path);
    try {
      expect(await hasIncomeHistory(a.conn)).toBe(true);
      expect(await hasIncomeHistory(b.conn)).toBe(false);
      const p = parseMetricParams('global-south', { definition: 'wb_non_high_income', source: 'fixture' });
      const [ra, rb] = [await computeMetric(a.conn, 'global-south', p, { k: 5 }), await computeMetric(b.conn, 'global-south', p, { k: 5 })];
      expect(rb.rows).toEqual(ra.rows);
      // the fixture's 2019: 12 of 38 attendees from countries that are not high income (docs/metrics.md)
      expect(rb.rows.find((r) => r.year === 2019 && r.category === 'global_south')).toMatchObject({ count: 12, denominator: 38 });
    } finally {
      a.close();
      b.close();
    }
  });
});
