/**
 * The country shapes of the map: Natural Earth 1:110m from the world-atlas package, bundled (no
 * request to any map server). About 100 KB: import this module only from the server and from the
 * lazily loaded drawing code, never from code every page loads.
 */
import countries110m from 'world-atlas/countries-110m.json';
import { topologyFeatures, type ShapeFeature, type Topology } from './topojson.ts';

const topology = countries110m as unknown as Topology;

/** The M49 codes (three digits, zero-padded) that have a shape at this scale. */
export const ATLAS_COUNTRY_IDS: ReadonlySet<string> = new Set(
  topology.objects.countries.geometries.flatMap((g) => (g.id === undefined ? [] : [String(g.id)]))
);

let shapes: ShapeFeature[] | null = null;

/** Country shapes as GeoJSON, decoded once. */
export function countryShapes(): ShapeFeature[] {
  shapes ??= topologyFeatures(topology, 'countries');
  return shapes;
}
