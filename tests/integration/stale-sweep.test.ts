// The stale-version sweep: two current rows of one event (a correction that moved its start,
// written by a writer that did not know of the first version, so nothing tombstoned it) become
// one, the latest received, with the stale version's area links tombstoned too.

import { createBuffer, createTransport, SenderOptions } from '@questdb/nodejs-client';
import { describe, expect, it } from 'vitest';
import type { OutageEvent } from '../../core/index.js';
import { createLogger } from '../../server/log.js';
import { StaleVersionSweep, staleRows, sql, Writer } from '../../store/index.js';
import {
  encodeOutageArea,
  encodeOutageCurrent,
  encodeOutageHistory,
  encodeReach,
} from '../../store/writer/encode.js';
import { eventually, testRoot } from '../support/questdb.js';
import { sharedStore } from '../support/store.js';

const P = `SW${Date.now().toString(36)}`;

describe('staleRows', () => {
  const row = (event_id: string, start: number, received_at: number) => ({
    event_id,
    asset_id: 'F',
    start,
    received_at,
  });
  it('keeps the latest received row of each event (the later start on a tie)', () => {
    const rows = [row('a', 1, 10), row('a', 2, 20), row('b', 5, 7), row('c', 1, 9), row('c', 3, 9)];
    expect(staleRows(rows)).toEqual([row('a', 1, 10), row('c', 1, 9)]);
  });
});

describe('the stale-version sweep', () => {
  it('tombstones the older current row and its area links, and nothing else', async () => {
    const store = await sharedStore();
    const from = Date.now();
    const writer = await Writer.open({
      connection: store.connection,
      store,
      spoolDir: `${testRoot()}/spool-${P}`,
      spoolLimitBytes: 1e7,
      log: createLogger('silent'),
    });
    const first: OutageEvent = {
      eventId: `${P}-E1`,
      assetId: `${P}-F1`,
      start: Date.UTC(2025, 5, 1, 2),
      end: Date.UTC(2025, 5, 1, 3),
      customersAffected: 40,
      restorations: [],
      cause: 'equipment_fault',
      planned: false,
      affectedAreas: [`${P}-A1`, `${P}-A2`],
    };
    const other: OutageEvent = { ...first, eventId: `${P}-E2`, affectedAreas: [`${P}-A1`] };
    await writer.write({ kind: 'outages', receivedAt: from, records: [first, other] });
    await writer.close();
    // What a writer that had not seen E1 writes for its correction (start moved an hour earlier):
    // the new current row and links, no tombstone.
    const moved: OutageEvent = { ...first, start: first.start - 3_600_000, affectedAreas: [`${P}-A1`] };
    const options = await SenderOptions.fromConfig(`${store.connection.clientConf}stdlib_http=on;`);
    const buffer = createBuffer(options);
    encodeOutageHistory(buffer, moved, from + 1_000);
    encodeOutageArea(buffer, moved.eventId, `${P}-A1`, moved.start, false, from + 1_000);
    encodeOutageCurrent(buffer, moved, from + 1_000);
    encodeReach(buffer, {
      assetId: moved.assetId,
      eventId: moved.eventId,
      sourceId: moved.assetId,
      start: moved.start,
      end: moved.end,
      kind: undefined,
      feederId: undefined,
      province: undefined,
      city: undefined,
      county: undefined,
      park: undefined,
      areaClass: undefined,
      cause: moved.cause,
      planned: false,
      forceMajeure: false,
      customersAffected: 40,
      warningId: undefined,
      warnedBy: undefined,
      receivedAt: from + 1_000,
    });
    await createTransport(options).send(buffer.toBufferNew()!);
    const reached = () =>
      store.rows<{ event_id: string; start: number }>(
        sql`SELECT event_id, start FROM outage_reach WHERE event_id LIKE ${`${P}%`} AND NOT deleted ORDER BY event_id, start`,
      );

    const current = () =>
      store.rows<{ event_id: string; start: number }>(
        sql`SELECT event_id, start FROM outages WHERE event_id LIKE ${`${P}%`} AND NOT deleted ORDER BY event_id, start`,
      );
    const links = () =>
      store.rows<{ event_id: string; area_id: string; start: number }>(
        sql`SELECT event_id, area_id, start FROM outage_areas WHERE event_id LIKE ${`${P}%`} AND NOT deleted
            ORDER BY event_id, area_id, start`,
      );
    await eventually(async () => (await current()).length === 3 && (await links()).length === 4);

    // Every event's current rows counted (as after a long import); other tests' doubled rows,
    // if any, are put right too, so only ours are checked below.
    const result = await new StaleVersionSweep(store, store.connection, from, 0).sweep(from + 2_000);
    expect(result.looked).toBe(2);
    expect(result.tombstoned).toBeGreaterThanOrEqual(1);
    await eventually(async () => (await current()).length === 2);
    expect(await current()).toEqual([
      { event_id: `${P}-E1`, start: moved.start },
      { event_id: `${P}-E2`, start: first.start },
    ]);
    await eventually(async () => (await links()).length === 2);
    expect(await links()).toEqual([
      { event_id: `${P}-E1`, area_id: `${P}-A1`, start: moved.start },
      { event_id: `${P}-E2`, area_id: `${P}-A1`, start: first.start },
    ]);
    // F1 is no asset the writer knows, so each version reached only its own asset.
    await eventually(async () => (await reached()).length === 2);
    expect(await reached()).toEqual([
      { event_id: `${P}-E1`, start: moved.start },
      { event_id: `${P}-E2`, start: first.start },
    ]);
    // A second sweep, looking the recent events up by id, finds nothing more to do.
    expect((await new StaleVersionSweep(store, store.connection, from).sweep(from + 3_000)).tombstoned).toBe(
      0,
    );
  }, 120_000);
});
