/**
 * Every metric against the hand-built fixture (fixture.ts), with the expected figures worked out by
 * hand from the record groups listed there. k = 1 (no suppression) unless a test is about suppression.
 * Requests without source count the default source set, demo: every record group, all synthetic.
 * source=fixture counts the same records, real, without group l; source=public_session_pages the
 * region-only speakers (tests at the end).
 *
 * Attendees 2019, 40 records (groups a-l of ATTENDANCE_2019):
 *   country   DEU 12 (a 6 + b 6), USA 6, CHN 5, KOR 5, ETH 4, MEX 3 (g 2 + h 1), HKG 2, POL 1, none 2 (k, l)
 *   gender    female 6+6+4 = 16, male 6+5+5+1+1+1 = 19, other 2, undisclosed 2, unknown 1
 *   group     government 6+5 = 11, private 6+2 = 8, civil 6+4+1 = 11, technical 5, academia 2, IGO 1,
 *             media 1, other 1, unknown 0
 *   mode      onsite 6+6+5+4+1+1 = 23, online 6+5+2+2+1 = 16, unknown 1
 *   first     true 6+5+4+1+1 = 17, false 6+6+2+2+1 = 17, unknown 5+1 = 6
 * Attendees 2021, 60 records, every cell 0 or at least 5.
 * Speakers 2019, 11 people (Bob twice in S1 counts once; Ann in S1 and S4 counts twice).
 */
import { describe, expect, it } from 'vitest';
import { fixtureDatabase } from './fixture-suite.ts';
import { computeMetric, parseMetricParams, type MetricName, type MetricResult, type Row } from '../../src/lib/server/metrics/index.ts';
import { wilson } from '../../src/lib/server/metrics/wilson.ts';

const db = fixtureDatabase();

async function metric(name: MetricName, query: Record<string, string> = {}, k = 1): Promise<MetricResult> {
  return computeMetric(db.conn, name, parseMetricParams(name, query), { k });
}

function row(rows: Row[], year: number, dimension: string, category: string, definition: string | null = null): Row {
  const found = rows.filter(
    (r) => r.year === year && r.dimension === dimension && r.category === category && (definition === null || r.definition === definition)
  );
  expect(found, `${year} ${dimension} ${category} ${definition ?? ''}`).toHaveLength(1);
  return found[0];
}

/** The Pielou J and normalised Blau index of counts over K = 5, written out. */
function balance(counts: number[]) {
  const n = counts.reduce((s, c) => s + c, 0);
  const ps = counts.filter((c) => c > 0).map((c) => c / n);
  return {
    j: -ps.reduce((s, p) => s + p * Math.log(p), 0) / Math.log(5),
    blau: (1 - ps.reduce((s, p) => s + p * p, 0)) / (1 - 1 / 5)
  };
}

describe('participation', () => {
  it('attendees: counts, mode and first-time shares', async () => {
    const r = await metric('participation');
    expect(row(r.rows, 2019, 'participants', 'participants').count).toBe(40);
    // DEU USA CHN KOR ETH MEX HKG POL
    expect(row(r.rows, 2019, 'countries_represented', 'countries_represented').count).toBe(8);
    expect(row(r.rows, 2019, 'sessions', 'sessions').count).toBe(4); // S1-S4
    expect(row(r.rows, 2019, 'speakers', 'speakers').count).toBe(11);
    const onsite = row(r.rows, 2019, 'participation_mode', 'onsite');
    expect(onsite).toMatchObject({ count: 23, denominator: 39, total: 40, kind: 'share' });
    expect(onsite.share).toBeCloseTo(23 / 39, 12);
    expect(onsite.coverage).toBeCloseTo(39 / 40, 12);
    expect(row(r.rows, 2019, 'participation_mode', 'unknown')).toMatchObject({ kind: 'excluded', count: 1, share: null });
    const first = row(r.rows, 2019, 'first_time', 'first_time');
    expect(first).toMatchObject({ count: 17, denominator: 34 });
    expect(first.coverage).toBeCloseTo(34 / 40, 12);
    // 2021: POL DEU BRA VEN ETH KOR CHN USA MEX; sessions S5-S8 (S8 has no speakers)
    expect(row(r.rows, 2021, 'countries_represented', 'countries_represented').count).toBe(9);
    expect(row(r.rows, 2021, 'sessions', 'sessions').count).toBe(4);
    expect(row(r.rows, 2021, 'participation_mode', 'onsite')).toMatchObject({ count: 37, denominator: 60 });
    expect(r.rows.some((x) => x.year === 2020)).toBe(false); // no records in 2020
    expect(r.synthetic).toBe(true); // the demo set
    expect(r.params.source).toBe('demo');
  });

  it('speakers: one person per session, no first-time rows', async () => {
    const r = await metric('participation', { population: 'speakers', to: '2019', source: 'fixture' });
    expect(row(r.rows, 2019, 'participants', 'participants').count).toBe(11);
    // DEU USA CHN POL HKG ETH MEX (one speaker has no country)
    expect(row(r.rows, 2019, 'countries_represented', 'countries_represented').count).toBe(7);
    // onsite: Ann, Bob, Dan, Fritz, Hana, the MEX speaker, Ann again = 7; online: Chen, Gao, Jo, the 11th = 4
    expect(row(r.rows, 2019, 'participation_mode', 'onsite')).toMatchObject({ count: 7, denominator: 11 });
    expect(r.rows.some((x) => x.dimension === 'first_time')).toBe(false);
    expect(r.synthetic).toBe(false);
    expect(r.suppression.applied).toBe(false);
  });

  it('from / to select years, mode filters records', async () => {
    const r = await metric('participation', { from: '2021', to: '2021', mode: 'online', source: 'fixture' });
    expect(new Set(r.rows.map((x) => x.year))).toEqual(new Set([2021]));
    // online 2021: DEU 8 + VEN 5 + CHN 5 + MEX 5 = 23
    expect(row(r.rows, 2021, 'participants', 'participants').count).toBe(23);
    expect(r.synthetic).toBe(false);
  });
});

