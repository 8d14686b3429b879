/**
 * Seeded SYNTHETIC demo dataset of IGF participation (2006–2025), calibrated to
 * the published figures in data/published/participation_aggregates.csv.
 *
 * generateDemo writes attendance.csv, sessions.csv, speakers.csv and README.md
 * into a folder (default data/demo). Same seed and scale -> byte-identical
 * files. Every row carries synthetic=true; no record describes a real person.
 * The command line is cli.ts (npm run generate:demo).
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { yearCounts } from './calibration';
import { BufferedCsvWriter } from './csv';
import { COUNTRY_NON_ISO3, countrySpellings } from './messy';
import { readmeText } from './readme-text';
import { ATTENDANCE_COLUMNS, writeAttendanceYear, type AttendanceStats, type People } from './write-attendance';
import { SESSION_COLUMNS, writeSessionsYear } from './write-sessions';
import { SPEAKER_COLUMNS, writeSpeakersYear, type Speaker, type SpeakerStats } from './write-speakers';
import { buildWorld, countryModel } from './world';

export const DEFAULT_SEED = 2006;
export const DEFAULT_OUT_DIR = fileURLToPath(new URL('../../data/demo/', import.meta.url));
export const MAX_SCALE = 50_000_000;

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

/** The options with their defaults, checked (DemoArgumentError); the CLI checks them before it starts. */
export function checkOptions(opts: DemoOptions): { scale: number | undefined; seed: number; outDir: string } {
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
      const sessions = await writeSessionsYear(sessionsW, world, t, seed);
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

// `npx tsx pipelines/demo/generate.ts ...`, the command the generated README.md
// gives, runs the command line as before.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void import('./cli').then((cli) => cli.runCli());
}
