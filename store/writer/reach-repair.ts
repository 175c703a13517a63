// Puts the attribution table (outage_reach) right: the months whose outages and own reach rows
// disagree (a crash between the two writes) or, on request, every month, are derived afresh from
// the network and warnings as stored, and only what differs is written. A month's rows are sent
// as they are encoded, in parts, so a repair of years holds one part in memory, not the years.

import { createBuffer, type SenderOptions } from '@questdb/nodejs-client';
import type { Logger } from '../../core/index.js';
import type { Store } from '../client.js';
import {
  compareReach,
  disagreeingMonths,
  nextMonth,
  type ReachDiff,
  type ReachKeeper,
  storedMonths,
} from '../reach/index.js';
import { encodeReach, encodeReachTombstone } from './encode.js';
import { withFastEscape } from './fast-escape.js';
import { PART_BYTES } from './unit-encoding.js';

/** What a repair of the attribution table did. */
export interface ReachRepair {
  months: number;
  rows: number;
  tombstones: number;
}

export interface ReachRepairDeps {
  store: Store;
  keeper: ReachKeeper;
  options: SenderOptions;
  /** sends bytes until QuestDB acknowledges them (the writer's retries) */
  sendBytes: (bytes: Buffer) => Promise<void>;
  /** told the assets whose counted outages a repaired month changed */
  tell: (assetIds: ReadonlySet<string>) => void;
  log: Logger;
}

export async function repairReach(d: ReachRepairDeps, all: boolean): Promise<ReachRepair> {
  await d.keeper.topUp();
  const months = all ? await storedMonths(d.store) : await disagreeingMonths(d.store);
  const done: ReachRepair = { months: months.length, rows: 0, tombstones: 0 };
  for (const m of months) {
    const diff = await compareReach(d.store, d.keeper, m, nextMonth(m));
    await sendReach(d, diff, Date.now());
    done.rows += diff.rows.length;
    done.tombstones += diff.tombstones.length;
    const touched = new Set([...diff.rows, ...diff.tombstones].map((r) => r.assetId));
    if (touched.size > 0) d.tell(touched);
  }
  if (done.rows + done.tombstones > 0) d.log.info({ ...done }, 'attribution rows repaired');
  return done;
}

/** A month's differences, tombstones first, sent in parts of about PART_BYTES. */
async function sendReach(d: ReachRepairDeps, diff: ReachDiff, receivedAt: number): Promise<void> {
  const buffer = withFastEscape(createBuffer(d.options));
  const send = async () => {
    const bytes = buffer.toBufferNew();
    if (bytes !== null) await d.sendBytes(bytes);
  };
  for (const r of diff.tombstones) {
    encodeReachTombstone(buffer, r, receivedAt);
    if (buffer.currentPosition() >= PART_BYTES) await send();
  }
  for (const r of diff.rows) {
    encodeReach(buffer, r);
    if (buffer.currentPosition() >= PART_BYTES) await send();
  }
  await send();
}