describe('global south', () => {
  it('each definition, attendees 2019 (38 with a known country, 2 without)', async () => {
    // un_developing: CHN 5 + KOR 5 + ETH 4 + MEX 3 + HKG 2 = 19
    // g77:           CHN 5 + ETH 4 = 9 (Korea and Mexico are not members, Hong Kong is a territory)
    // wb:            CHN 5 (upper-middle) + ETH 4 (low) + MEX 3 (upper-middle) = 12 (Korea, Hong Kong high)
    // regional:      ETH 4 (African) + CHN 5 + KOR 5 (Asia-Pacific) + MEX 3 (GRULAC) = 17 (HKG in no group)
    const expected: Record<string, number> = { un_developing: 19, g77: 9, wb_non_high_income: 12, regional_groups: 17 };
    for (const [definition, south] of Object.entries(expected)) {
      const r = await metric('global-south', { definition, to: '2019' });
      const s = row(r.rows, 2019, 'global_south', 'global_south', definition);
      expect(s).toMatchObject({ count: south, denominator: 38, total: 40 });
      expect(s.share).toBeCloseTo(south / 38, 12);
      expect(s.coverage).toBeCloseTo(38 / 40, 12);
      const ci = wilson(south, 38)!;
      expect(s.ci_low).toBeCloseTo(ci.low, 12);
      expect(s.ci_high).toBeCloseTo(ci.high, 12);
      expect(row(r.rows, 2019, 'global_south', 'global_north', definition).count).toBe(38 - south);
      expect(row(r.rows, 2019, 'global_south', 'unknown', definition)).toMatchObject({ kind: 'excluded', count: 2 });
      expect(r.definition).toContain(definition);
    }
  });

  it('definition=all shows the four side by side; Venezuela has no World Bank group', async () => {
    const r = await metric('global-south', { definition: 'all', from: '2021' });
    expect(new Set(r.rows.map((x) => x.definition))).toEqual(new Set(['un_developing', 'g77', 'wb_non_high_income', 'regional_groups']));
    // 2021: un_developing BRA 7 + VEN 5 + ETH 5 + KOR 5 + CHN 5 + MEX 5 = 32 of 60
    expect(row(r.rows, 2021, 'global_south', 'global_south', 'un_developing')).toMatchObject({ count: 32, denominator: 60 });
    // wb: BRA 7 + ETH 5 + CHN 5 + MEX 5 = 22; VEN (5) unknown -> denominator 55
    const wb = row(r.rows, 2021, 'global_south', 'global_south', 'wb_non_high_income');
    expect(wb).toMatchObject({ count: 22, denominator: 55, total: 60 });
    expect(wb.coverage).toBeCloseTo(55 / 60, 12);
    // g77: BRA 7 + VEN 5 + ETH 5 + CHN 5 = 22 of 60
    expect(row(r.rows, 2021, 'global_south', 'global_south', 'g77')).toMatchObject({ count: 22, denominator: 60 });
  });

  it('speakers 2019', async () => {
    // Chen CHN, Gao HKG, Hana ETH, the MEX speaker: 4 of the 10 with a country
    const r = await metric('global-south', { population: 'speakers', to: '2019' });
    expect(row(r.rows, 2019, 'global_south', 'global_south', 'un_developing')).toMatchObject({ count: 4, denominator: 10, total: 11 });
    const g = await metric('global-south', { population: 'speakers', to: '2019', definition: 'g77' });
    expect(row(g.rows, 2019, 'global_south', 'global_south', 'g77').count).toBe(2); // Chen, Hana
  });

  it('exclude_host drops the host country (DEU in 2019)', async () => {
    // 40 - 12 = 28 records; north = USA 6 + POL 1 = 7; south 19; unknown 2
    const r = await metric('global-south', { to: '2019', exclude_host: 'true' });
    const s = row(r.rows, 2019, 'global_south', 'global_south', 'un_developing');
    expect(s).toMatchObject({ count: 19, denominator: 26, total: 28 });
  });
});

