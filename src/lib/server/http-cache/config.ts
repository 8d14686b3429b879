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
