/**
 * One pipeline run: on a copy of the database, make sure the reference
 * tables are current, load each input file, and swap the copy in only if
 * every file could be read (and, with strict, nothing was rejected).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative, resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { withDatabaseCopy, LockedError, type Recovered } from './database/atomic.ts';
import { loadOrCreatePseudonymKey } from './database/pseudonym-key.ts';
import { loadFile, fileSha256, sourceName, displayName, adoptPathNamedFiles, type FileReport } from './load/load-file.ts';
import { InputError } from './files/input-file.ts';
import { loadCountryReference } from './reference/load-countries.ts';
import { loadMeetings } from './reference/load-meetings.ts';
import { INCOME_HISTORY_FILE, loadIncomeHistory } from './reference/load-income.ts';
import type { RecordKind } from './records/kinds.ts';
import type { ManualMap } from './records/headers.ts';
import { clearStaging, type StageProgress } from './load/stage.ts';
import { PUBLIC_SESSION_PAGES } from '../src/lib/domain/source-sets.ts';
import { DEFAULT_DB_PATH } from '../src/lib/domain/database.ts';
import { StoredCategoryError } from './schema/category-types.ts';

export const DEFAULT_DB = DEFAULT_DB_PATH;
export const DATA_DIR = resolve(import.meta.dirname, '..', 'data');
export const REFERENCE_DIR = join(DATA_DIR, 'reference');
export const MEETINGS_CSV = join(DATA_DIR, 'meetings.csv');
export const PUBLISHED_CSV = join(DATA_DIR, 'published', 'participation_aggregates.csv');
/** The real speakers, organisers and moderators of the IGF's public session pages (see its PROVENANCE.md). */
export const SESSION_SPEAKERS_CSV = join(DATA_DIR, 'igf-session-speakers', 'igf_session_speakers.csv');
export const DEMO_DIR = join(DATA_DIR, 'demo');
export const DEMO_FILES = ['attendance.csv', 'sessions.csv', 'speakers.csv'];

export interface PipelineOptions {
  db: string;
  /** Files to load; none means the bundled default: published figures and the synthetic demo records. */
  inputs: string[];
  /** Only make sure the reference tables are current; load no files (not even the default ones). */
  referenceOnly?: boolean;
  kind?: RecordKind;
  strict?: boolean;
  synthetic?: boolean;
  /** Columns mapped by hand (`--map 'Header=field'`). */
  manual?: ManualMap;
  /** The meeting year of every row that has none. */
  year?: number;
  /** Keep a file none of whose rows could be loaded (normally that fails the run). */
  allowEmpty?: boolean;
  /** The source set of the loaded rows (`--source`); default 'demo' for synthetic rows, 'user' for real ones. */
  source?: string;
  onFileStart?: (file: string) => void;
  onProgress?: (file: string, ...rest: Parameters<StageProgress>) => void;
  onFileDone?: (report: FileReport) => void;
  /** Called when an earlier run had been killed and its lock and temporary copy were cleared. */
  onRecovered?: (recovered: Recovered) => void;
  /** Called after the copy is complete and closed, just before it replaces the database (tests inject failures here). */
  beforeSwap?: () => void | Promise<void>;
}

export interface FailedFile {
  file: string;
  error: string;
}

export interface PipelineReport {
  db: string;
  ok: boolean;
  /** Why the database was left unchanged, when ok is false. */
  error?: string;
  reference: { countries: number; country_aliases: number; meetings: number; status: 'loaded' | 'unchanged' };
  files: FileReport[];
  failed: FailedFile[];
  /** Files in an input folder that are not data files (by extension), left alone. */
  skipped: string[];
  totals: { rows_read: number; rows_loaded: number; rows_rejected: number };
  /** True when the failure was not a problem with the inputs (a bug, a full disk...). */
  unexpected?: boolean;
}

class RunFailed extends Error {}

