// The attribution kept at write (outage_reach) equals a fresh derivation from the stored
// outages, asset versions and warnings after every change that can alter what an outage
// reaches: a correction moving the start, an area dropped from an event's list, an area moved
// to another feeder, a late warning, a spool replay, and a crash between an outage's rows and
// its reach rows. Each step also checks the reached assets against the hand-drawn network.
// Everything happens in 1985, a year no other test writes, so no other warning is in force.

import { createBuffer, createTransport, SenderOptions } from '@questdb/nodejs-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset, OutageEvent, Warning } from '../../core/index.js';
import { createLogger } from '../../server/log.js';
import {
  compareReach,
  createStore,
  parseClientConf,
  ReachKeeper,
  type Store,
  sql,
  walApplied,
  Writer,
} from '../../store/index.js';
import { encodeOutageCurrent, encodeOutageHistory, encodeReach } from '../../store/writer/encode.js';
import { eventually, testRoot } from '../support/questdb.js';
import { sharedStore } from '../support/store.js';

const P = `RCH${Date.now().toString(36)}-`;
const id = (s: string) => `${P}${s}`;
const T0 = Date.UTC(1985, 5, 1);
const MIN = 60_000;
const HOUR = 60 * MIN;
const region = { province: id('省'), city: id('市'), county: id('县') };

const asset = (
  assetId: string,
  kind: 'feeder' | 'area',
  feederId?: string,
  validFrom = T0 - 24 * HOUR,
): Asset => ({
  assetId: id(assetId),
  kind,
  ...(feederId ? { feederId: id(feederId) } : {}),
  ...region,
  areaClass: 'town',
  customers: 100,
  validFrom,
});

const outage = (
  eventId: string,
  assetId: string,
  start: number,
  more: Partial<OutageEvent> = {},
): OutageEvent => ({
  eventId: id(eventId),
  assetId: id(assetId),
  start,
  end: start + 30 * MIN,
  customersAffected: 10,
  restorations: [],
  cause: 'equipment_fault',
  planned: false,
  ...more,
});

let store: Store;
let writer: Writer;
let receivedAt = Date.UTC(2026, 0, 1);

/** The assets the writer said the last write changed the attribution of (flags re-evaluate them). */
let told: string[] = [];

async function write(kind: 'assets' | 'outages' | 'warnings', records: object[]): Promise<void> {
  receivedAt += 1_000;
  told = [];
  await writer.write({ kind, receivedAt, records } as Parameters<Writer['write']>[0]);
}

const toldShort = () => told.map((a) => a.slice(P.length)).sort();

/** The assets each of our events reaches now, as `event@start: a, b`. */
async function reached(): Promise<string[]> {
  await walApplied(store, 60_000);
  const rows = await store.rows<{ event_id: string; asset_id: string; start: number }>(
    sql`SELECT event_id, asset_id, start FROM outage_reach WHERE NOT deleted AND event_id LIKE ${`${P}%`}`,
  );
  const by = new Map<string, string[]>();
  for (const r of rows) {
    const key = `${r.event_id.slice(P.length)}@${(r.start - T0) / MIN}`;
    by.set(key, [...(by.get(key) ?? []), r.asset_id.slice(P.length)]);
  }
  return [...by].map(([k, v]) => `${k}: ${v.sort().join(', ')}`).sort();
}

/** What a fresh derivation (network and warnings read back) would change: nothing, if kept right. */
async function freshDifference(): Promise<{ rows: number; tombstones: number }> {
  await walApplied(store, 60_000);
  const fresh = await ReachKeeper.load(store);
  const diff = await compareReach(store, fresh, 0, Date.UTC(2100, 0, 1), sql`event_id LIKE ${`${P}%`}`);
  return { rows: diff.rows.length, tombstones: diff.tombstones.length };
}

beforeAll(async () => {
  store = await sharedStore();
  writer = await Writer.open({
    connection: store.connection,
    store,
    spoolDir: `${testRoot()}/spool-${P}`,
    spoolLimitBytes: 1e8,
    log: createLogger('silent'),
  });
  writer.onAttributed((ids) => told.push(...ids));
  await write('assets', [
    asset('F1', 'feeder'),
    asset('F2', 'feeder'),
    asset('A1', 'area', 'F1'),
    asset('A2', 'area', 'F1'),
    asset('A3', 'area', 'F2'),
  ]);
});

afterAll(async () => {
  await writer.close();
});

