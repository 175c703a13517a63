// A read the writer needs before it can write outages (the stored versions of the events, the
// network) that QuestDB refuses — a busy or just-restarted QuestDB answers such a query with an
// error — is not a refusal of the records. Before, the records were "isolated" one by one and
// every one stored as a reject with the query's error: acknowledged outages silently missing.
// Now the unit waits in the spool (live writes are spooled, replays stay queued) and is stored
// once QuestDB answers.

import { describe, expect, it } from 'vitest';
import type { OutageEvent } from '../../core/index.js';
import { createLogger } from '../../server/log.js';
import { type Store, StoreError, sql, walApplied, Writer } from '../../store/index.js';
import { testRoot } from '../support/questdb.js';
import { sharedStore } from '../support/store.js';

const P = `WRF${Date.now().toString(36)}-`;

/** The shared store, but its next `failures` reads answer as QuestDB does to a query it refuses. */
function refusingReads(store: Store): Store & { failures: number } {
  const flaky = {
    ...store,
    failures: 0,
    async query(...args: Parameters<Store['query']>) {
      if (flaky.failures > 0) {
        flaky.failures -= 1;
        throw new StoreError('rejected', 'QuestDB refused: table busy [reason=test] in: SELECT …');
      }
      return store.query(...args);
    },
    async rows<T>(...args: Parameters<Store['rows']>): Promise<T[]> {
      if (flaky.failures > 0) {
        flaky.failures -= 1;
        throw new StoreError('rejected', 'QuestDB refused: table busy [reason=test] in: SELECT …');
      }
      return store.rows<T>(...args);
    },
  };
  return flaky;
}

const outage = (n: number, start: number): OutageEvent => ({
  eventId: `${P}E${n}`,
  assetId: `${P}F`,
  start,
  end: start + 3_600_000,
  customersAffected: 5,
  restorations: [],
  cause: 'equipment_fault',
  planned: false,
});

describe('a read the writer needs, refused by QuestDB', () => {
  it('spools the outages and stores them once QuestDB answers; none becomes a reject', async () => {
    const store = await sharedStore();
    const open = (s: Store, name: string) =>
      Writer.open({
        connection: store.connection,
        store: s,
        spoolDir: `${testRoot()}/spool-${P}${name}`,
        spoolLimitBytes: 1e8,
        log: createLogger('silent'),
        replayIntervalMs: 60_000, // the test replays by hand
      });
    // Another process stored the asset and the event's first version …
    const first = await open(store, 'first');
    const t0 = Date.UTC(2032, 0, 10);
    await first.write({
      kind: 'assets',
      receivedAt: t0,
      records: [
        { assetId: `${P}F`, kind: 'feeder', areaClass: 'town', customers: 10, validFrom: t0 - 86_400_000 },
      ],
    });
    expect(await first.write({ kind: 'outages', receivedAt: t0, records: [outage(1, t0)] })).toBe('written');
    await first.close();
    await walApplied(store, 60_000);
    // … so this one must read it (and the network) before it can write a correction.
    const flaky = refusingReads(store);
    const writer = await open(flaky, 'second');
    flaky.failures = 1_000;
    const moved = { ...outage(1, t0 + 86_400_000) };
    const batch = [moved, outage(2, t0 + 2 * 86_400_000), outage(3, t0 + 3 * 86_400_000)];
    expect(await writer.write({ kind: 'outages', receivedAt: t0 + 1, records: batch })).toBe('spooled');
    await writer.drain(); // still refused: the unit stays queued, nothing set aside
    expect(writer.spoolDepth).toBe(1);
    expect(writer.refusedCount).toBe(0);

    flaky.failures = 0;
    await writer.drain();
    expect(writer.spoolDepth).toBe(0);
    await writer.close();
    await walApplied(store, 60_000);

    const stored = await store.rows<{ event_id: string; start: number }>(
      sql`SELECT event_id, start FROM outages WHERE event_id LIKE ${`${P}%`} AND NOT deleted ORDER BY event_id`,
    );
    expect(stored).toEqual([
      { event_id: `${P}E1`, start: t0 + 86_400_000 },
      { event_id: `${P}E2`, start: t0 + 2 * 86_400_000 },
      { event_id: `${P}E3`, start: t0 + 3 * 86_400_000 },
    ]);
    const rejects = await store.rows(sql`SELECT record_id FROM rejects WHERE record_id LIKE ${`${P}%`}`);
    expect(rejects).toEqual([]);
  });
});
