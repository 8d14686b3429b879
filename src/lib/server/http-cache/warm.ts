/**
 * Warm-up of the response cache: whenever the data version changes (the server's start, a pipeline
 * run swapping the database) or the UTC day does (cache keys carry the day, key.ts), the server asks
 * itself for the views most readers open first, one at a time, so that those readers are answered
 * from memory. Without it, the first reader of each page after a pipeline run waits for the page to be
 * computed: 0.05–0.2 s for most pages, over a second for the first ones after the database is
 * opened (tests/bench/HISTORY.md, 2026-12-02).
 *
 * The requests go through the whole app like any reader's (hooks, cache, compression), so what they
 * leave in the cache is byte for byte what a reader would have caused. Side effects (the request,
 * the data version, the clock, the log) are passed in; `startWarming` adds the timer.
 */
import { METRICS, metricPath } from '$lib/domain/metrics.ts';
import { LOCALES, localizePath } from '$lib/i18n/locales.ts';
import { ROUTES } from '$lib/state/routes.ts';
import { utcDay } from './key.ts';

/** One warm-up request: its status and x-igf-cache header, once its body has been read to the end. */
export type WarmRequest = (path: string) => Promise<{ status: number; cache: string | null }>;

export interface WarmerOptions {
  /** Paths to request, in order; the first ones are ready first. */
  paths: readonly string[];
  request: WarmRequest;
  /** The data version requests will be answered from; throws while there is no database. */
  dataVersion: () => Promise<string>;
  now?: () => Date;
  log?: (line: string) => void;
}

export interface WarmRun {
  version: string;
  day: string;
  /** Paths requested, answered 200 and kept by the cache. */
  warmed: number;
  failed: { path: string; problem: string }[];
  /** True when the data changed again during the run: what it warmed is already outdated. */
  superseded: boolean;
  /** Why the run stopped when the server could not be reached (not listening yet, or at another address). */
  unreachable: string | null;
  ms: number;
}

export interface Warmer {
  /**
   * Warms the paths when the data version or the day has changed since the last complete run;
   * resolves to that run, or to null when there was nothing to do (or a run is already going, or
   * there is no database). A run that was superseded or could not reach the server is not complete:
   * the next check starts it again. A path answered with an error is not requested again until the
   * next data version or day.
   */
  check(): Promise<WarmRun | null>;
  /** Ends a run under way after its current request, and every later check (the server is shutting down). */
  stop(): void;
}

/**
 * What in-app navigation fetches for a page: its data, with the flags SvelteKit's client sends
 * when only the page's own load runs again (the root layout's load reads nothing of the URL).
 */
export function pageDataPath(pagePath: string): string {
  return `${pagePath === '/' ? '' : pagePath}/__data.json?x-sveltekit-invalidated=01`;
}

/**
 * The default views: every metric with its defaults; then, language by language (English first),
 * every page as it is opened and as in-app navigation fetches it.
 */
export function defaultWarmPaths(): string[] {
  const api = METRICS.map(metricPath);
  const pages = LOCALES.flatMap((locale) => {
    const paths = ROUTES.map((route) => localizePath(route.path, locale));
    return [...paths, ...paths.map(pageDataPath)];
  });
  return [...api, ...pages];
}

/** Kinds of errors that mean the server is not there (yet), rather than that one view failed. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EADDRNOTAVAIL']);

/** The response cache's answers that mean the view is now kept (handle.ts). */
const KEPT = new Set(['miss', 'hit', 'shared']);

export function createWarmer(options: WarmerOptions): Warmer {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => {});
  /** version + day of the last run that finished with the data unchanged. */
  let warmedFor: string | null = null;
  let running = false;
  let stopped = false;
  /** The last reason the server could not be reached, logged once until it changes. */
  let lastUnreachable: string | null = null;

  async function currentVersion(): Promise<string | null> {
    try {
      return await options.dataVersion();
    } catch {
      return null; // no database (yet): the next check tries again
    }
  }

  async function run(version: string, day: string): Promise<WarmRun> {
    const started = performance.now();
    const failed: WarmRun['failed'] = [];
    let warmed = 0;
    let superseded = false;
    let unreachable: string | null = null;
    for (const path of options.paths) {
      if (stopped) break;
      // Requests made after a swap would warm the new data under an outdated run: stop, start over.
      if ((await currentVersion()) !== version) {
        superseded = true;
        break;
      }
      try {
        const { status, cache } = await options.request(path);
        if (status !== 200) failed.push({ path, problem: `answered ${status}` });
        else if (!KEPT.has(cache ?? '')) failed.push({ path, problem: `not kept (x-igf-cache: ${cache ?? 'none'})` });
        else warmed++;
      } catch (e) {
        const error = e as Error;
        const code = (error.cause as { code?: string } | undefined)?.code;
        if (code && UNREACHABLE.has(code)) {
          unreachable = describeError(error);
          break;
        }
        failed.push({ path, problem: error.name === 'TimeoutError' ? 'no answer in time' : describeError(error) });
      }
    }
    return { version, day, warmed, failed, superseded, unreachable, ms: Math.round(performance.now() - started) };
  }

  return {
    async check() {
      if (running || stopped) return null;
      running = true;
      try {
        const version = await currentVersion();
        const day = utcDay(now());
        if (version === null || warmedFor === `${version}\n${day}`) return null;
        const result = await run(version, day);
        if (stopped) return null;
        if (result.unreachable) {
          if (result.unreachable !== lastUnreachable) log(describeRun(result, options.paths.length));
          lastUnreachable = result.unreachable;
          return result;
        }
        lastUnreachable = null;
        if (!result.superseded) warmedFor = `${version}\n${day}`;
        log(describeRun(result, options.paths.length));
        return result;
      } finally {
        running = false;
      }
    },
    stop() {
      stopped = true;
    }
  };
}

/** One line for the server's log. */
export function describeRun(run: WarmRun, total: number): string {
  const version = run.version.slice(0, 12);
  const seconds = (run.ms / 1000).toFixed(1);
  if (run.unreachable) return `cache warm-up: cannot reach the server (${run.unreachable}); trying again`;
  if (run.superseded) return `cache warm-up: data version ${version} replaced after ${run.warmed} of ${total} views; starting again`;
  const failures = run.failed.map((f) => `\n  ${f.path}: ${f.problem}`).join('');
  const failedCount = run.failed.length ? `, ${run.failed.length} failed:` : '';
  return `cache warm-up: ${run.warmed} of ${total} views ready for data version ${version} (${run.day}) in ${seconds} s${failedCount}${failures}`;
}

/** A fetch error's own message and, when there is one, its cause's (Node's fetch says only "fetch failed"). */
function describeError(error: Error): string {
  const cause = error.cause as { code?: string; message?: string } | undefined;
  const detail = cause?.code ?? cause?.message;
  return detail ? `${error.message}: ${detail}` : error.message;
}

/**
 * Checks every `intervalMs`, the first time once that much has passed (by then the server listens);
 * the timer does not keep the process alive. Returns the function that stops it.
 */
export function startWarming(warmer: Warmer, intervalMs: number, onError: (e: unknown) => void): () => void {
  const timer = setInterval(() => warmer.check().catch(onError), intervalMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    warmer.stop();
  };
}