describe('stakeholders', () => {
  it('shares over the seven named groups and the balance indices', async () => {
    const r = await metric('stakeholders', { to: '2019' });
    const gov = row(r.rows, 2019, 'stakeholder_group', 'government');
    expect(gov).toMatchObject({ count: 11, denominator: 39, total: 40 });
    expect(gov.share).toBeCloseTo(11 / 39, 12);
    expect(row(r.rows, 2019, 'stakeholder_group', 'academia')).toMatchObject({ count: 2 });
    expect(row(r.rows, 2019, 'stakeholder_group', 'other')).toMatchObject({ kind: 'excluded', count: 1 });
    const shares = r.rows.filter((x) => x.kind === 'share').reduce((s, x) => s + Number(x.share), 0);
    expect(shares).toBeCloseTo(1, 12);
    // five core groups: government 11, private 8, civil 11, technical + academia 5 + 2 = 7, IGO 1; n = 38
    const core = balance([11, 8, 11, 7, 1]);
    const j = row(r.rows, 2019, 'stakeholder_balance', 'pielou_j');
    expect(j).toMatchObject({ kind: 'index', denominator: 38, low_n: false, suppressed: false });
    expect(j.value).toBeCloseTo(core.j, 12);
    expect(row(r.rows, 2019, 'stakeholder_balance', 'blau_normalised').value).toBeCloseTo(core.blau, 12);
    // regional groups: African 4, Asia-Pacific 10, Eastern European 1, GRULAC 3, WEOG 18; n = 36
    const regional = balance([4, 10, 1, 3, 18]);
    expect(row(r.rows, 2019, 'regional_balance', 'pielou_j').value).toBeCloseTo(regional.j, 12);
    expect(row(r.rows, 2019, 'regional_balance', 'blau_normalised').value).toBeCloseTo(regional.blau, 12);
    expect(r.rows.some((x) => x.dimension === 'un_regional_group')).toBe(false);
  });

  it('2021 balance; speakers carry low_n', async () => {
    const r = await metric('stakeholders', { from: '2021' });
    // government 15, private 13, civil 12, technical 5 + academia 5 = 10, IGO 5; n = 55
    expect(row(r.rows, 2021, 'stakeholder_balance', 'pielou_j').value).toBeCloseTo(balance([15, 13, 12, 10, 5]).j, 12);
    const s = await metric('stakeholders', { from: '2021', population: 'speakers' });
    // speakers 2021: government Lu, Max = 2; private Nils; civil Kim; technical Vera; academia Olu (n = 6)
    expect(row(s.rows, 2021, 'stakeholder_group', 'government')).toMatchObject({ count: 2, denominator: 6, low_n: true });
    const jj = row(s.rows, 2021, 'stakeholder_balance', 'pielou_j');
    expect(jj.low_n).toBe(true);
    expect(jj.value).toBeCloseTo(balance([2, 1, 1, 2, 0]).j, 12);
  });
});

describe('gender', () => {
  it('female share over female + male + other, parity female / male', async () => {
    const r = await metric('gender', { to: '2019' });
    const f = row(r.rows, 2019, 'gender', 'female');
    expect(f).toMatchObject({ count: 16, denominator: 37, total: 40 });
    expect(f.share).toBeCloseTo(16 / 37, 12);
    expect(f.coverage).toBeCloseTo(37 / 40, 12);
    expect(row(r.rows, 2019, 'gender', 'undisclosed')).toMatchObject({ kind: 'excluded', count: 2, share: null });
    expect(row(r.rows, 2019, 'gender', 'unknown')).toMatchObject({ kind: 'excluded', count: 1 });
    const parity = row(r.rows, 2019, 'gender_parity', 'female_per_male');
    expect(parity).toMatchObject({ kind: 'ratio', denominator: 35 });
    expect(parity.value).toBeCloseTo(16 / 19, 12);
  });

  it('speakers, session type and host exclusion', async () => {
    // speakers 2019: women Ann (S1), Hana, Ann (S4) = 3; men Bob, Chen, Dan, Fritz, Gao, Jo = 6
    const s = await metric('gender', { population: 'speakers', to: '2019' });
    expect(row(s.rows, 2019, 'gender', 'female')).toMatchObject({ count: 3, denominator: 9, total: 11 });
    expect(row(s.rows, 2019, 'gender_parity', 'female_per_male').value).toBeCloseTo(0.5, 12);
    // workshops (S1, S3): Ann, Bob, Chen, Hana + 2 of unknown / undisclosed gender
    const w = await metric('gender', { population: 'speakers', to: '2019', session_type: 'workshop' });
    expect(row(w.rows, 2019, 'gender', 'female')).toMatchObject({ count: 2, denominator: 4, total: 6 });
    // attendees without DEU (a: 6 men, b: 6 women): female 10, male 13, other 2 -> 10 / 25
    const x = await metric('gender', { to: '2019', exclude_host: 'true' });
    expect(row(x.rows, 2019, 'gender', 'female')).toMatchObject({ count: 10, denominator: 25, total: 28 });
  });
});

