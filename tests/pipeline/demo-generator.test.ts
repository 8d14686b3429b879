/**
 * The synthetic demo generator: determinism, the synthetic flag, and the
 * calibration against the published figures (computed here from the CSV).
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo, DemoArgumentError, type DemoResult } from '../../pipelines/demo/generate.ts';
import { parseCsv } from '../../pipelines/demo/reference.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const SMALL = 20_000;

function readTable(path: string): { header: string[]; rows: Array<Record<string, string>> } {
  const [header, ...rest] = parseCsv(readFileSync(path, 'utf8'));
  return { header, rows: rest.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))) };
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

// ------------------------------------------------------- reference lookups

const published = readTable(join(ROOT, 'data/published/participation_aggregates.csv')).rows;
const fig = (year: number, metric: string, category = 'all') =>
  published.filter((r) => Number(r.year) === year && r.metric === metric && r.category === category).map((r) => Number(r.value));

/** Country spelling -> ISO3, from the reference names and the alias list the generator may use. */
const countryLookup = new Map<string, string>();
for (const r of readTable(join(ROOT, 'data/reference/cccommons_countries_master.csv')).rows) {
  for (const k of ['iso3', 'country_name_en', 'country_name_fr', 'country_name_es', 'country_name_ru', 'country_name_ar', 'country_name_zh'])
    if (r[k]) countryLookup.set(r[k], r.iso3);
}
const ALIASES: Record<string, string> = {
  USA: 'USA', UK: 'GBR', Russia: 'RUS', 'Ivory Coast': 'CIV', Turkey: 'TUR', 'South Korea': 'KOR', Vietnam: 'VNM',
  Iran: 'IRN', 'DR Congo': 'COD', UAE: 'ARE', 'The Netherlands': 'NLD'
};
for (const [k, v] of Object.entries(ALIASES)) countryLookup.set(k, v);

const STAKEHOLDER: Record<string, string> = {
  government: 'government', Government: 'government',
  private_sector: 'private_sector', 'Private Sector': 'private_sector', Business: 'private_sector',
  civil_society: 'civil_society', 'Civil Society': 'civil_society', NGO: 'civil_society',
  technical_community: 'technical_community', 'Technical Community': 'technical_community',
  academia: 'academia', Academia: 'academia', University: 'academia',
  intergovernmental_organization: 'intergovernmental_organization', IGO: 'intergovernmental_organization',
  media: 'media', Press: 'media', other: 'other', Other: 'other', '': ''
};
const GENDER: Record<string, string> = {
  female: 'female', F: 'female', Female: 'female', Woman: 'female',
  male: 'male', M: 'male', Male: 'male', Man: 'male',
  other: 'other', 'Non-binary': 'other', undisclosed: 'undisclosed', 'Prefer not to say': 'undisclosed', '': ''
};
const MODE: Record<string, string> = {
  onsite: 'onsite', Onsite: 'onsite', 'In person': 'onsite', online: 'online', Online: 'online', Remote: 'online', Virtual: 'online'
};
const FIRST_TIME: Record<string, boolean | null> = { yes: true, true: true, '1': true, no: false, false: false, '0': false, '': null };

/** Published stakeholder categories -> generated groups (IGF's "technical community" has no separate academia). */
const BUCKET: Record<string, string[]> = {
  government: ['government'], private_sector: ['private_sector'], civil_society: ['civil_society'],
  technical_community: ['technical_community', 'academia'], technical_and_academic: ['technical_community', 'academia'],
  intergovernmental_organisation: ['intergovernmental_organization'], media: ['media']
};

// ------------------------------------------------------------------ fixtures

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'igf-demo-'));
  dirs.push(d);
  return d;
}

let small: DemoResult;
let smallAgain: DemoResult;
let otherSeed: DemoResult;
let full: DemoResult;
let fullMs = 0;
let att: Array<Record<string, string>>;
let attFull: Array<Record<string, string>>;

