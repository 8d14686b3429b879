/**
 * Seeded SYNTHETIC demo dataset of IGF participation (2006–2025), calibrated to
 * the published figures in data/published/participation_aggregates.csv.
 *
 *   npx tsx pipelines/demo/generate.ts [--scale N] [--seed S] [--out DIR]
 *
 * Writes attendance.csv, sessions.csv, speakers.csv and README.md into DIR
 * (default data/demo). Same seed and scale -> byte-identical files. Every row
 * carries synthetic=true; no record describes a real person.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BLANK_STAKEHOLDER_SHARE,
  STAKEHOLDERS,
  UNDISCLOSED_GENDER_SHARE,
  calibrate,
  largestRemainder,
  yearCounts,
  type Calibration,
  type Stakeholder,
  type YearTarget
} from './calibration';
import { BufferedCsvWriter, csvField } from './csv';
import {
  SESSION_CODES,
  SESSION_PULL,
  SESSION_SIZE,
  organisation,
  personName,
  sessionTitle,
  sessionTypeMix,
  themesFor,
  type SessionType
} from './content';
import { dayZero, meetingDays } from './meetings';
import {
  COUNTRY_NON_ISO3,
  FIRST_TIME_BLANK,
  GENDER_BLANK,
  GENDER_SPELLINGS,
  MODE_SPELLINGS,
  STAKEHOLDER_SPELLINGS,
  countrySpellings,
  firstTimeSpellings,
  spell
} from './messy';
import { Random, cumulative } from './random';
import { UN_GROUPS, loadCountries, loadPublished, type Country, type UnGroup } from './reference';

export const DEFAULT_SEED = 2006;
export const DEFAULT_OUT_DIR = fileURLToPath(new URL('../../data/demo/', import.meta.url));
export const MAX_SCALE = 50_000_000;

export const ATTENDANCE_COLUMNS = [
  'meeting_year', 'participant_id', 'country', 'stakeholder_group', 'gender', 'participation_mode', 'first_time', 'synthetic'
] as const;
export const SESSION_COLUMNS = [
  'meeting_year', 'session_id', 'title', 'session_type', 'theme', 'date', 'attendance_onsite', 'attendance_online',
  'women_share_estimate', 'synthetic'
] as const;
export const SPEAKER_COLUMNS = [
  'meeting_year', 'session_id', 'name', 'role', 'organization', 'country', 'stakeholder_group', 'gender',
  'participation_mode', 'session_title', 'session_type', 'synthetic'
] as const;

/** Reported after each meeting year: attendance rows first, then sessions (with their speakers). */
export interface DemoProgress {
  phase: 'attendance' | 'sessions';
  year: number;
  /** Rows of this phase's file written so far (attendance.csv or sessions.csv). */
  rowsDone: number;
  /** Rows that file will have. */
  rowsTotal: number;
}

export interface DemoOptions {
  /** Attendance rows in total; default: the sum of the calibrated yearly totals (real size). */
  scale?: number;
  /** Unsigned 32-bit integer; default 2006. */
  seed?: number;
  /** Output directory; default data/demo in the repository. */
  outDir?: string;
  onProgress?: (p: DemoProgress) => void;
}

export interface DemoResult {
  /** The three CSV files, in the order attendance, sessions, speakers. */
  files: string[];
  /** Data rows (without the header) per file: attendance, sessions, speakers. */
  rows: Record<string, number>;
  /** The README.md written next to the files. */
  readme: string;
}

/** Invalid options: the CLI prints the message and exits with code 2. */
export class DemoArgumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DemoArgumentError';
  }
}

// ------------------------------------------------------------------ setup

interface World {
  countries: Country[];
  cal: Calibration;
  /** Participation propensity per country (seeded): how often a country sends people. */
  propensity: Float64Array;
  hostIndex: Map<number, number>;
}

/** Big internet economies and IGF regulars send more people (a plausibility assumption). */
const PROPENSITY_BOOST: Record<string, number> = {
  USA: 6, GBR: 4, FRA: 3, DEU: 3, BRA: 3, IND: 3, CHN: 2.5, JPN: 2.5, CHE: 3, NLD: 2.5, CAN: 2.5, AUS: 2, KEN: 3, NGA: 3,
  ZAF: 2.5, EGY: 2, ARG: 2, MEX: 2, COL: 1.5, SWE: 2, ITA: 2, ESP: 2, KOR: 2, IDN: 2, PAK: 1.5, BGD: 1.5, GHA: 2, TUN: 1.5,
  SEN: 1.5, UGA: 1.5, RUS: 2, POL: 1.5, UKR: 1.5, BEL: 2, NOR: 1.5, FIN: 1.2, DNK: 1.2, AUT: 1.2, SGP: 1.5, IRN: 1.2,
  SAU: 1.2, ARE: 1.2, TUR: 1.5, ARM: 1.2, GEO: 1.2, AZE: 1.2, LTU: 1.2, ETH: 1.5, GRC: 1.2, CHL: 1.2, URY: 1.2, PRY: 1.0
};
const INCOME_FACTOR: Record<string, number> = { HIC: 2, UMC: 1.5, LMC: 1.2, LIC: 0.8 };

