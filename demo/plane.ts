// A flat km plane over the province (equirectangular at 25° N), accurate to a few per cent,
// which is plenty for placing demo assets. A county's territory is the set of points nearer to
// its seat than to any other seat, within its radius: the same cells `boundaries()` draws.

import { COUNTIES } from './geography.js';

export interface Point {
  x: number;
  y: number;
}

const KM_PER_DEG_LAT = 110.57;
const KM_PER_DEG_LON = 111.32 * Math.cos((25 * Math.PI) / 180);
const LON0 = 101;
const LAT0 = 25;

export const toPlane = (lat: number, lon: number): Point => ({
  x: (lon - LON0) * KM_PER_DEG_LON,
  y: (lat - LAT0) * KM_PER_DEG_LAT,
});

export const toLatLon = (p: Point): { lat: number; lon: number } => ({
  lat: LAT0 + p.y / KM_PER_DEG_LAT,
  lon: LON0 + p.x / KM_PER_DEG_LON,
});

export const distance = (a: Point, b: Point): number => Math.hypot(a.x - b.x, a.y - b.y);

/** County seats in the plane, by county index. */
export const SEATS: readonly Point[] = COUNTIES.map((r) => toPlane(r.county.lat, r.county.lon));

/** Index of the county whose seat is nearest to `p`. */
export function nearestSeat(p: Point): number {
  let best = 0;
  let bestD = Number.POSITIVE_INFINITY;
  for (let i = 0; i < SEATS.length; i++) {
    const s = SEATS[i]!;
    const d = (s.x - p.x) ** 2 + (s.y - p.y) ** 2;
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}

/** Inside the county's cell, at least 50 m from its edges (so rounded coordinates stay inside). */
export function inCounty(p: Point, county: number): boolean {
  const own = distance(p, SEATS[county]!);
  if (own > COUNTIES[county]!.county.radiusKm * 0.97) return false;
  return SEATS.every((s, i) => i === county || distance(p, s) > own + MARGIN_KM * 2);
}

const MARGIN_KM = 0.05;

/** `p` if it lies in the county, else the point pulled toward the seat until it does. */
export function clampToCounty(p: Point, county: number): Point {
  const seat = SEATS[county]!;
  let q = p;
  for (let i = 0; i < 12 && !inCounty(q, county); i++) {
    q = { x: seat.x + (q.x - seat.x) * 0.6, y: seat.y + (q.y - seat.y) * 0.6 };
  }
  return inCounty(q, county) ? q : { ...seat };
}

/** The point `km` away from `from` in direction `bearing` (radians from east, counter-clockwise). */
export const offset = (from: Point, km: number, bearing: number): Point => ({
  x: from.x + km * Math.cos(bearing),
  y: from.y + km * Math.sin(bearing),
});
