// Ingest: end-to-end events per second from NDJSON and CSV files (parse, validate, unknown-asset
// check, write, visible in SQL), and in the same run the raw @questdb/nodejs-client rate without
// parsing or validation: for the rows the product writes (each event is a history row, a current
// row and the row of the asset it reaches, in tables shaped like the product's), for the two
// rows the product wrote before it kept the attribution, and for one plain row per event.

import { appendFileSync, createReadStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sender } from '@questdb/nodejs-client';
import { parseRecords } from '../ingest/formats/index.js';
import { Ingestor } from '../ingest/pipeline/index.js';
import { createLogger } from '../server/log.js';
import { AssetDirectory, ident, type LocalQuestDB, type Store, sql, Writer } from '../store/index.js';
import type { BenchCase } from './harness.js';

const FEEDERS = 2_000;
const CAUSES = ['equipment_fault', 'weather_fault', 'external_damage', 'planned_maintenance', 'unknown'];

/**
 * Each run writes new outages in a time range of its own (two years apart; a million events
 * span 14 months), as new events arrive: a run then does not pay for merging into the
 * partitions of the runs before it, which a re-import of old months would.
 */
const baseOf = (run: number): number => Date.UTC(1990 + 2 * run, 0, 1);

function eventRow(prefix: string, i: number, base: number) {
  const start = base + i * 37_000;
  return {
    eventId: `${prefix}-${i}`,
    assetId: `BF-${i % FEEDERS}`,
    start: new Date(start).toISOString(),
    end: new Date(start + 3_600_000).toISOString(),
    customersAffected: 100 + (i % 400),
    cause: CAUSES[i % CAUSES.length]!,
  };
}

/** Shanghai wall-clock time of an ISO instant, as outage-management exports write it. */
const local = (iso: string): string =>
  new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

interface Files {
  ndjson: string;
  csv: string;
  csvLocal: string;
}

/** The three files, written a block at a time (the bench's memory is then the ingest's). */
function writeFiles(dir: string, prefix: string, n: number, base: number): Files {
  mkdirSync(dir, { recursive: true });
  const files = {
    ndjson: join(dir, `${prefix}.ndjson`),
    csv: join(dir, `${prefix}.csv`),
    csvLocal: join(dir, `${prefix}-local.csv`),
  };
  const header = 'eventId,assetId,start,end,customersAffected,cause\n';
  writeFileSync(files.ndjson, '');
  writeFileSync(files.csv, header);
  writeFileSync(files.csvLocal, header);
  const BLOCK = 10_000;
  for (let from = 0; from < n; from += BLOCK) {
    let nd = '';
    let csv = '';
    let csvLocal = '';
    for (let i = from; i < Math.min(n, from + BLOCK); i++) {
      nd += `${JSON.stringify(eventRow(`${prefix}n`, i, base))}\n`;
      const c = eventRow(`${prefix}c`, i, base);
      csv += `${c.eventId},${c.assetId},${c.start},${c.end},${c.customersAffected},${c.cause}\n`;
      const l = eventRow(`${prefix}l`, i, base);
      csvLocal += `${l.eventId},${l.assetId},${local(l.start)},${local(l.end)},${l.customersAffected},${l.cause}\n`;
    }
    appendFileSync(files.ndjson, nd);
    appendFileSync(files.csv, csv);
    appendFileSync(files.csvLocal, csvLocal);
  }
  return files;
}

const TWO_ROWS = 'peer: raw client, two rows per event (the product before outage_reach)';
const SAME_ROWS = 'peer: raw client, the same three rows per event';

async function visible(store: Store, table: string, like: string, n: number): Promise<void> {
  for (;;) {
    const [r] = await store.rows<{ n: number }>(
      sql`SELECT count() n FROM ${ident(table)} WHERE event_id LIKE ${like}`,
    );
    if ((r?.n ?? 0) >= n) return;
    await new Promise((res) => setTimeout(res, 50));
  }
}

