/**
 * Per-year targets for the synthetic demo data, derived from the published
 * figures in data/published/participation_aggregates.csv.
 *
 * Rules (also written into the README.md next to the generated files):
 *
 * 1. Yearly total: participants_total if published; else participants_onsite +
 *    participants_online if both are; else (all-online 2020) participants_online;
 *    else participants_onsite; else linear interpolation between the nearest
 *    years with a total (held flat at the ends).
 * 2. When several figures exist for one year and metric (duplicates or
 *    disagreeing sources), the most precise unit wins (count > count_approx >
 *    count_lower_bound) and among equally precise figures the SMALLEST value is
 *    taken — conservative and always a figure somebody published
 *    (2007: 1291 not 1363; 2009: 1480 not "over 1800"; 2021 onsite: 2688 not 2700).
 *    "More than N" figures are used as N.
 * 3. Online share: from the published onsite/online split where there is one;
 *    2020 is all online; years whose total is an onsite-only figure keep that
 *    total and label a small share (3 % to 2008, 6 % after) as remote
 *    participants; years with a total but no split interpolate the share from the
 *    nearest years of the same format (onsite-era vs hybrid-era).
 * 4. Shares (stakeholder, gender, region, first-time) follow the published
 *    shares where they exist; partial figures fix the published categories and
 *    spread the rest like the neighbouring years; other years interpolate
 *    linearly between published years (held flat at the ends).
 * 5. Anything not published is an explicit, labelled assumption (ASSUMED_* below).
 */
import { MEETINGS, type Meeting, type MeetingFormat } from './meetings';
import type { PublishedRow, UnGroup } from './reference';
import { UN_GROUPS } from './reference';
import { STAKEHOLDER_GROUPS } from '../../src/lib/domain/stakeholder-groups.ts';
import { categoryCodes } from '../../src/lib/domain/categories.ts';

export const YEARS: readonly number[] = MEETINGS.map((m) => m.year);

/** The named stakeholder groups (src/lib/domain), then 'other', which the demo records also use. */
export const STAKEHOLDERS = [...STAKEHOLDER_GROUPS, 'other'] as const;
export type Stakeholder = (typeof STAKEHOLDERS)[number];

/** The declared genders (inside the denominator); undisclosed is written at UNDISCLOSED_GENDER_SHARE. */
export const GENDERS = categoryCodes('gender', 'in');
export type Gender = (typeof GENDERS)[number];

export type Vec<K extends string> = Record<K, number>;

/**
 * Published stakeholder categories -> generated groups. The IGF's own 2022/2025
 * statistics have no academia category (their shares add up to 100 % without
 * it), so their "technical community" is read as technical + academic, like
 * the "technical and academic communities" of 2008–2012.
 */
export const STAKEHOLDER_BUCKETS: Readonly<Record<string, readonly Stakeholder[]>> = {
  government: ['government'],
  government_or_legislator: ['government'],
  private_sector: ['private_sector'],
  civil_society: ['civil_society'],
  technical_and_academic: ['technical_community', 'academia'],
  technical_community: ['technical_community', 'academia'],
  intergovernmental_organisation: ['intergovernmental_organization'],
  un_or_intergovernmental_organisation: ['intergovernmental_organization'],
  media: ['media'],
  other: ['other']
};

/** Stakeholder metrics in order of preference (one is used per year). */
export const STAKEHOLDER_METRICS = ['stakeholder_share', 'stakeholder_count', 'registrant_stakeholder_share_third_party'] as const;

/** Published region categories -> UN regional group ('host' = the host country itself). */
export const REGION_BUCKETS: Readonly<Record<string, UnGroup | 'host'>> = {
  african_group: 'african',
  africa: 'african',
  asia_pacific_group: 'asia_pacific',
  asia_excluding_host: 'asia_pacific',
  eastern_european_group: 'eastern_european',
  eastern_europe: 'eastern_european',
  grulac: 'grulac',
  weog: 'weog',
  western_europe: 'weog',
  north_america: 'weog',
  oceania: 'weog',
  host_country_india: 'host'
  // asia_total is a subtotal (host + rest of Asia); intergovernmental_organisation
  // is IGF's own "IGO" region: both left out, the remaining shares renormalised.
};

