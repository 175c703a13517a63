// The seen-events filter's top-up: between full rescans a writer asks only for the history rows
// other writers stored (its own it adds as it writes them; reading them back every few seconds
// was most of an import's time), and rows without a writer mark count as others'.

import { createBuffer, createTransport, SenderOptions } from '@questdb/nodejs-client';
import { describe, expect, it } from 'vitest';
import type { OutageEvent } from '../../core/index.js';
import { sql } from '../../store/index.js';
import { encodeOutageHistory } from '../../store/writer/encode.js';
import { SeenEvents } from '../../store/writer/seen-events.js';
import { eventually } from '../support/questdb.js';
import { sharedStore } from '../support/store.js';

const P = `SE${Date.now().toString(36)}`;

const event = (eventId: string): OutageEvent => ({
  eventId,
  assetId: `${P}-F1`,
  start: Date.UTC(2025, 5, 1, 2),
  end: Date.UTC(2025, 5, 1, 3),
  customersAffected: 40,
  restorations: [],
  cause: 'equipment_fault',
  planned: false,
});

describe('the seen-events top-up', () => {
  it("reads the other writers' history rows and the unmarked ones, not its own", async () => {
    const store = await sharedStore();
    const mine = new SeenEvents(store, `${P}-me`);
    const t0 = Date.now();
    await mine.refresh(t0); // the full scan at start
    expect([`${P}-own`, `${P}-other`, `${P}-old`].map((id) => mine.has(id))).toEqual([false, false, false]);

    const options = await SenderOptions.fromConfig(`${store.connection.clientConf}stdlib_http=on;`);
    const buffer = createBuffer(options);
    const at = Date.now();
    encodeOutageHistory(buffer, event(`${P}-own`), at, `${P}-me`);
    encodeOutageHistory(buffer, event(`${P}-other`), at, `${P}-you`);
    encodeOutageHistory(buffer, event(`${P}-old`), at); // as written before writers marked rows
    const transport = createTransport(options);
    await transport.send(buffer.toBufferNew()!);
    await transport.close();
    await eventually(
      async () =>
        (await store.rows(sql`SELECT event_id FROM outage_history WHERE event_id LIKE ${`${P}-%`}`))
          .length === 3,
    );

    await mine.refresh(t0 + 1_000); // within the refresh interval: no query
    expect(mine.has(`${P}-other`)).toBe(false);
    await mine.refresh(t0 + 6_000);
    expect([`${P}-own`, `${P}-other`, `${P}-old`].map((id) => mine.has(id))).toEqual([false, true, true]);
  });
});
