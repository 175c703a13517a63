// From an outage drawn (asset, start, duration, cause) to the record a utility system sends:
// customers interrupted, affected areas, step restorations, the ongoing state at `now`, and the
// re-sends (exact duplicates, corrections after investigation, a late end).

import {
  AREA_CLASSES,
  type Cause,
  isPlannedCause,
  type OutageEvent,
  type Restoration,
} from '../core/domain.js';
import { areaId } from './assets.js';
import type { Network } from './network.js';
import type { Rng } from './prng.js';
import { type Level, NOTES } from './rates.js';
import type { NetworkState } from './topology.js';

/** An outage as the demo emits it: the contract record plus when a loader should send it. */
export type DemoOutage = OutageEvent & {
  /** when the record reached the utility's system; corrections arrive after the original */
  receivedAt: number;
  /** set on a re-send that replaces the earlier version of the same eventId */
  correction?: 'cause' | 'end';
};

export interface EventSpec {
  level: Level;
  asset: number;
  start: number;
  duration: number;
  cause: Cause;
  warningId?: string;
  /** the estimated restoration of an outage still out at `now`, when scripted */
  estimate?: number;
  /** scripted scenario events are never partial re-sends, so their counts stay exact */
  scripted: boolean;
}

export interface BuildContext {
  net: Network;
  state: NetworkState;
  now: number;
  rng: Rng;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const FAULTS: ReadonlySet<Cause> = new Set([
  'equipment_fault',
  'weather_fault',
  'natural_disaster',
  'external_damage',
  'unknown',
]);
const CORRECTABLE: ReadonlySet<Cause> = new Set(['equipment_fault', 'external_damage', 'customer_side']);
export const RESEND_ODDS = { duplicate: 0.003, cause: 0.012, end: 0.004 };

export function buildEvent(spec: EventSpec, eventId: string, ctx: BuildContext): DemoOutage[] {
  const { net, state, now, rng } = ctx;
  const { start, duration, cause } = spec;
  const event: DemoOutage = {
    eventId,
    assetId: spec.level === 'feeder' ? net.feeders.id[spec.asset]! : areaId(net, spec.asset),
    start,
    end: start + duration,
    customersAffected: 0,
    restorations: [],
    cause,
    planned: isPlannedCause(cause),
    receivedAt: 0,
  };
  if (spec.level === 'feeder') interruptFeeder(event, spec, ctx);
  else {
    const all = state.areaCustomers[spec.asset]!;
    const partial = (cause === 'equipment_fault' || cause === 'customer_side') && rng.chance(0.3);
    event.customersAffected = partial ? Math.max(1, Math.round(all * rng.range(0.15, 0.7))) : all;
  }
  if (spec.warningId) event.warningId = spec.warningId;
  const notes = NOTES[cause];
  if (notes && rng.chance(0.5)) event.notes = rng.pick(notes);
  if (start + duration > now) {
    event.end = null;
    event.restorations = event.restorations.filter((r) => r.at < now);
    let etr = ceil10(start + duration * rng.range(0.8, 1.2));
    if (etr <= now + 5 * MINUTE) etr = ceil10(now + rng.int(20, 120) * MINUTE);
    event.estimatedRestoration = spec.estimate ?? etr;
    event.receivedAt = Math.min(now, start + rng.int(2, 15) * MINUTE);
    return [event];
  }
  event.receivedAt = Math.min(now, start + duration + rng.int(1, 30) * MINUTE);
  if (spec.scripted) return [event];
  return [event, ...resends(event, duration, rng, now)];
}

/** Mutates `event` into the first version sent when a later correction replaces it. */
function resends(event: DemoOutage, duration: number, rng: Rng, now: number): DemoOutage[] {
  const out: DemoOutage[] = [];
  if (CORRECTABLE.has(event.cause) && rng.chance(RESEND_ODDS.cause)) {
    const receivedAt = event.receivedAt + rng.int(1, 10) * DAY + rng.int(0, 600) * MINUTE;
    if (receivedAt <= now) {
      const label = event.notes ?? event.cause;
      out.push({ ...copy(event), receivedAt, correction: 'cause', notes: `更正：经调查停电原因为${label}` });
      event.cause = 'unknown';
      event.notes = '原因调查中';
    }
  } else if (duration >= 30 * MINUTE && FAULTS.has(event.cause) && rng.chance(RESEND_ODDS.end)) {
    const receivedAt = (event.end ?? now) + rng.int(30, 48 * 60) * MINUTE;
    if (receivedAt <= now) {
      out.push({ ...copy(event), receivedAt, correction: 'end' });
      event.end = null;
      event.restorations = [];
      event.estimatedRestoration = ceil10(event.start + duration * rng.range(0.5, 1.5));
      event.receivedAt = event.start + rng.int(3, 15) * MINUTE;
    }
  }
  if (rng.chance(RESEND_ODDS.duplicate)) out.unshift(copy(event));
  return out;
}

function interruptFeeder(event: DemoOutage, spec: EventSpec, ctx: BuildContext): void {
  const { net, state, rng } = ctx;
  const { cause, duration, start } = spec;
  const areas = state.areasOf(spec.asset);
  // Branch fuses, sectionalisers and planned isolation: most outages take out a stretch of the
  // feeder (a tenth to two fifths of its areas), not all of it.
  const partOdds = FAULTS.has(cause) ? 0.6 : isPlannedCause(cause) ? 0.7 : 0;
  if (areas.length >= 3 && rng.chance(partOdds)) {
    const n = areas.length;
    const len = rng.int(Math.max(1, Math.round(0.1 * n)), Math.max(1, Math.round(0.4 * n)));
    const from = rng.int(0, n - len);
    const hit = areas.slice(from, from + len);
    event.affectedAreas = hit.map((a) => areaId(net, a));
    event.customersAffected = hit.reduce((s, a) => s + state.areaCustomers[a]!, 0);
  } else {
    event.customersAffected = state.feederCustomers[spec.asset]!;
  }
  const c = event.customersAffected;
  if (FAULTS.has(cause) && duration >= 20 * MINUTE && c >= 10 && rng.chance(0.35)) {
    const steps = rng.chance(0.7) ? 1 : 2;
    const shares = steps === 1 ? [rng.range(0.3, 0.6)] : [rng.range(0.3, 0.6), rng.range(0.1, 0.3)];
    const times = shares.map(() => rng.range(0.1, 0.9)).sort((x, y) => x - y);
    event.restorations = shares.map(
      (share, i): Restoration => ({
        at: start + Math.round((times[i]! * duration) / 1000) * 1000,
        customersRestored: Math.floor(c * share),
      }),
    );
  }
}

function copy(e: DemoOutage): DemoOutage {
  const out: DemoOutage = { ...e, restorations: e.restorations.map((r) => ({ ...r })) };
  if (e.affectedAreas) out.affectedAreas = [...e.affectedAreas];
  return out;
}

const ceil10 = (t: number): number => Math.ceil(t / (10 * MINUTE)) * 10 * MINUTE;

/** The contract record, without the demo's delivery fields. */
export function toOutageEvent(e: DemoOutage): OutageEvent {
  const { receivedAt: _r, correction: _c, ...event } = e;
  return event;
}

export const classOf = (net: Network, level: Level, asset: number) =>
  AREA_CLASSES[(level === 'feeder' ? net.feeders.cls : net.areas.cls)[asset]!]!;