// ------------------------------------------------------------- assumptions

/** Share of the technical + academic bucket that is academia. */
export const ACADEMIA_IN_TECHNICAL = 0.45;
/** 'other' stakeholder share added where the published categories are exhaustive. */
export const OTHER_STAKEHOLDER_BASELINE = 0.01;
/** Stakeholder rows written blank (unknown); published shares apply to the rest. */
export const BLANK_STAKEHOLDER_SHARE = 0.025;
/** Gender 'undisclosed' share; published gender shares apply to the rest. */
export const UNDISCLOSED_GENDER_SHARE = 0.02;
/** Remote share carved out of an onsite-only total. */
export const REMOTE_SHARE_ONSITE_ONLY = (year: number) => (year <= 2008 ? 0.03 : 0.06);

/** Host-country share of all participants where none is published. */
export const ASSUMED_HOST_SHARE: Readonly<Record<number, number>> = {
  2006: 0.2, 2007: 0.3, 2008: 0.3, 2009: 0.3, 2010: 0.15, 2011: 0.3, 2012: 0.25, 2013: 0.3, 2014: 0.25,
  2015: 0.35, 2016: 0.3, 2017: 0.18, 2018: 0.2, 2019: 0.25, 2020: 0, 2021: 0.22, 2022: 0.25, 2023: 0.35,
  2024: 0.3, 2025: 0.3
};

/** Non-host regional mix (before the host-region boost) where nothing is published. */
export const BASE_REGION_MIX: Readonly<Vec<UnGroup>> = {
  weog: 0.36,
  asia_pacific: 0.24,
  african: 0.17,
  grulac: 0.14,
  eastern_european: 0.09
};
/** Neighbours travel more: the host's own group weighs this much more among non-host participants. */
export const HOST_REGION_BOOST = 1.5;

const ASSUMED_GENDER: Record<number, Vec<Gender>> = { 2006: { female: 0.3, male: 0.7, other: 0 } };
const ASSUMED_FIRST_TIME: Record<number, number> = { 2006: 1, 2007: 0.6 };
const ASSUMED_SESSIONS: Record<number, number> = { 2006: 40, 2007: 70, 2025: 260 };
const DEFAULT_STAKEHOLDER: Vec<Stakeholder> = {
  government: 0.25, private_sector: 0.2, civil_society: 0.3, technical_community: 0.07, academia: 0.06,
  intergovernmental_organization: 0.05, media: 0.06, other: 0.01
};
/** Speaker-side assumptions (published anchors are added from the CSV). */
const ASSUMED_PANELIST_FEMALE: Record<number, number> = { 2006: 0.22, 2010: 0.3, 2020: 0.47, 2025: 0.5 };
const ASSUMED_MODERATOR_FEMALE: Record<number, number> = { 2006: 0.25, 2020: 0.48, 2025: 0.5 };
const ASSUMED_ORGANIZER_FEMALE: Record<number, number> = { 2006: 0.3, 2013: 0.4, 2025: 0.52 };
const ASSUMED_MANEL: Record<number, number> = { 2006: 0.45, 2010: 0.38, 2018: 0.15, 2024: 0.06, 2025: 0.05 };

// ------------------------------------------------------------------ types

export interface YearTarget {
  year: number;
  meeting: Meeting;
  /** Real-size total (published or interpolated). */
  total: number;
  totalRule: string;
  /** Share of participants online, 0..1. */
  onlineShare: number;
  onlineRule: string;
  /** Stakeholder mix of the non-blank rows (sums to 1). */
  stakeholders: Vec<Stakeholder>;
  stakeholderRule: string;
  /** Gender mix among female/male/other (sums to 1). */
  gender: Vec<Gender>;
  genderRule: string;
  firstTimeShare: number;
  firstTimeRule: string;
  /** UN regional group shares of all participants (host included; sums to 1). */
  region: Vec<UnGroup>;
  regionRule: string;
  hostShare: number;
  hostRule: string;
  countries: number;
  countriesRule: string;
  sessions: number;
  sessionsRule: string;
  /** Published number of workshops, if any. */
  workshops: number | null;
  panelistFemale: number;
  moderatorFemale: number;
  organizerFemale: number;
  manelShare: number;
  speakerRule: string;
}

