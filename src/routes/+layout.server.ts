import type { LayoutServerLoad } from './$types';
import { withConnection, DatabaseUnavailableError } from '$lib/server/db.ts';
import { defaultSourceSet, sourceSets, type SourceSet } from '$lib/server/metrics/source-sets.ts';

/** The source sets the record-level views can count, for the records selector of every page. */
export const load: LayoutServerLoad = async () => {
  let sets: SourceSet[] = [];
  try {
    sets = await withConnection((conn) => sourceSets(conn));
  } catch (e) {
    // Pages answer an unavailable database with their own 503; the selector just has nothing to list.
    if (!(e instanceof DatabaseUnavailableError)) throw e;
  }
  const fallback = sets.length ? defaultSourceSet(sets) : null;
  return {
    sourceSets: sets.map((s) => ({ name: s.name, synthetic: s.synthetic, attendance: s.records.attendance })),
    /** What pages count when the URL names no set. */
    defaultSource: sets.find((s) => s.name === fallback) ?? null
  };
};