beforeAll(async () => {
  small = await generateDemo({ scale: SMALL, seed: 2006, outDir: tempDir() });
  smallAgain = await generateDemo({ scale: SMALL, seed: 2006, outDir: tempDir() });
  otherSeed = await generateDemo({ scale: SMALL, seed: 7, outDir: tempDir() });
  const t0 = performance.now();
  full = await generateDemo({ outDir: tempDir() });
  fullMs = performance.now() - t0;
  att = readTable(small.files[0]).rows;
  attFull = readTable(full.files[0]).rows;
});

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const byYear = (rows: Array<Record<string, string>>, year: number) => rows.filter((r) => Number(r.meeting_year) === year);

// --------------------------------------------------------------------- tests

describe('demo generator: files and determinism', () => {
  it('writes the three CSVs and a README that says SYNTHETIC', () => {
    expect(small.files.map((f) => f.split(/[\\/]/).pop())).toEqual(['attendance.csv', 'sessions.csv', 'speakers.csv']);
    expect(small.rows.attendance).toBe(SMALL);
    const readme = readFileSync(small.readme, 'utf8');
    expect(readme).toMatch(/SYNTHETIC/);
    expect(readme).toContain('seed: 2006');
    expect(readme).toContain(`scale: ${SMALL}`);
  });

  it('same seed and scale give byte-identical files; another seed does not', () => {
    const names = ['attendance.csv', 'sessions.csv', 'speakers.csv'];
    for (let i = 0; i < 3; i++) expect(sha256(smallAgain.files[i]), names[i]).toBe(sha256(small.files[i]));
    expect(sha256(smallAgain.readme)).toBe(sha256(small.readme));
    for (let i = 0; i < 3; i++) expect(sha256(otherSeed.files[i]), names[i]).not.toBe(sha256(small.files[i]));
  });

  it('headers, LF line ends and synthetic=true on every row of every file', () => {
    const headers = [
      'meeting_year,participant_id,country,stakeholder_group,gender,participation_mode,first_time,synthetic',
      'meeting_year,session_id,title,session_type,theme,date,attendance_onsite,attendance_online,women_share_estimate,synthetic',
      'meeting_year,session_id,name,role,organization,country,stakeholder_group,gender,participation_mode,session_title,session_type,synthetic'
    ];
    small.files.forEach((f, i) => {
      const text = readFileSync(f, 'utf8');
      expect(text.includes('\r')).toBe(false);
      expect(text.endsWith('\n')).toBe(true);
      const t = readTable(f);
      expect(t.header.join(',')).toBe(headers[i]);
      expect(t.rows.length).toBe(Object.values(small.rows)[i]);
      const [, ...raw] = parseCsv(text);
      for (const r of raw) if (r.length !== t.header.length) throw new Error(`ragged row in ${f}: ${JSON.stringify(r)}`);
      for (const r of t.rows) if (r.synthetic !== 'true') throw new Error(`row without synthetic=true in ${f}: ${JSON.stringify(r)}`);
    });
  });

  it('default scale (real size) finishes fast', () => {
    expect(full.rows.attendance).toBeGreaterThan(90_000); // the sum of the calibrated yearly totals
    expect(fullMs).toBeLessThan(15_000);
  });

  it('rejects bad options with DemoArgumentError', async () => {
    await expect(generateDemo({ scale: 0, outDir: tempDir() })).rejects.toBeInstanceOf(DemoArgumentError);
    await expect(generateDemo({ scale: 1.5, outDir: tempDir() })).rejects.toBeInstanceOf(DemoArgumentError);
    await expect(generateDemo({ seed: -1, outDir: tempDir() })).rejects.toBeInstanceOf(DemoArgumentError);
  });

  it('CLI: a bad argument gives one line on stderr and exit code 2', () => {
    const tsx = join(ROOT, 'node_modules/.bin/tsx');
    for (const args of [['--scale', 'lots'], ['--bogus'], ['--seed']]) {
      const r = spawnSync(tsx, [join(ROOT, 'pipelines/demo/generate.ts'), ...args], { encoding: 'utf8', cwd: ROOT });
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\bat .*\(/);
    }
  });
});

