/**
 * Byte sizes of every export in every format, for the data page. Measuring means producing each file
 * once (seconds for a million rows), so the sizes are kept per data version and measured one export
 * at a time on a connection of their own.
 */
import { dedicatedConnection } from '../db.ts';
import { describeExport, prepareExport } from './http.ts';
import { arrowStream, csvStream, parquetStream } from './stream.ts';
import { EXPORT_TABLES, type ExportFormat, type ExportTableName } from './tables.ts';
import { dataVersion } from '../download/metadata.ts';

export type ExportSizes = Record<ExportTableName, Record<ExportFormat, number>>;

let cached: { version: string; sizes: Promise<ExportSizes> } | null = null;

async function byteLength(stream: ReadableStream<Uint8Array>): Promise<number> {
  let n = 0;
  for await (const chunk of stream) n += chunk.byteLength;
  return n;
}

async function measure(origin: string): Promise<ExportSizes> {
  const sizes = {} as ExportSizes;
  for (const name of EXPORT_TABLES) {
    const leased = await dedicatedConnection();
    try {
      // The metadata names the file's own URL, so each format is described as it is downloaded.
      const described = (format: ExportFormat) => describeExport(leased.conn, name, new URL(`/api/v1/export/${name}.${format}`, origin).href);
      const noop = () => {};
      const { table, version } = await described('csv');
      await prepareExport(leased.conn, name, version);
      const csv = await csvStream(leased.conn, table, noop);
      await csv.body.cancel();
      const arrow = await byteLength(arrowStream(leased.conn, table, (await described('arrow')).meta, noop));
      const parquet = await parquetStream(leased.conn, table, (await described('parquet')).meta, noop);
      await parquet.body.cancel();
      sizes[name] = { csv: csv.size, arrow, parquet: parquet.size };
    } finally {
      leased.release();
    }
  }
  return sizes;
}

/** The sizes for the database's current data version (measured once per version). */
export async function exportSizes(origin: string): Promise<ExportSizes> {
  const leased = await dedicatedConnection();
  let version: string;
  try {
    version = (await dataVersion(leased.conn)).hash;
  } finally {
    leased.release();
  }
  if (!cached || cached.version !== version) {
    const sizes = measure(origin);
    cached = { version, sizes };
    sizes.catch(() => {
      if (cached?.sizes === sizes) cached = null;
    });
  }
  return cached.sizes;
}