export interface Calibration {
  years: YearTarget[];
  /** Sum of the real-size totals: the default scale. */
  sumTotals: number;
}

// ---------------------------------------------------------------- helpers

const UNIT_RANK: Record<string, number> = { count: 0, count_approx: 1, count_lower_bound: 2 };

export interface Figure {
  value: number;
  unit: string;
  line: number;
  metric: string;
  /** Other values published for the same year and metric (not used). */
  others: number[];
}

/** Rule 2: most precise unit, then the smallest value. */
export function pickCount(rows: readonly PublishedRow[], year: number, metric: string, category = 'all'): Figure | null {
  const c = rows.filter(
    (r) => r.year === year && r.metric === metric && r.category === category && r.unit in UNIT_RANK && Number.isFinite(r.value)
  );
  if (c.length === 0) return null;
  const best = Math.min(...c.map((r) => UNIT_RANK[r.unit]));
  const top = c.filter((r) => UNIT_RANK[r.unit] === best).sort((a, b) => a.value - b.value || a.line - b.line);
  const chosen = top[0];
  const others = [...new Set(c.map((r) => r.value).filter((v) => v !== chosen.value))].sort((a, b) => a - b);
  return { value: chosen.value, unit: chosen.unit, line: chosen.line, metric, others };
}

function describe(f: Figure): string {
  const bound = f.unit === 'count_lower_bound' ? '"more than" ' : f.unit === 'count_approx' ? '"about" ' : '';
  const others = f.others.length ? `; also published: ${f.others.join(', ')}` : '';
  return `${f.metric} ${bound}${f.value} (CSV line ${f.line}${others})`;
}

function percentValue(r: PublishedRow): number {
  return r.unit === 'percent_less_than' ? r.value / 2 : r.value;
}

/** Linear interpolation between the nearest anchor years; held flat beyond the ends. */
export function interpolate<T>(anchors: ReadonlyMap<number, T>, year: number, lerp: (a: T, b: T, t: number) => T): T | null {
  if (anchors.has(year)) return anchors.get(year)!;
  let prev: number | null = null;
  let next: number | null = null;
  for (const y of anchors.keys()) {
    if (y < year && (prev === null || y > prev)) prev = y;
    if (y > year && (next === null || y < next)) next = y;
  }
  if (prev !== null && next !== null) return lerp(anchors.get(prev)!, anchors.get(next)!, (year - prev) / (next - prev));
  if (prev !== null) return anchors.get(prev)!;
  if (next !== null) return anchors.get(next)!;
  return null;
}

const lerpNum = (a: number, b: number, t: number) => a + (b - a) * t;
function lerpVec<K extends string>(a: Vec<K>, b: Vec<K>, t: number): Vec<K> {
  const out = {} as Vec<K>;
  for (const k of Object.keys(a) as K[]) out[k] = a[k] + (b[k] - a[k]) * t;
  return out;
}
function normalise<K extends string>(v: Vec<K>): Vec<K> {
  let s = 0;
  for (const k of Object.keys(v) as K[]) s += v[k];
  const out = {} as Vec<K>;
  for (const k of Object.keys(v) as K[]) out[k] = s > 0 ? v[k] / s : 0;
  return out;
}
function zeros<K extends string>(keys: readonly K[]): Vec<K> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Vec<K>;
}
function nearestAnchorText(anchors: ReadonlyMap<number, unknown>, year: number): string {
  const ys = [...anchors.keys()].sort((a, b) => a - b);
  const prev = ys.filter((y) => y < year).pop();
  const next = ys.find((y) => y > year);
  if (prev !== undefined && next !== undefined) return `interpolated ${prev}–${next}`;
  if (prev !== undefined) return `held from ${prev}`;
  if (next !== undefined) return `held from ${next}`;
  return 'default';
}
function pct(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}

