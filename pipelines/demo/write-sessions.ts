/**
 * sessions.csv of the synthetic demo data: the year's sessions by type, theme
 * and day, with room sizes and an estimated share of women.
 */
import { UNDISCLOSED_GENDER_SHARE, largestRemainder, type YearTarget } from './calibration';
import { csvField, type BufferedCsvWriter } from './csv';
import { SESSION_CODES, SESSION_PULL, sessionTitle, sessionTypeMix, themesFor, type SessionType } from './content';
import { dayZero, meetingDays } from './meetings';
import { Random } from './random';
import type { World } from './world';

export const SESSION_COLUMNS = [
  'meeting_year', 'session_id', 'title', 'session_type', 'theme', 'date', 'attendance_onsite', 'attendance_online',
  'women_share_estimate', 'synthetic'
] as const;

export interface Session {
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

/** Plans the year's sessions and writes them to sessions.csv; the speakers are drawn for the same list. */
export async function writeSessionsYear(w: BufferedCsvWriter, world: World, t: YearTarget, seed: number): Promise<Session[]> {
  const sessions = planSessions(world, t, seed);
  for (const s of sessions) {
    const p = w.push(sessionLine(s));
    if (p) await p;
  }
  return sessions;
}
