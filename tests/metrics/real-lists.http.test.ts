/**
 * Suppression on attendance lists shaped like real ones (issue 14): a database built by the pipeline
 * from a CSV, served by the production build.
 *
 * 2019: 1,716 attendees, every country known: 1,714 from classified countries and 2 from Taiwan, which
 * the UN definition does not classify (country.un_developing IS NULL): an unknown cell of 2 under
 * un_developing. 3 attendees of other gender, 2 with gender left blank.
 * 2021: 200 attendees, 1 of other gender, none undisclosed or unknown.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../pipelines/run.ts';
import { ensureBuild, startServer, type RunningServer } from './server.ts';

const K = 5;
let dir: string;
let server: RunningServer;
const previousKeyFile = process.env.IGF_PSEUDONYM_KEY_FILE;

/** Countries and their 2019 head counts: 1,714 from countries the UN classifies. */
const KNOWN_2019: [string, number][] = [
  ['France', 400],
  ['Kenya', 300],
  ['Brazil', 314],
  ['United States', 350],
  ['India', 350]
];

function csv(): string {
  const lines = ['meeting_year,email,country,stakeholder_group,gender,participation_mode'];
  let n = 0;
  const add = (year: number, country: string, gender: string) => lines.push(`${year},p${n++}@example.org,"${country}",Government,${gender},onsite`);
  const genders2019 = [...Array(3).fill('x'), ...Array(2).fill('')]; // 3 other, 2 not stated; the rest F / M
  for (const [country, count] of KNOWN_2019) for (let i = 0; i < count; i++) add(2019, country, genders2019.shift() ?? (n % 2 ? 'F' : 'M'));
  add(2019, 'Taiwan', 'F');
  add(2019, 'Taiwan', 'M');
  for (let i = 0; i < 200; i++) add(2021, i < 100 ? 'Kenya' : 'France', i === 0 ? 'x' : i % 2 ? 'F' : 'M');
  return lines.join('\n') + '\n';
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'igf-real-lists-'));
  process.env.IGF_PSEUDONYM_KEY_FILE = join(dir, 'pseudonym.key');
  const input = join(dir, 'attendance-2019-2021.csv');
  writeFileSync(input, csv());
  const db = join(dir, 'igf.duckdb');
  const report = await runPipeline({ db, inputs: [input] });
  if (!report.ok) throw new Error(`pipeline failed: ${report.error} ${JSON.stringify(report.failed)}`);
  await ensureBuild();
  server = await startServer(db, { IGF_SUPPRESSION_K: String(K) });
}, 300_000);
afterAll(async () => {
  await server?.stop();
  if (previousKeyFile === undefined) delete process.env.IGF_PSEUDONYM_KEY_FILE;
  else process.env.IGF_PSEUDONYM_KEY_FILE = previousKeyFile;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

type Row = Record<string, unknown>;
async function rows(path: string): Promise<Row[]> {
  const r = await fetch(server.url + path);
  expect(r.status, path).toBe(200);
  return (await r.json()).rows;
}
const find = (list: Row[], year: number, dimension: string, category: string) =>
  list.find((r) => r.year === year && r.dimension === dimension && r.category === category)!;

describe('suppression on real-shaped lists (k = 5)', () => {
  it('global south: 2 attendees from an unclassified territory do not hide the share of 1,714', async () => {
    const list = await rows('/api/v1/metrics/global-south?source=user&definition=un_developing');
    const unknown = find(list, 2019, 'global_south', 'unknown');
    expect(unknown).toMatchObject({ kind: 'excluded', count: 2, suppressed: false });
    const south = find(list, 2019, 'global_south', 'global_south');
    // Kenya 300 + Brazil 314 + India 350 = 964 of 1,714 classified
    expect(south).toMatchObject({ count: 964, denominator: 1714, total: 1716, suppressed: false });
    expect(south.share).toBeCloseTo(964 / 1714, 12);
    expect(south.bound_low).toBeCloseTo(964 / 1716, 12);
    expect(south.bound_high).toBeCloseTo(966 / 1716, 12);
    expect(find(list, 2019, 'global_south', 'global_north')).toMatchObject({ count: 750, suppressed: false });
    // the countries map: Taiwan's 2 are hidden (a real attribute), with a complement; every other count stays
    const countries = await rows('/api/v1/metrics/countries?source=user&to=2019');
    expect(countries.find((r) => r.category === 'TWN')).toMatchObject({ count: null, suppressed: true });
    expect(countries.filter((r) => r.count === null)).toHaveLength(2);
  });

  it('gender: a year whose other gender is under 5 still shows its female share', async () => {
    const list = await rows('/api/v1/metrics/gender?source=user');
    for (const year of [2019, 2021]) {
      const female = find(list, year, 'gender', 'female');
      expect(female, String(year)).toMatchObject({ suppressed: false });
      expect(typeof female.share, String(year)).toBe('number');
      expect(find(list, year, 'gender', 'other'), String(year)).toMatchObject({ kind: 'excluded', count: null, suppressed: true });
      expect(find(list, year, 'gender_parity', 'female_per_male').value).not.toBeNull();
    }
    // 2019: other 3 merged with undisclosed + unknown (2): D = female + male = 1,711
    expect(find(list, 2019, 'gender', 'female')).toMatchObject({ denominator: 1711, total: 1716 });
    // 2021: other 1, and nothing else outside D: its complement is a zero not-stated cell
    expect(find(list, 2021, 'gender', 'female')).toMatchObject({ count: 100, denominator: 199, total: 200 });
  });
});