describe('regions', () => {
  it('UN regional groups, M49 regions and the member-state representation ratio', async () => {
    const r = await metric('regions', { to: '2019' });
    // African 4, Asia-Pacific 10, Eastern European 1, GRULAC 3, WEOG 18 (DEU 12 + USA 6), no_group 2 (HKG)
    const weog = row(r.rows, 2019, 'un_regional_group', 'weog');
    expect(weog).toMatchObject({ count: 18, denominator: 38, member_states: 29 });
    expect(weog.member_state_share).toBeCloseTo(29 / 192, 12);
    expect(weog.representation_ratio).toBeCloseTo(18 / 38 / (29 / 192), 12);
    const african = row(r.rows, 2019, 'un_regional_group', 'african');
    expect(african.representation_ratio).toBeCloseTo(4 / 38 / (54 / 192), 12);
    expect(row(r.rows, 2019, 'un_regional_group', 'no_group')).toMatchObject({ count: 2, member_states: null, representation_ratio: null });
    expect(row(r.rows, 2019, 'un_regional_group', 'unknown')).toMatchObject({ kind: 'excluded', count: 2 });
    // M49: Africa 4, Americas USA 6 + MEX 3 = 9, Asia CHN 5 + KOR 5 + HKG 2 = 12, Europe DEU 12 + POL 1 = 13
    expect(row(r.rows, 2019, 'm49_region', 'americas')).toMatchObject({ count: 9, denominator: 38 });
    expect(row(r.rows, 2019, 'm49_region', 'europe')).toMatchObject({ count: 13 });
    expect(row(r.rows, 2019, 'm49_region', 'oceania')).toMatchObject({ count: 0, share: 0 });
    expect(row(r.rows, 2019, 'regional_balance', 'pielou_j').value).toBeCloseTo(balance([4, 10, 1, 3, 18]).j, 12);
  });
});

describe('host effect', () => {
  it('host-country share per year, and exclude_host', async () => {
    const r = await metric('host');
    const h19 = row(r.rows, 2019, 'host', 'host_country');
    expect(h19).toMatchObject({ count: 12, denominator: 38, host_iso3: 'DEU', host_city: 'Berlin' });
    expect(row(r.rows, 2021, 'host', 'host_country')).toMatchObject({ count: 15, denominator: 60, host_iso3: 'POL' });
    const x = await metric('host', { exclude_host: 'true' });
    expect(row(x.rows, 2019, 'host', 'host_country').count).toBe(0);
    // speakers 2019: Ann (S1), Dan, Ann (S4) of 10 with a country
    const s = await metric('host', { population: 'speakers', to: '2019' });
    expect(row(s.rows, 2019, 'host', 'host_country')).toMatchObject({ count: 3, denominator: 10 });
  });
});

describe('representation', () => {
  it('speakers share / attendees share, same year', async () => {
    const r = await metric('representation', { to: '2019' });
    const gov = row(r.rows, 2019, 'stakeholder_group', 'government');
    // speakers: Ann, Dan, Jo, Ann = 4 of 10 named; attendees 11 of 39
    expect(gov).toMatchObject({ speaker_count: 4, speaker_denominator: 10, attendee_count: 11, attendee_denominator: 39 });
    expect(gov.ratio).toBeCloseTo(4 / 10 / (11 / 39), 12);
    const female = row(r.rows, 2019, 'gender', 'female');
    expect(female.ratio).toBeCloseTo(3 / 9 / (16 / 37), 12);
    const south = row(r.rows, 2019, 'global_south', 'global_south');
    expect(south).toMatchObject({ definition: 'un_developing', speaker_count: 4, attendee_count: 19 });
    expect(south.ratio).toBeCloseTo(4 / 10 / (19 / 38), 12);
    expect(row(r.rows, 2019, 'un_regional_group', 'weog').ratio).toBeCloseTo(5 / 10 / (18 / 38), 12);
    expect(female.low_n).toBe(true); // 9 speakers
    const g = await metric('representation', { to: '2019', definition: 'g77' });
    expect(row(g.rows, 2019, 'global_south', 'global_south').ratio).toBeCloseTo(2 / 10 / (9 / 38), 12);
  });
});

