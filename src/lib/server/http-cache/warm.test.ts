/**
 * The warm-up with stand-ins for the server, the database and the clock: what it requests, when it
 * requests it again, and what it says.
 */
import { describe, expect, it } from 'vitest';
import { createWarmer, defaultWarmPaths, describeRun, pageDataPath, type WarmerOptions } from './warm.ts';
import { warmSettingsFromEnv } from './config.ts';

function fixture(overrides: Partial<WarmerOptions> = {}) {
  const state = { version: 'v1', day: '2026-12-02T10:00:00Z', requested: [] as string[], lines: [] as string[] };
  const warmer = createWarmer({
    paths: ['/api/v1/metrics/gender', '/gender', '/fr/gender'],
    dataVersion: async () => state.version,
    request: async (path) => {
      state.requested.push(path);
      return { status: 200, cache: 'miss' };
    },
    now: () => new Date(state.day),
    log: (line) => state.lines.push(line),
    ...overrides
  });
  return { state, warmer };
}

/** A fixture whose first request waits until `release` is called. */
function fixtureWithFirstRequestHeld() {
  const held = { release: () => {} };
  const { state, warmer } = fixture({
    request: async (path) => {
      state.requested.push(path);
      if (state.requested.length === 1) await new Promise<void>((r) => (held.release = r));
      return { status: 200, cache: 'miss' };
    }
  });
  return { state, warmer, held };
}

describe('cache warm-up', () => {
  it('requests every path once, in order, and not again while the data version and the day stay', async () => {
    const { state, warmer } = fixture();
    const run = await warmer.check();
    expect(state.requested).toEqual(['/api/v1/metrics/gender', '/gender', '/fr/gender']);
    expect(run).toMatchObject({ version: 'v1', day: '2026-12-02', warmed: 3, failed: [], superseded: false, unreachable: null });
    expect(await warmer.check()).toBeNull();
    expect(state.requested).toHaveLength(3);
    expect(state.lines).toHaveLength(1);
    expect(state.lines[0]).toMatch(/^cache warm-up: 3 of 3 views ready for data version v1 \(2026-12-02\) in \d+\.\d s$/);
  });

  it('warms again after a pipeline run changes the data version, and on a new UTC day', async () => {
    const { state, warmer } = fixture();
    await warmer.check();
    state.version = 'v2';
    expect((await warmer.check())?.version).toBe('v2');
    state.day = '2026-12-02T23:59:59Z';
    expect(await warmer.check()).toBeNull();
    state.day = '2026-12-03T00:00:01Z';
    expect((await warmer.check())?.day).toBe('2026-12-03');
    expect(state.requested).toHaveLength(9);
  });

  it('stops a run when the data change under it, and starts over at the next check', async () => {
    const { state, warmer } = fixture({
      request: async (path) => {
        state.requested.push(path);
        if (path === '/gender' && state.version === 'v1') state.version = 'v2'; // a swap during the run
        return { status: 200, cache: 'miss' };
      }
    });
    const first = await warmer.check();
    expect(first).toMatchObject({ version: 'v1', warmed: 2, superseded: true });
    expect(state.lines[0]).toBe('cache warm-up: data version v1 replaced after 2 of 3 views; starting again');
    const second = await warmer.check();
    expect(second).toMatchObject({ version: 'v2', warmed: 3, superseded: false });
    expect(state.requested).toEqual(['/api/v1/metrics/gender', '/gender', '/api/v1/metrics/gender', '/gender', '/fr/gender']);
  });

  it('reports views that failed or were not kept, and does not ask them again for the same data', async () => {
    const { state, warmer } = fixture({
      paths: ['/api/v1/metrics/gender', '/gender', '/fr/gender', '/es/gender', '/api/v1/export/attendance.csv', '/ru'],
      request: async (path) => {
        state.requested.push(path);
        if (path === '/gender') return { status: 500, cache: null };
        if (path === '/fr/gender') throw Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' });
        if (path === '/es/gender') throw new TypeError('terminated', { cause: { code: 'UND_ERR_SOCKET' } });
        if (path === '/ru') return { status: 308, cache: null };
        return { status: 200, cache: path.includes('export') ? 'bypass' : 'miss' };
      }
    });
    const run = await warmer.check();
    expect(run).toMatchObject({
      warmed: 1,
      unreachable: null,
      failed: [
        { path: '/gender', problem: 'answered 500' },
        { path: '/fr/gender', problem: 'no answer in time' },
        { path: '/es/gender', problem: 'terminated: UND_ERR_SOCKET' },
        { path: '/api/v1/export/attendance.csv', problem: 'not kept (x-igf-cache: bypass)' },
        { path: '/ru', problem: 'answered 308' }
      ]
    });
    expect(state.lines[0]).toMatch(/^cache warm-up: 1 of 6 views ready .* s, 5 failed:\n {2}\/gender: answered 500\n {2}\/fr\/gender: no answer in time\n/);
    expect(await warmer.check()).toBeNull();
    expect(state.requested).toHaveLength(6);
  });

  it('keeps trying while the server cannot be reached, and says so once', async () => {
    let listening = false;
    const { state, warmer } = fixture({
      request: async (path) => {
        if (!listening) throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
        state.requested.push(path);
        return { status: 200, cache: 'miss' };
      }
    });
    expect((await warmer.check())?.unreachable).toBe('fetch failed: ECONNREFUSED');
    expect((await warmer.check())?.unreachable).toBe('fetch failed: ECONNREFUSED');
    expect(state.lines).toEqual(['cache warm-up: cannot reach the server (fetch failed: ECONNREFUSED); trying again']);
    listening = true;
    expect((await warmer.check())?.warmed).toBe(3);
    expect(state.requested).toHaveLength(3);
  });

  it('does nothing while there is no database', async () => {
    const { state, warmer } = fixture({
      dataVersion: async () => {
        throw new Error('The database data/igf.duckdb does not exist yet');
      }
    });
    expect(await warmer.check()).toBeNull();
    expect(state.requested).toEqual([]);
    expect(state.lines).toEqual([]);
  });

  it('runs one warm-up at a time', async () => {
    const { state, warmer, held } = fixtureWithFirstRequestHeld();
    const first = warmer.check();
    await new Promise((r) => setTimeout(r, 0));
    expect(await warmer.check()).toBeNull();
    held.release();
    expect((await first)?.warmed).toBe(3);
    expect(state.requested).toHaveLength(3);
  });

  it('stops after the request under way when the server shuts down, and checks no more', async () => {
    const { state, warmer, held } = fixtureWithFirstRequestHeld();
    const first = warmer.check();
    await new Promise((r) => setTimeout(r, 0));
    warmer.stop();
    held.release();
    expect(await first).toBeNull();
    expect(await warmer.check()).toBeNull();
    expect(state.requested).toEqual(['/api/v1/metrics/gender']);
    expect(state.lines).toEqual([]);
  });

  it('describes a run in one line', () => {
    const run = { version: '7f9fb7f43a5f0123', day: '2026-12-02', warmed: 71, failed: [], superseded: false, unreachable: null, ms: 9_949 };
    expect(describeRun(run, 71)).toBe('cache warm-up: 71 of 71 views ready for data version 7f9fb7f43a5f (2026-12-02) in 9.9 s');
  });
});