describe('demo generator: calibration against the published figures', () => {
  it('real-size yearly rows equal the published totals (rule: total, else onsite+online, else onsite; smallest exact figure)', () => {
    const count = (y: number) => byYear(attFull, y).length;
    expect(count(2008)).toBe(Math.min(...fig(2008, 'participants_onsite'))); // 1280
    expect(count(2007)).toBe(Math.min(...fig(2007, 'participants_onsite'))); // 1291, the smaller of 1291/1363
    expect(count(2022)).toBe(fig(2022, 'participants_total')[0]); // 5120
    expect(count(2015)).toBe(fig(2015, 'participants_onsite')[0] + fig(2015, 'participants_online')[0]); // 2137 + 2000
    expect(count(2020)).toBe(fig(2020, 'participants_online')[0]); // 6000, all online
  });

  it('scaled yearly rows are proportional to the calibrated totals (within rounding)', () => {
    const sum = full.rows.attendance; // default scale = sum of the calibrated totals
    const expected = (total: number) => (total * SMALL) / sum;
    const cases: Array<[number, number]> = [
      [2008, 1280],
      [2022, fig(2022, 'participants_total')[0]],
      [2014, fig(2014, 'participants_total')[0]],
      [2010, fig(2010, 'participants_onsite')[0] + fig(2010, 'participants_online')[0]]
    ];
    for (const [y, total] of cases) expect(Math.abs(byYear(att, y).length - expected(total)), String(y)).toBeLessThan(1);
  });

  it('onsite/online split: 2020 all online, 2022 and 2025 as published, early years mostly onsite', () => {
    const onlineShare = (y: number) => {
      const rows = byYear(attFull, y);
      return rows.filter((r) => MODE[r.participation_mode] === 'online').length / rows.length;
    };
    expect(onlineShare(2020)).toBe(1);
    expect(onlineShare(2022)).toBeCloseTo(1 - fig(2022, 'participants_onsite')[0] / fig(2022, 'participants_total')[0], 2);
    expect(onlineShare(2025)).toBeCloseTo(1 - fig(2025, 'participants_onsite')[0] / fig(2025, 'participants_total')[0], 2);
    expect(onlineShare(2007)).toBeLessThan(0.1);
  });

  it('every country cell resolves, and 2008 host India is ~56% of attendees', () => {
    for (const r of att) if (!countryLookup.has(r.country)) throw new Error(`unresolvable country "${r.country}"`);
    const iso = att.filter((r) => /^[A-Z]{3}$/.test(r.country)).length / att.length;
    expect(iso).toBeGreaterThan(0.8);
    expect(iso).toBeLessThan(0.9);
    const host = fig(2008, 'region_share', 'host_country_india')[0] / 100;
    for (const rows of [byYear(att, 2008), byYear(attFull, 2008)]) {
      const share = rows.filter((r) => countryLookup.get(r.country) === 'IND').length / rows.length;
      expect(Math.abs(share - host)).toBeLessThanOrEqual(0.03);
    }
  });

  it('distinct countries reach countries_represented where published', () => {
    for (const y of [2006, 2008, 2015, 2018, 2022]) {
      const target = Math.min(...fig(y, 'countries_represented'));
      const distinct = new Set(byYear(att, y).map((r) => countryLookup.get(r.country))).size;
      expect(distinct, String(y)).toBeGreaterThanOrEqual(target);
    }
  });

  it('stakeholder shares match the published shares (2008, 2022, 2025) within ±0.03', () => {
    for (const y of [2008, 2022, 2025]) {
      const rows = byYear(att, y).filter((r) => STAKEHOLDER[r.stakeholder_group] !== '');
      const pub = published.filter((r) => Number(r.year) === y && r.metric === 'stakeholder_share');
      expect(pub.length).toBeGreaterThan(3);
      for (const p of pub) {
        const groups = BUCKET[p.category];
        const share = rows.filter((r) => groups.includes(STAKEHOLDER[r.stakeholder_group])).length / rows.length;
        expect(Math.abs(share - Number(p.value) / 100), `${y} ${p.category}`).toBeLessThanOrEqual(0.03);
      }
    }
  });

  it('gender and first-time shares follow the published 2022 and 2025 figures', () => {
    for (const y of [2022, 2025]) {
      const rows = byYear(attFull, y);
      const g = rows.map((r) => GENDER[r.gender]).filter((x) => x === 'female' || x === 'male' || x === 'other');
      const female = g.filter((x) => x === 'female').length / g.length;
      expect(Math.abs(female - fig(y, 'gender_share', 'female')[0] / 100)).toBeLessThanOrEqual(0.02);
      const ft = rows.map((r) => FIRST_TIME[r.first_time]).filter((x) => x !== null);
      const share = ft.filter(Boolean).length / ft.length;
      expect(Math.abs(share - fig(y, 'first_time_share')[0] / 100)).toBeLessThanOrEqual(0.02);
    }
  });

  it('values are messy but always resolvable; first_time agrees with the participant id history', () => {
    const seen = new Set<string>();
    const perYear = new Map<string, Set<string>>();
    const fail = (what: string, r: Record<string, string>) => {
      throw new Error(`${what}: ${JSON.stringify(r)}`);
    };
    for (const r of attFull) {
      if (!(r.stakeholder_group in STAKEHOLDER)) fail('stakeholder', r);
      if (!(r.gender in GENDER)) fail('gender', r);
      if (!(r.participation_mode in MODE)) fail('mode', r);
      if (!(r.first_time in FIRST_TIME)) fail('first_time', r);
      if (!/^SYN-\d{4}-\d{6}$/.test(r.participant_id)) fail('participant_id', r);
      const ids = perYear.get(r.meeting_year) ?? new Set<string>();
      if (ids.has(r.participant_id)) throw new Error(`participant twice in ${r.meeting_year}: ${r.participant_id}`);
      ids.add(r.participant_id);
      perYear.set(r.meeting_year, ids);
      const first = !seen.has(r.participant_id);
      seen.add(r.participant_id);
      const ft = FIRST_TIME[r.first_time];
      if (ft !== null && ft !== first) throw new Error(`first_time=${r.first_time} but id history says ${first}: ${r.participant_id}`);
      if (first && r.participant_id.slice(4, 8) !== r.meeting_year) fail('first appearance in another year than the id says', r);
    }
    const returning = attFull.filter((r) => Number(r.meeting_year) === 2025 && Number(r.participant_id.slice(4, 8)) < 2025).length;
    expect(returning).toBeGreaterThan(0);
    // the spellings really are mixed
    const values = new Set(attFull.map((r) => r.stakeholder_group));
    for (const v of ['NGO', 'Business', 'IGO', 'Press', 'University']) expect(values.has(v), v).toBe(true);
    const countries = new Set(attFull.map((r) => r.country));
    for (const v of ['UK', 'Russia', 'The Netherlands']) expect(countries.has(v), v).toBe(true);
  });
});