describe('attribution kept at write', () => {
  it('reaches the feeder and the areas on it; a correction moving the start leaves nothing at the old start', async () => {
    await write('outages', [outage('E1', 'F1', T0 + 60 * MIN), outage('E2', 'A3', T0 + 60 * MIN)]);
    expect(await reached()).toEqual(['E1@60: A1, A2, F1', 'E2@60: A3']);
    expect(toldShort()).toEqual(['A1', 'A2', 'A3', 'F1']);
    await write('outages', [outage('E1', 'F1', T0 + 120 * MIN)]);
    expect(await reached()).toEqual(['E1@120: A1, A2, F1', 'E2@60: A3']);
    expect(toldShort()).toEqual(['A1', 'A2', 'F1']);
    expect(await freshDifference()).toEqual({ rows: 0, tombstones: 0 });
  });

  it('an area dropped from an event’s list is no longer reached; an event moved to another asset leaves the old one', async () => {
    await write('outages', [outage('E3', 'F1', T0 + 180 * MIN, { affectedAreas: [id('A1'), id('A2')] })]);
    expect(await reached()).toContain('E3@180: A1, A2, F1');
    await write('outages', [outage('E3', 'F1', T0 + 180 * MIN, { affectedAreas: [id('A2')] })]);
    // A1 loses an outage: its flags change as much as those of the assets still reached.
    expect(toldShort()).toEqual(['A1', 'A2', 'F1']);
    await write('outages', [outage('E2', 'F2', T0 + 60 * MIN)]);
    const now = await reached();
    expect(now).toContain('E3@180: A2, F1');
    expect(now).toContain('E2@60: A3, F2');
    expect(await freshDifference()).toEqual({ rows: 0, tombstones: 0 });
  });

  it('an area moved to another feeder re-attributes the outages from its move on, and only those', async () => {
    await write('outages', [outage('E4', 'F2', T0 + 300 * MIN)]);
    // A2 moves from F1 to F2 at minute 150: E1 (minute 120) keeps it, E4 (minute 300) gains it.
    await write('assets', [asset('A2', 'area', 'F2', T0 + 150 * MIN)]);
    expect(toldShort()).toEqual(['A2']);
    const now = await reached();
    expect(now).toContain('E1@120: A1, A2, F1');
    expect(now).toContain('E4@300: A2, A3, F2');
    // E3 lists A2 by name, so it still reaches it (an area at its start).
    expect(now).toContain('E3@180: A2, F1');
    expect(await freshDifference()).toEqual({ rows: 0, tombstones: 0 });
  });

  it('a warning that arrives late covers the weather outages in its time and region', async () => {
    await write('outages', [outage('E5', 'A1', T0 + 400 * MIN, { cause: 'weather_fault' })]);
    const warnedBy = async () => {
      await walApplied(store, 60_000);
      const rows = await store.rows<{ warned_by: string | null }>(
        sql`SELECT warned_by FROM outage_reach WHERE event_id = ${id('E5')} AND NOT deleted`,
      );
      return rows.map((r) => r.warned_by);
    };
    expect(await warnedBy()).toEqual([null]);
    const warning: Warning = {
      warningId: id('W1'),
      issuerLevel: 'county',
      hazard: 'severe_weather',
      ...region,
      start: T0 + 390 * MIN,
      end: T0 + 480 * MIN,
    };
    await write('warnings', [warning]);
    expect(await warnedBy()).toEqual([id('W1')]);
    expect(toldShort()).toEqual(['A1']);
    // Shortened so that it ends before the outage: no longer covered.
    await write('warnings', [{ ...warning, end: T0 + 395 * MIN }]);
    expect(await warnedBy()).toEqual([null]);
    expect(await freshDifference()).toEqual({ rows: 0, tombstones: 0 });
  });

  it('records accepted while QuestDB was unreachable are attributed when the spool replays', async () => {
    const spoolDir = `${testRoot()}/spool-${P}-down`;
    const down = parseClientConf('http::addr=127.0.0.1:1;');
    const offline = await Writer.open({
      connection: down,
      store: createStore(down),
      spoolDir,
      spoolLimitBytes: 1e8,
      log: createLogger('silent'),
      replayIntervalMs: 60_000,
    });
    receivedAt += 1_000;
    expect(
      await offline.write({ kind: 'outages', receivedAt, records: [outage('E6', 'F1', T0 + 500 * MIN)] }),
    ).toBe('spooled');
    await offline.close();
    const online = await Writer.open({
      connection: store.connection,
      store,
      spoolDir,
      spoolLimitBytes: 1e8,
      log: createLogger('silent'),
    });
    await eventually(async () => online.spoolDepth === 0, 30_000);
    await online.close();
    expect(await reached()).toContain('E6@500: A1, F1');
    expect(await freshDifference()).toEqual({ rows: 0, tombstones: 0 });
  });

  it('a crash between an outage and its reach rows is repaired at start', async () => {
    // An outage stored without its reach rows, and reach rows of an outage never stored.
    const options = await SenderOptions.fromConfig(`${store.connection.clientConf}stdlib_http=on;`);
    const buffer = createBuffer(options);
    const lost = outage('E7', 'F1', T0 + 600 * MIN);
    encodeOutageHistory(buffer, lost, receivedAt);
    encodeOutageCurrent(buffer, lost, receivedAt);
    const stray = outage('E8', 'A3', T0 + 610 * MIN);
    encodeReach(buffer, {
      assetId: stray.assetId,
      eventId: stray.eventId,
      sourceId: stray.assetId,
      start: stray.start,
      end: stray.end,
      kind: 'area',
      feederId: id('F2'),
      ...region,
      park: undefined,
      areaClass: 'town',
      cause: stray.cause,
      planned: false,
      forceMajeure: false,
      customersAffected: 10,
      warningId: undefined,
      warnedBy: undefined,
      receivedAt: receivedAt + 1,
    });
    const transport = createTransport(options);
    await transport.send(buffer.toBufferNew()!);
    await transport.close();
    // E7 reaches F1 and A1 (A2 left F1 at minute 150); E8 reaches nothing stored.
    expect(await freshDifference()).toEqual({ rows: 2, tombstones: 1 });

    const restarted = await Writer.open({
      connection: store.connection,
      store,
      spoolDir: `${testRoot()}/spool-${P}-restart`,
      spoolLimitBytes: 1e8,
      log: createLogger('silent'),
    });
    const repair = await restarted.repairReach();
    await restarted.close();
    expect(repair.rows).toBeGreaterThanOrEqual(2);
    expect(repair.tombstones).toBeGreaterThanOrEqual(1);
    const now = await reached();
    expect(now).toContain('E7@600: A1, F1');
    expect(now.some((line) => line.startsWith('E8@'))).toBe(false);
    expect(await freshDifference()).toEqual({ rows: 0, tombstones: 0 });
  });
});
