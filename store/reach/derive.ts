// What one outage reaches (attribution kept at write, 停电归属): its own asset, and when that
// asset was a feeder at the outage's start, the transformer areas it interrupted — those it
// lists that were areas then, or, when it lists none, every area on the feeder then. Each row
// carries what the analytics count by, as it stood at the start, so that flags, hotspots and
// reliability read one table with no joins. Mirrors analytics/rules/attribution.ts.

import {
  indexWarnings,
  type OutageEvent,
  WEATHER_CAUSES,
  type Warning,
  type WarningLookup,
} from '../../core/index.js';
import { type PlacedVersion, type PlacementAtStart, samePlacement, type Topology } from './topology.js';

/** One asset an outage reaches, with its placement as it stood at the outage's start. */
export interface ReachRow extends PlacementAtStart {
  /** the asset reached */
  assetId: string;
  eventId: string;
  /** the asset the outage was recorded on (a feeder, for areas reached through it) */
  sourceId: string;
  start: number;
  end: number | null;
  cause: string;
  planned: boolean;
  /** the outage's record says force majeure */
  forceMajeure: boolean;
  customersAffected: number;
  /** the warning the outage names */
  warningId: string | undefined;
  /** weather outages: the official warning that covers the reached asset at the start */
  warnedBy: string | undefined;
  /** when the outage's version was received */
  receivedAt: number;
}

/** The current official warnings, replaced version by version. */
export class WarningBook {
  private readonly byId = new Map<string, Warning>();
  private cached: WarningLookup | undefined;

  get lookup(): WarningLookup {
    this.cached ??= indexWarnings([...this.byId.values()]);
    return this.cached;
  }

  get(id: string): Warning | undefined {
    return this.byId.get(id);
  }

  delete(id: string): void {
    this.byId.delete(id);
    this.cached = undefined;
  }

  set(w: Warning): void {
    this.byId.set(w.warningId, w);
    this.cached = undefined;
  }
}

/** The reach rows of one outage version, its own asset's row last. */
export function deriveReach(
  event: OutageEvent,
  receivedAt: number,
  topology: Topology,
  warnings: WarningLookup,
): ReachRow[] {
  // A cancelled outage reaches nothing: its rows are tombstoned like any row it no longer has.
  if (event.cancelled) return [];
  const weather = WEATHER_CAUSES.has(event.cause);
  const row = (assetId: string, v: PlacedVersion | undefined): ReachRow => {
    const region = { province: v?.province, city: v?.city, county: v?.county };
    return {
      assetId,
      eventId: event.eventId,
      sourceId: event.assetId,
      start: event.start,
      end: event.end,
      kind: v?.kind,
      feederId: v?.feederId,
      province: v?.province,
      city: v?.city,
      county: v?.county,
      park: v?.park,
      areaClass: v?.areaClass,
      cause: event.cause,
      planned: event.planned,
      forceMajeure: event.forceMajeure === true,
      customersAffected: event.customersAffected,
      warningId: event.warningId,
      warnedBy: weather ? (warnings.covering(event, region) ?? undefined) : undefined,
      receivedAt,
    };
  };
  const rows: ReachRow[] = [];
  const own = topology.at(event.assetId, event.start);
  if (own?.kind === 'feeder') {
    const feederId = event.assetId;
    if (event.affectedAreas !== undefined) {
      for (const id of new Set(event.affectedAreas)) {
        const v = topology.at(id, event.start);
        if (v?.kind === 'area' && id !== feederId) rows.push(row(id, v));
      }
    } else {
      for (const [id, v] of topology.areaVersionsOn(feederId, event.start))
        if (id !== feederId) rows.push(row(id, v));
    }
  }
  rows.push(row(event.assetId, own));
  return rows;
}

/** What a reach row says besides its key and the placement (`satisfies`: every other field). */
const REACH_FACTS = Object.keys({
  sourceId: 0,
  end: 0,
  cause: 0,
  planned: 0,
  forceMajeure: 0,
  customersAffected: 0,
  warningId: 0,
  warnedBy: 0,
  receivedAt: 0,
} satisfies Record<
  Exclude<keyof ReachRow, keyof PlacementAtStart | 'start' | 'eventId' | 'assetId'>,
  0
>) as (keyof ReachRow)[];

/** Whether two rows of the same (start, event, asset) carry the same facts. */
export function sameReach(a: ReachRow, b: ReachRow): boolean {
  return samePlacement(a, b) && REACH_FACTS.every((fact) => a[fact] === b[fact]);
}

export const reachKey = (r: Pick<ReachRow, 'start' | 'eventId' | 'assetId'>): string =>
  `${r.start}\u0000${r.eventId}\u0000${r.assetId}`;
