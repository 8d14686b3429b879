import type { LayoutServerLoad } from './$types';
import { withConnection, DatabaseUnavailableError } from '$lib/server/db.ts';
import { defaultSourceSet, sourceSets, type SourceSet } from '$lib/server/metrics/source-sets.ts';
import { dataVersion, type DataVersion } from '$lib/server/download/metadata.ts';

/** The source sets the record-level views can count, for the records selector of every page. */
export const load: LayoutServerLoad = async () => {
  let sets: SourceSet[] = [];
  let version: DataVersion | null = null;
  try {
    [sets, version] = await withConnection(async (conn) => [await sourceSets(conn), await dataVersion(conn)] as const);
  } catch (e) {
    // Pages answer an unavailable database with their own 503; the selector just has nothing to list.
    if (!(e instanceof DatabaseUnavailableError)) throw e;
  }
  const fallback = sets.length ? defaultSourceSet(sets) : null;
  return {
    sourceSets: sets.map((s) => ({ name: s.name, synthetic: s.synthetic, attendance: s.records.attendance })),
    /** What pages count when the URL names no set. */
    defaultSource: sets.find((s) => s.name === fallback) ?? null,
    /** For citations: which data the figures on screen come from. */
    dataVersion: version ? { hash: version.hash.slice(0, 12), year: version.loaded_at ? Number(version.loaded_at.slice(0, 4)) : null } : null
  };
};