function buildWorld(seed: number): World {
  const countries = loadCountries();
  const groupOf = new Map(countries.map((c) => [c.iso3, c.unGroup]));
  const cal = calibrate(loadPublished(), (iso3) => groupOf.get(iso3) ?? null);
  const rng = new Random(seed, 'propensity');
  const propensity = new Float64Array(countries.length);
  countries.forEach((c, i) => {
    const territory = c.unGroup === null ? 0.3 : 1;
    propensity[i] = (INCOME_FACTOR[c.income] ?? 0.7) * (PROPENSITY_BOOST[c.iso3] ?? 1) * territory * rng.lognormal(0, 0.6);
  });
  const hostIndex = new Map<number, number>();
  for (const y of cal.years) {
    if (!y.meeting.hostIso3) continue;
    const i = countries.findIndex((c) => c.iso3 === y.meeting.hostIso3);
    if (i >= 0) hostIndex.set(y.year, i);
  }
  return { countries, cal, propensity, hostIndex };
}

// -------------------------------------------------------------- countries

interface CountryModel {
  /** Active countries, best selection key first (host first). */
  active: number[];
  /** Share of participants per active country (same order), sums to 1. */
  probs: number[];
  host: number;
}

/**
 * Which countries take part in a year (as many as countries_represented) and
 * with what share: host share to the host, each UN group's share to its active
 * countries in proportion to their propensity. Independent of the scale.
 */
function countryModel(world: World, t: YearTarget, seed: number): CountryModel {
  const { countries, propensity } = world;
  const rng = new Random(seed, 'countries', t.year);
  const host = world.hostIndex.get(t.year) ?? -1;
  const keyed = countries.map((c, i) => ({ i, key: i === host ? -1 : -Math.log(1 - rng.next()) / propensity[i] }));
  keyed.sort((a, b) => a.key - b.key || a.i - b.i);
  const target = Math.min(t.countries, countries.length);
  const chosen = new Set(keyed.slice(0, target).map((k) => k.i));
  // every group with a real share gets at least three countries
  for (const g of UN_GROUPS) {
    if (t.region[g] < 0.02) continue;
    const inGroup = keyed.filter((k) => countries[k.i].drawGroup === g);
    let have = inGroup.filter((k) => chosen.has(k.i)).length;
    for (const k of inGroup) {
      if (have >= Math.min(3, inGroup.length)) break;
      if (chosen.has(k.i)) continue;
      // drop the weakest chosen country of the best-served group
      const counts = new Map<UnGroup, number>();
      for (const i of chosen) counts.set(countries[i].drawGroup, (counts.get(countries[i].drawGroup) ?? 0) + 1);
      const richest = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
      const drop = [...keyed].reverse().find((x) => chosen.has(x.i) && x.i !== host && countries[x.i].drawGroup === richest);
      if (!drop) break;
      chosen.delete(drop.i);
      chosen.add(k.i);
      have++;
    }
  }
  const active = keyed.filter((k) => chosen.has(k.i)).map((k) => k.i);
  const groupWeight = new Map<UnGroup, number>();
  for (const i of active) if (i !== host) groupWeight.set(countries[i].drawGroup, (groupWeight.get(countries[i].drawGroup) ?? 0) + propensity[i]);
  const hostGroup = host >= 0 ? countries[host].drawGroup : null;
  const probs = active.map((i) => {
    if (i === host) return t.hostShare;
    const g = countries[i].drawGroup;
    const share = Math.max(0, t.region[g] - (g === hostGroup ? t.hostShare : 0));
    return (share * propensity[i]) / (groupWeight.get(g) ?? 1);
  });
  const sum = probs.reduce((a, b) => a + b, 0);
  return { active, probs: probs.map((p) => p / sum), host };
}

/**
 * Exact country counts for n rows: the host gets round(h·n); every other active
 * country at least one row (as far as n allows, so that the number of distinct
 * countries reaches countries_represented), the rest in proportion.
 */
function countryCounts(model: CountryModel, n: number): Map<number, number> {
  const out = new Map<number, number>();
  if (n <= 0) return out;
  const hostPos = model.active.indexOf(model.host);
  let rest = n;
  if (hostPos >= 0) {
    const h = Math.min(n, Math.round(model.probs[hostPos] * n));
    out.set(model.host, h);
    rest -= h;
  }
  let others = model.active.map((c, k) => ({ c, p: model.probs[k] })).filter((x) => x.c !== model.host);
  if (rest < others.length) others = others.slice(0, rest);
  if (others.length === 0) {
    if (rest > 0 && hostPos >= 0) out.set(model.host, (out.get(model.host) ?? 0) + rest);
    return out;
  }
  for (const o of others) out.set(o.c, 1);
  const left = rest - others.length;
  let weights = others.map((o) => Math.max(0, o.p * n - 1));
  if (weights.every((w) => w === 0)) weights = others.map((o) => o.p);
  const extra = largestRemainder(weights, left);
  others.forEach((o, k) => out.set(o.c, 1 + extra[k]));
  return out;
}

// ------------------------------------------------------------- attendance

const STAKE_KEYS: Array<Stakeholder | ''> = [...STAKEHOLDERS, ''];
const GENDER_KEYS = ['female', 'male', 'other', 'undisclosed'] as const;

function quota(rng: Random, n: number, weights: number[]): Uint8Array {
  const counts = largestRemainder(weights, n);
  const out = new Uint8Array(n);
  let k = 0;
  counts.forEach((c, v) => {
    out.fill(v, k, k + c);
    k += c;
  });
  return rng.shuffle(out);
}

interface People {
  firstYear: number[];
  seq: number[];
  gender: number[];
  country: number[];
  lastYear: number[];
}

function pad6(n: number): string {
  return n < 1_000_000 ? String(n).padStart(6, '0') : String(n);
}

interface AttendanceStats {
  rows: number;
  firstTime: number;
  distinctCountries: number;
  hostRows: number;
  online: number;
}

