import { describe, expect, it } from 'vitest';
import { geoBounds } from 'd3';
import { decodeArcs, ring, topologyFeatures, type Topology } from './topojson.ts';
import { ATLAS_COUNTRY_IDS, countryShapes } from './atlas.ts';

/**
 * Two unit squares side by side, sharing the border x = 1:
 *   arc 0: (1,0) -> (1,1)                 the shared border
 *   arc 1: (1,1) -> (0,1) -> (0,0) -> (1,0)   the rest of the left square
 *   arc 2: (1,0) -> (2,0) -> (2,1) -> (1,1)   the rest of the right square
 * quantised with scale (0.5, 0.25) and translate (10, 20): stored positions are steps of
 * (x - 10) / 0.5 and (y - 20) / 0.25 from the previous position.
 */
const SQUARES: Topology = {
  type: 'Topology',
  transform: { scale: [0.5, 0.25], translate: [10, 20] },
  arcs: [
    // (1,0) -> (1,1) in quantised units: (2,0) -> (2,4), steps (2,0), (0,4)
    [
      [2, 0],
      [0, 4]
    ],
    // (1,1) (0,1) (0,0) (1,0): (2,4) (0,4) (0,0) (2,0)
    [
      [2, 4],
      [-2, 0],
      [0, -4],
      [2, 0]
    ],
    // (1,0) (2,0) (2,1) (1,1): (2,0) (4,0) (4,4) (2,4)
    [
      [2, 0],
      [2, 0],
      [0, 4],
      [-2, 0]
    ]
  ],
  objects: {
    squares: {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', arcs: [[0, 1]], id: '001', properties: { name: 'Left' } },
        // the shared border walked backwards (~0 = -1): (1,1) -> (1,0)
        { type: 'Polygon', arcs: [[2, ~0]], id: '002', properties: { name: 'Right' } },
        { type: 'MultiPolygon', arcs: [[[0, 1]], [[2, ~0]]], id: '003' },
        { type: null }
      ]
    }
  }
};

describe('decodeArcs', () => {
  it('adds up the steps and applies the transform', () => {
    // (2,0) -> 10 + 2 * 0.5 = 11, 20 + 0 = 20; (2,4) -> 11, 20 + 4 * 0.25 = 21
    expect(decodeArcs(SQUARES)[0]).toEqual([
      [11, 20],
      [11, 21]
    ]);
  });

  it('leaves an unquantised topology as it is', () => {
    expect(decodeArcs({ arcs: [[[1.5, 2.5], [3, 4]]] })).toEqual([
      [
        [1.5, 2.5],
        [3, 4]
      ]
    ]);
  });
});

describe('ring', () => {
  it('joins arcs, keeping the shared point once, and walks ~i backwards', () => {
    const arcs = decodeArcs(SQUARES);
    // left: (1,0) (1,1) + (0,1) (0,0) (1,0), shifted by (10, 20)
    expect(ring([0, 1], arcs)).toEqual([
      [11, 20],
      [11, 21],
      [10, 21],
      [10, 20],
      [11, 20]
    ]);
    // right: (1,0) (2,0) (2,1) (1,1) + (1,0) backwards along the border
    expect(ring([2, ~0], arcs)).toEqual([
      [11, 20],
      [12, 20],
      [12, 21],
      [11, 21],
      [11, 20]
    ]);
  });

  it('pads a degenerate ring to four positions', () => {
    expect(ring([0], decodeArcs(SQUARES))).toHaveLength(4);
  });
});

describe('topologyFeatures', () => {
  it('keeps ids and properties; polygons, multipolygons and empty geometries', () => {
    const features = topologyFeatures(SQUARES, 'squares');
    expect(features.map((f) => f.id)).toEqual(['001', '002', '003', undefined]);
    expect(features[0].properties).toEqual({ name: 'Left' });
    expect(features[0].geometry?.type).toBe('Polygon');
    expect(features[2].geometry?.type).toBe('MultiPolygon');
    expect(features[2].geometry?.coordinates).toHaveLength(2);
    expect(features[3].geometry).toBeNull();
    expect(() => topologyFeatures(SQUARES, 'rivers')).toThrow(/no object/);
  });

  it('decodes world-atlas: 177 countries, Germany and Brazil where they belong', () => {
    const shapes = countryShapes();
    expect(shapes).toHaveLength(177);
    const germany = shapes.find((f) => f.id === '276')!;
    expect(germany.properties.name).toBe('Germany');
    const [[west, south], [east, north]] = geoBounds(germany);
    expect(west).toBeGreaterThan(5);
    expect(east).toBeLessThan(16);
    expect(south).toBeGreaterThan(47);
    expect(north).toBeLessThan(56);
    // Brazil's id keeps its leading zero
    expect(ATLAS_COUNTRY_IDS.has('076')).toBe(true);
    // Hong Kong is too small for the 1:110m shapes
    expect(ATLAS_COUNTRY_IDS.has('344')).toBe(false);
  });
});
