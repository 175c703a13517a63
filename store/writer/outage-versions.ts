// An outage version replaces its event's stored version: besides its history row and its current
// row, it tombstones what the stored version wrote and it does not (the current row at a start it
// no longer has, the reach rows of assets it no longer reaches, the area links it no longer
// lists). The stored version is read back only for events that may exist (SeenEvents), and this
// process's own last write wins over what the WAL shows yet.

import type { OutageEvent } from '../../core/index.js';
import type { Store } from '../client.js';
import { deriveReach, type ReachKeeper, type ReachRow, reachKey, type Topology } from '../reach/index.js';
import { sql } from '../sql.js';
import {
  encodeOutageArea,
  encodeOutageCurrent,
  encodeOutageHistory,
  encodeOutageTombstone,
  encodeReach,
  encodeReachTombstone,
} from './encode.js';
import type { SeenEvents } from './seen-events.js';
import type { IlpBuffer, UnitEncoding } from './unit-encoding.js';

/** What the writer must know of an event's stored version to replace it. */
export interface Version {
  start: number;
  assetId: string;
  /** the areas it listed; undefined: none listed (all on the feeder) */
  areas: readonly string[] | undefined;
}

const LOOKUP_CHUNK = 200;

/** Warnings play no part in which assets an outage reaches. */
const NO_WARNINGS = { covering: () => null };

const listed = (areas: readonly string[] | undefined) =>
  areas === undefined ? {} : { affectedAreas: [...areas] };

/** The stored start, asset and area links of each event that already exists. */
export async function storedVersions(
  store: Store,
  seen: SeenEvents,
  keeper: ReachKeeper,
  ids: readonly string[],
): Promise<Map<string, Version>> {
  const found = new Map<string, Version>();
  await seen.refresh();
  const unique = [...new Set(ids)];
  // Only ids that may exist are looked up; small chunks keep the GET request short.
  const candidates = unique.filter((id) => seen.has(id) && !keeper.recentVersion(id));
  for (let i = 0; i < candidates.length; i += LOOKUP_CHUNK) {
    const chunk = candidates.slice(i, i + LOOKUP_CHUNK);
    const rows = await store.rows<{
      event_id: string;
      asset_id: string;
      start: number;
      affected_areas: string | null;
    }>(
      sql`SELECT event_id, asset_id, start, affected_areas FROM outages WHERE event_id IN (${chunk}) AND NOT deleted`,
    );
    for (const r of rows) {
      const areas = r.affected_areas === null ? undefined : (JSON.parse(r.affected_areas) as string[]);
      found.set(r.event_id, { start: r.start, assetId: r.asset_id, areas });
    }
  }
  for (const id of unique) {
    // The WAL may not yet show our own last write: what we sent most recently wins.
    const recent = keeper.recentVersion(id)?.event;
    if (recent) found.set(id, { start: recent.start, assetId: recent.assetId, areas: recent.affectedAreas });
  }
  return found;
}

/**
 * Encodes each outage version received at `at` over its stored version in `previous`, which it
 * keeps up to date: a later version of the same event in the unit replaces this one.
 */
export function encodeOutageVersions(
  enc: UnitEncoding,
  events: readonly OutageEvent[],
  at: number,
  writer: string,
  keeper: ReachKeeper,
  previous: Map<string, Version>,
): void {
  const { buffer } = enc;
  for (const e of events) {
    encodeOutageHistory(buffer, e, at, writer);
    const old = previous.get(e.eventId);
    if (old && old.start !== e.start) {
      encodeOutageTombstone(buffer, e.eventId, old.assetId, old.start, at);
    }
    // Links the new version no longer has (or has at another start) are tombstoned; a
    // cancelled version has none.
    const areas = new Set(e.cancelled ? [] : (e.affectedAreas ?? []));
    const reached = keeper.rowsOf({ event: e, receivedAt: at });
    if (old) encodeNoLongerReached(enc, e, old, reached, at, keeper.topology);
    for (const r of reached) {
      encodeReach(buffer, r);
      enc.touched.add(r.assetId);
    }
    encodeAreaLinks(buffer, e, old, areas, at);
    if (e.cancelled) {
      // Called off: no current row (readers skip tombstones); the history keeps the version.
      encodeOutageTombstone(buffer, e.eventId, e.assetId, e.start, at);
      previous.delete(e.eventId);
    } else {
      encodeOutageCurrent(buffer, e, at);
      previous.set(e.eventId, { start: e.start, assetId: e.assetId, areas: e.affectedAreas });
    }
    enc.cut();
  }
}

/** Tombstones the assets the stored version reached and this one does not (or at another start). */
function encodeNoLongerReached(
  enc: UnitEncoding,
  e: OutageEvent,
  old: Version,
  reached: readonly ReachRow[],
  at: number,
  topology: Topology,
): void {
  const now = new Set(reached.map(reachKey));
  const { cancelled: _cancelled, ...asStored } = e;
  const was = deriveReach(
    {
      ...asStored,
      assetId: old.assetId,
      start: old.start,
      cause: 'unknown',
      ...listed(old.areas),
    },
    at,
    topology,
    NO_WARNINGS,
  );
  for (const r of was) {
    if (now.has(reachKey(r))) continue;
    encodeReachTombstone(enc.buffer, r, at);
    enc.touched.add(r.assetId);
  }
}

/** The version's area links, after tombstones of the stored version's links it no longer has. */
function encodeAreaLinks(
  buffer: IlpBuffer,
  e: OutageEvent,
  old: Version | undefined,
  areas: ReadonlySet<string>,
  at: number,
): void {
  for (const area of old?.areas ?? []) {
    if (old?.start !== e.start || !areas.has(area)) {
      encodeOutageArea(buffer, e.eventId, area, old?.start ?? e.start, true, at);
    }
  }
  for (const area of areas) encodeOutageArea(buffer, e.eventId, area, e.start, false, at);
}