/**
 * Integer allocation that sums to exactly `total` (largest remainder, ties by
 * index): every entry is within 1 of weight/sum * total.
 */
export function largestRemainder(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + Math.max(0, b), 0);
  if (total <= 0 || sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (Math.max(0, w) / sum) * total);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => ({ i, r: e - Math.floor(e) }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k].i]++;
  return out;
}

/** Rows per year for a given scale: totals scaled by scale / sum(totals), summing exactly to scale. */
export function yearCounts(cal: Calibration, scale: number): Map<number, number> {
  const counts = largestRemainder(cal.years.map((y) => y.total), scale);
  return new Map(cal.years.map((y, i) => [y.year, counts[i]]));
}

// ---------------------------------------------------------------- totals

interface TotalsResult {
  total: number;
  totalRule: string;
  online: number | null;
  onlineRule: string;
}

function yearTotals(rows: readonly PublishedRow[], m: Meeting): TotalsResult | null {
  const y = m.year;
  const tot = pickCount(rows, y, 'participants_total');
  const on = pickCount(rows, y, 'participants_onsite');
  const off = pickCount(rows, y, 'participants_online');
  if (m.format === 'online') {
    const f = tot ?? off;
    if (!f) return null;
    return { total: f.value, totalRule: `${describe(f)}; all-online meeting`, online: f.value, onlineRule: 'all online (virtual meeting)' };
  }
  if (tot) {
    if (on && on.value <= tot.value)
      return { total: tot.value, totalRule: describe(tot), online: tot.value - on.value, onlineRule: `total − ${describe(on)}` };
    if (off && off.value <= tot.value)
      return { total: tot.value, totalRule: describe(tot), online: off.value, onlineRule: describe(off) };
    return { total: tot.value, totalRule: describe(tot), online: null, onlineRule: '' };
  }
  if (on && off)
    return {
      total: on.value + off.value,
      totalRule: `${describe(on)} + ${describe(off)}`,
      online: off.value,
      onlineRule: describe(off)
    };
  if (on) {
    const r = REMOTE_SHARE_ONSITE_ONLY(y);
    return {
      total: on.value,
      totalRule: `${describe(on)} (onsite-only figure)`,
      online: Math.round(on.value * r),
      onlineRule: `assumed ${pct(r)} remote participants carved out of the onsite-only total`
    };
  }
  return null;
}

// ---------------------------------------------------------------- shares

function stakeholderFigures(rows: readonly PublishedRow[], year: number): { metric: string; shares: Map<string, number> } | null {
  for (const metric of STAKEHOLDER_METRICS) {
    const rs = rows.filter((r) => r.year === year && r.metric === metric && r.category in STAKEHOLDER_BUCKETS && Number.isFinite(r.value));
    if (rs.length === 0) continue;
    const shares = new Map<string, number>();
    if (metric === 'stakeholder_count') {
      const sum = rs.reduce((a, r) => a + r.value, 0);
      for (const r of rs) shares.set(r.category, r.value / sum);
    } else for (const r of rs) shares.set(r.category, percentValue(r) / 100);
    return { metric, shares };
  }
  return null;
}

