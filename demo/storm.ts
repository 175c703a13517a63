// The storm going on at `now`, so the live view and its restoration curve show an event: an
// orange or red severe-weather warning over one or two rural counties of one city, issued 7–11
// hours before now and in force until well after it, and the weather outages it has caused so
// far. They start more and more often as the storm builds; the later half are still out (a
// third of those past their estimated restoration), the earlier ones restored.

import type { Warning, WarningLevel } from '../core/domain.js';
import { classOf, type EventSpec } from './events.js';
import { COUNTIES, PROVINCE } from './geography.js';
import type { Network } from './network.js';
import { Rng } from './prng.js';
import { duration } from './rates.js';

/** A warning before it is numbered (warnings.ts gives the ids), with the counties it covers. */
export interface WarningDraft {
  warning: Omit<Warning, 'warningId'>;
  /** administrative code of the issuing region, part of the warning id */
  code: string;
  counties: number[];
}

/** Assets the storm must leave alone: the scripted scenarios' feeders and areas. */
export interface Untouchable {
  feeders: ReadonlySet<number>;
  areas: ReadonlySet<number>;
}

export interface StormOutages {
  specs: EventSpec[];
  feeders: number[];
  areas: number[];
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** share of the storm's outages still out at now */
const ONGOING_SHARE = 0.55;
const FEEDER_SHARE = 0.4;
const LINKED_ODDS = 0.6;

/** One county-level warning per county of the storm, in force at `now`. */
export function stormWarnings(seed: number, now: number): WarningDraft[] {
  const rng = Rng.from(seed, 'storm');
  const rural = COUNTIES.filter((r) => !r.county.core);
  const first = rng.pick(rural);
  const neighbours = rural.filter((r) => r.city.id === first.city.id && r.index !== first.index);
  const chosen = neighbours.length > 0 && rng.chance(0.5) ? [first, rng.pick(neighbours)] : [first];
  const level: WarningLevel = rng.chance(0.7) ? 'orange' : 'red';
  const quarter = HOUR / 4;
  const start = Math.floor((now - rng.range(7, 11) * HOUR) / quarter) * quarter;
  const end = start + rng.int(24, 36) * HOUR;
  return chosen.map((ref, i) => ({
    warning: {
      issuerLevel: 'county',
      hazard: 'severe_weather',
      level,
      province: PROVINCE,
      city: ref.city.name,
      county: ref.county.name,
      start: start + i * 2 * quarter,
      end: end + i * 2 * quarter,
    },
    code: ref.county.code,
    counties: [ref.index],
  }));
}

/**
 * `count` weather outages on distinct assets of the counties under the warnings in force at
 * `now`, none on an untouchable asset; none when no warning is in force.
 */
export function stormOutages(
  net: Network,
  warnings: readonly { warning: Warning; counties: readonly number[] }[],
  now: number,
  count: number,
  avoid: Untouchable,
): StormOutages {
  const rng = Rng.from(net.seed, 'storm-outages');
  const active = warnings.filter((p) => p.warning.start <= now && now < p.warning.end);
  const none: StormOutages = { specs: [], feeders: [], areas: [] };
  if (active.length === 0 || count <= 0) return none;
  const warningOf = new Map<number, Warning>();
  for (const p of active) for (const c of p.counties) if (!warningOf.has(c)) warningOf.set(c, p.warning);
  const counties = [...warningOf.keys()];
  const range = (lo: number, hi: number) => Array.from({ length: hi - lo }, (_, k) => lo + k);
  const feeders = rng.shuffle(
    counties.flatMap((c) => range(net.counties[c]!.feeders.lo, net.counties[c]!.feeders.hi)),
  );
  const areas = rng.shuffle(
    counties.flatMap((c) => range(net.counties[c]!.areas.lo, net.counties[c]!.areas.hi)),
  );
  const free = {
    feeder: feeders.filter((f) => !avoid.feeders.has(f)),
    area: areas.filter((a) => !avoid.areas.has(a) && !avoid.feeders.has(net.areas.feeder[a]!)),
  };

  const from = Math.max(Math.min(...active.map((p) => p.warning.start)), now - 10 * HOUR);
  const picked: { level: 'feeder' | 'area'; asset: number; start: number }[] = [];
  for (let n = 0; n < count; n++) {
    const level = rng.chance(FEEDER_SHARE) && free.feeder.length > 0 ? 'feeder' : 'area';
    const asset = free[level].pop();
    if (asset === undefined) break;
    // u^0.6 leans towards now: outages come faster as the storm builds
    const start = from + Math.floor(((now - 20 * MINUTE - from) * rng.float() ** 0.6) / MINUTE) * MINUTE;
    picked.push({ level, asset, start });
  }
  picked.sort((x, y) => x.start - y.start || x.asset - y.asset);

  const ongoingFrom = picked.length - Math.ceil(picked.length * ONGOING_SHARE);
  const out: StormOutages = { specs: [], feeders: [], areas: [] };
  picked.forEach(({ level, asset, start }, i) => {
    const county =
      level === 'feeder' ? net.feeders.county[asset]! : net.feeders.county[net.areas.feeder[asset]!]!;
    const spec: EventSpec = { level, asset, start, duration: 0, cause: 'weather_fault', scripted: true };
    if (i >= ongoingFrom) {
      spec.duration = now - start + rng.int(20, 300) * MINUTE;
      // every third one still out, earliest first, is past its estimate (set at least 20 minutes
      // after its start and 10 before now); the others have one ahead
      const earliest = Math.max(start + 30 * MINUTE, now - 90 * MINUTE);
      spec.estimate =
        (i - ongoingFrom) % 3 === 0 && earliest < now - 10 * MINUTE
          ? floor10(earliest + rng.float() * (now - 10 * MINUTE - earliest))
          : ceil10(now + rng.int(30, 300) * MINUTE);
    } else {
      const park = (level === 'feeder' ? net.feeders.park : net.areas.park)[asset]! >= 0;
      const typical = duration('weather_fault', classOf(net, level, asset), park, rng);
      spec.duration = Math.max(10 * MINUTE, Math.min(typical, now - 5 * MINUTE - start));
    }
    const warning = warningOf.get(county);
    if (warning !== undefined && rng.chance(LINKED_ODDS)) spec.warningId = warning.warningId;
    out.specs.push(spec);
    (level === 'feeder' ? out.feeders : out.areas).push(asset);
  });
  return out;
}

const ceil10 = (t: number): number => Math.ceil(t / (10 * MINUTE)) * 10 * MINUTE;
const floor10 = (t: number): number => Math.floor(t / (10 * MINUTE)) * 10 * MINUTE;