async function writeAttendanceYear(
  w: BufferedCsvWriter,
  t: YearTarget,
  model: CountryModel,
  n: number,
  seed: number,
  people: People,
  spellings: ReturnType<typeof countrySpellings>[]
): Promise<AttendanceStats> {
  const y = t.year;
  const rng = new Random(seed, 'attendance', y);
  const stats: AttendanceStats = { rows: n, firstTime: 0, distinctCountries: 0, hostRows: 0, online: 0 };
  if (n === 0) return stats;

  // exact quotas: countries, stakeholder groups, genders
  const counts = countryCounts(model, n);
  stats.distinctCountries = counts.size;
  const countryLeft = new Map(counts);
  const genderLeft = largestRemainder(
    [
      t.gender.female * (1 - UNDISCLOSED_GENDER_SHARE),
      t.gender.male * (1 - UNDISCLOSED_GENDER_SHARE),
      t.gender.other * (1 - UNDISCLOSED_GENDER_SHARE),
      UNDISCLOSED_GENDER_SHARE
    ],
    n
  );
  const stake = quota(rng, n, [...STAKEHOLDERS.map((s) => t.stakeholders[s] * (1 - BLANK_STAKEHOLDER_SHARE)), BLANK_STAKEHOLDER_SHARE]);

  // returning participants first: drawn from everybody seen before (recent
  // meetings weigh more), accepted while their country and gender quotas last
  const country = new Int16Array(n);
  const gender = new Uint8Array(n);
  const person = new Int32Array(n).fill(-1);
  let k = 0;
  const known = people.firstYear.length;
  const wanted = known === 0 ? 0 : Math.round(n * (1 - t.firstTimeShare));
  for (let tries = 0, budget = wanted * 30 + 1000; k < wanted && tries < budget; tries++) {
    const u = rng.next();
    const p = known - 1 - Math.floor(known * u * u);
    if (people.lastYear[p] === y) continue;
    const c = people.country[p];
    const g = people.gender[p];
    const cl = countryLeft.get(c) ?? 0;
    if (cl === 0 || genderLeft[g] === 0) continue;
    countryLeft.set(c, cl - 1);
    genderLeft[g]--;
    people.lastYear[p] = y;
    country[k] = c;
    gender[k] = g;
    person[k] = p;
    k++;
  }
  // newcomers take what is left of the quotas
  const firstNew = k;
  for (const [c, m] of countryLeft) {
    country.fill(c, k, k + m);
    k += m;
  }
  let j = firstNew;
  genderLeft.forEach((m, g) => {
    gender.fill(g, j, j + m);
    j += m;
  });
  const newGender = gender.subarray(firstNew);
  rng.shuffle(newGender);
  // one joint shuffle of the row order
  for (let i = n - 1; i > 0; i--) {
    const r = rng.int(i + 1);
    let tmp = country[i];
    country[i] = country[r];
    country[r] = tmp;
    tmp = gender[i];
    gender[i] = gender[r];
    gender[r] = tmp;
    tmp = person[i];
    person[i] = person[r];
    person[r] = tmp;
  }

  // modes: exact online count; the host's people are mostly the ones on site
  const host = model.host;
  const hostRows = counts.get(host) ?? 0;
  stats.hostRows = hostRows;
  const online = Math.round(n * t.onlineShare);
  const onsite = n - online;
  let hostOnsite = Math.min(hostRows, onsite, Math.round(hostRows * Math.min(0.97, onsite / n + 0.3)));
  if (onsite - hostOnsite > n - hostRows) hostOnsite = onsite - (n - hostRows);
  let hostLeft = hostRows;
  let hostOnsiteLeft = hostOnsite;
  let otherLeft = n - hostRows;
  let otherOnsiteLeft = onsite - hostOnsite;

  const ft = firstTimeSpellings(y);
  let seq = 0;
  const prefix = `${y},SYN-`;

  for (let i = 0; i < n; i++) {
    const c = country[i];
    const g = gender[i];
    let p = person[i];
    const first = p < 0;
    if (first) {
      p = people.firstYear.length;
      people.firstYear.push(y);
      people.seq.push(++seq);
      people.gender.push(g);
      people.country.push(c);
      people.lastYear.push(y);
      stats.firstTime++;
    }

    let isOnsite: boolean;
    if (c === host) {
      isOnsite = rng.next() * hostLeft < hostOnsiteLeft;
      hostLeft--;
      if (isOnsite) hostOnsiteLeft--;
    } else {
      isOnsite = rng.next() * otherLeft < otherOnsiteLeft;
      otherLeft--;
      if (isOnsite) otherOnsiteLeft--;
    }
    if (!isOnsite) stats.online++;

    const line =
      prefix +
      people.firstYear[p] +
      '-' +
      pad6(people.seq[p]) +
      ',' +
      spell(spellings[c], rng) +
      ',' +
      spell(STAKEHOLDER_SPELLINGS[STAKE_KEYS[stake[i]]], rng) +
      ',' +
      (rng.next() < GENDER_BLANK ? '' : spell(GENDER_SPELLINGS[GENDER_KEYS[g]], rng)) +
      ',' +
      spell(MODE_SPELLINGS[isOnsite ? 'onsite' : 'online'], rng) +
      ',' +
      (rng.next() < FIRST_TIME_BLANK ? '' : spell(first ? ft.yes : ft.no, rng)) +
      ',true\n';
    const pr = w.push(line);
    if (pr) await pr;
  }
  return stats;
}

// --------------------------------------------------------------- sessions

