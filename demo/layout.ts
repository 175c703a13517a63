// Where things are: town centres and substations of each county, and the area class of a
// point, by its distance from the city centre, the county seat and the nearest town.

import type { AreaClass } from '../core/domain.js';
import { COUNTIES, type Park } from './geography.js';
import { countyShort, substationName, townName } from './names.js';
import { clampToCounty, distance, offset, type Point, SEATS, toPlane } from './plane.js';
import type { Rng } from './prng.js';

export interface Town {
  name: string;
  point: Point;
}

export interface Substation {
  id: string;
  name: string;
  county: number;
  point: Point;
  /** index into the network's parks, or -1 */
  park: number;
}

const CITY_CENTRES = COUNTIES.map((r) => toPlane(r.city.lat, r.city.lon));
const URBAN_RADIUS_KM = 3.2;
const CORE_URBAN_RADIUS_KM = 6;
const TOWN_RADIUS_KM = 2;

export function placeTowns(seed: number, county: number, rng: Rng): Town[] {
  const { radiusKm, core } = COUNTIES[county]!.county;
  const count = core ? 4 : 5 + Math.floor(radiusKm / 8);
  const seat = SEATS[county]!;
  return Array.from({ length: count }, (_, n) => {
    const km = rng.range(core ? 5 : 8, radiusKm * 0.85);
    const point = clampToCounty(offset(seat, km, rng.range(0, 2 * Math.PI)), county);
    return { name: townName(seed, county, n), point };
  });
}

/** The kind of place a feeder mainly serves, by county: city centre, seat, towns, countryside. */
export function zoneMix(county: number): Record<AreaClass, number> {
  const { county: c } = COUNTIES[county]!;
  const centreKm = distance(SEATS[county]!, CITY_CENTRES[county]!);
  if (centreKm < COUNTIES[county]!.city.coreRadiusKm)
    return { urban_core: 40, urban: 30, town: 12, rural: 18 };
  if (c.core) return { urban_core: 0, urban: 50, town: 20, rural: 30 };
  return { urban_core: 0, urban: 28, town: 27, rural: 45 };
}

/** Where a feeder of that zone ends: the centre of the places it serves. */
export function placeHome(county: number, zone: AreaClass, towns: readonly Town[], rng: Rng): Point {
  const { county: c, city } = COUNTIES[county]!;
  const seat = SEATS[county]!;
  const angle = rng.range(0, 2 * Math.PI);
  let p: Point;
  if (zone === 'urban_core')
    p = offset(CITY_CENTRES[county]!, rng.range(0.3, 0.7) * city.coreRadiusKm, angle);
  else if (zone === 'urban')
    p = offset(seat, rng.range(0.3, 0.8) * (c.core ? CORE_URBAN_RADIUS_KM : URBAN_RADIUS_KM), angle);
  else if (zone === 'town' && towns.length > 0) p = offset(rng.pick(towns).point, rng.range(0, 0.8), angle);
  else p = offset(seat, rng.range(6, c.radiusKm * 0.9), angle);
  return clampToCounty(p, county);
}

export function classify(p: Point, county: number, towns: readonly Town[]): AreaClass {
  const { city, county: c } = COUNTIES[county]!;
  if (distance(p, CITY_CENTRES[county]!) < city.coreRadiusKm) return 'urban_core';
  if (distance(p, SEATS[county]!) < (c.core ? CORE_URBAN_RADIUS_KM : URBAN_RADIUS_KM)) return 'urban';
  for (const t of towns) if (distance(p, t.point) < TOWN_RADIUS_KM) return 'town';
  return 'rural';
}

/**
 * Substations of one county: the first at the seat, the others at town centres (or, in a
 * central district, around the seat), then one per `perPark` park feeders at each park.
 */
export function placeSubstations(
  county: number,
  towns: readonly Town[],
  plainFeeders: number,
  parkFeeders: readonly { park: number; info: Park; feeders: number }[],
  feedersPerSubstation: number,
  rng: Rng,
): Substation[] {
  const { county: c } = COUNTIES[county]!;
  const seat = SEATS[county]!;
  const short = countyShort(c.name);
  const salt = rng.int(0, 47);
  const subs: Substation[] = [];
  const add = (point: Point, park: number, name: string): void => {
    const id = `ss-${c.id}-${String(subs.length + 1).padStart(2, '0')}`;
    subs.push({ id, name, county, point: clampToCounty(point, county), park });
  };
  const plain = Math.max(1, Math.round(plainFeeders / feedersPerSubstation));
  for (let n = 0; n < plain; n++) {
    let point: Point;
    if (n === 0) point = offset(seat, rng.range(0, 0.8), rng.range(0, 2 * Math.PI));
    else if (c.core || towns.length === 0)
      point = offset(seat, rng.range(1.5, c.radiusKm * 0.6), rng.range(0, 7));
    else point = offset(towns[(n - 1) % towns.length]!.point, rng.range(0, 1), rng.range(0, 7));
    add(point, -1, substationName(short, n, salt));
  }
  for (const p of parkFeeders) {
    const count = Math.max(1, Math.round(p.feeders / feedersPerSubstation));
    const centre = toPlane(p.info.lat, p.info.lon);
    for (let n = 0; n < count; n++) {
      const point = n === 0 ? centre : offset(centre, rng.range(0.5, 2), rng.range(0, 7));
      add(point, p.park, `${p.info.short}${n === 0 ? '' : n + 1}变`);
    }
  }
  return subs;
}
