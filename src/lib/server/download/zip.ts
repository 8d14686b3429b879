/** Citable bundle: CSV, Arrow, JSON, metadata JSON and a README (definition, citation, licence), zipped. */
import { zipSync, strToU8 } from 'fflate';
import { toArrow } from './arrow.ts';
import { toCsv } from './csv.ts';
import type { DownloadFormat } from './format.ts';
import { toJsonBody } from './json.ts';
import { bundleReadme, type DownloadMetadata } from './metadata.ts';
import type { ResultRows } from './rows.ts';

const encoder = new TextEncoder();

export function toBundle(result: ResultRows, meta: DownloadMetadata, base: string): Uint8Array {
  const files: Record<string, Uint8Array> = {
    [`${base}.csv`]: encoder.encode(toCsv(result)),
    [`${base}.arrow`]: toArrow(result, meta),
    [`${base}.json`]: encoder.encode(toJsonBody(result)),
    [`${base}.metadata.json`]: encoder.encode(JSON.stringify(meta, null, 2))
  };
  files['README.md'] = strToU8(bundleReadme(meta, Object.keys(files)));
  // Zip timestamps are local DOS times: use the generation time so a bundle says when it was made.
  return zipSync(files, { level: 6, mtime: new Date(meta.generated_at) });
}

export const zip: DownloadFormat = {
  id: 'zip',
  suffix: 'zip',
  contentType: 'application/zip',
  metric: (result, meta, base) => {
    if (!meta) throw new Error('The zip format needs the download metadata');
    return toBundle(result, meta, base);
  }
};