interface Session {
  year: number;
  id: string;
  title: string;
  type: SessionType;
  theme: string;
  date: string;
  onsite: number;
  online: number | null;
  womenShare: number | null;
}

function planSessions(world: World, t: YearTarget, seed: number): Session[] {
  const rng = new Random(seed, 'sessions', t.year);
  const m = t.meeting;
  const mix = sessionTypeMix(t.year);
  const types = Object.keys(mix) as SessionType[];
  let counts: number[];
  if (t.workshops !== null && types.includes('Workshop') && t.workshops < t.sessions) {
    const others = types.filter((x) => x !== 'Workshop');
    const oc = largestRemainder(others.map((x) => mix[x]!), t.sessions - t.workshops);
    counts = types.map((x) => (x === 'Workshop' ? t.workshops! : oc[others.indexOf(x)]));
  } else counts = largestRemainder(types.map((x) => mix[x]!), t.sessions);

  const days = meetingDays(m);
  const themes = themesFor(t.year);
  const hostName = m.hostIso3 ? (world.countries.find((c) => c.iso3 === m.hostIso3)?.names.en ?? m.city) : 'the online IGF';
  const list: Array<Omit<Session, 'onsite' | 'online' | 'womenShare'>> = [];
  types.forEach((type, ti) => {
    for (let k = 1; k <= counts[ti]; k++) {
      const theme = type === 'Main Session' ? themes[(k - 1) % themes.length] : rng.pick(themes);
      list.push({
        year: t.year,
        id: `${t.year}-${SESSION_CODES[type]}-${String(k).padStart(3, '0')}`,
        title: sessionTitle(type, theme, hostName, rng),
        type,
        theme,
        date: type === 'Day 0 Event' ? dayZero(m) : days[rng.int(days.length)]
      });
    }
  });
  // room sizes: each onsite participant attends ~5 sessions, each online one ~2
  const onsiteReal = t.total * (1 - t.onlineShare);
  const onlineReal = t.total * t.onlineShare;
  const pull = list.reduce((a, s) => a + SESSION_PULL[s.type], 0);
  const female = t.gender.female * (1 - UNDISCLOSED_GENDER_SHARE);
  const sessions: Session[] = list.map((s) => {
    const noise = () => rng.lognormal(-0.1, 0.45);
    const onsite = Math.round(((onsiteReal * 5) / pull) * SESSION_PULL[s.type] * noise());
    const online = t.year <= 2007 ? null : Math.round(((onlineReal * 2) / pull) * SESSION_PULL[s.type] * noise());
    let women = female + 0.1 * rng.normal() + (/gender|women/i.test(s.title) ? 0.2 : 0);
    women = Math.min(0.95, Math.max(0.05, women));
    return { ...s, onsite, online, womenShare: rng.chance(0.08) ? null : Math.round(women * 100) / 100 };
  });
  sessions.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return sessions;
}

function sessionLine(s: Session): string {
  return (
    [
      s.year,
      s.id,
      csvField(s.title),
      csvField(s.type),
      csvField(s.theme),
      s.date,
      s.onsite,
      s.online ?? '',
      s.womenShare === null ? '' : s.womenShare.toFixed(2),
      'true'
    ].join(',') + '\n'
  );
}

// --------------------------------------------------------------- speakers

interface Speaker {
  name: string;
  gender: 'female' | 'male' | 'other' | 'undisclosed';
  country: number;
  stakeholder: Stakeholder | '';
  organization: string;
}

interface SpeakerStats {
  sessions: number;
  panels: number;
  manels: number;
  panelists: number;
  womenPanelists: number;
  distinctSpeakers: number;
}

/**
 * Per-speaker probability of a woman on a panel that is not all-male, such
 * that women are `female` of all panellists when a share `manel` of the panels
 * is all-male and the others get at least one woman: solves
 * (1 − manel) · Σ (k·q + (1 − q)^k) = female · Σ k by bisection.
 */
