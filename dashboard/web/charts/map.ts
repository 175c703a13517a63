// Maps drawn with d3-geo from the utility's county boundaries (no tiles from the internet):
// a frame (projection fitted to the boundaries, or to the points when there are none) and an
// SVG of the regions with symbols on top. GeoJSON rings follow RFC 7946 (exterior
// counter-clockwise); d3-geo's spherical projections want the opposite, so each polygon is
// rewound when its spherical area says it covers more than half the globe.

import { type GeoProjection, geoArea, geoMercator, geoPath } from 'd3';
import { COLORS } from './palette.js';
import { type AttrValue, el, esc, r, root } from './svg.js';

type Position = number[];
type Ring = Position[];
export interface Geometry {
  type: string;
  coordinates: unknown;
}
export interface Feature {
  type: 'Feature';
  id?: string | number;
  properties: Record<string, unknown> | null;
  geometry: Geometry | null;
}
export interface FeatureCollection {
  type: 'FeatureCollection';
  features: Feature[];
}

const reverseRings = (rings: Ring[]): Ring[] => rings.map((ring) => [...ring].reverse());

/** Each polygon oriented the way d3-geo expects (clockwise exterior on the sphere). */
export function rewind(fc: FeatureCollection): FeatureCollection {
  const fix = (g: Geometry | null): Geometry | null => {
    if (!g) return g;
    if (g.type === 'Polygon') {
      const rings = g.coordinates as Ring[];
      const area = geoArea({ type: 'Polygon', coordinates: rings } as never);
      return area > 2 * Math.PI ? { type: 'Polygon', coordinates: reverseRings(rings) } : g;
    }
    if (g.type === 'MultiPolygon') {
      const polys = (g.coordinates as Ring[][]).map((rings) => {
        const area = geoArea({ type: 'Polygon', coordinates: rings } as never);
        return area > 2 * Math.PI ? reverseRings(rings) : rings;
      });
      return { type: 'MultiPolygon', coordinates: polys };
    }
    return g;
  };
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f) => ({ ...f, geometry: fix(f.geometry) })),
  };
}

export interface MapFrame {
  width: number;
  height: number;
  /** Screen position of a longitude/latitude, or null when it cannot be drawn. */
  project: (lon: number, lat: number) => [number, number] | null;
  /** The region paths as SVG (empty without boundaries). */
  regions: string;
  /** The projection behind `project`, for the zoomable map's labels. */
  projection: GeoProjection;
  /** The boundaries as drawn (rewound), empty without them. */
  features: Feature[];
}

/** Room kept free at each side of a map, px. */
export interface MapInset {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * A Mercator projection fitted to the boundaries (or, without them, to the points given as
 * [lon, lat]) inside width × height less a margin (the same on every side, or a MapInset). `focus` (some of the boundaries, e.g. one
 * city's counties) zooms to them while the others are still drawn around.
 */
export function mapFrame(
  boundaries: FeatureCollection | null,
  points: readonly (readonly [number, number])[],
  width: number,
  height: number,
  margin: number | MapInset = 8,
  focus?: (feature: Feature) => boolean,
): MapFrame {
  const m =
    typeof margin === 'number' ? { top: margin, right: margin, bottom: margin, left: margin } : margin;
  const fc = boundaries ? rewind(boundaries) : null;
  const focused = fc && focus ? { type: 'FeatureCollection', features: fc.features.filter(focus) } : null;
  const target =
    focused && focused.features.length > 0
      ? focused
      : fc && fc.features.length > 0
        ? fc
        : { type: 'MultiPoint', coordinates: points.length > 0 ? points.map((p) => [p[0], p[1]]) : [[0, 0]] };
  const projection = geoMercator().fitExtent(
    [
      [m.left, m.top],
      [width - m.right, height - m.bottom],
    ],
    target as never,
  );
  const path = geoPath(projection);
  const regions = fc
    ? fc.features
        .map((f) => {
          const d = path(f as never);
          if (!d) return '';
          const name = [f.properties?.['city'], f.properties?.['county']].filter(Boolean).join(' ');
          return el(
            'path',
            { d: roundPath(d), fill: COLORS.region, stroke: COLORS.regionStroke, 'stroke-width': 0.6 },
            name ? el('title', {}, esc(name)) : '',
          );
        })
        .join('')
    : '';
  return {
    width,
    height,
    project: (lon, lat) => {
      if (!Number.isFinite(lon) || !Number.isFinite(lat)) return null;
      const p = projection([lon, lat]);
      return p ? [p[0], p[1]] : null;
    },
    regions,
    projection,
    features: fc ? fc.features : [],
  };
}

/** Path data with coordinates rounded to two decimals. */
export const roundPath = (d: string): string =>
  d.replace(/-?\d+\.\d+(e-?\d+)?/g, (n) => String(r(Number(n))));

export interface MapSymbol {
  lon: number;
  lat: number;
  shape: 'triangle' | 'square' | 'circle';
  /** radius-like size in pixels */
  size: number;
  fill: string;
  title: string;
  /** data-asset, for a click on the symbol */
  asset?: string;
  opacity?: number;
}

/**
 * One symbol at (x, y) screen pixels. `extra` attributes (focus and accessible name on the
 * zoomable map) replace the <title> tooltip when `titled` is false.
 */
export function symbolMarkup(
  s: MapSymbol,
  x: number,
  y: number,
  extra: Record<string, AttrValue> = {},
  titled = true,
): string {
  const common = {
    fill: s.fill,
    'fill-opacity': s.opacity ?? 0.9,
    stroke: '#FFFFFF',
    'stroke-width': 0.8,
    'data-asset': s.asset ?? null,
    class: `sym ${s.shape}`,
    ...extra,
  };
  const title = titled ? el('title', {}, esc(s.title)) : '';
  const k = s.size;
  if (s.shape === 'triangle') {
    const d = `M${r(x)},${r(y - k)}L${r(x + k * 0.87)},${r(y + k * 0.5)}L${r(x - k * 0.87)},${r(y + k * 0.5)}Z`;
    return el('path', { d, ...common }, title);
  }
  if (s.shape === 'square') {
    const a = k * 0.8;
    return el('rect', { x: x - a, y: y - a, width: 2 * a, height: 2 * a, ...common }, title);
  }
  return el('circle', { cx: x, cy: y, r: k, ...common }, title);
}

export interface MapOptions {
  id: string;
  title: string;
  desc?: string;
}

/** The regions and the symbols (largest first, so small ones stay visible). */
export function mapSvg(frame: MapFrame, symbols: readonly MapSymbol[], o: MapOptions): string {
  const drawn = [...symbols]
    .sort((a, b) => b.size - a.size)
    .map((s) => {
      const p = frame.project(s.lon, s.lat);
      return p ? symbolMarkup(s, p[0], p[1]) : '';
    })
    .join('');
  return root(
    {
      id: o.id,
      width: frame.width,
      height: frame.height,
      title: o.title,
      ...(o.desc ? { desc: o.desc } : {}),
      className: 'chart map',
    },
    el('g', { class: 'regions' }, frame.regions) + el('g', { class: 'symbols' }, drawn),
  );
}
