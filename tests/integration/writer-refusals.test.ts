// A record QuestDB refuses (here: a designated timestamp before 1970, which validation now
// stops, written straight to the writer as a record from elsewhere would be) no longer fails
// the batch it came in: the others are stored, and the refused one is told to the caller or
// kept as a reject with QuestDB's reason.

import { describe, expect, it } from 'vitest';
import type { OutageEvent } from '../../core/index.js';
import { createLogger } from '../../server/log.js';
import { type Refused, sql, Writer } from '../../store/index.js';
import { eventually, testRoot } from '../support/questdb.js';
import { sharedStore } from '../support/store.js';

const P = `WR${Date.now().toString(36)}`;

const event = (n: number, start: number): OutageEvent => ({
  eventId: `${P}-E${n}`,
  assetId: `${P}-F1`,
  start,
  end: start + 3_600_000,
  customersAffected: 10 + n,
  restorations: [],
  cause: 'equipment_fault',
  planned: false,
});

async function openWriter(label: string) {
  const store = await sharedStore();
  const writer = await Writer.open({
    connection: store.connection,
    store,
    spoolDir: `${testRoot()}/spool-${P}-${label}`,
    spoolLimitBytes: 1e7,
    log: createLogger('silent'),
  });
  return { store, writer };
}

const stored = async (store: Awaited<ReturnType<typeof sharedStore>>, like: string) =>
  (
    await store.rows<{ event_id: string }>(
      sql`SELECT event_id FROM outages WHERE event_id LIKE ${like} ORDER BY event_id`,
    )
  ).map((r) => r.event_id);

describe('a record QuestDB refuses', () => {
  it('is told to the caller with its index and reason, and the rest of the unit is stored', async () => {
    const { store, writer } = await openWriter('told');
    const t = Date.UTC(2025, 6, 1);
    const records = [event(1, t), event(2, t + 1), event(3, -86_400_000), event(4, t + 2), event(5, t + 3)];
    let told: Refused[] = [];
    const outcome = await writer.write({ kind: 'outages', receivedAt: Date.now(), records }, (r) => {
      told = r;
    });
    await writer.close();
    expect(outcome).toBe('written');
    expect(told.map((r) => r.index)).toEqual([2]);
    expect(told[0]?.message).toMatch(/^QuestDB refused it: .+/);
    await eventually(async () => (await stored(store, `${P}-E%`)).length === 4);
    expect(await stored(store, `${P}-E%`)).toEqual([`${P}-E1`, `${P}-E2`, `${P}-E4`, `${P}-E5`]);
  });

  it('is kept as a reject when no caller is told (a spool replay)', async () => {
    const { store, writer } = await openWriter('kept');
    const t = Date.UTC(2025, 6, 2);
    const records = [event(11, t), event(12, -1)];
    await writer.write({ kind: 'outages', receivedAt: Date.now(), records });
    await writer.close();
    await eventually(async () => (await stored(store, `${P}-E1_`)).length === 1);
    await eventually(
      async () => (await store.rows(sql`SELECT * FROM rejects WHERE record_id = ${`${P}-E12`}`)).length === 1,
    );
    const [row] = await store.rows<{ source: string; line: number; errors: string }>(
      sql`SELECT source, line, errors FROM rejects WHERE record_id = ${`${P}-E12`}`,
    );
    expect([row?.source, row?.line]).toEqual(['spool', 2]);
    expect(JSON.parse(row?.errors ?? '[]')[0].message).toMatch(/^QuestDB refused it: /);
  });

  it('fails the unit when QuestDB refuses every record of it', async () => {
    const { writer } = await openWriter('all');
    const records = [event(21, -5_000), event(22, -6_000)];
    await expect(writer.write({ kind: 'outages', receivedAt: Date.now(), records })).rejects.toThrow(
      /^QuestDB refused it: /,
    );
    await writer.close();
  });
});