export function solvePanelFemale(panelSizes: number[], female: number, manel: number): number {
  const total = panelSizes.reduce((a, b) => a + b, 0);
  if (total === 0) return female;
  const women = (q: number) => (1 - manel) * panelSizes.reduce((a, k) => a + k * q + Math.pow(1 - q, k), 0);
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 50; i++) {
    const mid = (lo + hi) / 2;
    if (women(mid) < female * total) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

function speakerOnlineShare(t: YearTarget): number {
  if (t.meeting.format === 'online') return 1;
  if (t.meeting.format === 'hybrid') return 0.22;
  return t.year >= 2010 ? 0.06 : 0.01;
}

async function writeSpeakersYear(
  w: BufferedCsvWriter,
  world: World,
  t: YearTarget,
  model: CountryModel,
  sessions: Session[],
  seed: number,
  previousPool: Speaker[],
  spellings: ReturnType<typeof countrySpellings>[]
): Promise<{ pool: Speaker[]; stats: SpeakerStats }> {
  const rng = new Random(seed, 'speakers', t.year);
  const { countries } = world;

  // speaker countries: the year's mix blended with the usual (WEOG-leaning) speaker circuit
  const circuit = model.active.map((i) => world.propensity[i] * (countries[i].drawGroup === 'weog' ? 1.5 : 1));
  const cs = circuit.reduce((a, b) => a + b, 0);
  const countryCum = cumulative(model.active.map((_, k) => 0.6 * model.probs[k] + (0.4 * circuit[k]) / cs));
  const stakeW = STAKEHOLDERS.map((s) => {
    const f = s === 'media' ? 0.3 : s === 'academia' ? 1.5 : s === 'intergovernmental_organization' ? 1.3 : s === 'government' ? 0.9 : 1;
    return t.stakeholders[s] * f;
  });
  const stakeCum = cumulative([...stakeW.map((x) => (x / stakeW.reduce((a, b) => a + b, 0)) * 0.99), 0.01]);
  const femaleShare = (t.panelistFemale + t.moderatorFemale + t.organizerFemale) / 3;
  const nonBinary = t.year >= 2018 ? 0.01 : 0;
  const undisclosed = t.year >= 2015 ? 0.01 : 0;

  const names = new Set<string>();
  const newSpeaker = (gender?: Speaker['gender']): Speaker => {
    const g: Speaker['gender'] =
      gender ?? (rng.next() < nonBinary ? 'other' : rng.next() < undisclosed ? 'undisclosed' : rng.next() < femaleShare ? 'female' : 'male');
    const country = model.active[rng.pickCumulative(countryCum)];
    const si = rng.pickCumulative(stakeCum);
    const stakeholder = si < STAKEHOLDERS.length ? STAKEHOLDERS[si] : '';
    let name = personName(countries[country].drawGroup, g, rng);
    for (let k = 0; names.has(name) && k < 5; k++) name = personName(countries[country].drawGroup, g, rng);
    if (names.has(name)) name = `${name.split(' ')[0]} ${String.fromCharCode(65 + rng.int(26))}. ${name.split(' ').slice(1).join(' ')}`;
    names.add(name);
    return { name, gender: g, country, stakeholder, organization: organisation(stakeholder, countries[country].names.en, rng) };
  };

  // the year's pool: some of last year's regulars, the rest new; ~1.35 appearances per person
  const slots = sessions.reduce((a, s) => a + (SESSION_SIZE[s.type][0] + SESSION_SIZE[s.type][1]) / 2, 0);
  const size = Math.max(8, Math.ceil(slots / 1.35));
  const pool: Speaker[] = [];
  const carry = rng.shuffle([...previousPool]).slice(0, Math.floor(size * 0.2));
  for (const p of carry) {
    names.add(p.name);
    pool.push(p);
  }
  while (pool.length < size) pool.push(newSpeaker());
  const byGender = new Map<string, number[]>();
  pool.forEach((p, i) => byGender.set(p.gender, [...(byGender.get(p.gender) ?? []), i]));
  // a few regulars speak in several sessions (up to ~10 in the big years), most people once or twice
  const zipf = (n: number) => cumulative(Array.from({ length: n }, (_, i) => 1 / (i + 60)));
  const cums = new Map([...byGender].map(([g, l]) => [g, zipf(l.length)]));
  const all = pool.map((_, i) => i);
  const allCum = zipf(all.length);

  const pick = (gender: Speaker['gender'] | null, used: Set<number>): number => {
    const list = gender ? (byGender.get(gender) ?? []) : all;
    const cum = gender ? cums.get(gender) : allCum;
    if (list.length > 0 && cum) {
      for (let k = 0; k < 12; k++) {
        const i = list[rng.pickCumulative(cum)];
        if (!used.has(i)) return i;
      }
      for (const i of list) if (!used.has(i)) return i;
    }
    pool.push(newSpeaker(gender ?? undefined));
    return pool.length - 1;
  };
  const roleGender = (female: number): Speaker['gender'] => {
    if (rng.next() < nonBinary) return 'other';
    return rng.next() < female ? 'female' : 'male';
  };

  const stats: SpeakerStats = { sessions: sessions.length, panels: 0, manels: 0, panelists: 0, womenPanelists: 0, distinctSpeakers: 0 };
  const appeared = new Set<number>();
  const onlineShare = speakerOnlineShare(t);
  // session sizes first, so that the women share among panellists can be solved for
  const plans = sessions.map((s) => {
    const [lo, hi] = SESSION_SIZE[s.type];
    const n = rng.range(lo, hi);
    const rapporteur = n >= 5 && rng.chance(0.6);
    const speakers = n - (n >= 3 ? 2 : 1) - (rapporteur ? 1 : 0);
    return { n, rapporteur, speakers };
  });
  const q = solvePanelFemale(plans.map((p) => p.speakers).filter((k) => k >= 2), t.panelistFemale, t.manelShare);
  for (let si = 0; si < sessions.length; si++) {
    const s = sessions[si];
    const { n, rapporteur, speakers } = plans[si];
    const roles: string[] = ['organizer'];
    if (n >= 3) roles.push('moderator');
    for (let k = 0; k < speakers; k++) roles.push('speaker');
    if (rapporteur) roles.push('rapporteur');

    // panel genders: all-male panels at the year's rate, else at least one woman
    const panelGenders: Speaker['gender'][] = [];
    if (speakers >= 2) {
      stats.panels++;
      if (rng.chance(t.manelShare)) {
        stats.manels++;
        for (let k = 0; k < speakers; k++) panelGenders.push('male');
      } else {
        for (let k = 0; k < speakers; k++) panelGenders.push(rng.chance(q) ? 'female' : 'male');
        if (!panelGenders.includes('female')) panelGenders[rng.int(speakers)] = 'female';
      }
    } else for (let k = 0; k < speakers; k++) panelGenders.push(roleGender(t.panelistFemale));

    const used = new Set<number>();
    let pk = 0;
    for (const role of roles) {
      const g =
        role === 'speaker'
          ? panelGenders[pk++]
          : role === 'moderator'
            ? roleGender(t.moderatorFemale)
            : role === 'organizer'
              ? roleGender(t.organizerFemale)
              : roleGender(0.55);
      const idx = pick(g, used);
      used.add(idx);
      appeared.add(idx);
      const p = pool[idx];
      if (role === 'speaker') {
        stats.panelists++;
        if (p.gender === 'female') stats.womenPanelists++;
      }
      const line =
        [
          t.year,
          s.id,
          csvField(p.name),
          role,
          csvField(p.organization),
          spell(spellings[p.country], rng),
          spell(STAKEHOLDER_SPELLINGS[p.stakeholder], rng),
          spell(GENDER_SPELLINGS[p.gender], rng),
          spell(MODE_SPELLINGS[rng.next() < onlineShare ? 'online' : 'onsite'], rng),
          csvField(s.title),
          csvField(s.type),
          'true'
        ].join(',') + '\n';
      const pr = w.push(line);
      if (pr) await pr;
    }
  }
  stats.distinctSpeakers = appeared.size;
  return { pool: [...appeared].sort((a, b) => a - b).map((i) => pool[i]), stats };
}

// ----------------------------------------------------------------- README

function pctText(x: number): string {
  return `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
}

function readmeText(
  world: World,
  scale: number,
  seed: number,
  counts: Map<number, number>,
  rows: Record<string, number>,
  att: Map<number, AttendanceStats>,
  spk: Map<number, SpeakerStats>
): string {
  const { cal } = world;
  const L: string[] = [];
  L.push('# IGF participation — SYNTHETIC demo dataset');
  L.push('');
  L.push('**THIS DATA IS SYNTHETIC.** Every row is generated by `pipelines/demo/generate.ts` from a seeded');
  L.push('pseudo-random generator and carries `synthetic=true`. No row describes a real person, registration or');
  L.push('session; names, organisations and participant ids are invented. Only the yearly *aggregates* are');
  L.push('calibrated to figures that were published about the IGF meetings (`data/published/participation_aggregates.csv`).');
  L.push('Do not cite numbers computed from these files as facts about the IGF.');
  L.push('');
  L.push(`- seed: ${seed}`);
  L.push(`- scale: ${scale} attendance rows (real-size sum of the calibrated yearly totals: ${cal.sumTotals}; factor ${(scale / cal.sumTotals).toFixed(6)})`);
  L.push(`- regenerate: \`npx tsx pipelines/demo/generate.ts --scale ${scale} --seed ${seed}\` (same seed and scale give byte-identical files)`);
  L.push('');
  L.push('| file | data rows |');
  L.push('|---|---:|');
  L.push(`| attendance.csv | ${rows.attendance} |`);
  L.push(`| sessions.csv | ${rows.sessions} |`);
  L.push(`| speakers.csv | ${rows.speakers} |`);
  L.push('');
  L.push('## Calibration rules');
  L.push('');
  L.push('1. **Yearly total**: `participants_total` if published; else `participants_onsite` + `participants_online`;');
  L.push('   else (2020, all online) `participants_online`; else `participants_onsite`; else interpolated.');
  L.push('   Rows per year = total × scale / sum of totals, rounded by largest remainder so the rows add up to the scale.');
  L.push('2. **Disagreeing or duplicate figures**: the most precise unit wins (count > "about" > "more than"); among');
  L.push('   equally precise figures the smallest value is used. "More than N" is used as N.');
  L.push('3. **Onsite/online**: the published split where there is one; 2020 all online; a year whose total is an');
  L.push('   onsite-only figure keeps that total and labels 3% (to 2008) or 6% (later) of its rows as remote participants;');
  L.push('   a total without a split takes the online share of the nearest years of the same format. Host-country');
  L.push('   participants are preferentially the onsite ones.');
  L.push('4. **Stakeholder groups**: published shares where they exist (2008, 2010, 2012 counts, 2019 third-party');
  L.push('   registrant analysis, 2022, 2025); "technical and academic" (and the IGF\'s 2022/2025 "technical community",');
  L.push(`   which has no separate academia category) is split ${Math.round((1 - 0.45) * 100)}/${45} technical/academia; 1% "other"`);
  L.push('   where the published categories are exhaustive; partial figures keep the published categories and spread the');
  L.push('   rest like neighbouring years; media share from media accreditations where no shares exist (2006, 2009);');
  L.push(`   linear interpolation elsewhere. ${pctText(BLANK_STAKEHOLDER_SHARE)} of the rows are left blank (unknown); shares apply to the rest.`);
  L.push(`5. **Gender**: published gender shares (2010, 2018, 2020, 2022, 2023, 2025; "less than 1%" read as 0.5%), an assumed`);
  L.push(`   30% women in 2006, interpolation in between. ${pctText(UNDISCLOSED_GENDER_SHARE)} "undisclosed" and ~2% blank cells on top.`);
  L.push('6. **First-time participants**: published shares (2018, 2020, 2022, 2023, 2025); 2006 = 100% (first meeting),');
  L.push('   2007 assumed 60%, interpolated in between. Returning participants keep their `participant_id` (the year in the');
  L.push('   id is the year of their first meeting) and their gender; `first_time` agrees with the id history.');
  L.push('7. **Countries and regions**: real ISO3 countries (193 UN members, Palestine, Hong Kong, Puerto Rico). UN regional');
  L.push('   group shares from published figures where they exist (2006/2007 Africa, 2008 incl. host India 56%, 2011');
  L.push('   estimates, 2022, 2023 Africa, 2025; the IGF\'s "IGO" region is spread over the five groups); elsewhere the');
  L.push('   host country gets an assumed share (15–35%) and the rest follows a base mix with the host\'s region boosted.');
  L.push('   The number of distinct countries per year equals `countries_represented` (interpolated where not published)');
  L.push('   whenever the year has enough rows.');
  L.push('8. **Sessions**: `sessions_total` where published (2009, 2016, 2018–2020, 2023, 2024), assumed 40 (2006), 70 (2007)');
  L.push('   and 260 (2025), interpolated in between; published workshop counts (2016, 2018) are kept. Session counts and');
  L.push('   per-session attendance are real-size (not scaled). Types appear by era (Lightning Talks from 2016, Networking');
  L.push('   Sessions from 2019, Town Halls from 2021, Day 0 events before the opening day).');
  L.push('9. **Speakers**: 2–8 people per session (organizer, moderator, speakers, rapporteur) from a per-year pool in which');
  L.push('   some people speak in several sessions and ~20% come back from the previous year. Women among panellists follow');
  L.push('   the APC Gender Report Cards (2013: 104 women / 146 men; 2014: 2 women per 3 men; moderators 40% / 31%) and an');
  L.push('   assumed trend elsewhere; all-male panels ("manels") at 45% (2006) falling to 5% (2025), 2013 set from');
  L.push('   "24 sessions with no women panelists" over ~89 reported workshops.');
  L.push('10. **Messy spellings** (all resolvable by the pipeline): ~15% of attendance countries (10% of speakers) are written');
  L.push('   as English names, everyday aliases (USA, UK, Russia, Ivory Coast, Turkey, South Korea, Vietnam, Iran, DR Congo,');
  L.push('   UAE, The Netherlands) or French/Spanish/Russian/Arabic/Chinese names; stakeholder, gender, mode and first-time');
  L.push('   values use common synonyms (Civil Society, NGO, Business, IGO, Press, F/M, Woman/Man, Non-binary, Prefer not');
  L.push('   to say, In person, Remote, Virtual, yes/no, true/false, 1/0) and some blanks.');
  L.push('');
  L.push('## Per year');
  L.push('');
  L.push('| year | host | real-size total | rows | online | host share | countries (target / in file) | first-time (target / in file) | sessions | manels / panels |');
  L.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const y of cal.years) {
    const a = att.get(y.year);
    const s = spk.get(y.year);
    const n = counts.get(y.year) ?? 0;
    L.push(
      `| ${y.year} | ${y.meeting.city}${y.meeting.hostIso3 ? ` (${y.meeting.hostIso3})` : ''} | ${y.total} | ${n} | ` +
        `${a && n ? pctText(a.online / n) : '–'} | ${a && n && y.meeting.hostIso3 ? pctText(a.hostRows / n) : '–'} | ` +
        `${y.countries} / ${a?.distinctCountries ?? 0} | ${pctText(y.firstTimeShare)} / ${a && n ? pctText(a.firstTime / n) : '–'} | ` +
        `${y.sessions} | ${s ? `${s.manels} / ${s.panels}` : '–'} |`
    );
  }
  L.push('');
  L.push('## Which published figure drove which year');
  L.push('');
  for (const y of cal.years) {
    L.push(`### ${y.year} — ${y.meeting.city}`);
    L.push('');
    L.push(`- total: ${y.totalRule}`);
    L.push(`- online share ${pctText(y.onlineShare)}: ${y.onlineRule}`);
    L.push(`- stakeholders: ${y.stakeholderRule}`);
    L.push(`- gender (${pctText(y.gender.female)} women): ${y.genderRule}`);
    L.push(`- first-time (${pctText(y.firstTimeShare)}): ${y.firstTimeRule}`);
    L.push(`- regions (${UN_GROUPS.map((g) => `${g} ${pctText(y.region[g])}`).join(', ')}): ${y.regionRule}`);
    L.push(`- host share: ${y.hostRule}`);
    L.push(`- countries (${y.countries}): ${y.countriesRule}`);
    L.push(`- sessions (${y.sessions}${y.workshops !== null ? `, of which ${y.workshops} workshops` : ''}): ${y.sessionsRule}`);
    L.push(
      `- speakers: women ${pctText(y.panelistFemale)} of panellists, ${pctText(y.moderatorFemale)} of moderators; manel rate ${pctText(y.manelShare)}: ${y.speakerRule}`
    );
    L.push('');
  }
  return L.join('\n');
}

