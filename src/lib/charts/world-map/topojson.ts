/**
 * TopoJSON to GeoJSON for the polygon layers of world-atlas: enough of topojson-client's feature()
 * (not a dependency) to draw countries. A topology stores each border once, as an arc shared by
 * the polygons on either side; a quantised topology stores an arc's positions as integer steps
 * from the previous position, scaled back by its transform.
 */
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

export interface TopologyTransform {
  scale: [number, number];
  translate: [number, number];
}

interface TopoPolygon {
  type: 'Polygon';
  arcs: number[][];
}
interface TopoMultiPolygon {
  type: 'MultiPolygon';
  arcs: number[][][];
}
/** A geometry that draws nothing (world-atlas has none, the format allows it). */
interface TopoNull {
  type: null;
}
export type TopoGeometry = (TopoPolygon | TopoMultiPolygon | TopoNull) & {
  id?: string | number;
  properties?: Record<string, unknown>;
};

export interface TopoGeometryCollection {
  type: 'GeometryCollection';
  geometries: TopoGeometry[];
}

export interface Topology {
  type: 'Topology';
  transform?: TopologyTransform;
  arcs: number[][][];
  objects: Record<string, TopoGeometryCollection>;
}

export type ShapeFeature = Feature<Polygon | MultiPolygon | null, Record<string, unknown>> & { id?: string };

/** Every arc with absolute coordinates (longitude, latitude). */
export function decodeArcs(topology: Pick<Topology, 'arcs' | 'transform'>): Position[][] {
  const t = topology.transform;
  if (!t) return topology.arcs.map((arc) => arc.map((p) => [p[0], p[1]]));
  const [sx, sy] = t.scale;
  const [tx, ty] = t.translate;
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map((p) => {
      x += p[0];
      y += p[1];
      return [x * sx + tx, y * sy + ty];
    });
  });
}

/**
 * A ring from its arc indices: index i is arc i as stored, ~i (a negative number) is arc i walked
 * backwards. Consecutive arcs share their meeting point, which is kept once.
 */
export function ring(arcIndices: readonly number[], arcs: readonly Position[][]): Position[] {
  const points: Position[] = [];
  for (const index of arcIndices) {
    const arc = index < 0 ? [...arcs[~index]].reverse() : arcs[index];
    if (points.length > 0) points.pop();
    for (const p of arc) points.push(p);
  }
  // GeoJSON wants closed rings of at least four positions; a degenerate ring repeats its start.
  while (points.length > 0 && points.length < 4) points.push(points[0]);
  return points;
}

function geometry(g: TopoGeometry, arcs: readonly Position[][]): Polygon | MultiPolygon | null {
  switch (g.type) {
    case 'Polygon':
      return { type: 'Polygon', coordinates: g.arcs.map((r) => ring(r, arcs)) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: g.arcs.map((polygon) => polygon.map((r) => ring(r, arcs))) };
    default:
      return null;
  }
}

/** The geometries of one object of the topology as GeoJSON features (id and properties kept). */
export function topologyFeatures(topology: Topology, objectName: string): ShapeFeature[] {
  const object = topology.objects[objectName];
  if (!object) throw new Error(`The topology has no object "${objectName}"`);
  const arcs = decodeArcs(topology);
  return object.geometries.map((g) => ({
    type: 'Feature',
    ...(g.id === undefined ? {} : { id: String(g.id) }),
    properties: g.properties ?? {},
    geometry: geometry(g, arcs)
  }));
}
