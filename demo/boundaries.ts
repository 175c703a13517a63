// County boundaries as GeoJSON: each county is an irregular outline around its seat, cut by the
// perpendicular bisectors toward every other seat (a clipped Voronoi cell), so neighbouring
// counties share straight borders and the outer edges wander like real ones. The outline reaches
// 1.4 to 1.8 times the county's radius (a smooth, seeded wobble per county), never less than the
// radius that `plane.ts` keeps assets within: cells never overlap, and every demo asset of a
// county lies inside its cell. Rings are counter-clockwise (RFC 7946); d3-geo's spherical
// projections expect the opposite winding.

import { COUNTIES, PROVINCE } from './geography.js';
import { type Point, SEATS, toLatLon } from './plane.js';
import { Rng } from './prng.js';

export interface PolygonGeometry {
  type: 'Polygon';
  /** [lon, lat] rings, the first the exterior, each closed */
  coordinates: [number, number][][];
}

export interface CountyProperties {
  province: string;
  city: string;
  county: string;
  cityId: string;
  countyId: string;
  code: string;
}

export interface CountyFeature {
  type: 'Feature';
  id: string;
  properties: CountyProperties;
  geometry: PolygonGeometry;
}

export interface CountyFeatureCollection {
  type: 'FeatureCollection';
  features: CountyFeature[];
}

const OUTLINE_VERTICES = 120;
/** The outline's mean reach, in county radii, and how far it wobbles either way. */
const REACH = 1.6;
const WOBBLE = 0.2;

/** The county polygons of the demo province. */
export function countyBoundaries(): CountyFeatureCollection {
  const features = COUNTIES.map(({ county, city, index }): CountyFeature => {
    let ring = outline(SEATS[index]!, county.radiusKm, county.id);
    SEATS.forEach((other, j) => {
      if (j !== index) ring = clipToBisector(ring, SEATS[index]!, other);
    });
    const coordinates = ring.map((p): [number, number] => {
      const { lat, lon } = toLatLon(p);
      return [round5(lon), round5(lat)];
    });
    coordinates.push([...coordinates[0]!]);
    return {
      type: 'Feature',
      id: county.id,
      properties: {
        province: PROVINCE,
        city: city.name,
        county: county.name,
        cityId: city.id,
        countyId: county.id,
        code: county.code,
      },
      geometry: { type: 'Polygon', coordinates: [coordinates] },
    };
  });
  return { type: 'FeatureCollection', features };
}

/**
 * A wobbly loop around `center`: the reach at angle a is radius × (REACH + WOBBLE × w(a)), where
 * w is a sum of four sines (2 to 9 turns a circle) with phases drawn from the county's id, so
 * the same county always gets the same shape. |w| ≤ 1, so the reach stays in [1.4, 1.8] radii.
 */
function outline(center: Point, radius: number, id: string): Point[] {
  const rng = Rng.from('boundaries', id);
  const waves = [
    { turns: 2, weight: 0.45 },
    { turns: 3, weight: 0.3 },
    { turns: 5, weight: 0.15 },
    { turns: 9, weight: 0.1 },
  ].map((w) => ({ ...w, phase: 2 * Math.PI * rng.float() }));
  return Array.from({ length: OUTLINE_VERTICES }, (_, i) => {
    const a = (2 * Math.PI * i) / OUTLINE_VERTICES;
    const w = waves.reduce((s, v) => s + v.weight * Math.sin(v.turns * a + v.phase), 0);
    const reach = radius * (REACH + WOBBLE * w);
    return { x: center.x + reach * Math.cos(a), y: center.y + reach * Math.sin(a) };
  });
}

/** Sutherland–Hodgman against the half-plane of points nearer to `own` than to `other`. */
function clipToBisector(ring: Point[], own: Point, other: Point): Point[] {
  const nx = other.x - own.x;
  const ny = other.y - own.y;
  const limit = (other.x ** 2 + other.y ** 2 - own.x ** 2 - own.y ** 2) / 2;
  const side = (p: Point): number => p.x * nx + p.y * ny - limit; // ≤ 0: inside
  const out: Point[] = [];
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % ring.length]!;
    const sa = side(a);
    const sb = side(b);
    if (sa <= 0) out.push(a);
    if (sa <= 0 !== sb <= 0) {
      const t = sa / (sa - sb);
      out.push({ x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y) });
    }
  }
  return out;
}

const round5 = (v: number): number => Math.round(v * 1e5) / 1e5;