// ------------------------------------------------------------------- main

function checkOptions(opts: DemoOptions): { scale: number | undefined; seed: number; outDir: string } {
  const { scale, seed = DEFAULT_SEED, outDir = DEFAULT_OUT_DIR } = opts;
  if (scale !== undefined && (!Number.isSafeInteger(scale) || scale < 1 || scale > MAX_SCALE))
    throw new DemoArgumentError(`scale must be a whole number from 1 to ${MAX_SCALE}, got ${String(scale)}`);
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw new DemoArgumentError(`seed must be a whole number from 0 to 4294967295, got ${String(seed)}`);
  if (typeof outDir !== 'string' || outDir.trim() === '') throw new DemoArgumentError('out directory must not be empty');
  return { scale, seed, outDir: resolve(outDir) };
}

/** Generate the synthetic demo files into outDir. */
export async function generateDemo(opts: DemoOptions = {}): Promise<DemoResult> {
  const { scale: scaleOpt, seed, outDir } = checkOptions(opts);
  try {
    if (!statSync(outDir).isDirectory()) throw new DemoArgumentError(`out path exists and is not a directory: ${outDir}`);
  } catch (err) {
    if (err instanceof DemoArgumentError) throw err;
  }
  mkdirSync(outDir, { recursive: true });

  const world = buildWorld(seed);
  const { cal, countries } = world;
  const scale = scaleOpt ?? cal.sumTotals;
  const counts = yearCounts(cal, scale);
  const attSpell = countries.map((c) => countrySpellings(c, COUNTRY_NON_ISO3));
  const spkSpell = countries.map((c) => countrySpellings(c, 0.1));
  const models = new Map(cal.years.map((t) => [t.year, countryModel(world, t, seed)]));

  const files = ['attendance.csv', 'sessions.csv', 'speakers.csv'].map((f) => join(outDir, f));
  const attendance = new BufferedCsvWriter(files[0], ATTENDANCE_COLUMNS);
  const sessionsW = new BufferedCsvWriter(files[1], SESSION_COLUMNS);
  const speakersW = new BufferedCsvWriter(files[2], SPEAKER_COLUMNS);
  const closeAll = () => Promise.allSettled([attendance.close(), sessionsW.close(), speakersW.close()]);

  const att = new Map<number, AttendanceStats>();
  const spk = new Map<number, SpeakerStats>();
  try {
    const people: People = { firstYear: [], seq: [], gender: [], country: [], lastYear: [] };
    let done = 0;
    for (const t of cal.years) {
      const n = counts.get(t.year) ?? 0;
      att.set(t.year, await writeAttendanceYear(attendance, t, models.get(t.year)!, n, seed, people, attSpell));
      done += n;
      opts.onProgress?.({ phase: 'attendance', year: t.year, rowsDone: done, rowsTotal: scale });
    }
    let pool: Speaker[] = [];
    const sessionTotal = cal.years.reduce((a, y) => a + y.sessions, 0);
    for (const t of cal.years) {
      const sessions = planSessions(world, t, seed);
      for (const s of sessions) {
        const p = sessionsW.push(sessionLine(s));
        if (p) await p;
      }
      const r = await writeSpeakersYear(speakersW, world, t, models.get(t.year)!, sessions, seed, pool, spkSpell);
      pool = r.pool;
      spk.set(t.year, r.stats);
      opts.onProgress?.({ phase: 'sessions', year: t.year, rowsDone: sessionsW.rows, rowsTotal: sessionTotal });
    }
  } catch (err) {
    await closeAll();
    throw err;
  }
  await attendance.close();
  await sessionsW.close();
  await speakersW.close();

  const rows = { attendance: attendance.rows, sessions: sessionsW.rows, speakers: speakersW.rows };
  const readme = join(outDir, 'README.md');
  writeFileSync(readme, readmeText(world, scale, seed, counts, rows, att, spk) + '\n', 'utf8');
  return { files, rows, readme };
}