function expandStakeholders(shares: ReadonlyMap<string, number>, prior: Vec<Stakeholder> | null): { vec: Vec<Stakeholder>; full: boolean } {
  const v = zeros(STAKEHOLDERS);
  const covered = new Set<Stakeholder>();
  let sum = 0;
  for (const [cat, share] of shares) {
    const groups = STAKEHOLDER_BUCKETS[cat];
    sum += share;
    if (groups.length === 2) {
      v[groups[0]] += share * (1 - ACADEMIA_IN_TECHNICAL);
      v[groups[1]] += share * ACADEMIA_IN_TECHNICAL;
    } else v[groups[0]] += share;
    for (const g of groups) covered.add(g);
  }
  if (sum >= 0.97) {
    const n = normalise(v);
    if (!covered.has('other')) {
      for (const k of STAKEHOLDERS) n[k] *= 1 - OTHER_STAKEHOLDER_BASELINE;
      n.other = OTHER_STAKEHOLDER_BASELINE;
    }
    return { vec: n, full: true };
  }
  const rest = STAKEHOLDERS.filter((k) => !covered.has(k));
  const p = prior ?? DEFAULT_STAKEHOLDER;
  const w = rest.reduce((a, k) => a + p[k], 0);
  for (const k of rest) v[k] = (Math.max(0, 1 - sum) * (w > 0 ? p[k] / w : 1 / rest.length));
  return { vec: normalise(v), full: false };
}

function genderFigures(rows: readonly PublishedRow[], year: number): Map<Gender, number> | null {
  const rs = rows.filter((r) => r.year === year && r.metric === 'gender_share' && (GENDERS as readonly string[]).includes(r.category));
  if (rs.length === 0) return null;
  return new Map(rs.map((r) => [r.category as Gender, percentValue(r) / 100]));
}

function regionFigures(rows: readonly PublishedRow[], year: number): { shares: Map<UnGroup | 'host', number>; lines: number[] } | null {
  for (const metric of ['region_share', 'region_share_estimated']) {
    const rs = rows.filter((r) => r.year === year && r.metric === metric && r.category in REGION_BUCKETS);
    if (rs.length === 0) continue;
    const shares = new Map<UnGroup | 'host', number>();
    const seen = new Set<string>();
    for (const r of rs) {
      if (seen.has(r.category)) continue; // the same figure from a second source
      seen.add(r.category);
      const b = REGION_BUCKETS[r.category];
      shares.set(b, (shares.get(b) ?? 0) + percentValue(r) / 100);
    }
    return { shares, lines: rs.map((r) => r.line) };
  }
  return null;
}

function hostGroup(m: Meeting, groupOf: (iso3: string) => UnGroup | null): UnGroup | null {
  return m.hostIso3 ? groupOf(m.hostIso3) : null;
}

/** Host share h + (1 − h) × the base mix with the host's group boosted. */
function regionModel(h: number, hg: UnGroup | null): Vec<UnGroup> {
  const b = { ...BASE_REGION_MIX };
  if (hg) b[hg] *= HOST_REGION_BOOST;
  const n = normalise(b);
  const out = zeros(UN_GROUPS);
  for (const g of UN_GROUPS) out[g] = (1 - h) * n[g] + (g === hg ? h : 0);
  return out;
}

// ---------------------------------------------------------------- main

/**
 * Derive the per-year targets. `groupOf` maps an ISO3 code to its UN regional
 * group (from the reference tables) so that the host's group is known.
 */