export async function ingestCases(
  qdb: LocalQuestDB,
  store: Store,
  sizes: readonly number[],
): Promise<BenchCase[]> {
  const log = createLogger('warn');
  const assets = new AssetDirectory(store);
  const writer = await Writer.open({
    connection: store.connection,
    store,
    assets,
    spoolDir: join(qdb.dataDir, 'spool'),
    spoolLimitBytes: 2 ** 31,
    log,
  });
  const feeders = Array.from({ length: FEEDERS }, (_, i) => ({
    assetId: `BF-${i}`,
    kind: 'feeder' as const,
    areaClass: 'urban' as const,
    customers: 500,
    validFrom: Date.UTC(2020, 0, 1),
  }));
  await writer.write({ kind: 'assets', receivedAt: Date.now(), records: feeders });
  await store.exec(sql`CREATE TABLE IF NOT EXISTS outages_raw (
    event_id SYMBOL CAPACITY 4194304 NOCACHE, asset_id SYMBOL, end_at TIMESTAMP, customers_affected INT,
    cause SYMBOL, planned BOOLEAN, start TIMESTAMP) TIMESTAMP(start) PARTITION BY MONTH WAL
    DEDUP UPSERT KEYS(start, event_id)`);
  await store.exec(sql`CREATE TABLE IF NOT EXISTS outages_raw2 (LIKE outages)`);
  await store.exec(sql`CREATE TABLE IF NOT EXISTS outage_history_raw2 (LIKE outage_history)`);
  await store.exec(sql`CREATE TABLE IF NOT EXISTS outage_reach_raw2 (LIKE outage_reach)`);
  const ingestor = new Ingestor({ writer, assets, zone: 'Asia/Shanghai' });
  const cases: BenchCase[] = [];
  let run = 0;
  for (const n of sizes) {
    const size = n.toLocaleString('en');
    let files: Files = { ndjson: '', csv: '', csvLocal: '' };
    let prefix = '';
    const fresh = async () => {
      run += 1;
      prefix = `b${Date.now().toString(36)}${run}`;
      files = writeFiles(join(qdb.dataDir, 'bench-files'), prefix, n, baseOf(run));
    };
    cases.push({
      name: 'ingest NDJSON end-to-end',
      size,
      items: n,
      baseline: SAME_ROWS,
      setup: fresh,
      run: async () => {
        await ingestor.ingest('outages', parseRecords(createReadStream(files.ndjson), 'ndjson'), {
          source: 'bench',
        });
        await visible(store, 'outages', `${prefix}n-%`, n);
        await visible(store, 'outage_reach', `${prefix}n-%`, n);
      },
    });
    cases.push({
      name: 'ingest CSV end-to-end',
      size,
      items: n,
      baseline: SAME_ROWS,
      setup: fresh,
      run: async () => {
        await ingestor.ingest('outages', parseRecords(createReadStream(files.csv), 'csv'), {
          source: 'bench',
        });
        await visible(store, 'outages', `${prefix}c-%`, n);
        await visible(store, 'outage_reach', `${prefix}c-%`, n);
      },
    });
    cases.push({
      name: 'ingest CSV end-to-end, local times',
      size,
      items: n,
      baseline: SAME_ROWS,
      note: 'times without offset, read in Asia/Shanghai, as Chinese outage-management exports write them',
      setup: fresh,
      run: async () => {
        await ingestor.ingest('outages', parseRecords(createReadStream(files.csvLocal), 'csv'), {
          source: 'bench',
        });
        await visible(store, 'outages', `${prefix}l-%`, n);
        await visible(store, 'outage_reach', `${prefix}l-%`, n);
      },
    });
    cases.push({
      name: 'peer: raw @questdb/nodejs-client, one row per event',
      size,
      items: n,
      setup: async () => {
        run += 1;
        prefix = `r${Date.now().toString(36)}${run}`;
      },
      run: async () => {
        const sender = await Sender.fromConfig(`${qdb.clientConf}auto_flush_rows=10000;`);
        for (let i = 0; i < n; i++) {
          const r = eventRow(prefix, i, baseOf(run));
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
        await visible(store, 'outages_raw', `${prefix}-%`, n);
      },
    });
    const rawPeer = (name: string, withReach: boolean, letter: string) => ({
      name,
      size,
      items: n,
      setup: async () => {
        run += 1;
        prefix = `${letter}${Date.now().toString(36)}${run}`;
      },
      run: async () => {
        const sender = await Sender.fromConfig(`${qdb.clientConf}auto_flush_rows=10000;`);
        const receivedAt = Date.now();
        for (let i = 0; i < n; i++) {
          const r = eventRow(prefix, i, baseOf(run));
          const start = Date.parse(r.start);
          const end = Date.parse(r.end);
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
          if (!withReach) continue;
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
        await sender.flush();
        await sender.close();
        await visible(store, 'outages_raw2', `${prefix}-%`, n);
        if (withReach) await visible(store, 'outage_reach_raw2', `${prefix}-%`, n);
      },
    });
    cases.push(rawPeer(SAME_ROWS, true, 'q'), { ...rawPeer(TWO_ROWS, false, 't'), baseline: SAME_ROWS });
  }
  return cases;
}
