/**
 * Entity tags from what determines a response: the data version (the hash over load_log) and the
 * request key (see key.ts). Nothing is hashed from the body, so a tag is known before the response is
 * computed. The tags are weak (W/"…"): the gzip, brotli and identity bodies of one response share
 * one, and a download's metadata may be regenerated with a new generated_at under the same tag.
 */
import { createHash } from 'node:crypto';

/** W/"<first 16 hex of the data version>-<first 16 hex of SHA-256 of the key>" */
export function entityTag(dataVersion: string, key: string): string {
  const request = createHash('sha256').update(key).digest('hex').slice(0, 16);
  return `W/"${dataVersion.slice(0, 16)}-${request}"`;
}

/**
 * Whether an If-None-Match header names this tag: `*`, or a comma-separated list of tags compared
 * weakly (a W/ prefix on either side is ignored), as RFC 9110 §13.1.2 prescribes for GET and HEAD.
 */
export function ifNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  if (header.trim() === '*') return true;
  return (header.match(/(?:W\/)?"[^"]*"/g) ?? []).some((t) => opaque(t) === wanted);
}
