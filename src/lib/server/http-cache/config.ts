/**
 * The cache's settings from the environment, read once at start:
 * - IGF_HTTP_CACHE_MB: megabytes of responses kept in memory (default 64; 0 switches the cache and
 *   request coalescing off, ETags, 304s and compression stay),
 * - IGF_HTTP_CACHE_ENTRY_MB: the largest response kept (default 4); larger ones stream through.
 */
export const DEFAULT_CACHE_MB = 64;
export const DEFAULT_ENTRY_MB = 4;

function megabytes(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) {
    console.warn(`${name}=${value} is not a number of megabytes; using ${fallback}`);
    return fallback;
  }
  return n;
}

export function cacheSizesFromEnv(env: Record<string, string | undefined>): { maxBytes: number; maxEntryBytes: number } {
  const MB = 1024 * 1024;
  const maxBytes = Math.round(megabytes(env.IGF_HTTP_CACHE_MB, DEFAULT_CACHE_MB, 'IGF_HTTP_CACHE_MB') * MB);
  const maxEntryBytes = Math.round(megabytes(env.IGF_HTTP_CACHE_ENTRY_MB, DEFAULT_ENTRY_MB, 'IGF_HTTP_CACHE_ENTRY_MB') * MB);
  return { maxBytes, maxEntryBytes: Math.min(maxEntryBytes, maxBytes || maxEntryBytes) };
}

/**
 * Whether the server warms its cache (warm.ts), and at which address it reaches itself:
 * - IGF_WARM=0 switches the warm-up off;
 * - it needs the cache on, and ORIGIN set: responses are kept per origin (key.ts), and only with
 *   ORIGIN does adapter-node give every request the same one, whatever address it came in by;
 * - it requests http://HOST:PORT as adapter-node reads them (HOST 0.0.0.0 or unset: 127.0.0.1), and
 *   does nothing on a Unix socket (SOCKET_PATH) or under systemd socket activation (LISTEN_PID is
 *   this process, `pid`, and LISTEN_FDS is 1: adapter-node's own test).
 */
export type WarmSettings = { enabled: true; base: string } | { enabled: false; reason: string };

export function warmSettingsFromEnv(env: Record<string, string | undefined>, cacheBytes: number, pid: number): WarmSettings {
  if (/^(0|false|off|no)$/i.test(env.IGF_WARM?.trim() ?? '')) return { enabled: false, reason: 'IGF_WARM is off' };
  if (cacheBytes <= 0) return { enabled: false, reason: 'the response cache is off (IGF_HTTP_CACHE_MB=0)' };
  if (!env.ORIGIN) return { enabled: false, reason: 'ORIGIN is not set, so readers reach the cache under addresses the server cannot know' };
  const socketActivated = env.LISTEN_PID === String(pid) && env.LISTEN_FDS === '1';
  if (env.SOCKET_PATH || socketActivated) return { enabled: false, reason: 'the server listens on a socket it cannot request itself on' };
  const host = env.HOST?.trim() || '0.0.0.0';
  const local = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  const port = env.PORT?.trim() || '3000';
  return { enabled: true, base: `http://${local.includes(':') ? `[${local}]` : local}:${port}` };
}
