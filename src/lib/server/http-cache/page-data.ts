/**
 * Whether a page-data response (SvelteKit's __data.json) reports a failed load. SvelteKit answers
 * such a request with 200 even when a load threw: the failure is a node `{"type":"error",…}` in the
 * first line, or a line `{"type":"chunk","id":…,"error":…}` for a streamed promise that rejected.
 * A page with a failed load is answered 500 and never kept; its data must not be kept either, or a
 * passing failure would be served from memory until the data change.
 */
export function pageDataFailed(body: Uint8Array): boolean {
  for (const line of new TextDecoder().decode(body).split('\n')) {
    if (line.trim() === '') continue;
    let message: unknown;
    try {
      message = JSON.parse(line);
    } catch {
      return true; // not what SvelteKit writes: keep nothing we cannot read
    }
    if (typeof message !== 'object' || message === null) return true;
    const { type, nodes } = message as { type?: unknown; nodes?: unknown };
    if (type === 'data' && Array.isArray(nodes) && nodes.some((n) => typeof n === 'object' && n !== null && (n as { type?: unknown }).type === 'error')) return true;
    if (type === 'chunk' && 'error' in message) return true;
  }
  return false;
}
