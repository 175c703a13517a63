// Seeded, replayable random histories of a few assets, outages and warnings, for differential
// tests (SQL evaluator vs reference evaluator). The same seed always gives the same history.
// Edge cases are drawn on purpose: areas moving between feeders, overlapping and ongoing
// outages, every cause, warnings of every level, starts near local midnight, gaps of exactly
// 59/60, 182/183 and 364/365 days, ties of start times, events starting at a topology change.

import {
  type AreaClass,
  type Asset,
  CAUSES,
  type Cause,
  isPlannedCause,
  type OutageEvent,
  type Warning,
} from '../../core/domain.js';
import { dateToDay, startOfLocalDay } from '../../core/time.js';

/** mulberry32: a tiny 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface RandomHistory {
  seed: number;
  assets: Asset[];
  events: OutageEvent[];
  warnings: Warning[];
  asOf: number;
  zone: string;
}

export interface RandomHistoryOptions {
  /** at most this many events (default 40) */
  maxEvents?: number;
  /** operating zone (default Asia/Shanghai) */
  zone?: string;
  /** first local date of the history (default 2024-01-01); it spans about 500 days */
  from?: string;
}

const MINUTE = 60_000;
const SPAN_DAYS = 500;
const EDGE_GAPS = [59, 60, 182, 183, 364, 365] as const;
const REGIONS = [
  { province: '云南', city: '昆明', county: '五华' },
  { province: '云南', city: '昆明', county: '盘龙' },
  { province: '云南', city: '曲靖', county: '麒麟' },
  // Governed by the local rule sets too: Baoshan's (保山市) and Guizhou's (贵州省).
  { province: '云南', city: '保山市', county: '隆阳区' },
  { province: '贵州省', city: '遵义市', county: '红花岗区' },
] as const;
const CLASSES: readonly AreaClass[] = ['urban_core', 'urban', 'town', 'rural'];