// -------------------------------------------------------------------- CLI

const USAGE = 'usage: npx tsx pipelines/demo/generate.ts [--scale N] [--seed S] [--out DIR]';

function parseWhole(flag: string, value: string | undefined): number {
  if (value === undefined || value === '' || value.startsWith('--')) throw new DemoArgumentError(`${flag} needs a value (${USAGE})`);
  const v = value.replace(/_/g, '');
  if (!/^\d+$/.test(v)) throw new DemoArgumentError(`${flag} must be a whole number, got "${value}"`);
  return Number(v);
}

export function parseArgs(argv: readonly string[]): DemoOptions & { help?: boolean } {
  const out: DemoOptions & { help?: boolean } = {};
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let value: string | undefined;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      value = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const take = () => (value !== undefined ? value : argv[++i]);
    switch (arg) {
      case '--scale':
        out.scale = parseWhole('--scale', take());
        break;
      case '--seed':
        out.seed = parseWhole('--seed', take());
        break;
      case '--out': {
        const v = take();
        if (v === undefined || v === '' || v.startsWith('--')) throw new DemoArgumentError(`--out needs a directory (${USAGE})`);
        out.outDir = v;
        break;
      }
      case '--help':
      case '-h':
        out.help = true;
        break;
      default:
        throw new DemoArgumentError(`unknown argument "${argv[i]}" (${USAGE})`);
    }
  }
  return out;
}

