// The store's metrics, read at each scrape: records written, spooled, replayed and rejected
// (the writer's counts since start), failed sends, the spool's depth in units, records and
// bytes, units QuestDB refused, whether QuestDB answers, and the bundled QuestDB's restarts.

import type { Registry } from 'prom-client';
import type { Store, SupervisedQuestDB, Writer } from '../../store/index.js';
import { counterReadAtScrape, gaugeReadAtScrape } from './read-at-scrape.js';
import { SpoolRecordCount } from './spool-records.js';

export interface StoreSource {
  store: Pick<Store, 'ping'>;
  writer: Pick<Writer, 'stats' | 'spoolDepth' | 'spoolBytes' | 'refusedCount'>;
  /** the writer's spool folder */
  spoolDir: string;
  /** the bundled QuestDB, when the product runs its own */
  questdb?: Pick<SupervisedQuestDB, 'restarts'>;
}

const DATA_KINDS = ['assets', 'outages', 'warnings'] as const;

export function storeMetrics(registry: Registry, source: StoreSource): void {
  const { writer } = source;
  const stats = writer.stats;
  counterReadAtScrape(registry, {
    name: 'outage_records_written_total',
    help: 'Records written to QuestDB, by kind (assets, outages, warnings), spool replays included.',
    labelNames: ['kind'],
    read: () => DATA_KINDS.map((kind) => [{ kind }, stats.written[kind]]),
  });
  counterReadAtScrape(registry, {
    name: 'outage_records_rejected_total',
    help: 'Rejected records written to the rejects table: refused by validation at ingest, or by QuestDB on replay.',
    read: () => [[{}, stats.written.rejects]],
  });
  counterReadAtScrape(registry, {
    name: 'outage_records_spooled_total',
    help: 'Records spooled to disk while QuestDB was unreachable.',
    read: () => [[{}, stats.spooled]],
  });
  counterReadAtScrape(registry, {
    name: 'outage_records_replayed_total',
    help: 'Spooled records written to QuestDB after it returned.',
    read: () => [[{}, stats.replayed]],
  });
  counterReadAtScrape(registry, {
    name: 'outage_write_failures_total',
    help: 'Failed sends to QuestDB (every attempt, refusals included) and spooled units set aside on replay.',
    read: () => [[{}, stats.failures]],
  });

  const records = new SpoolRecordCount(source.spoolDir);
  gaugeReadAtScrape(registry, {
    name: 'outage_spool_records',
    help: 'Records waiting in the spool for QuestDB.',
    read: async () => [[{}, writer.spoolDepth === 0 ? 0 : await records.count()]],
  });
  gaugeReadAtScrape(registry, {
    name: 'outage_spool_bytes',
    help: 'Bytes waiting in the spool (ingest answers 503 past OUTAGE_SPOOL_LIMIT_MB).',
    read: () => [[{}, writer.spoolBytes]],
  });
  gaugeReadAtScrape(registry, {
    name: 'outage_spool_units',
    help: 'Write units (one per ingest batch and kind) waiting in the spool.',
    read: () => [[{}, writer.spoolDepth]],
  });
  gaugeReadAtScrape(registry, {
    name: 'outage_spool_refused_units',
    help: 'Write units QuestDB refused as a whole on replay, kept in spool/refused (GET /api/v1/spool/refused).',
    read: () => [[{}, writer.refusedCount]],
  });
  gaugeReadAtScrape(registry, {
    name: 'outage_questdb_up',
    help: '1 when QuestDB answers a query (within 2 s), else 0.',
    read: async () => [[{}, (await source.store.ping()) ? 1 : 0]],
  });
  const bundled = source.questdb;
  if (bundled) {
    counterReadAtScrape(registry, {
      name: 'outage_questdb_restarts_total',
      help: 'Restarts of the bundled QuestDB after it exited unasked (crash, OOM kill).',
      read: () => [[{}, bundled.restarts]],
    });
  }
}
