/**
 * attendance.csv of the synthetic demo data: one row per participant and
 * meeting year, with exact quotas per country, stakeholder group and gender,
 * returning participants keeping their id, and messy but resolvable spellings.
 */
import {
  BLANK_STAKEHOLDER_SHARE,
  STAKEHOLDERS,
  UNDISCLOSED_GENDER_SHARE,
  largestRemainder,
  type Stakeholder,
  type YearTarget
} from './calibration';
import type { BufferedCsvWriter } from './csv';
import {
  FIRST_TIME_BLANK,
  GENDER_BLANK,
  GENDER_SPELLINGS,
  MODE_SPELLINGS,
  STAKEHOLDER_SPELLINGS,
  firstTimeSpellings,
  spell,
  type countrySpellings
} from './messy';
import { Random } from './random';
import { countryCounts, type CountryModel } from './world';

export const ATTENDANCE_COLUMNS = [
  'meeting_year', 'participant_id', 'country', 'stakeholder_group', 'gender', 'participation_mode', 'first_time', 'synthetic'
] as const;

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

export interface People {
  firstYear: number[];
  seq: number[];
  gender: number[];
  country: number[];
  lastYear: number[];
}

function pad6(n: number): string {
  return n < 1_000_000 ? String(n).padStart(6, '0') : String(n);
}

export interface AttendanceStats {
  rows: number;
  firstTime: number;
  distinctCountries: number;
  hostRows: number;
  online: number;
}

export async function writeAttendanceYear(
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
