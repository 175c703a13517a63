// The peers of the ingest cases: the raw @questdb/nodejs-client writing the same events, with no
// parsing or validation, for one plain row per event, for the three rows the product writes
// (a history row, a current row and the row of the asset the event reaches, in tables shaped
// like the product's), and for the two rows the product wrote before it kept the attribution.

import { Sender } from '@questdb/nodejs-client';
import { type LocalQuestDB, type Store, sql } from '../store/index.js';
import type { BenchCase } from './harness.js';
import { baseOf, eventRow, type IngestRound, nextRun, visible } from './ingest-events.js';

export const TWO_ROWS = 'peer: raw client, two rows per event (the product before outage_reach)';
export const SAME_ROWS = 'peer: raw client, the same three rows per event';

/** The tables the peers write to, beside the product's. */
export async function createRawTables(store: Store): Promise<void> {
  await store.exec(sql`CREATE TABLE IF NOT EXISTS outages_raw (
    event_id SYMBOL CAPACITY 4194304 NOCACHE, asset_id SYMBOL, end_at TIMESTAMP, customers_affected INT,
    cause SYMBOL, planned BOOLEAN, start TIMESTAMP) TIMESTAMP(start) PARTITION BY MONTH WAL
    DEDUP UPSERT KEYS(start, event_id)`);
  await store.exec(sql`CREATE TABLE IF NOT EXISTS outages_raw2 (LIKE outages)`);
  await store.exec(sql`CREATE TABLE IF NOT EXISTS outage_history_raw2 (LIKE outage_history)`);
  await store.exec(sql`CREATE TABLE IF NOT EXISTS outage_reach_raw2 (LIKE outage_reach)`);
}

const openSender = (qdb: LocalQuestDB) => Sender.fromConfig(`${qdb.clientConf}auto_flush_rows=10000;`);

export function oneRowPeer(qdb: LocalQuestDB, store: Store, round: IngestRound): BenchCase {
  const { n } = round;
  return {
    name: 'peer: raw @questdb/nodejs-client, one row per event',
    size: round.size,
    items: n,
    setup: async () => nextRun(round, 'r'),
    run: async () => {
      const sender = await openSender(qdb);
      for (let i = 0; i < n; i++) {
        const r = eventRow(round.prefix, i, baseOf(round.runs.count));
        await sender
          .table('outages_raw')
          .symbol('event_id', r.eventId)
          .symbol('asset_id', r.assetId)
          .symbol('cause', r.cause)
          .timestampColumn('end_at', Date.parse(r.end), 'ms')
          .intColumn('customers_affected', r.customersAffected)
          .booleanColumn('planned', false)
          .at(Date.parse(r.start), 'ms');
      }
      await sender.flush();
      await sender.close();
      await visible(store, 'outages_raw', `${round.prefix}-%`, n);
    },
  };
}

/** The product's rows of an event, as the peer writes them to the copies of its tables. */
export function productRowsPeer(
  qdb: LocalQuestDB,
  store: Store,
  round: IngestRound,
  name: string,
  withReach: boolean,
  letter: string,
): BenchCase {
  const { n } = round;
  return {
    name,
    size: round.size,
    items: n,
    setup: async () => nextRun(round, letter),
    run: async () => {
      const sender = await openSender(qdb);
      const receivedAt = Date.now();
      for (let i = 0; i < n; i++) {
        const r = eventRow(round.prefix, i, baseOf(round.runs.count));
        const start = Date.parse(r.start);
        const end = Date.parse(r.end);
        await historyRow(sender, r, start, end, receivedAt);
        await currentRow(sender, r, start, end, receivedAt);
        if (withReach) await reachRow(sender, r, start, end, receivedAt);
      }
      await sender.flush();
      await sender.close();
      await visible(store, 'outages_raw2', `${round.prefix}-%`, n);
      if (withReach) await visible(store, 'outage_reach_raw2', `${round.prefix}-%`, n);
    },
  };
}

type Event = ReturnType<typeof eventRow>;

async function historyRow(sender: Sender, r: Event, start: number, end: number, receivedAt: number) {
  sender
    .table('outage_history_raw2')
    .symbol('asset_id', r.assetId)
    .symbol('cause', r.cause)
    .symbol('writer', 'bench')
    .stringColumn('event_id', r.eventId)
    .timestampColumn('start', start, 'ms')
    .timestampColumn('end_at', end, 'ms')
    .intColumn('customers_affected', r.customersAffected)
    .booleanColumn('planned', false)
    .timestampColumn('received_at', receivedAt, 'ms');
  await sender.at(receivedAt, 'ms');
}

async function currentRow(sender: Sender, r: Event, start: number, end: number, receivedAt: number) {
  await sender
    .table('outages_raw2')
    .symbol('event_id', r.eventId)
    .symbol('asset_id', r.assetId)
    .symbol('cause', r.cause)
    .timestampColumn('end_at', end, 'ms')
    .intColumn('customers_affected', r.customersAffected)
    .booleanColumn('planned', false)
    .timestampColumn('received_at', receivedAt, 'ms')
    .booleanColumn('deleted', false)
    .at(start, 'ms');
}

async function reachRow(sender: Sender, r: Event, start: number, end: number, receivedAt: number) {
  await sender
    .table('outage_reach_raw2')
    .symbol('asset_id', r.assetId)
    .symbol('event_id', r.eventId)
    .symbol('source_id', r.assetId)
    .symbol('kind', 'feeder')
    .symbol('area_class', 'urban')
    .symbol('cause', r.cause)
    .booleanColumn('planned', false)
    .intColumn('customers_affected', r.customersAffected)
    .timestampColumn('end_at', end, 'ms')
    .timestampColumn('received_at', receivedAt, 'ms')
    .booleanColumn('deleted', false)
    .at(start, 'ms');
}
