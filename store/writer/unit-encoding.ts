// A unit's ILP encoding, kept as bytes until QuestDB has acknowledged them (the client's own
// flush() clears its buffer before sending, so a failed flush would lose rows), in parts of
// about PART_BYTES, with the assets whose attribution rows it writes.

import { createBuffer, type SenderOptions } from '@questdb/nodejs-client';
import type { ReachDiff } from '../reach/index.js';
import { encodeReach, encodeReachTombstone } from './encode.js';
import { withFastEscape } from './fast-escape.js';

/**
 * A unit's encoding is sent in parts of about this size: the client's buffer refuses to grow past
 * 100 MiB, which 5,000 long records (or rejects with many issues each) can pass. A unit cut off
 * after some parts is spooled and resent whole, which the tables' DEDUP keys make harmless.
 */
export const PART_BYTES = 16 << 20;

export type IlpBuffer = ReturnType<typeof createBuffer>;

export class UnitEncoding {
  readonly buffer: IlpBuffer;
  /** The assets reached or no longer reached by what is encoded, and each asset version encoded. */
  readonly touched = new Set<string>();
  private readonly parts: Buffer[] = [];

  constructor(options: SenderOptions) {
    this.buffer = withFastEscape(createBuffer(options));
  }

  /** Ends the current part once it has reached PART_BYTES (called between records). */
  cut(): void {
    if (this.buffer.currentPosition() >= PART_BYTES) this.parts.push(this.buffer.toBufferNew()!);
  }

  /** The attribution rows a change of the network or the warnings writes: tombstones first. */
  reachDiff(diff: ReachDiff, receivedAt: number): void {
    for (const r of diff.tombstones) {
      encodeReachTombstone(this.buffer, r, receivedAt);
      this.touched.add(r.assetId);
      this.cut();
    }
    for (const r of diff.rows) {
      encodeReach(this.buffer, r);
      this.touched.add(r.assetId);
      this.cut();
    }
  }

  /** Every part, the last (not yet full) one included; empty when nothing was encoded. */
  finish(): Buffer[] {
    const last = this.buffer.toBufferNew();
    if (last !== null) this.parts.push(last);
    return this.parts;
  }
}