export function randomHistory(seed: number, options: RandomHistoryOptions = {}): RandomHistory {
  const zone = options.zone ?? 'Asia/Shanghai';
  const maxEvents = options.maxEvents ?? 40;
  const rand = mulberry32(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const chance = (p: number): boolean => rand() < p;
  const firstDay = dateToDay(options.from ?? '2024-01-01');
  /** local day + minutes after local midnight */
  const local = (day: number, minutes: number): number => startOfLocalDay(day, zone) + minutes * MINUTE;
  const anyInstant = (): number => local(firstDay + int(0, SPAN_DAYS), int(0, 1439));

  // ---- assets: 1–3 feeders, 1–5 areas; some areas move, some assets change region ----
  const assets: Asset[] = [];
  const feederIds = Array.from({ length: int(1, 3) }, (_, i) => `F${i + 1}`);
  const areaIds = Array.from({ length: int(1, 5) }, (_, i) => `A${i + 1}`);
  const moves: number[] = [];
  const region = () => ({ ...pick(REGIONS) });
  const base = (assetId: string, validFrom: number) => ({
    assetId,
    areaClass: pick(CLASSES),
    customers: int(0, 500),
    validFrom,
    ...region(),
    ...(chance(0.3) ? { park: pick(['滇中新区', '经开区']) } : {}),
  });
  const start0 = local(firstDay - 30, 0);
  for (const id of feederIds) {
    assets.push({ ...base(id, start0), kind: 'feeder', transformers: int(1, 40) });
    if (chance(0.2)) assets.push({ ...base(id, anyInstant()), kind: 'feeder' }); // re-registered elsewhere
  }
  for (const id of areaIds) {
    // sometimes registered only after its first outages (the first version then applies before it)
    const registered = chance(0.15) ? anyInstant() : start0;
    assets.push({ ...base(id, registered), kind: 'area', feederId: pick(feederIds) });
    for (let m = int(0, 2); m > 0; m--) {
      const at = anyInstant();
      moves.push(at);
      assets.push({ ...base(id, at), kind: 'area', feederId: pick(feederIds) });
    }
  }

  // ---- warnings of every level; some end before, some cover event starts exactly ----
  const warnings: Warning[] = [];
  for (let i = int(0, 4); i > 0; i--) {
    const start = anyInstant();
    const r = pick(REGIONS);
    const level = pick(['county', 'city', 'province', 'national'] as const);
    const where =
      level === 'county'
        ? { ...r }
        : level === 'city'
          ? { province: r.province, city: r.city }
          : level === 'province'
            ? { province: r.province }
            : {};
    warnings.push({
      warningId: `W${warnings.length + 1}`,
      issuerLevel: level,
      hazard: pick(['severe_weather', 'flood', 'geological'] as const),
      level: pick(['blue', 'yellow', 'orange', 'red'] as const),
      ...where,
      start,
      end: start + int(60, 4320) * MINUTE,
    });
  }

  // ---- events ----
  const n = int(0, maxEvents);
  const ids = Array.from({ length: n }, (_, i) => `e${String(i).padStart(2, '0')}`);
  for (let i = ids.length - 1; i > 0; i--) {
    const j = int(0, i); // shuffle: eventId order is not start order
    [ids[i], ids[j]] = [ids[j] as string, ids[i] as string];
  }
  const events: OutageEvent[] = [];
  const assetPool = [...feederIds, ...feederIds, ...areaIds];
  for (const eventId of ids) {
    const prev = events.length > 0 ? pick(events) : undefined;
    const w = warnings.length > 0 ? pick(warnings) : undefined;
    let assetId = pick(assetPool);
    let start: number;
    const how = rand();
    if (how < 0.3 || prev === undefined) start = anyInstant();
    else if (how < 0.45)
      start = local(firstDay + int(0, SPAN_DAYS), pick([1439, 0, 1])) + (chance(0.3) ? 59_999 : 0);
    else if (how < 0.65)
      start = prev.start + pick(EDGE_GAPS) * 86_400_000 + pick([0, -1, 1]) * int(0, 600) * MINUTE;
    else if (how < 0.8) {
      assetId = chance(0.5) ? prev.assetId : assetId; // overlapping, often the same loss recorded twice
      start = prev.start + Math.floor(rand() * ((prev.end ?? prev.start + 3_600_000) - prev.start + MINUTE));
    } else if (how < 0.87)
      start = prev.start; // tie
    else if (how < 0.93 && moves.length > 0)
      start = pick(moves); // at a topology change
    else start = w ? pick([w.start, w.end, w.end + 1]) : anyInstant();

    const cause: Cause = pick(CAUSES);
    const r = rand();
    const durationMs =
      r < 0.08
        ? null
        : r < 0.18
          ? 3 * MINUTE
          : r < 0.25
            ? 4 * MINUTE
            : r < 0.28
              ? 3 * MINUTE + 1
              : r < 0.31
                ? 0
                : int(1, 600) * MINUTE;
    const event: OutageEvent = {
      eventId,
      assetId,
      start,
      end: durationMs === null ? null : start + durationMs,
      customersAffected: int(0, 300),
      restorations: [],
      cause,
      planned: chance(0.1) ? !isPlannedCause(cause) : isPlannedCause(cause),
    };
    if (feederIds.includes(assetId)) {
      const a = rand();
      if (a < 0.35) event.affectedAreas = areaIds.filter(() => chance(0.5));
      else if (a < 0.4) event.affectedAreas = [];
      else if (a < 0.43) event.affectedAreas = [pick(areaIds), pick(feederIds), 'A404'];
    }
    if ((cause === 'weather_fault' || cause === 'natural_disaster') && chance(0.3)) {
      event.warningId = w && chance(0.8) ? w.warningId : 'W404';
    }
    // Force majeure (Guizhou's exclusion): mostly on weather faults, sometimes on other causes.
    if (chance(cause === 'weather_fault' ? 0.4 : 0.05)) event.forceMajeure = true;
    events.push(event);
  }

  // ---- asOf: late enough for long windows, sometimes exactly at an event start or at midnight ----
  const q = rand();
  const asOf =
    q < 0.2 && events.length > 0
      ? pick(events).start
      : q < 0.35
        ? local(firstDay + int(200, SPAN_DAYS), pick([0, 1439])) + (chance(0.5) ? 59_999 : 0)
        : local(firstDay + int(200, SPAN_DAYS + 30), int(0, 1439));

  return { seed, assets, events, warnings, asOf, zone };
}
