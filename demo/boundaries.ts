// County boundaries as GeoJSON: each county is the circle of its radius around its seat, cut by
// the perpendicular bisectors toward every other seat (a clipped Voronoi cell). Cells never
// overlap, and every demo asset of a county lies inside its cell. Rings are counter-clockwise
// (RFC 7946); d3-geo's spherical projections expect the opposite winding.

import { COUNTIES, PROVINCE } from './geography.js';
import { type Point, SEATS, toLatLon } from './plane.js';

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

const CIRCLE_VERTICES = 48;

/** The county polygons of the demo province. */
export function countyBoundaries(): CountyFeatureCollection {
  const features = COUNTIES.map(({ county, city, index }): CountyFeature => {
    let ring = circle(SEATS[index]!, county.radiusKm);
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

function circle(center: Point, radius: number): Point[] {
  return Array.from({ length: CIRCLE_VERTICES }, (_, i) => {
    const a = (2 * Math.PI * i) / CIRCLE_VERTICES;
    return { x: center.x + radius * Math.cos(a), y: center.y + radius * Math.sin(a) };
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