describe('sessions', () => {
  it('manel rule and the stage diversity rules, per year', async () => {
    const r = await metric('sessions');
    // 2019: S1 Ann f, Bob m, Chen m; S2 Dan, Fritz, Gao all m; S3 Hana f + 2 of unknown gender;
    // S4 Jo m, Ann f. Eligible (>= 2 of known gender): S1, S2, S4; all male: S2 -> 1 / 3.
    const manel = row(r.rows, 2019, 'manel', 'manel');
    expect(manel).toMatchObject({ count: 1, denominator: 3, total: 4 });
    expect(manel.share).toBeCloseTo(1 / 3, 12);
    expect(row(r.rows, 2019, 'manel', 'ineligible')).toMatchObject({ kind: 'excluded', count: 1 });
    // two genders: S1, S4 of S1, S2, S4
    expect(row(r.rows, 2019, 'gender_diverse', 'diverse')).toMatchObject({ count: 2, denominator: 3 });
    // two regional groups: S1 (WEOG, Asia-Pacific), S2 (WEOG, EEG; HKG adds none), S3 (African, GRULAC); not S4 (WEOG only)
    expect(row(r.rows, 2019, 'region_diverse', 'diverse')).toMatchObject({ count: 3, denominator: 4 });
    // three stakeholder groups: S1 (gov, private, civil), S2 (gov, technical, academia); S3 has 2, S4 1
    expect(row(r.rows, 2019, 'stakeholder_diverse', 'diverse')).toMatchObject({ count: 2, denominator: 4 });
    // a global-south speaker (UN developing): S1 Chen, S2 Gao (HKG), S3 Hana; not S4 (USA, DEU)
    expect(row(r.rows, 2019, 'global_south_on_stage', 'with_global_south')).toMatchObject({ count: 3, denominator: 4 });
    // 2021: S5 Kim f, Lu f, Vera m; S6 Max m, Nils m (manel); S7 Olu alone (ineligible)
    expect(row(r.rows, 2021, 'manel', 'manel')).toMatchObject({ count: 1, denominator: 2, total: 3 });
    // g77: S1 Chen, S3 Hana -> 2 of 4
    const g = await metric('sessions', { definition: 'g77', to: '2019' });
    expect(row(g.rows, 2019, 'global_south_on_stage', 'with_global_south')).toMatchObject({ count: 2, definition: 'g77' });
  });

  it('exclude_host turns S1 and S2 into manels (2019)', async () => {
    // without DEU speakers: S1 Bob, Chen (both m) -> manel; S2 Fritz, Gao -> manel; S3 ineligible; S4 Jo alone
    const r = await metric('sessions', { to: '2019', exclude_host: 'true' });
    expect(row(r.rows, 2019, 'manel', 'manel')).toMatchObject({ count: 2, denominator: 2, total: 4 });
  });

  it('one row per session with level=session', async () => {
    const r = await metric('sessions', { level: 'session', to: '2019' });
    expect(r.rows.map((x) => x.session_id)).toEqual(['S1', 'S2', 'S3', 'S4']);
    const s1 = r.rows[0];
    expect(s1).toMatchObject({ speakers: 3, women: 1, men: 2, known_gender: 3, manel: false, gender_diverse: true, session_type: 'workshop' });
    expect(s1.women_share).toBeCloseTo(1 / 3, 12);
    expect(r.rows[1]).toMatchObject({ manel: true, genders: 1, regional_groups: 2, stakeholder_groups: 3 });
    expect(r.rows[2]).toMatchObject({ manel: null, known_gender: 1 });
  });
});

describe('published vs computed', () => {
  it('lines up published figures with computed ones', async () => {
    const r = await metric('published');
    const find = (metricName: string, category: string) => r.rows.find((x) => x.metric === metricName && x.category === category)!;
    expect(find('participants_total', 'all')).toMatchObject({ published_value: 45, computed_value: 40, difference: -5 });
    expect(find('gender_share', 'female').computed_value).toBeCloseTo((16 / 37) * 100, 9);
    expect(find('stakeholder_share', 'government')).toMatchObject({ computed_value: 25, difference: 0 });
    // technical and academic 2021: (5 + 5) / 60
    expect(find('stakeholder_share', 'technical_and_academic').computed_value).toBeCloseTo((10 / 60) * 100, 9);
    expect(find('region_share', 'grulac').computed_value).toBeCloseTo((17 / 60) * 100, 9);
    expect(find('countries_represented', 'all')).toMatchObject({ computed_value: 9, difference: 0 });
    expect(find('participants_onsite', 'all')).toMatchObject({ computed_value: 37, difference: -3 });
    expect(find('workshops', 'all')).toMatchObject({ computed_value: null, computed_from: null });
  });
});