async function main(): Promise<number> {
  let opts: ReturnType<typeof parseArgs>;
  try {
    opts = parseArgs(process.argv.slice(2));
    if (opts.help) {
      process.stdout.write(`${USAGE}\n  --scale N  attendance rows in total (default: real size, the sum of the calibrated yearly totals)\n  --seed S   random seed, 0..4294967295 (default ${DEFAULT_SEED})\n  --out DIR  output directory (default data/demo)\n`);
      return 0;
    }
    checkOptions(opts);
  } catch (err) {
    if (err instanceof DemoArgumentError) {
      process.stderr.write(`generate-demo: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const verbose = (opts.scale ?? 0) >= 100_000;
  try {
    const result = await generateDemo({
      ...opts,
      onProgress: (p) => {
        if (!verbose || p.phase !== 'attendance') return;
        const pct = Math.floor((p.rowsDone / p.rowsTotal) * 100);
        process.stderr.write(`generate-demo: attendance ${p.year} done, ${p.rowsDone}/${p.rowsTotal} rows (${pct}%)\n`);
      }
    });
    for (const f of result.files) process.stdout.write(`${f}\n`);
    process.stdout.write(`${result.readme}\n`);
    process.stderr.write(
      `generate-demo: SYNTHETIC data written: attendance ${result.rows.attendance}, sessions ${result.rows.sessions}, speakers ${result.rows.speakers} rows\n`
    );
    return 0;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`generate-demo: ${message}\n`);
    return err instanceof DemoArgumentError ? 2 : 1;
  }
}

const invokedPath = process.argv[1] ? resolve(process.argv[1]) : '';
if (invokedPath === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`generate-demo: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    }
  );
}
