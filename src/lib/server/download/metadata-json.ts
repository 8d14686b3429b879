/** The companion metadata of a download as JSON (metadata.ts builds it): for metric rows and for full tables. */
import type { DownloadFormat } from './format.ts';

const encoder = new TextEncoder();

export const metadataJson: DownloadFormat = {
  id: 'metadata',
  suffix: 'metadata.json',
  contentType: 'application/json; charset=utf-8',
  metric: (_result, meta) => {
    if (!meta) throw new Error('The metadata format needs the download metadata');
    return encoder.encode(JSON.stringify(meta, null, 2));
  },
  table: true
};
