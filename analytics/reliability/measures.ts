// From pieces, exposures and N_T to one row per group. No rounding: every measure is a sum of
// whole numbers divided once, or a ratio of two such values.
//
//   SAIFI = Σ N_i / N_T                    (sustained interruptions that began in the period)
//   SAIDI = Σ r_i N_i / N_T, hours         (sustained; steps summed; see durations.ts)
//   CAIDI = SAIDI / SAIFI                  (null when SAIFI is 0)
//   ASAI  = 1 − SAIDI / period hours
//   MAIFI = Σ N_i of short interruptions / N_T
//   CN, CEMI_n, CELID: per unit (per-asset approximation, see units.ts), weighted by the unit's
//   part of N_T: CEMI_n counts units with more than n sustained interruptions begun in the
//   period; CELID single, units with one interruption longer than h hours; cumulative, units
//   whose interruptions add up to more than h hours (durations as attributed to the period).

import { compareGroups, type Group } from './groups.js';
import { type Denominators, shareKey } from './denominator.js';
import type { Exposure, Piece } from './units.js';
import type { CelidValue, CemiValue, GroupDimension, ReliabilityRow } from './types.js';

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;

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

export interface AggregateInput {
  dims: readonly GroupDimension[];
  pieces: readonly Piece[];
  exposures: readonly Exposure[];
  denominators: Denominators;
  periodHours: number;
  cemiN: readonly number[];
  celidHours: readonly number[];
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

  const rows = [...tallies.values()].map((t) => toRow(t, input));
  return rows.sort((a, b) => compareGroups(a.keys, b.keys, input.dims));
}

function toRow(t: Tally, input: AggregateInput): ReliabilityRow {
  const den = input.denominators;
  const num = den.groups.get(t.group.id)?.num ?? 0;
  const customers = num / den.divisor;
  const per = (x: number): number | null => (customers > 0 ? x / customers : null);
  // Users of the units that satisfy `test`, from the N_T numerators (one division).
  const usersWhere = (test: (u: UnitTally) => boolean): number => {
    let sum = 0;
    for (const [unitId, u] of t.units) if (test(u)) sum += den.shares.get(shareKey(t.group.id, unitId)) ?? 0;
    return sum / den.divisor;
  };

  const saifi = per(t.users);
  const saidi = customers > 0 ? t.userMs / MS_PER_HOUR / customers : null;
  const cemi: CemiValue[] = input.cemiN.map((n) => {
    const c = usersWhere((u) => u.count > n);
    return { n, customers: c, value: per(c) };
  });
  const celid: CelidValue[] = input.celidHours.map((hours) => {
    const limit = hours * MS_PER_HOUR;
    const singleCustomers = usersWhere((u) => u.maxMs > limit);
    const cumulativeCustomers = usersWhere((u) => u.sumMs > limit);
    return {
      hours,
      singleCustomers,
      single: per(singleCustomers),
      cumulativeCustomers,
      cumulative: per(cumulativeCustomers),
    };
  });
  return {
    keys: t.group.keys,
    customers,
    events: t.events.size,
    shortEvents: t.shortEvents.size,
    customerInterruptions: t.users,
    shortInterruptions: t.shortUsers,
    customerMinutes: t.userMs / MS_PER_MINUTE,
    saifi,
    saidi,
    caidi: saifi !== null && saifi > 0 && saidi !== null ? saidi / saifi : null,
    asai: saidi !== null && input.periodHours > 0 ? 1 - saidi / input.periodHours : null,
    maifi: per(t.shortUsers),
    customersInterrupted: usersWhere((u) => u.count > 0),
    cemi,
    celid,
    includesOngoing: t.ongoing,
  };
}