export async function runPipeline(options: PipelineOptions): Promise<PipelineReport> {
  const inputs = options.referenceOnly ? [] : options.inputs.length ? options.inputs : defaultInputs();
  const report: PipelineReport = {
    db: options.db,
    ok: false,
    reference: { countries: 0, country_aliases: 0, meetings: 0, status: 'unchanged' },
    files: [],
    failed: [],
    skipped: [],
    totals: { rows_read: 0, rows_loaded: 0, rows_rejected: 0 }
  };
  try {
    await withDatabaseCopy(
      options.db,
      async ({ conn }) => {
        report.reference = await ensureReference(conn);
        // Once per run: databases written before file keys named files by their path.
        await adoptPathNamedFiles(conn);
        let pseudonymKey: string | undefined;
        const expanded = expandFolders(inputs);
        report.skipped = expanded.skipped;
        report.failed.push(...expanded.failed);
        for (const { path: input, name } of expanded.files) {
          const file = sourceName(input);
          options.onFileStart?.(file);
          try {
            pseudonymKey ??= loadOrCreatePseudonymKey();
            const bundled = bundledInput(input);
            const fileReport = await loadFile(conn, input, {
              kind: bundled?.kind ?? options.kind,
              source: bundled?.source ?? options.source,
              synthetic: options.synthetic,
              manual: options.manual,
              year: options.year,
              name,
              pseudonymKey,
              progress: (phase, fraction) => options.onProgress?.(file, phase, fraction)
            });
            report.files.push(fileReport);
            options.onFileDone?.(fileReport);
            if (fileReport.status === 'loaded' && fileReport.rows_read > 0 && fileReport.rows_loaded === 0 && !options.allowEmpty) {
              report.failed.push({ file, error: noRowLoaded(fileReport) });
            }
          } catch (e) {
            if (!(e instanceof InputError)) throw e;
            report.failed.push({ file, error: e.message });
            // Clear what the failed file left staged before the next one.
            await clearStaging(conn);
          }
        }
        for (const f of report.files) {
          report.totals.rows_read += f.rows_read;
          report.totals.rows_loaded += f.rows_loaded;
          report.totals.rows_rejected += f.rows_rejected;
        }
        if (report.failed.length) {
          throw new RunFailed(`${report.failed.length} file(s) could not be read; the database was not changed`);
        }
        const mixed = await mixedSourceSets(conn);
        if (mixed.length) {
          throw new RunFailed(
            `source set ${mixed.map((s) => JSON.stringify(s)).join(', ')} would hold both synthetic and real records, and no figure may mix them; load the synthetic files with their own --source; the database was not changed`
          );
        }
        if (options.strict && report.totals.rows_rejected > 0) {
          throw new RunFailed(`--strict: ${report.totals.rows_rejected} row(s) rejected; the database was not changed`);
        }
      },
      options.beforeSwap,
      options.onRecovered
    );
    report.ok = true;
  } catch (e) {
    report.ok = false;
    // RunFailed and LockedError say themselves what happened to the database; anything else did not change it either.
    const complete = e instanceof RunFailed || e instanceof LockedError;
    report.error = complete ? (e as Error).message : `${String((e as Error)?.message ?? e)}; the database was not changed`;
    // A stored category the code no longer knows is a problem of the database, not a bug.
    if (!complete && !(e instanceof StoredCategoryError)) report.unexpected = true;
  }
  return report;
}

/** Why a file whose every row was rejected fails the run, with its most frequent reason. */
function noRowLoaded(file: FileReport): string {
  const [reason, count] = Object.entries(file.rejected_by_reason)[0] ?? ['unknown', file.rows_rejected];
  const rows = file.rows_read === 1 ? 'its only row was' : `all ${file.rows_read.toLocaleString('en-US')} rows were`;
  return `${rows} rejected (most often: ${reason}, ${count.toLocaleString('en-US')}×); nothing of it would be loaded. Fix the file, or load it anyway with --allow-empty`;
}

/** The bundled data: published figures, the real session-page speakers, then the synthetic demo records. */
export function defaultInputs(): string[] {
  return [PUBLISHED_CSV, SESSION_SPEAKERS_CSV, ...DEMO_FILES.map((f) => join(DEMO_DIR, f))];
}

/** Extensions of the files a folder given as input contributes: tables and saved session pages. */
const DATA_FILE = /\.(csv|tsv|txt|json|jsonl|ndjson|parquet|html?)$/i;

/**
 * Inputs with every folder replaced by the data files directly inside it, in
 * name order (a folder of saved session pages, say). Other files in a folder
 * are skipped and listed; a folder without any data file fails the run. Each
 * file comes with the name it is stored under (displayName): its base name, or
 * folder/name for a file found in a folder.
 */
