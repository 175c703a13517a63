// Turning one event into contributions to groups.
//
// Units are what N_T counts: in the `customers` convention the transformer areas with their
// customers, plus feeders no area names (their own customers); in the `transformers`
// convention (DL/T 836 medium voltage) the transformer areas, one user each plus the 10 kV
// customers with transformers of their own an area serves (enterpriseCustomers), and the
// feeders that serve such customers directly, one user per enterprise customer. An outage
// recorded on a feeder interrupts its own enterprise customers whatever areas it names. A feeder event interrupts the areas in its
// affectedAreas, or (no list) every area on the feeder at the event's start; an empty list
// interrupts no area, as in the frequent-outage attribution (analytics/rules/attribution.ts)
// and the attribution kept at write (ingest refuses an empty list).
//
// Pieces feed SAIFI, SAIDI and MAIFI:
// - customers convention, no 'area' dimension: one piece per event, with N_i = customersAffected
//   and the exact step-restoration customer time, keyed by the event's own asset (IEEE 1366);
// - area level (the 'area' dimension, or the transformers convention): one piece per interrupted
//   unit, keyed by that unit. customers: the unit's own event keeps its N_i and time; an area
//   interrupted by a feeder event counts all its customers for the event's mean customer
//   duration. transformers: N_i = 1 per interrupted area, for the mean customer duration.
// Exposures feed CEMI, CELID and CN: one per interrupted unit (per-asset approximation: every
// customer of a unit experiences each of the unit's interruptions, for the mean duration).

import type { Asset, OutageEvent } from '../../core/domain.js';
import type { Issue } from '../../core/issues.js';
import { weightOf } from './denominator.js';
import { type Attribution, meanUserMs } from './durations.js';
import { type Group, groupOf } from './groups.js';
import type { AssetRegister } from './register.js';
import type { GroupDimension, UserConvention } from './types.js';

export interface Piece {
  group: Group;
  eventId: string;
  users: number;
  userMs: number;
  frequency: boolean;
  short: boolean;
  ongoing: boolean;
}

export interface Exposure {
  group: Group;
  unitId: string;
  /** duration of this interruption for each user of the unit, ms */
  unitMs: number;
  frequency: boolean;
  ongoing: boolean;
}

export interface UnitContext {
  register: AssetRegister;
  dims: readonly GroupDimension[];
  convention: UserConvention;
}

interface Unit {
  asset: Asset;
  /** the event was recorded on this unit itself */
  own: boolean;
}

export const isAreaLevel = (ctx: UnitContext): boolean =>
  ctx.convention === 'transformers' || ctx.dims.includes('area');

function interruptedUnits(
  event: OutageEvent,
  asset: Asset,
  ctx: UnitContext,
  path: string,
  issues: Issue[],
): Unit[] {
  if (asset.kind === 'area') return [{ asset, own: true }];
  const units: Unit[] = [];
  const listed = event.affectedAreas;
  if (listed !== undefined) {
    listed.forEach((areaId, j) => {
      const v = ctx.register.at(areaId, event.start);
      if (v?.kind === 'area') units.push({ asset: v, own: false });
      else {
        const why = v ? `"${areaId}" is not a transformer area` : `unknown transformer area: "${areaId}"`;
        issues.push({ path: `${path}.affectedAreas[${j}]`, message: why });
      }
    });
  } else {
    for (const v of ctx.register.areasOnFeeder(asset.assetId, event.start))
      units.push({ asset: v, own: false });
  }
  if (units.length === 0 && ctx.convention === 'customers' && ctx.register.isLeafFeeder(asset.assetId)) {
    units.push({ asset, own: true });
  }
  if (ctx.convention === 'transformers' && (asset.enterpriseCustomers ?? 0) > 0) {
    units.push({ asset, own: true });
  }
  return units;
}

export interface Expansion {
  pieces: Piece[];
  exposures: Exposure[];
  issues: Issue[];
}

export function expandEvent(event: OutageEvent, index: number, a: Attribution, ctx: UnitContext): Expansion {
  const path = `events[${index}]`;
  const issues: Issue[] = [];
  const asset = ctx.register.at(event.assetId, event.start);
  if (!asset) {
    const known = ctx.register.versions(event.assetId).length > 0;
    const message = known
      ? `asset "${event.assetId}" has no version in force at the outage start`
      : `unknown asset: "${event.assetId}"`;
    return { pieces: [], exposures: [], issues: [{ path: `${path}.assetId`, message }] };
  }
  const units = interruptedUnits(event, asset, ctx, path, issues);
  const base = { eventId: event.eventId, frequency: a.frequency, short: a.short, ongoing: a.ongoing };
  const unitMs = meanUserMs(a);

  const pieces: Piece[] = [];
  if (!isAreaLevel(ctx)) {
    pieces.push({ ...base, group: groupOf(asset, ctx.dims), users: a.customers, userMs: a.customerMs });
  } else {
    if (units.length === 0 && asset.kind === 'feeder') {
      issues.push({
        path,
        message: `feeder "${asset.assetId}" has no transformer areas at the outage start: it interrupts no ${ctx.convention} in area-level figures`,
      });
    }
    for (const u of units) {
      const group = groupOf(u.asset, ctx.dims);
      if (ctx.convention === 'transformers') {
        const users = weightOf(u.asset, 'transformers');
        pieces.push({ ...base, group, users, userMs: users * unitMs });
      } else if (u.own) {
        pieces.push({ ...base, group, users: a.customers, userMs: a.customerMs });
      } else {
        const users = u.asset.customers;
        const userMs = a.short
          ? 0
          : a.customers > 0
            ? (users * a.customerMs) / a.customers
            : users * a.spanMs;
        pieces.push({ ...base, group, users, userMs });
      }
    }
  }

  const exposures: Exposure[] = a.short
    ? []
    : units.map((u) => ({
        group: groupOf(u.asset, ctx.dims),
        unitId: u.asset.assetId,
        unitMs,
        frequency: a.frequency,
        ongoing: a.ongoing,
      }));
  return { pieces, exposures, issues };
}
