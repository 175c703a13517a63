// From pieces, exposures and N_T to one row per group: the reference's sums, divided in
// formulas.ts (as the SQL evaluator's are).
//
//   Σ N_i, Σ r_i N_i: per group over the pieces (sustained; steps summed; see durations.ts),
//   Σ N_i of short interruptions apart (MAIFI); events counted once per group.
//   CN, CEMI_n, CELID: per unit (per-asset approximation, see units.ts), the unit's part of
//   N_T summed over the units that qualify: CEMI_n, units with more than n sustained
//   interruptions begun in the period; CELID single, units with one interruption longer than
//   h hours; cumulative, units whose interruptions add up to more than h hours (durations as
//   attributed to the period).

import { compareGroups, type Group } from './groups.js';
import { type Denominators, shareKey } from './denominator.js';
import type { Exposure, Piece } from './units.js';
import { celidLimitMs, type GroupSums, type MeasureBasis, measuresOf } from './formulas.js';
import type { GroupDimension, ReliabilityRow } from './types.js';

interface UnitTally {
  count: number;
  maxMs: number;
  sumMs: number;
}

interface Tally {
  group: Group;
  events: Set<string>;
  shortEvents: Set<string>;
  users: number;
  shortUsers: number;
  userMs: number;
  ongoing: boolean;
  units: Map<string, UnitTally>;
}

export interface AggregateInput extends MeasureBasis {
  dims: readonly GroupDimension[];
  pieces: readonly Piece[];
  exposures: readonly Exposure[];
  denominators: Denominators;
}

export function aggregate(input: AggregateInput): ReliabilityRow[] {
  const { denominators: den } = input;
  const tallies = new Map<string, Tally>();
  const tally = (group: Group): Tally => {
    let t = tallies.get(group.id);
    if (!t) {
      t = {
        group,
        events: new Set(),
        shortEvents: new Set(),
        users: 0,
        shortUsers: 0,
        userMs: 0,
        ongoing: false,
        units: new Map(),
      };
      tallies.set(group.id, t);
    }
    return t;
  };
  for (const g of den.groups.values()) tally(g.group);

  for (const p of input.pieces) {
    const t = tally(p.group);
    t.ongoing ||= p.ongoing;
    if (p.short) {
      if (!p.frequency) continue;
      t.shortEvents.add(p.eventId);
      t.shortUsers += p.users;
      continue;
    }
    t.userMs += p.userMs;
    if (p.frequency) {
      t.events.add(p.eventId);
      t.users += p.users;
    }
  }
  for (const x of input.exposures) {
    const t = tally(x.group);
    t.ongoing ||= x.ongoing;
    const u = t.units.get(x.unitId) ?? { count: 0, maxMs: 0, sumMs: 0 };
    if (x.frequency) u.count += 1;
    u.maxMs = Math.max(u.maxMs, x.unitMs);
    u.sumMs += x.unitMs;
    t.units.set(x.unitId, u);
  }

  const rows = [...tallies.values()].map((t) => measuresOf(sumsOf(t, input), input));
  return rows.sort((a, b) => compareGroups(a.keys, b.keys, input.dims));
}

/** The sums of a tally; the units' parts of N_T are summed per condition, divided in formulas.ts. */
function sumsOf(t: Tally, input: AggregateInput): GroupSums {
  const den = input.denominators;
  const servedWhere = (test: (u: UnitTally) => boolean): number => {
    let sum = 0;
    for (const [unitId, u] of t.units) if (test(u)) sum += den.shares.get(shareKey(t.group.id, unitId)) ?? 0;
    return sum;
  };
  const limits = input.celidHours.map(celidLimitMs);
  return {
    keys: t.group.keys,
    served: den.groups.get(t.group.id)?.num ?? 0,
    divisor: den.divisor,
    events: t.events.size,
    shortEvents: t.shortEvents.size,
    customerInterruptions: t.users,
    shortInterruptions: t.shortUsers,
    customerMs: t.userMs,
    interruptedServed: servedWhere((u) => u.count > 0),
    cemiServed: input.cemiN.map((n) => servedWhere((u) => u.count > n)),
    celidSingleServed: limits.map((limit) => servedWhere((u) => u.maxMs > limit)),
    celidCumulativeServed: limits.map((limit) => servedWhere((u) => u.sumMs > limit)),
    includesOngoing: t.ongoing,
  };
}