export function calibrate(rows: readonly PublishedRow[], groupOf: (iso3: string) => UnGroup | null): Calibration {
  // --- totals and online shares
  const totals = new Map<number, TotalsResult>();
  for (const m of MEETINGS) {
    const t = yearTotals(rows, m);
    if (t) totals.set(m.year, t);
  }
  const totalAnchors = new Map([...totals].map(([y, t]) => [y, t.total]));
  const measuredOnline = (fmt: MeetingFormat) =>
    new Map(
      [...totals]
        .filter(([y, t]) => t.online !== null && MEETINGS.find((m) => m.year === y)!.format === fmt && !t.onlineRule.startsWith('assumed'))
        .map(([y, t]) => [y, t.online! / t.total])
    );
  const onlineAnchors: Record<MeetingFormat, Map<number, number>> = {
    onsite: measuredOnline('onsite'),
    hybrid: measuredOnline('hybrid'),
    online: new Map()
  };

  // --- stakeholder anchors
  const stakeFigures = new Map(YEARS.map((y) => [y, stakeholderFigures(rows, y)] as const));
  const fullStake = new Map<number, Vec<Stakeholder>>();
  for (const [y, f] of stakeFigures) if (f) {
    const e = expandStakeholders(f.shares, null);
    if (e.full) fullStake.set(y, e.vec);
  }
  const stakeAnchors = new Map<number, Vec<Stakeholder>>(fullStake);
  for (const [y, f] of stakeFigures) if (f && !fullStake.has(y)) {
    const prior = interpolate(fullStake, y, lerpVec) ?? DEFAULT_STAKEHOLDER;
    stakeAnchors.set(y, expandStakeholders(f.shares, prior).vec);
  }

  // --- gender anchors
  const fullGender = new Map<number, Vec<Gender>>(Object.entries(ASSUMED_GENDER).map(([y, v]) => [Number(y), v]));
  const genderPub = new Map<number, Map<Gender, number>>();
  for (const y of YEARS) {
    const g = genderFigures(rows, y);
    if (!g) continue;
    genderPub.set(y, g);
    const sum = [...g.values()].reduce((a, b) => a + b, 0);
    if (sum >= 0.97) fullGender.set(y, normalise({ female: g.get('female') ?? 0, male: g.get('male') ?? 0, other: g.get('other') ?? 0 }));
  }
  const genderAnchors = new Map(fullGender);
  for (const [y, g] of genderPub) if (!fullGender.has(y)) {
    const prior = interpolate(fullGender, y, lerpVec)!;
    const sum = [...g.values()].reduce((a, b) => a + b, 0);
    const rest = GENDERS.filter((k) => !g.has(k));
    const w = rest.reduce((a, k) => a + prior[k], 0);
    const v = zeros(GENDERS);
    for (const k of GENDERS) v[k] = g.has(k) ? g.get(k)! : (Math.max(0, 1 - sum) * (w > 0 ? prior[k] / w : 1 / rest.length));
    genderAnchors.set(y, normalise(v));
  }

  // --- first-time anchors
  const ftAnchors = new Map<number, number>(Object.entries(ASSUMED_FIRST_TIME).map(([y, v]) => [Number(y), v]));
  const ftPublished = new Set<number>();
  for (const r of rows) if (r.metric === 'first_time_share' && r.category === 'all') {
    ftAnchors.set(r.year, r.value / 100);
    ftPublished.add(r.year);
  }

  // --- countries represented
  const countryAnchors = new Map<number, number>();
  const countryRules = new Map<number, string>();
  for (const y of YEARS) {
    const f = pickCount(rows, y, 'countries_represented') ?? pickCount(rows, y, 'nationalities_represented') ?? pickCount(rows, y, 'countries_onsite');
    if (f) {
      countryAnchors.set(y, f.value);
      countryRules.set(y, describe(f));
    }
  }

  // --- sessions
  const sessionAnchors = new Map<number, number>(Object.entries(ASSUMED_SESSIONS).map(([y, v]) => [Number(y), v]));
  const sessionRules = new Map<number, string>();
  for (const y of YEARS) {
    const f = pickCount(rows, y, 'sessions_total');
    if (f) {
      sessionAnchors.set(y, f.value);
      sessionRules.set(y, describe(f));
    }
  }

  // --- speaker-side anchors
  const num = (o: Record<number, number>) => new Map(Object.entries(o).map(([y, v]) => [Number(y), v]));
  const panel = num(ASSUMED_PANELIST_FEMALE);
  const moder = num(ASSUMED_MODERATOR_FEMALE);
  const organ = num(ASSUMED_ORGANIZER_FEMALE);
  const manel = num(ASSUMED_MANEL);
  const speakerNotes = new Map<number, string[]>();
  const note = (y: number, s: string) => speakerNotes.set(y, [...(speakerNotes.get(y) ?? []), s]);
  for (const y of YEARS) {
    const f = rows.find((r) => r.year === y && r.metric === 'workshop_panelists_count' && r.category === 'female');
    const m = rows.find((r) => r.year === y && r.metric === 'workshop_panelists_count' && r.category === 'male');
    if (f && m) {
      panel.set(y, f.value / (f.value + m.value));
      note(y, `panelists ${f.value} women / ${m.value} men (lines ${f.line}, ${m.line})`);
    }
    const ratio = rows.find((r) => r.year === y && r.metric === 'workshop_panelists_female_to_male_ratio');
    if (ratio && /^\d+:\d+$/.test(ratio.rawValue) && !panel.has(y)) {
      const [a, b] = ratio.rawValue.split(':').map(Number);
      panel.set(y, a / (a + b));
      note(y, `panelists ${ratio.rawValue} women:men (line ${ratio.line})`);
    }
    const mod = rows.find((r) => r.year === y && r.metric === 'workshop_moderators_gender_share' && r.category === 'female');
    if (mod) {
      moder.set(y, mod.value / 100);
      note(y, `moderators ${mod.value}% women (line ${mod.line})`);
    }
    const org = rows.find((r) => r.year === y && r.metric === 'session_organiser_gender_share' && r.category === 'female');
    if (org) {
      organ.set(y, org.value / 100);
      note(y, `session organisers ${org.value}% women (line ${org.line})`);
    }
    const nofem = rows.find((r) => r.year === y && r.metric === 'workshops_without_female_panelists');
    if (nofem) {
      // Denominator not published for that year: the nearest published count of
      // workshops with a gender report card (2012: 89) is used.
      const reported = rows
        .filter((r) => /^gender_report_card_(workshops|sessions)_reported$/.test(r.metric))
        .sort((a, b) => Math.abs(a.year - y) - Math.abs(b.year - y) || a.year - b.year)[0];
      if (reported) {
        manel.set(y, nofem.value / reported.value);
        note(y, `all-male panels ${nofem.value} of ~${reported.value} reported workshops (lines ${nofem.line}, ${reported.line})`);
      }
    }
  }

  // --- assemble the years
  const years: YearTarget[] = [];
  for (const m of MEETINGS) {
    const y = m.year;
    const t = totals.get(y);
    const total = Math.round(t ? t.total : interpolate(totalAnchors, y, lerpNum) ?? 1000);
    const totalRule = t ? t.totalRule : `no published total: ${nearestAnchorText(totalAnchors, y)}`;

    let onlineShare: number;
    let onlineRule: string;
    if (m.format === 'online') {
      onlineShare = 1;
      onlineRule = 'all online (virtual meeting)';
    } else if (t && t.online !== null) {
      onlineShare = t.online / t.total;
      onlineRule = t.onlineRule;
    } else {
      const a = onlineAnchors[m.format];
      onlineShare = interpolate(a, y, lerpNum) ?? (m.format === 'hybrid' ? 0.5 : 0.05);
      onlineRule = `no published split: ${nearestAnchorText(a, y)} (${m.format} years)`;
    }

    // stakeholders
    let stakeholders = stakeAnchors.get(y) ?? interpolate(stakeAnchors, y, lerpVec) ?? DEFAULT_STAKEHOLDER;
    const sf = stakeFigures.get(y);
    let stakeholderRule = sf
      ? `published ${sf.metric} (${[...sf.shares].map(([k, v]) => `${k} ${pct(v)}`).join(', ')})${fullStake.has(y) ? '' : '; the rest spread like neighbouring years'}`
      : nearestAnchorText(stakeAnchors, y);
    if (!sf) {
      const media = pickCount(rows, y, 'media_participants', 'media');
      const onsite = pickCount(rows, y, 'participants_onsite');
      if (media && onsite) {
        const share = media.value / onsite.value;
        const rest = 1 - stakeholders.media;
        const v = { ...stakeholders };
        for (const k of STAKEHOLDERS) v[k] = k === 'media' ? share : (stakeholders[k] * (1 - share)) / rest;
        stakeholders = v;
        stakeholderRule += `; media = ${describe(media)} / onsite ${onsite.value}`;
      }
    }

    // gender
    const gender = genderAnchors.get(y) ?? interpolate(genderAnchors, y, lerpVec)!;
    const gp = genderPub.get(y);
    const genderRule = gp
      ? `published gender_share (${[...gp].map(([k, v]) => `${k} ${pct(v)}`).join(', ')})`
      : y in ASSUMED_GENDER
        ? `assumed (${pct(gender.female)} women)`
        : nearestAnchorText(genderAnchors, y);

    // first time
    const firstTimeShare = interpolate(ftAnchors, y, lerpNum)!;
    const firstTimeRule = ftPublished.has(y)
      ? `published first_time_share ${pct(firstTimeShare)}`
      : y in ASSUMED_FIRST_TIME
        ? `assumed ${pct(firstTimeShare)}${y === 2006 ? ' (first meeting)' : ''}`
        : nearestAnchorText(ftAnchors, y);

    // region and host
    const hg = hostGroup(m, groupOf);
    const rf = regionFigures(rows, y);
    let hostShare = rf?.shares.get('host') ?? ASSUMED_HOST_SHARE[y] ?? 0.25;
    const hostPublished = rf?.shares.has('host') ?? false;
    if (!m.hostIso3) hostShare = 0;
    let region: Vec<UnGroup>;
    let regionRule: string;
    if (!rf) {
      region = regionModel(hostShare, hg);
      regionRule = `model: host share + base mix with host region ×${HOST_REGION_BOOST}`;
    } else {
      const fixed = zeros(UN_GROUPS);
      const given = new Set<UnGroup>();
      let sum = 0;
      for (const [b, v] of rf.shares) {
        const g = b === 'host' ? hg : b;
        if (!g) continue;
        fixed[g] += v;
        given.add(g);
        sum += v;
      }
      if (sum >= 0.9) {
        region = normalise(fixed);
        regionRule = `published region shares (CSV lines ${rf.lines.join(', ')}), renormalised over the five UN groups`;
      } else {
        const model = regionModel(hostShare, hg);
        const rest = UN_GROUPS.filter((g) => !given.has(g));
        const w = rest.reduce((a, g) => a + model[g], 0);
        region = zeros(UN_GROUPS);
        for (const g of UN_GROUPS) region[g] = given.has(g) ? fixed[g] : ((1 - sum) * model[g]) / w;
        regionRule = `published ${[...given].map((g) => `${g} ${pct(fixed[g])}`).join(', ')} (CSV lines ${rf.lines.join(', ')}); rest from the model`;
      }
    }
    if (hg && region[hg] < hostShare + 0.03) hostShare = Math.max(0, region[hg] - 0.03);
    const hostRule = !m.hostIso3
      ? 'no host (online)'
      : hostPublished
        ? `published host share ${pct(hostShare)}`
        : `assumed host boost ${pct(hostShare)}`;

    const countries = Math.round(interpolate(countryAnchors, y, lerpNum) ?? 120);
    const countriesRule = countryRules.get(y) ?? `not published: ${nearestAnchorText(countryAnchors, y)}`;
    const sessions = Math.round(interpolate(sessionAnchors, y, lerpNum)!);
    const sessionsRule =
      sessionRules.get(y) ?? (y in ASSUMED_SESSIONS ? `assumed ${sessions}` : `not published: ${nearestAnchorText(sessionAnchors, y)}`);
    const ws = pickCount(rows, y, 'workshops');

    years.push({
      year: y,
      meeting: m,
      total,
      totalRule,
      onlineShare,
      onlineRule,
      stakeholders,
      stakeholderRule,
      gender,
      genderRule,
      firstTimeShare,
      firstTimeRule,
      region,
      regionRule,
      hostShare,
      hostRule,
      countries,
      countriesRule,
      sessions,
      sessionsRule,
      workshops: ws ? ws.value : null,
      panelistFemale: interpolate(panel, y, lerpNum)!,
      moderatorFemale: interpolate(moder, y, lerpNum)!,
      organizerFemale: interpolate(organ, y, lerpNum)!,
      manelShare: interpolate(manel, y, lerpNum)!,
      speakerRule: (speakerNotes.get(y) ?? []).join('; ') || 'assumed trend (interpolated)'
    });
  }
  return { years, sumTotals: years.reduce((a, y) => a + y.total, 0) };
}