describe('suppression (k = 5)', () => {
  it('gender 2019: other (2) is merged with the not-stated cells; female and male shares stay, with parity', async () => {
    // female 16, male 19, other 2 | undisclosed 2, unknown 1. other is small and would be the only
    // hidden cell of D: it leaves D (D = 35) and is protected in T - D = other + undisclosed + unknown
    // = 5, where the smallest non-zero missing-data cell (unknown, 1) is hidden with it.
    const r = await metric('gender', { to: '2019' }, 5);
    expect(row(r.rows, 2019, 'gender', 'other')).toMatchObject({ kind: 'excluded', count: null, share: null, ci_low: null, suppressed: true });
    const female = row(r.rows, 2019, 'gender', 'female');
    expect(female).toMatchObject({ count: 16, denominator: 35, total: 40, suppressed: false });
    expect(female.share).toBeCloseTo(16 / 35, 12);
    expect(female.coverage).toBeCloseTo(35 / 40, 12);
    // u = undisclosed 2 + unknown 1 + the merged other 2 = 5: bounds 16/40 and 21/40
    expect(female.bound_low).toBeCloseTo(16 / 40, 12);
    expect(female.bound_high).toBeCloseTo(21 / 40, 12);
    expect(row(r.rows, 2019, 'gender', 'male')).toMatchObject({ count: 19, denominator: 35, suppressed: false });
    expect(row(r.rows, 2019, 'gender', 'undisclosed')).toMatchObject({ count: 2, suppressed: false });
    expect(row(r.rows, 2019, 'gender', 'unknown')).toMatchObject({ count: null, suppressed: true });
    expect(row(r.rows, 2019, 'gender_parity', 'female_per_male')).toMatchObject({ denominator: 35, suppressed: false });
    expect(row(r.rows, 2019, 'gender_parity', 'female_per_male').value).toBeCloseTo(16 / 19, 12);
    // 2021 has no small cell
    const r21 = await metric('gender', { from: '2021' }, 5);
    expect(r21.rows.every((x) => x.suppressed === false)).toBe(true);
  });

  it('global south 2019: a small unknown cell (missing data) is shown and hides nothing', async () => {
    const r = await metric('global-south', { to: '2019' }, 5);
    const south = row(r.rows, 2019, 'global_south', 'global_south');
    expect(row(r.rows, 2019, 'global_south', 'unknown')).toMatchObject({ count: 2, suppressed: false });
    expect(south).toMatchObject({ count: 19, share: 0.5, denominator: 38, total: 40, suppressed: false });
    expect(south.bound_low).toBeCloseTo(19 / 40, 12);
    expect(south.bound_high).toBeCloseTo(21 / 40, 12);
    expect(row(r.rows, 2019, 'global_south', 'global_north')).toMatchObject({ count: 19, share: 0.5, suppressed: false });
  });

  it('stakeholders 2019: a zero is hidden when it is the only other excluded cell; indices go', async () => {
    const r = await metric('stakeholders', { to: '2019' }, 5);
    for (const c of ['academia', 'intergovernmental_organization', 'media', 'other', 'unknown']) {
      expect(row(r.rows, 2019, 'stakeholder_group', c)).toMatchObject({ count: null, suppressed: true });
    }
    expect(row(r.rows, 2019, 'stakeholder_group', 'technical_community')).toMatchObject({ count: 5, suppressed: false });
    expect(row(r.rows, 2019, 'stakeholder_balance', 'pielou_j')).toMatchObject({ value: null, suppressed: true });
    expect(row(r.rows, 2019, 'regional_balance', 'pielou_j')).toMatchObject({ value: null, suppressed: true });
  });

  it('representation and published follow the breakdowns; speakers are never suppressed', async () => {
    const r = await metric('representation', { to: '2019' }, 5);
    // gender 2019: the attendees' other (2) is merged with the not-stated cells, on both sides (the
    // speakers have no other): attendee D = 35, speaker D = 9
    const f = row(r.rows, 2019, 'gender', 'female');
    expect(f).toMatchObject({ speaker_count: 3, speaker_denominator: 9, attendee_count: 16, attendee_denominator: 35, suppressed: false });
    expect(f.ratio).toBeCloseTo(3 / 9 / (16 / 35), 12);
    expect(row(r.rows, 2019, 'gender', 'male').ratio).toBeCloseTo(6 / 9 / (19 / 35), 12);
    expect(row(r.rows, 2019, 'gender', 'other')).toMatchObject({ kind: 'excluded', attendee_count: null, ratio: null, suppressed: true });
    // stakeholders 2019: academia (2) is hidden, and with it its ratio
    expect(row(r.rows, 2019, 'stakeholder_group', 'academia')).toMatchObject({ attendee_count: null, ratio: null, suppressed: true });
    const p = await metric('published', {}, 5);
    // the female share 2019 is shown now (other merged): 16 / 35
    const published = p.rows.find((x) => x.metric === 'gender_share')!;
    expect(published).toMatchObject({ suppressed: false });
    expect(published.computed_value).toBeCloseTo((100 * 16) / 35, 9);
    const s = await metric('gender', { population: 'speakers' }, 5);
    expect(s.rows.every((x) => x.suppressed === false)).toBe(true);
    expect(row(s.rows, 2019, 'gender', 'undisclosed').count).toBe(1);
  });

  it('k comes from IGF_SUPPRESSION_K', async () => {
    const before = process.env.IGF_SUPPRESSION_K;
    process.env.IGF_SUPPRESSION_K = '2';
    try {
      const r = await computeMetric(db.conn, 'gender', parseMetricParams('gender', { to: '2019' }));
      expect(r.suppression.k).toBe(2);
      // k = 2: only unknown (1) is below k, and it is missing data: nothing is hidden
      expect(row(r.rows, 2019, 'gender', 'other')).toMatchObject({ count: 2, suppressed: false });
      expect(row(r.rows, 2019, 'gender', 'unknown')).toMatchObject({ count: 1, suppressed: false });
      // k = 5 from the environment: other is merged, as above
      process.env.IGF_SUPPRESSION_K = '5';
      const r5 = await computeMetric(db.conn, 'gender', parseMetricParams('gender', { to: '2019' }));
      expect(row(r5.rows, 2019, 'gender', 'other')).toMatchObject({ count: null, suppressed: true });
    } finally {
      if (before === undefined) delete process.env.IGF_SUPPRESSION_K;
      else process.env.IGF_SUPPRESSION_K = before;
    }
  });
});