function expandFolders(inputs: string[]): { files: { path: string; name: string }[]; skipped: string[]; failed: FailedFile[] } {
  const files: { path: string; name: string }[] = [];
  const skipped: string[] = [];
  const failed: FailedFile[] = [];
  for (const input of inputs) {
    if (!existsSync(input) || !statSync(input).isDirectory()) {
      files.push({ path: input, name: displayName(input) });
      continue;
    }
    const entries = readdirSync(input, { withFileTypes: true })
      .filter((e) => e.isFile() && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort();
    const data = entries.filter((name) => DATA_FILE.test(name));
    skipped.push(...entries.filter((name) => !DATA_FILE.test(name)).map((name) => sourceName(join(input, name))));
    if (data.length === 0) failed.push({ file: sourceName(input), error: 'is a folder without CSV, JSON, Parquet or saved session pages (.html, .txt)' });
    files.push(...data.map((name) => ({ path: join(input, name), name: displayName(name, input) })));
  }
  return { files, skipped, failed };
}

/** The kind and source set of a bundled file, whatever the command line says. */
function bundledInput(path: string): { kind: RecordKind; source?: string } | undefined {
  if (resolve(path) === PUBLISHED_CSV) return { kind: 'published_figures' };
  if (resolve(path) === SESSION_SPEAKERS_CSV) return { kind: 'speakers', source: PUBLIC_SESSION_PAGES };
  return undefined;
}

/** Source sets holding both synthetic and real rows: every figure is computed within one set, so none may. */
async function mixedSourceSets(conn: DuckDBConnection): Promise<string[]> {
  const found = await conn.runAndReadAll(
    `SELECT source_set FROM (
       SELECT source_set, synthetic FROM attendance GROUP BY ALL
       UNION ALL SELECT source_set, synthetic FROM session GROUP BY ALL
       UNION ALL SELECT source_set, synthetic FROM speaker GROUP BY ALL)
     GROUP BY source_set HAVING count(DISTINCT synthetic) > 1 ORDER BY source_set`
  );
  return found.getRows().map((r) => String(r[0]));
}

export function demoMissing(): boolean {
  return DEMO_FILES.some((f) => !existsSync(join(DEMO_DIR, f)));
}

/** Country and meeting tables, rebuilt only when the reference files changed. */
async function ensureReference(conn: DuckDBConnection): Promise<PipelineReport['reference']> {
  const files = [
    ...readdirSync(REFERENCE_DIR, { recursive: true, withFileTypes: false })
      .map((f) => join(REFERENCE_DIR, String(f)))
      .filter((f) => statSync(f).isFile()),
    MEETINGS_CSV
  ].sort();
  const hash = createHash('sha256');
  // Names relative to the repository, wherever the pipeline runs from (the same as before when run from it).
  const root = resolve(DATA_DIR, '..');
  for (const f of files) hash.update(`${relative(root, f)}\0${await fileSha256(f)}\0`);
  const sha = hash.digest('hex');
  // One load_log row for the reference tables, never an absolute path; no input file is named so
  // (a file of an input folder needs an extension, a file given directly has no folder in its name).
  const logName = relative(root, REFERENCE_DIR);
  const counts = async () => {
    const r = await conn.runAndReadAll(
      'SELECT (SELECT count(*) FROM country), (SELECT count(*) FROM country_alias), (SELECT count(*) FROM meeting)'
    );
    const [countries, aliases, meetings] = r.getRows()[0].map(Number);
    return { countries, country_aliases: aliases, meetings };
  };
  const logged = await conn.runAndReadAll("SELECT sha256 FROM load_log WHERE kind = 'reference' AND file = $1", [logName]);
  if (logged.currentRowCount && logged.getRows()[0][0] === sha) return { ...(await counts()), status: 'unchanged' };

  await conn.run("DELETE FROM country_alias; DELETE FROM country; DELETE FROM meeting; DELETE FROM country_income; DELETE FROM load_log WHERE kind = 'reference';");
  await loadCountryReference(conn, REFERENCE_DIR);
  await loadMeetings(conn, MEETINGS_CSV);
  await loadIncomeHistory(conn, join(REFERENCE_DIR, INCOME_HISTORY_FILE));
  const c = await counts();
  const rows = c.countries + c.meetings;
  await conn.run(
    `INSERT OR REPLACE INTO load_log (file, sha256, kind, rows_read, rows_loaded, rows_rejected, synthetic, loaded_at)
     VALUES ($1, $2, $3, $4, $4, 0, false, now()::TIMESTAMP)`, [
    logName,
    sha,
    'reference',
    rows
  ]);
  return { ...c, status: 'loaded' };
}
