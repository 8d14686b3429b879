/**
 * The world the synthetic demo data is drawn from: the real countries with a
 * seeded propensity to send people, the calibrated yearly targets, and per
 * year the countries that take part and their shares (the country model).
 */
import { calibrate, largestRemainder, type Calibration, type YearTarget } from './calibration';
import { Random } from './random';
import { UN_GROUPS, loadCountries, loadPublished, type Country, type UnGroup } from './reference';

export interface World {
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

export function buildWorld(seed: number): World {
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

export interface CountryModel {
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
export function countryModel(world: World, t: YearTarget, seed: number): CountryModel {
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
export function countryCounts(model: CountryModel, n: number): Map<number, number> {
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
