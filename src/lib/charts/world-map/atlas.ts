/**
 * The country shapes of the map: Natural Earth 1:110m from the world-atlas package, bundled (no
 * request to any map server). About 100 KB: import this module only from the server and from the
 * lazily loaded drawing code, never from code every page loads.
 */
import countries110m from 'world-atlas/countries-110m.json';
import { topologyFeatures, type ShapeFeature, type Topology } from './topojson.ts';
import type { MessageKey } from '$lib/i18n/en.ts';

const topology = countries110m as unknown as Topology;

/** The M49 codes (three digits, zero-padded) that have a shape at this scale. */
export const ATLAS_COUNTRY_IDS: ReadonlySet<string> = new Set(
  topology.objects.countries.geometries.flatMap((g) => (g.id === undefined ? [] : [String(g.id)]))
);

/**
 * The shapes the atlas draws without an M49 code, so without a row in the country table to name
 * them: named by message, in the page's language, keyed by the atlas's own name. The map's notes
 * say that the borders are Natural Earth's and that neither borders nor names imply a position on
 * any area's status (regions.map.note.boundaries). atlas.test.ts fails if a new atlas has another
 * such shape.
 */
export const UNCODED_SHAPE_NAMES: Readonly<Record<string, MessageKey>> = {
  Kosovo: 'regions.map.shape.kosovo',
  'N. Cyprus': 'regions.map.shape.northern_cyprus',
  Somaliland: 'regions.map.shape.somaliland'
};

let shapes: ShapeFeature[] | null = null;

/** Country shapes as GeoJSON, decoded once. */
export function countryShapes(): ShapeFeature[] {
  shapes ??= topologyFeatures(topology, 'countries');
  return shapes;
}
