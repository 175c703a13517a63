// A write unit into ILP bytes: each kind of record encoded in parts, and what the unit changes
// in the attribution kept at write (an asset version or a warning re-attributes outages; an
// outage's versions are encoded over the versions already stored). Returns how to take the
// keeper's change back, since the send may still fail.

import type { AssetDirectory } from '../asset-directory.js';
import type { Store } from '../client.js';
import type { ReachKeeper } from '../reach/index.js';
import { encodeAsset, encodeReject, encodeWarning } from './encode.js';
import { encodeOutageVersions, storedVersions } from './outage-versions.js';
import type { SeenEvents } from './seen-events.js';
import { readFailure } from './send.js';
import { withKnownAssets } from './spool-rejects.js';
import type { UnitEncoding } from './unit-encoding.js';
import type { OutageUnit, WriteUnit } from './unit.js';

export interface EncodeContext {
  /** the writer's id, marking the history rows and asset versions it stores */
  writerId: string;
  store: Store;
  seen: SeenEvents;
  /** checks outages' assets on replay of units accepted while QuestDB was down */
  assets: AssetDirectory | undefined;
  /** the attribution keeper, loaded on first use */
  reach: () => Promise<ReachKeeper>;
}

/** Encodes a unit; a failed read is thrown as QuestDB unreachable, the keeper's change taken back. */
export async function encodeUnit(
  unit: WriteUnit,
  encoding: UnitEncoding,
  ctx: EncodeContext,
): Promise<(() => void) | undefined> {
  const { buffer } = encoding;
  const at = unit.receivedAt;
  let undo: (() => void) | undefined;
  try {
    switch (unit.kind) {
      case 'assets': {
        for (const a of unit.records) {
          encodeAsset(buffer, a, at, ctx.writerId);
          encoding.touched.add(a.assetId);
          encoding.cut();
        }
        const applied = await (await ctx.reach()).applyAssets(unit.records);
        undo = applied.undo;
        encoding.reachDiff(applied.diff, at);
        break;
      }
      case 'warnings': {
        for (const w of unit.records) {
          encodeWarning(buffer, w, at);
          encoding.cut();
        }
        const applied = await (await ctx.reach()).applyWarnings(unit.records);
        undo = applied.undo;
        encoding.reachDiff(applied.diff, at);
        break;
      }
      case 'rejects':
        for (const r of unit.records) {
          encodeReject(buffer, r, at);
          encoding.cut();
        }
        break;
      case 'outages':
        await encodeOutages(unit, encoding, ctx);
        break;
    }
  } catch (err) {
    undo?.();
    throw readFailure(err);
  }
  return undo;
}

/** An outage unit's versions, over the stored versions of their events. */
async function encodeOutages(unit: OutageUnit, encoding: UnitEncoding, ctx: EncodeContext): Promise<void> {
  const events = await withKnownAssets(unit, ctx.assets, encoding.buffer);
  const keeper = await ctx.reach();
  await keeper.topUp();
  const ids = events.map((e) => e.eventId);
  const previous = await storedVersions(ctx.store, ctx.seen, keeper, ids);
  encodeOutageVersions(encoding, events, unit.receivedAt, ctx.writerId, keeper, previous);
}