describe('demo generator: sessions and speakers', () => {
  const sessions = () => readTable(small.files[1]).rows;
  const speakers = () => readTable(small.files[2]).rows;

  it('session counts follow the published sessions_total, ids and dates are well-formed', () => {
    const s = sessions();
    for (const y of [2016, 2018, 2023, 2024]) expect(byYear(s, y).length, String(y)).toBe(fig(y, 'sessions_total')[0]);
    expect(byYear(s, 2016).filter((r) => r.session_type === 'Workshop').length).toBe(fig(2016, 'workshops')[0]);
    const ids = new Set<string>();
    for (const r of s) {
      expect(r.session_id).toMatch(new RegExp(`^${r.meeting_year}-[A-Z0-9]{2,3}-\\d{3}$`));
      expect(ids.has(r.session_id)).toBe(false);
      ids.add(r.session_id);
      expect(r.date.slice(0, 4)).toBe(r.meeting_year);
    }
    const months = (y: number) => new Set(byYear(s, y).map((r) => r.date.slice(0, 7)));
    expect([...months(2025)]).toEqual(['2025-06']);
    expect(new Set(byYear(s, 2023).map((r) => r.date))).toEqual(new Set(['2023-10-08', '2023-10-09', '2023-10-10', '2023-10-11', '2023-10-12']));
    expect(byYear(s, 2024).every((r) => r.date >= '2024-12-15' && r.date <= '2024-12-19')).toBe(true);
    expect(byYear(s, 2022).every((r) => r.date >= '2022-11-28' && r.date <= '2022-12-02')).toBe(true);
    expect(byYear(s, 2021).every((r) => r.date >= '2021-12-06' && r.date <= '2021-12-10')).toBe(true);
    expect(byYear(s, 2025).every((r) => r.date >= '2025-06-23' && r.date <= '2025-06-27')).toBe(true);
    expect(byYear(s, 2006).some((r) => r.session_type === 'Town Hall' || r.session_type === 'Lightning Talk')).toBe(false);
  });

  it('every speaker row points at a session of the same year; 2–8 people per session; repeat speakers exist', () => {
    const keys = new Set(sessions().map((r) => `${r.meeting_year}|${r.session_id}`));
    const perSession = new Map<string, number>();
    const appearances = new Map<string, number>();
    for (const r of speakers()) {
      const k = `${r.meeting_year}|${r.session_id}`;
      if (!keys.has(k)) throw new Error(`speaker row for unknown session ${k}`);
      perSession.set(k, (perSession.get(k) ?? 0) + 1);
      const p = `${r.meeting_year}|${r.name}`;
      appearances.set(p, (appearances.get(p) ?? 0) + 1);
      if (!['speaker', 'moderator', 'organizer', 'rapporteur'].includes(r.role)) throw new Error(`role ${r.role}`);
      if (!countryLookup.has(r.country)) throw new Error(`unresolvable speaker country ${r.country}`);
      if (!(r.gender in GENDER) || !(r.stakeholder_group in STAKEHOLDER) || !(r.participation_mode in MODE))
        throw new Error(`unresolvable speaker value: ${JSON.stringify(r)}`);
    }
    expect(perSession.size).toBe(keys.size);
    for (const n of perSession.values()) {
      expect(n).toBeGreaterThanOrEqual(2);
      expect(n).toBeLessThanOrEqual(8);
    }
    expect([...appearances.values()].some((n) => n >= 3)).toBe(true);
  });

  it('manels exist, and are more common in 2010 than in 2024', () => {
    const panels = new Map<string, string[]>();
    for (const r of speakers()) {
      if (r.role !== 'speaker') continue;
      const k = `${r.meeting_year}|${r.session_id}`;
      panels.set(k, [...(panels.get(k) ?? []), GENDER[r.gender]]);
    }
    const manelShare = (y: number) => {
      const ps = [...panels].filter(([k, g]) => k.startsWith(`${y}|`) && g.length >= 2);
      return ps.filter(([, g]) => g.every((x) => x === 'male')).length / ps.length;
    };
    expect([...panels.values()].some((g) => g.length >= 2 && g.every((x) => x === 'male'))).toBe(true);
    expect(manelShare(2010)).toBeGreaterThan(manelShare(2024));
    // women are under-represented among early panellists
    const women = (y: number) => {
      const g = [...panels].filter(([k]) => k.startsWith(`${y}|`)).flatMap(([, v]) => v);
      return g.filter((x) => x === 'female').length / g.length;
    };
    expect(women(2008)).toBeLessThan(women(2024));
    expect(women(2013)).toBeGreaterThan(0.3);
    expect(women(2013)).toBeLessThan(0.55);
  });
});
