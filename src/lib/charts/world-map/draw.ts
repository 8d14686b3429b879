/**
 * Draws the map: Equal Earth projection (areas true to size, so large countries do not look more
 * important than they are), one path per country shape, coloured by participant class, with an
 * HTML legend above it. Loaded lazily by WorldMap.svelte: this module pulls in the shapes.
 */
import { create, geoEqualEarth, geoPath, interpolateBlues } from 'd3';
import type { GeoPermissibleObjects } from 'd3';
import { t } from '$lib/i18n/index.ts';
import { MUTED } from '../common.ts';
import { UNCODED_SHAPE_NAMES, countryShapes } from './atlas.ts';
import { breakClass, breakLabels, countBreaks, shapeStatus, shapeTip, shownCounts, type MapCountry, type MapData } from './shape.ts';

export interface WorldMapOptions {
  /** Unique per page: prefixes the id of the hatch pattern. */
  id: string;
  width: number;
  map: MapData;
  hostExcluded: boolean;
  /** Suppression threshold, null when nothing is suppressed (speakers). */
  k: number | null;
}

export const NO_PARTICIPANTS = '#e6e6e6';
const MAX_HEIGHT = 440;
const BORDER = '#ffffff';
const HATCH_LINE = MUTED;

/**
 * Colours of the classes from ColorBrewer's single-hue Blues (readable with every common colour
 * vision deficiency, and in greyscale, since only lightness changes). The palest quarter is left
 * out so that the first class stands apart from the grey of "no participants".
 */
export function classColours(classes: number): string[] {
  if (classes <= 1) return [interpolateBlues(0.6)];
  return Array.from({ length: classes }, (_, i) => interpolateBlues(0.25 + (0.75 * i) / (classes - 1)));
}

const SWATCH = 'display:inline-block;width:1.1em;height:0.8em;vertical-align:-0.05em;margin-right:0.3em;border:1px solid #bdbdbd;';
const HATCH_CSS = `background:repeating-linear-gradient(45deg, ${HATCH_LINE} 0 1.5px, #fff 1.5px 4px);`;

function legend(labels: string[], colours: string[], o: WorldMapOptions): HTMLElement {
  const root = create('div').attr('class', 'map-legend').attr('style', 'display:flex;flex-wrap:wrap;gap:0.25rem 0.9rem;font-size:12px;margin:0 0 0.4rem;');
  if (labels.length) {
    const scale = root.append('span').attr('class', 'legend-classes').attr('style', 'display:inline-flex;flex-wrap:wrap;align-items:center;gap:0.15rem 0.5rem;');
    scale.append('span').attr('style', 'font-weight:600;').text(t('regions.map.legend.count'));
    labels.forEach((label, i) => {
      const item = scale.append('span').attr('class', 'legend-class');
      item.append('span').attr('style', `${SWATCH}background:${colours[i]};`);
      item.append('span').text(label);
    });
  }
  const item = (css: string, text: string, cls: string) => {
    const s = root.append('span').attr('class', cls);
    s.append('span').attr('style', SWATCH + css);
    s.append('span').text(text);
  };
  item(`background:${NO_PARTICIPANTS};`, t('regions.map.legend.none'), 'legend-none');
  if (o.k !== null) item(HATCH_CSS, t('regions.map.legend.suppressed'), 'legend-suppressed');
  if (o.map.hostM49) {
    item(
      `background:transparent;border:2px ${o.hostExcluded ? 'dashed' : 'solid'} #000;`,
      t(o.hostExcluded ? 'regions.map.legend.host_excluded' : 'regions.map.legend.host'),
      'legend-host'
    );
  }
  return root.node()!;
}

export function drawWorldMap(o: WorldMapOptions): Element {
  const counts = shownCounts(o.map);
  const breaks = countBreaks(counts);
  const labels = breakLabels(counts, breaks);
  const colours = classColours(labels.length);
  const byM49 = new Map<string, MapCountry>();
  for (const c of o.map.countries) if (c.m49) byM49.set(c.m49, c);

  const sphere: GeoPermissibleObjects = { type: 'Sphere' };
  // The whole width on a phone; on a desktop the height is capped so that the map, its legend and
  // the start of the next chart fit one screen (the map is then centred).
  const natural = geoPath(geoEqualEarth().fitWidth(o.width - 2, sphere)).bounds(sphere)[1][1];
  const height = Math.ceil(Math.min(natural, MAX_HEIGHT)) + 2;
  const projection = geoEqualEarth().fitExtent(
    [
      [1, 1],
      [o.width - 1, height - 1]
    ],
    sphere
  );
  const path = geoPath(projection);
  const hatchId = `${o.id}-hatch`;

  const root = create('div').attr('class', 'world-map');
  root.node()!.append(legend(labels, colours, o));
  const svg = root
    .append('svg')
    .attr('width', o.width)
    .attr('height', height)
    .attr('viewBox', `0 0 ${o.width} ${height}`)
    .attr('style', 'display:block;max-width:100%;height:auto;');
  const pattern = svg
    .append('defs')
    .append('pattern')
    .attr('id', hatchId)
    .attr('width', 4)
    .attr('height', 4)
    .attr('patternUnits', 'userSpaceOnUse')
    .attr('patternTransform', 'rotate(45)');
  pattern.append('rect').attr('width', 4).attr('height', 4).attr('fill', '#fff');
  pattern.append('line').attr('x1', 0).attr('y1', 0).attr('x2', 0).attr('y2', 4).attr('stroke', HATCH_LINE).attr('stroke-width', 1.5);

  svg.append('path').attr('class', 'sphere').attr('d', path(sphere)).attr('fill', 'none').attr('stroke', '#c8c8c8');

  const fill = (status: string, c: MapCountry | undefined) =>
    status === 'count' ? colours[breakClass(c!.count!, breaks)] : status === 'suppressed' ? `url(#${hatchId})` : NO_PARTICIPANTS;

  const group = svg.append('g').attr('class', 'countries');
  let hostShape: string | null = null;
  for (const feature of countryShapes()) {
    const id = feature.id;
    const country = id === undefined ? undefined : byM49.get(id);
    const status = shapeStatus(country, id, o.map.hostM49, o.hostExcluded);
    const d = path(feature);
    if (!d) continue;
    if (id !== undefined && id === o.map.hostM49) hostShape = d;
    // A country's name in the page language (M49), else the message of a shape without a code, else the atlas's own.
    const atlasName = String(feature.properties.name ?? id ?? '');
    const uncoded = id === undefined ? UNCODED_SHAPE_NAMES[atlasName] : undefined;
    const name = country?.name ?? (id === undefined ? uncoded && t(uncoded) : o.map.shapeNames[id]) ?? atlasName;
    group
      .append('path')
      .attr('class', 'country')
      .attr('d', d)
      .attr('data-m49', id ?? null)
      .attr('data-status', status)
      .attr('fill', fill(status, country))
      .attr('stroke', BORDER)
      .attr('stroke-width', 0.5)
      .append('title')
      .text(shapeTip(name, status, country, o.k));
  }
  // Drawn last so that no neighbour's border covers it.
  if (hostShape) {
    svg
      .append('path')
      .attr('class', 'host-outline')
      .attr('d', hostShape)
      .attr('fill', 'none')
      .attr('stroke', '#000')
      .attr('stroke-width', 1.5)
      .attr('stroke-dasharray', o.hostExcluded ? '3,2' : null)
      .attr('pointer-events', 'none');
  }
  return root.node()!;
}
