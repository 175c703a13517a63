// Self-repair of a race between writers. A correction that moves an event's start must
// tombstone the row at the old start (outages is keyed by start and event id). A writer learns of
// events other writers stored from outage_history, through a Bloom filter refreshed every few
// seconds; a correction that reaches writer B within those seconds of writer A storing the first
// version (or before that version's WAL is applied) is taken for a new event, and both rows stay
// current. The sweep looks at the events received since its last look (with an overlap), keeps
// the most recently received current row of each, and tombstones the others, their area links
// and the assets they reached (outage_reach).

import { createBuffer, createTransport, SenderOptions } from '@questdb/nodejs-client';
import type { Connection } from '../connection.js';
import type { Store } from '../client.js';
import { sql, ts } from '../sql.js';
import { encodeOutageArea, encodeOutageTombstone, encodeReachTombstone } from './encode.js';

/** Rows received this long before the last look are looked at again (WAL apply lag, clocks). */
const OVERLAP_MS = 5 * 60_000;
const CHUNK = 200;
/** More recent events than this are not looked up one chunk at a time. */
const MANY_RECENT = 2_000;

interface CurrentRow {
  event_id: string;
  asset_id: string;
  start: number;
  received_at: number;
}

export interface SweepResult {
  looked: number;
  /** current rows replaced by tombstones (each a stale version of an event) */
  tombstoned: number;
}

export class StaleVersionSweep {
  private lastLook: number;

  /**
   * `from`: the first sweep looks at rows received since then (default: all of them);
   * `manyRecent`: past this many recent events, they are not looked up by id.
   */
  constructor(
    private readonly store: Store,
    private readonly connection: Connection,
    from = 0,
    private readonly manyRecent = MANY_RECENT,
  ) {
    this.lastLook = from + OVERLAP_MS;
  }

  async sweep(now = Date.now()): Promise<SweepResult> {
    const since = ts(Math.max(0, this.lastLook - OVERLAP_MS));
    const [counted] = await this.store.rows<{ n: number }>(
      sql`SELECT count_distinct(event_id) n FROM outage_history WHERE received_at >= ${since}`,
    );
    const looked = Number(counted?.n ?? 0);
    // A few recent events are looked up by id. After a long import (two million events in the
    // hour looked at) that was ten thousand lookups, every minute, and asking QuestDB for the
    // recent events with two current rows took 30-50 s: every event's current rows are counted
    // instead, keeping those with a version received since (0.2-0.5 s at two million outages).
    const ids =
      looked <= this.manyRecent
        ? (
            await this.store.rows<{ event_id: string }>(
              sql`SELECT DISTINCT event_id FROM outage_history WHERE received_at >= ${since}`,
            )
          ).map((r) => r.event_id)
        : (
            await this.store.rows<{ event_id: string }>(
              sql`SELECT event_id FROM (
                    SELECT event_id, count() n, max(received_at) last FROM outages WHERE NOT deleted
                  ) WHERE n > 1 AND last >= ${since}`,
            )
          ).map((r) => r.event_id);
    const stale: CurrentRow[] = [];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await this.store.rows<CurrentRow>(
        sql`SELECT event_id, asset_id, start, received_at FROM outages
            WHERE NOT deleted AND event_id IN (${ids.slice(i, i + CHUNK)})`,
      );
      stale.push(...staleRows(rows));
    }
    if (stale.length > 0) await this.tombstone(stale, now);
    this.lastLook = now;
    return { looked, tombstoned: stale.length };
  }

  private async tombstone(stale: readonly CurrentRow[], now: number): Promise<void> {
    const options = await SenderOptions.fromConfig(`${this.connection.clientConf}stdlib_http=on;`);
    const buffer = createBuffer(options);
    const staleStarts = new Set(stale.map((r) => `${r.event_id}\u0000${r.start}`));
    for (const r of stale) encodeOutageTombstone(buffer, r.event_id, r.asset_id, r.start, now);
    const ids = [...new Set(stale.map((r) => r.event_id))];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const links = await this.store.rows<{ event_id: string; area_id: string; start: number }>(
        sql`SELECT event_id, area_id, start FROM outage_areas
            WHERE NOT deleted AND event_id IN (${ids.slice(i, i + CHUNK)})`,
      );
      for (const l of links) {
        if (staleStarts.has(`${l.event_id}\u0000${l.start}`)) {
          encodeOutageArea(buffer, l.event_id, l.area_id, l.start, true, now);
        }
      }
      // The assets the stale version reached (store/reach) go with it.
      const reached = await this.store.rows<{
        event_id: string;
        asset_id: string;
        source_id: string;
        start: number;
      }>(
        sql`SELECT event_id, asset_id, source_id, start FROM outage_reach
            WHERE NOT deleted AND event_id IN (${ids.slice(i, i + CHUNK)})`,
      );
      for (const r of reached) {
        if (staleStarts.has(`${r.event_id}\u0000${r.start}`)) {
          encodeReachTombstone(
            buffer,
            { assetId: r.asset_id, eventId: r.event_id, sourceId: r.source_id, start: r.start },
            now,
          );
        }
      }
    }
    const bytes = buffer.toBufferNew();
    if (bytes === null) return;
    const transport = createTransport(options);
    try {
      await transport.send(bytes);
    } finally {
      await transport.close();
    }
  }
}

/**
 * The current rows that are not an event's latest version: all but the one received last (on a
 * tie, the later start, so that every writer would choose the same one).
 */
export function staleRows(rows: readonly CurrentRow[]): CurrentRow[] {
  const latest = new Map<string, CurrentRow>();
  for (const r of rows) {
    const best = latest.get(r.event_id);
    if (
      !best ||
      r.received_at > best.received_at ||
      (r.received_at === best.received_at && r.start > best.start)
    ) {
      latest.set(r.event_id, r);
    }
  }
  return rows.filter((r) => latest.get(r.event_id) !== r);
}