describe('the default views', () => {
  it('are the eleven metrics, then per language the ten pages and their page data', () => {
    const paths = defaultWarmPaths();
    expect(paths).toHaveLength(11 + 10 * 2 * 6);
    expect(paths.slice(0, 2)).toEqual(['/api/v1/metrics/participation', '/api/v1/metrics/global-south']);
    expect(paths.slice(11, 13)).toEqual(['/', '/stakeholders']);
    expect(paths.slice(21, 23)).toEqual(['/__data.json?x-sveltekit-invalidated=01', '/stakeholders/__data.json?x-sveltekit-invalidated=01']);
    expect(paths.slice(31, 33)).toEqual(['/ar', '/ar/stakeholders']);
    expect(paths).toContain('/ar/__data.json?x-sveltekit-invalidated=01');
    expect(paths).toContain('/zh/regions');
    expect(paths.at(-1)).toBe('/es/data/__data.json?x-sveltekit-invalidated=01');
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('name page data as in-app navigation asks for it', () => {
    expect(pageDataPath('/')).toBe('/__data.json?x-sveltekit-invalidated=01');
    expect(pageDataPath('/fr')).toBe('/fr/__data.json?x-sveltekit-invalidated=01');
    expect(pageDataPath('/fr/regions')).toBe('/fr/regions/__data.json?x-sveltekit-invalidated=01');
  });
});

describe('warmSettingsFromEnv', () => {
  const MB = 1048576;
  const PID = 4242;
  it('reaches the server where adapter-node listens', () => {
    expect(warmSettingsFromEnv({ ORIGIN: 'https://igf.example.org' }, 64 * MB, PID)).toEqual({ enabled: true, base: 'http://127.0.0.1:3000' });
    expect(warmSettingsFromEnv({ ORIGIN: 'http://localhost:3999', HOST: '0.0.0.0', PORT: '3999' }, MB, PID)).toEqual({ enabled: true, base: 'http://127.0.0.1:3999' });
    expect(warmSettingsFromEnv({ ORIGIN: 'http://x', HOST: '10.0.0.7', PORT: '80' }, MB, PID)).toEqual({ enabled: true, base: 'http://10.0.0.7:80' });
    expect(warmSettingsFromEnv({ ORIGIN: 'http://x', HOST: '::' }, MB, PID)).toEqual({ enabled: true, base: 'http://[::1]:3000' });
  });

  it('is off when asked, without the cache, without ORIGIN, or on a socket', () => {
    const off = (env: Record<string, string>, bytes = MB) => {
      const s = warmSettingsFromEnv(env, bytes, PID);
      return s.enabled ? 'on' : s.reason;
    };
    expect(off({ ORIGIN: 'http://x', IGF_WARM: '0' })).toBe('IGF_WARM is off');
    expect(off({ ORIGIN: 'http://x', IGF_WARM: 'false' })).toBe('IGF_WARM is off');
    expect(off({ ORIGIN: 'http://x', IGF_WARM: '1' })).toBe('on');
    expect(off({ ORIGIN: 'http://x' }, 0)).toMatch(/^the response cache is off/);
    expect(off({})).toMatch(/^ORIGIN is not set/);
    expect(off({ ORIGIN: 'http://x', SOCKET_PATH: '/run/igf.sock' })).toMatch(/socket/);
    expect(off({ ORIGIN: 'http://x', LISTEN_PID: String(PID), LISTEN_FDS: '1' })).toMatch(/socket/);
    // socket activation meant for another process, as adapter-node reads it
    expect(off({ ORIGIN: 'http://x', LISTEN_PID: '1', LISTEN_FDS: '1' })).toBe('on');
    expect(off({ ORIGIN: 'http://x', LISTEN_FDS: '0' })).toBe('on');
  });
});
