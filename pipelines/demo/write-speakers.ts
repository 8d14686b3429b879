/**
 * speakers.csv of the synthetic demo data: organisers, moderators, speakers and
 * rapporteurs of each session, from a per-year pool with regulars, and
 * all-male panels ("manels") at the year's rate.
 */
import { STAKEHOLDERS, type Stakeholder, type YearTarget } from './calibration';
import { csvField, type BufferedCsvWriter } from './csv';
import { SESSION_SIZE, organisation, personName } from './content';
import { GENDER_SPELLINGS, MODE_SPELLINGS, STAKEHOLDER_SPELLINGS, spell, type countrySpellings } from './messy';
import { Random, cumulative } from './random';
import type { Session } from './write-sessions';
import type { CountryModel, World } from './world';

export const SPEAKER_COLUMNS = [
  'meeting_year', 'session_id', 'name', 'role', 'organization', 'country', 'stakeholder_group', 'gender',
  'participation_mode', 'session_title', 'session_type', 'synthetic'
] as const;

export interface Speaker {
  name: string;
  gender: 'female' | 'male' | 'other' | 'undisclosed';
  country: number;
  stakeholder: Stakeholder | '';
  organization: string;
}

export interface SpeakerStats {
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

export async function writeSpeakersYear(
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