describe('parameters', () => {
  it('an unknown session type lists the types in the data', async () => {
    await expect(metric('gender', { population: 'speakers', session_type: 'plenary' })).rejects.toMatchObject({
      parameter: 'session_type',
      allowed: ['main_session', 'open_forum', 'workshop']
    });
  });
});

describe('source sets: a metric counts one set, never two', () => {
  it('the default is demo; source=fixture counts the real records, without the synthetic group l', async () => {
    const demo = await metric('participation', { to: '2019' });
    const real = await metric('participation', { to: '2019', source: 'fixture' });
    expect(demo).toMatchObject({ synthetic: true, params: { source: 'demo' } });
    expect(real).toMatchObject({ synthetic: false, params: { source: 'fixture' } });
    expect(row(demo.rows, 2019, 'participants', 'participants').count).toBe(40);
    // a-k: 40 - l (1) = 39; l was online and returning
    expect(row(real.rows, 2019, 'participants', 'participants').count).toBe(39);
    expect(row(real.rows, 2019, 'participation_mode', 'online')).toMatchObject({ count: 15, denominator: 38, total: 39 });
    expect(row(real.rows, 2019, 'first_time', 'returning')).toMatchObject({ count: 16, denominator: 33 });
    // sessions and speakers are counted in the same set: 4 sessions and 11 speakers in each
    expect(row(real.rows, 2019, 'sessions', 'sessions').count).toBe(4);
    expect(row(real.rows, 2019, 'speakers', 'speakers').count).toBe(11);
    // the region-only speakers of 2021 (public_session_pages) are in neither: 6 speakers in both sets
    for (const source of ['demo', 'fixture']) {
      const speakers = await metric('participation', { from: '2021', population: 'speakers', source });
      expect(row(speakers.rows, 2021, 'participants', 'participants').count).toBe(6);
    }
    expect(real.definition).toContain('source set fixture');
  });

  it('global south 2019 of the real set: the unknown row loses l', async () => {
    const r = await metric('global-south', { to: '2019', source: 'fixture' });
    expect(row(r.rows, 2019, 'global_south', 'global_south', 'un_developing')).toMatchObject({ count: 19, denominator: 38, total: 39 });
    expect(row(r.rows, 2019, 'global_south', 'unknown', 'un_developing').count).toBe(1);
  });

  it('a source set not in the database is refused, listing those that are', async () => {
    await expect(metric('gender', { source: 'user' })).rejects.toMatchObject({
      parameter: 'source',
      value: 'user',
      allowed: ['demo', 'fixture', 'public_session_pages']
    });
    // the published figures belong to no set, but their computed side does
    await expect(metric('published', { source: 'user' })).rejects.toMatchObject({ parameter: 'source' });
    const p = await metric('published', { source: 'fixture' });
    expect(p.rows.find((x) => x.metric === 'participants_total')).toMatchObject({ published_value: 45, computed_value: 39, difference: -6 });
  });

  it('session types are those of the set', async () => {
    await expect(metric('gender', { population: 'speakers', session_type: 'workshop', source: 'public_session_pages' })).rejects.toMatchObject({
      parameter: 'session_type',
      allowed: []
    });
  });
});

/**
 * Region-only records: source set public_session_pages, 2021 speakers (fixture.ts, REGION_ONLY_SPEAKERS).
 * Sessions R1 Amina african, Bao asia_pacific, Carla grulac; R2 Dmitri eastern_european, Erik weog,
 * Fatou african; R3 Hugo (nothing), Ines MEX (grulac by her country), Jon weog (his second record).
 * 9 persons; region known for 8, country known for 1 (Ines); region-only 7.
 */
