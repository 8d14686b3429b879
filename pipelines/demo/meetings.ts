/**
 * The twenty annual IGF meetings: host, format and the dates of the meeting
 * week (Day 0 events on the first day of the range or the day before it). Calendar arithmetic is
 * done on day numbers, without Date, so nothing depends on the machine's clock
 * or time zone.
 */

export type MeetingFormat = 'onsite' | 'online' | 'hybrid';

export interface Meeting {
  year: number;
  city: string;
  /** null for the all-online 2020 meeting. */
  hostIso3: string | null;
  format: MeetingFormat;
  /** ISO dates, inclusive. */
  start: string;
  end: string;
  /** The first day of the range is the Day 0 (2019, 2021–2025); otherwise Day 0 is the day before `start`. */
  dayZeroFirst?: boolean;
}

export const MEETINGS: readonly Meeting[] = [
  { year: 2006, city: 'Athens', hostIso3: 'GRC', format: 'onsite', start: '2006-10-30', end: '2006-11-02' },
  { year: 2007, city: 'Rio de Janeiro', hostIso3: 'BRA', format: 'onsite', start: '2007-11-12', end: '2007-11-15' },
  { year: 2008, city: 'Hyderabad', hostIso3: 'IND', format: 'onsite', start: '2008-12-03', end: '2008-12-06' },
  { year: 2009, city: 'Sharm El Sheikh', hostIso3: 'EGY', format: 'onsite', start: '2009-11-15', end: '2009-11-18' },
  { year: 2010, city: 'Vilnius', hostIso3: 'LTU', format: 'onsite', start: '2010-09-14', end: '2010-09-17' },
  { year: 2011, city: 'Nairobi', hostIso3: 'KEN', format: 'onsite', start: '2011-09-27', end: '2011-09-30' },
  { year: 2012, city: 'Baku', hostIso3: 'AZE', format: 'onsite', start: '2012-11-06', end: '2012-11-09' },
  { year: 2013, city: 'Bali', hostIso3: 'IDN', format: 'onsite', start: '2013-10-22', end: '2013-10-25' },
  { year: 2014, city: 'Istanbul', hostIso3: 'TUR', format: 'onsite', start: '2014-09-02', end: '2014-09-05' },
  { year: 2015, city: 'João Pessoa', hostIso3: 'BRA', format: 'onsite', start: '2015-11-10', end: '2015-11-13' },
  { year: 2016, city: 'Guadalajara', hostIso3: 'MEX', format: 'onsite', start: '2016-12-06', end: '2016-12-09' },
  { year: 2017, city: 'Geneva', hostIso3: 'CHE', format: 'onsite', start: '2017-12-18', end: '2017-12-21' },
  { year: 2018, city: 'Paris', hostIso3: 'FRA', format: 'onsite', start: '2018-11-12', end: '2018-11-14' },
  { year: 2019, city: 'Berlin', hostIso3: 'DEU', format: 'onsite', start: '2019-11-25', end: '2019-11-29', dayZeroFirst: true },
  { year: 2020, city: 'online', hostIso3: null, format: 'online', start: '2020-11-02', end: '2020-11-17' },
  { year: 2021, city: 'Katowice', hostIso3: 'POL', format: 'hybrid', start: '2021-12-06', end: '2021-12-10', dayZeroFirst: true },
  { year: 2022, city: 'Addis Ababa', hostIso3: 'ETH', format: 'hybrid', start: '2022-11-28', end: '2022-12-02', dayZeroFirst: true },
  { year: 2023, city: 'Kyoto', hostIso3: 'JPN', format: 'hybrid', start: '2023-10-08', end: '2023-10-12', dayZeroFirst: true },
  { year: 2024, city: 'Riyadh', hostIso3: 'SAU', format: 'hybrid', start: '2024-12-15', end: '2024-12-19', dayZeroFirst: true },
  { year: 2025, city: 'Lillestrøm', hostIso3: 'NOR', format: 'hybrid', start: '2025-06-23', end: '2025-06-27', dayZeroFirst: true }
];

export function meeting(year: number): Meeting {
  const m = MEETINGS.find((x) => x.year === year);
  if (!m) throw new Error(`no IGF meeting in ${year}`);
  return m;
}

/** Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function dayNumber(iso: string): number {
  let y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of dayNumber. */
export function isoDate(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 0 = Monday … 6 = Sunday. */
export function weekday(days: number): number {
  return (((days + 3) % 7) + 7) % 7;
}

/** The meeting's session days after Day 0; for the long online 2020 meeting, weekdays only. */
export function meetingDays(m: Meeting): string[] {
  const out: string[] = [];
  const last = dayNumber(m.end);
  for (let d = dayNumber(m.start) + (m.dayZeroFirst ? 1 : 0); d <= last; d++) {
    if (m.format === 'online' && weekday(d) >= 5) continue;
    out.push(isoDate(d));
  }
  return out;
}

/** Day 0: the first day of the range where it is part of it, else the day before the meeting opens. */
export function dayZero(m: Meeting): string {
  return m.dayZeroFirst ? m.start : isoDate(dayNumber(m.start) - 1);
}
