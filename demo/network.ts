// The distribution network as compact typed arrays (a large network holds 400,000 areas), laid
// out county by county: feeders grouped by substation, each feeder's areas contiguous. Area ids
// and names are derived from indices when records are produced, not stored.

import { AREA_CLASSES, type AreaClass } from '../core/domain.js';
import { COUNTIES, type Park, PARKS } from './geography.js';
import {
  classify,
  placeHome,
  placeSubstations,
  placeTowns,
  type Substation,
  type Town,
  zoneMix,
} from './layout.js';
import { feederName } from './names.js';
import { clampToCounty, distance, offset, type Point, toLatLon } from './plane.js';
import { Rng } from './prng.js';
import type { SizeSpec } from './sizes.js';

export interface FeederTable {
  count: number;
  id: string[];
  name: string[];
  substation: Int32Array;
  county: Int32Array;
  /** index into AREA_CLASSES */
  cls: Uint8Array;
  /** index into Network.parks, or -1 */
  park: Int16Array;
  lat: Float64Array;
  lon: Float64Array;
  /** the feeder's own areas (at the start of the history) are [firstArea, firstArea + areaCount) */
  firstArea: Int32Array;
  areaCount: Int32Array;
}

export interface AreaTable {
  count: number;
  /** the feeder at the start of the history */
  feeder: Int32Array;
  /** number within that feeder, from 0 */
  seq: Int32Array;
  cls: Uint8Array;
  customers: Int32Array;
  park: Int16Array;
  lat: Float64Array;
  lon: Float64Array;
}

export interface CountyLayout {
  towns: Town[];
  feeders: { lo: number; hi: number };
  areas: { lo: number; hi: number };
}

export interface Network {
  seed: number;
  parks: Park[];
  substations: Substation[];
  counties: CountyLayout[];
  feeders: FeederTable;
  areas: AreaTable;
}

export const CUSTOMER_RANGES: Record<AreaClass | 'park', readonly [number, number]> = {
  urban_core: [200, 600],
  urban: [120, 400],
  town: [60, 250],
  rural: [20, 150],
  park: [4, 60],
};

const AREA_SHARE: Record<AreaClass, number> = { urban_core: 0.55, urban: 0.75, town: 1, rural: 1.35 };
/** Areas lie along the line from the substation (t = 0) to the feeder's home (t = 1) and beyond. */
const ALONG: Record<AreaClass, readonly [number, number]> = {
  urban_core: [0.05, 1.25],
  urban: [0.05, 1.25],
  town: [0.6, 1.25],
  rural: [0.35, 1.25],
};

interface PendingFeeder {
  substation: number;
  county: number;
  park: number;
  zone: AreaClass;
  home: Point;
  share: number;
}

export function buildNetwork(seed: number, size: SizeSpec): Network {
  const rng = Rng.from(seed, 'network');
  const parks = PARKS.slice(0, size.parks);
  const perCounty = apportion(
    size.feeders,
    COUNTIES.map((r) => r.county.weight),
    2,
  );
  const substations: Substation[] = [];
  const counties: CountyLayout[] = [];
  const pending: PendingFeeder[] = [];
  COUNTIES.forEach(({ county }, ci) => {
    const towns = placeTowns(seed, ci, rng);
    const { subs, local } = countyFeeders(ci, county.id, towns, perCounty[ci]!, parks, size, rng);
    const lo = pending.length;
    const renumbered = new Map<number, number>();
    for (const f of local.sort((x, y) => x.substation - y.substation)) {
      let global = renumbered.get(f.substation);
      if (global === undefined) {
        global = substations.length;
        const id = `ss-${county.id}-${String(renumbered.size + 1).padStart(2, '0')}`;
        substations.push({ ...subs[f.substation]!, id });
        renumbered.set(f.substation, global);
      }
      f.substation = global;
      f.share *= rng.range(0.6, 1.4);
      pending.push(f);
    }
    counties.push({ towns, feeders: { lo, hi: pending.length }, areas: { lo: 0, hi: 0 } });
  });

  const feeders = feederTable(pending.length);
  const areaCounts = apportion(
    size.areas,
    pending.map((f) => f.share),
    1,
  );
  const areas = areaTable(areaCounts.reduce((s, n) => s + n, 0));
  const seqInSub = new Map<number, number>();
  let a = 0;
  pending.forEach((f, fi) => {
    const sub = substations[f.substation]!;
    const seq = (seqInSub.get(f.substation) ?? 0) + 1;
    seqInSub.set(f.substation, seq);
    feeders.id[fi] = `fd-${sub.id.slice(3)}-${String(seq).padStart(2, '0')}`;
    feeders.name[fi] = feederName(seed, fi, seq);
    feeders.substation[fi] = f.substation;
    feeders.county[fi] = f.county;
    feeders.park[fi] = f.park;
    feeders.firstArea[fi] = a;
    const count = areaCounts[fi]!;
    feeders.areaCount[fi] = count;
    const towns = counties[f.county]!.towns;
    const place = { feeder: f, index: fi, first: a, count, from: sub.point, towns };
    const { centre, cls } = placeAreas(areas, place, rng);
    a += count;
    feeders.lat[fi] = centre.lat;
    feeders.lon[fi] = centre.lon;
    feeders.cls[fi] = cls;
  });
  for (const layout of counties) {
    const { lo, hi } = layout.feeders;
    const areaLo = lo < hi ? feeders.firstArea[lo]! : 0;
    const areaHi = lo < hi ? feeders.firstArea[hi - 1]! + feeders.areaCount[hi - 1]! : 0;
    layout.areas = { lo: areaLo, hi: areaHi };
  }
  return { seed, parks, substations, counties, feeders, areas };
}