describe('region-only records (country unknown, UN regional group known)', () => {
  const pages = (name: MetricName, query: Record<string, string> = {}) =>
    metric(name, { population: 'speakers', source: 'public_session_pages', ...query });

  it('regions: counted by their own group; unknown in the M49 regions; region_only on every row', async () => {
    const r = await pages('regions');
    expect(r.synthetic).toBe(false);
    const expected = { african: 2, asia_pacific: 1, eastern_european: 1, grulac: 2, weog: 2, no_group: 0 };
    for (const [group, count] of Object.entries(expected)) {
      const x = row(r.rows, 2021, 'un_regional_group', group);
      expect(x, group).toMatchObject({ count, denominator: 8, total: 9, region_only: 7 });
      expect(x.share).toBeCloseTo(count / 8, 12);
      expect(x.coverage).toBeCloseTo(8 / 9, 12);
    }
    expect(row(r.rows, 2021, 'un_regional_group', 'unknown')).toMatchObject({ kind: 'excluded', count: 1 }); // Hugo
    // M49 needs the country: only Ines (Americas) is known
    expect(row(r.rows, 2021, 'm49_region', 'americas')).toMatchObject({ count: 1, denominator: 1, total: 9, share: 1 });
    expect(row(r.rows, 2021, 'm49_region', 'unknown')).toMatchObject({ kind: 'excluded', count: 8 });
    expect(row(r.rows, 2021, 'regional_balance', 'pielou_j')).toMatchObject({ denominator: 8, region_only: 7 });
    expect(row(r.rows, 2021, 'regional_balance', 'pielou_j').value).toBeCloseTo(balance([2, 1, 1, 2, 2]).j, 12);
    expect(row(r.rows, 2021, 'regional_balance', 'blau_normalised').value).toBeCloseTo(balance([2, 1, 1, 2, 2]).blau, 12);
  });

  it('global south: regional_groups counts them; the country-based definitions leave them unknown', async () => {
    const r = await pages('global-south', { definition: 'all' });
    // regional_groups: south = african 2 + asia_pacific 1 + grulac 2 = 5; north = eastern_european 1 + weog 2 = 3; Hugo unknown
    const rg = row(r.rows, 2021, 'global_south', 'global_south', 'regional_groups');
    expect(rg).toMatchObject({ count: 5, denominator: 8, total: 9, region_only: 7 });
    expect(rg.share).toBeCloseTo(5 / 8, 12);
    expect(row(r.rows, 2021, 'global_south', 'global_north', 'regional_groups').count).toBe(3);
    expect(row(r.rows, 2021, 'global_south', 'unknown', 'regional_groups').count).toBe(1);
    // country-based: only Ines (MEX: UN developing, not G77, upper-middle income) is classified;
    // the 7 region-only speakers and Hugo are unknown: coverage 1 / 9
    for (const [definition, south] of [
      ['un_developing', 1],
      ['g77', 0],
      ['wb_non_high_income', 1]
    ] as const) {
      const x = row(r.rows, 2021, 'global_south', 'global_south', definition);
      expect(x, definition).toMatchObject({ count: south, denominator: 1, total: 9, region_only: 7 });
      expect(x.coverage).toBeCloseTo(1 / 9, 12);
      expect(row(r.rows, 2021, 'global_south', 'unknown', definition).count).toBe(8);
    }
    // attendance records have no regional group of their own: no region_only figure for attendees
    const attendees = await metric('global-south');
    expect(attendees.rows.every((x) => x.region_only === null)).toBe(true);
  });

  it('stakeholders: the regional balance counts them too', async () => {
    const r = await pages('stakeholders');
    expect(row(r.rows, 2021, 'regional_balance', 'pielou_j')).toMatchObject({ denominator: 8 });
    expect(row(r.rows, 2021, 'regional_balance', 'pielou_j').value).toBeCloseTo(balance([2, 1, 1, 2, 2]).j, 12);
  });

  it('countries, host, participation: the country is unknown', async () => {
    const c = await pages('countries');
    expect(c.rows.map((x) => [x.category, x.count])).toEqual([
      ['MEX', 1],
      ['unknown', 8]
    ]);
    const h = await pages('host');
    expect(row(h.rows, 2021, 'host', 'other_countries')).toMatchObject({ count: 1, denominator: 1, total: 9 });
    const p = await pages('participation');
    expect(row(p.rows, 2021, 'participants', 'participants').count).toBe(9);
    expect(row(p.rows, 2021, 'countries_represented', 'countries_represented').count).toBe(1);
    expect(row(p.rows, 2021, 'sessions', 'sessions').count).toBe(3); // R1-R3, named by the speaker records
  });

  it('sessions: region_diverse counts the regional group; global south on stage by definition', async () => {
    const r = await metric('sessions', { source: 'public_session_pages', definition: 'regional_groups' });
    // R1 3 groups, R2 3 groups, R3 Ines grulac + Jon weog (Hugo unknown): all three diverse
    expect(row(r.rows, 2021, 'region_diverse', 'diverse')).toMatchObject({ count: 3, denominator: 3 });
    // R1 (african, asia_pacific, grulac), R2 Fatou, R3 Ines
    expect(row(r.rows, 2021, 'global_south_on_stage', 'with_global_south')).toMatchObject({ count: 3, denominator: 3 });
    // no gender on the pages: no session is eligible for the gender rules
    expect(row(r.rows, 2021, 'manel', 'ineligible')).toMatchObject({ count: 3 });
    const un = await metric('sessions', { source: 'public_session_pages' });
    // UN developing: only Ines is classified, one per session at most: no session has 2 classified speakers
    expect(row(un.rows, 2021, 'global_south_on_stage', 'ineligible')).toMatchObject({ count: 3 });
    const perSession = await metric('sessions', { source: 'public_session_pages', level: 'session' });
    expect(perSession.rows.map((x) => [x.session_id, x.title, x.speakers, x.regional_groups, x.region_diverse])).toEqual([
      ['R1', 'Session R1', 3, 3, true],
      ['R2', 'Session R2', 3, 3, true],
      ['R3', 'Session R3', 3, 2, true]
    ]);
  });

  it('representation needs attendees of the same set: none here, so no rows', async () => {
    const r = await metric('representation', { source: 'public_session_pages' });
    expect(r.rows).toEqual([]);
  });
});