/**
 * One county's feeders, not yet numbered: its plain feeders, homed by the county's mix of zones
 * and fed by the nearest plain substation, then the feeders of the parks it hosts.
 */
function countyFeeders(
  ci: number,
  countyId: string,
  towns: readonly Town[],
  total: number,
  parks: readonly Park[],
  size: SizeSpec,
  rng: Rng,
): { subs: Substation[]; local: PendingFeeder[] } {
  const hosted = parks.flatMap((info, park) =>
    info.countyId === countyId ? [{ park, info, feeders: 0 }] : [],
  );
  for (const p of hosted) p.feeders = Math.max(2, Math.round(total * 0.15));
  const plain = Math.max(1, total - hosted.reduce((s, p) => s + p.feeders, 0));
  const subs = placeSubstations(ci, towns, plain, hosted, size.feedersPerSubstation, rng);
  const local: PendingFeeder[] = [];
  const plainSubs = subs.flatMap((s, si) => (s.park < 0 ? [si] : []));
  const mix = zoneMix(ci);
  for (let k = 0; k < plain; k++) {
    const zone = rng.weighted(mix);
    const home = placeHome(ci, zone, towns, rng);
    const si = nearest(
      plainSubs.map((i) => subs[i]!.point),
      home,
    );
    local.push({ substation: plainSubs[si]!, county: ci, park: -1, zone, home, share: AREA_SHARE[zone] });
  }
  for (const p of hosted) {
    const own = subs.flatMap((s, si) => (s.park === p.park ? [si] : []));
    for (let k = 0; k < p.feeders; k++) {
      const si = own[k % own.length]!;
      const home = clampToCounty(
        offset(subs[si]!.point, rng.logNormal(1.2, 0.5), rng.range(0, 2 * Math.PI)),
        ci,
      );
      local.push({ substation: si, county: ci, park: p.park, zone: 'urban', home, share: 0.5 });
    }
  }
  return { subs, local };
}

/** A feeder whose areas are to be placed: its areas are [first, first + count). */
interface FeederPlace {
  feeder: PendingFeeder;
  index: number;
  first: number;
  count: number;
  /** where its substation stands */
  from: Point;
  /** the towns of its county, by which an area's class is told */
  towns: readonly Town[];
}

/**
 * Places a feeder's areas along the line from its substation to its home and beyond (rural
 * feeders spread wider the longer the line), each with its class and customers. Returns the
 * centre of the areas and the class most of them have: the feeder's own.
 */
function placeAreas(
  areas: AreaTable,
  { feeder: f, index: fi, first, count: n, from, towns }: FeederPlace,
  rng: Rng,
): { centre: { lat: number; lon: number }; cls: number } {
  const span = { x: f.home.x - from.x, y: f.home.y - from.y };
  const spread = f.zone === 'rural' && f.park < 0 ? 0.3 + 0.15 * Math.hypot(span.x, span.y) : 0.45;
  const [t0, t1] = ALONG[f.zone];
  const tally = [0, 0, 0, 0];
  let sx = 0;
  let sy = 0;
  for (let k = 0, a = first; k < n; k++, a++) {
    const t = rng.range(t0, t1);
    const raw = {
      x: from.x + t * span.x + spread * rng.normal(),
      y: from.y + t * span.y + spread * rng.normal(),
    };
    const p = clampToCounty(raw, f.county);
    const cls = AREA_CLASSES.indexOf(classify(p, f.county, towns));
    const ll = toLatLon(p);
    const [min, max] = CUSTOMER_RANGES[f.park >= 0 ? 'park' : AREA_CLASSES[cls]!];
    areas.feeder[a] = fi;
    areas.seq[a] = k;
    areas.cls[a] = cls;
    areas.customers[a] = Math.round(min + (max - min) * ((rng.float() + rng.float()) / 2));
    areas.park[a] = f.park;
    areas.lat[a] = ll.lat;
    areas.lon[a] = ll.lon;
    tally[cls]!++;
    sx += p.x;
    sy += p.y;
  }
  const centre = n > 0 ? toLatLon({ x: sx / n, y: sy / n }) : toLatLon(f.home);
  return { centre, cls: tally.indexOf(Math.max(...tally)) };
}

/** Split `total` into integer shares proportional to `weights` (largest remainder), each ≥ `min`. */
export function apportion(total: number, weights: readonly number[], min: number): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (sum > 0 ? (total * w) / sum : total / weights.length));
  const counts = exact.map((e) => Math.max(min, Math.floor(e)));
  let left = total - counts.reduce((s, n) => s + n, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((x, y) => y.r - x.r || x.i - y.i);
  for (let k = 0; left > 0 && order.length > 0; k = (k + 1) % order.length, left--) counts[order[k]!.i]!++;
  return counts;
}

function nearest(points: readonly Point[], p: Point): number {
  let best = 0;
  points.forEach((q, i) => {
    if (distance(q, p) < distance(points[best]!, p)) best = i;
  });
  return best;
}

function feederTable(count: number): FeederTable {
  return {
    count,
    id: new Array<string>(count).fill(''),
    name: new Array<string>(count).fill(''),
    substation: new Int32Array(count),
    county: new Int32Array(count),
    cls: new Uint8Array(count),
    park: new Int16Array(count),
    lat: new Float64Array(count),
    lon: new Float64Array(count),
    firstArea: new Int32Array(count),
    areaCount: new Int32Array(count),
  };
}

function areaTable(count: number): AreaTable {
  return {
    count,
    feeder: new Int32Array(count),
    seq: new Int32Array(count),
    cls: new Uint8Array(count),
    customers: new Int32Array(count),
    park: new Int16Array(count),
    lat: new Float64Array(count),
    lon: new Float64Array(count),
  };
}
