// Load on loopback: live ingest (NDJSON batches of new outages from several writers at once)
// while dashboard readers poll the API, against the real product, bounded in events and time.
// Reports sustained events per second, p50/p99 latency of ingest and reads, and errors, and
// checks afterwards that every accepted event is in QuestDB exactly once.
// `npm run bench -- load` runs it over the `small` demo data set (so the reads have real work);
// tests/integration/load.test.ts runs runLoad() (bench/load-run.ts, re-exported here) smaller
// and asserts only correctness.

import { join } from 'node:path';
import { generateDemo, loadDemo } from '../demo/index.js';
import { loadConfig } from '../server/config.js';
import { createLogger } from '../server/log.js';
import { DEMO_SEED } from '../server/demo.js';
import { productRouters } from '../server/routes.js';
import { type Product, startProduct } from '../server/runtime.js';
import type { LocalQuestDB, Store } from '../store/index.js';
import type { BenchCase } from './harness.js';
import { describeLoad, runLoad, storedOnce } from './load-run.js';

export {
  DASHBOARD_READS,
  describeLoad,
  type Latencies,
  type LoadOptions,
  type LoadResult,
  type LoadTarget,
  runLoad,
  storedOnce,
} from './load-run.js';

const BENCH = { maxEvents: 30_000, maxMs: 180_000, writers: 4, readers: 2, batch: 100, feeders: 300 };
const TOKEN = 'bench-load-admin-token-0123456789';

/**
 * The benchmark over the bench's QuestDB with the `small` demo data set (loaded once). Each run
 * starts the product (untimed, until its first full flag evaluation is done, as in steady
 * operation), then times the load, the exactly-once check and the stop; the note holds the
 * latencies and the check of the last run.
 */
export async function loadCases(qdb: LocalQuestDB, _store: Store): Promise<BenchCase[]> {
  const now = Date.now();
  // Inside QuestDB's folder (QuestDB ignores it), so the bench removes it with the database.
  const dataDir = join(qdb.dataDir, 'load-app');
  let product: Product | undefined;
  let demoLoaded = false;
  let run = 0;
  let flagsNote = '';
  const c: BenchCase = {
    name: 'load: live ingest + dashboard reads (HTTP)',
    size: `demo small + ${BENCH.maxEvents.toLocaleString('en')} events`,
    items: BENCH.maxEvents,
    setup: async () => {
      const config = loadConfig({
        PORT: '0',
        OUTAGE_DATA_DIR: dataDir,
        OUTAGE_DEMO: '0',
        OUTAGE_LOG_LEVEL: 'error',
        OUTAGE_ADMIN_TOKEN: TOKEN,
        OUTAGE_RATE_LIMIT: '100000000',
        QDB_CLIENT_CONF: qdb.clientConf,
      });
      product = await startProduct(config, createLogger('error'), {
        routers: productRouters,
        jobs: false,
        beforeListen: async (deps) => {
          if (demoLoaded) return;
          const demo = generateDemo({ seed: DEMO_SEED, size: 'small', now, zone: deps.config.zone });
          await loadDemo(demo, deps.writer, now);
          demoLoaded = true;
        },
      });
      // Steady operation: the first full flag evaluation is over (queued after the refresher's).
      // It can fail (see the report: the breach log's INSERT passes QuestDB's URL limit on the
      // demo data); the load then runs without flags in memory, and the note says so.
      flagsNote = await product.deps.currentFlags.refreshAll().then(
        () => '',
        (err: unknown) => `; the full flag evaluation before the load failed (${String(err).slice(0, 120)})`,
      );
    },
    run: async () => {
      const p = product;
      if (!p) throw new Error('the product did not start');
      run += 1;
      const prefix = `L${now.toString(36)}r${run}`;
      try {
        const r = await runLoad({ url: p.url, token: TOKEN, store: p.store }, { ...BENCH, prefix });
        const check = await storedOnce(p.store, prefix, r.acceptedIds);
        c.note = `${describeLoad(r)}; ${BENCH.writers} writers × ${BENCH.batch} events/request, ${BENCH.readers} readers; stored once: ${check.stored}/${r.accepted}, doubled ${check.doubled}${flagsNote}`;
        process.stdout.write(`load run ${run}: ${c.note}\n`);
        if (r.sent < BENCH.maxEvents) throw new Error(`time cap reached after ${r.sent} events: ${c.note}`);
        if (r.ingest.errors + r.reads.errors > 0 || check.missing.length > 0 || check.doubled > 0)
          throw new Error(
            `load run failed: ${c.note}; ${[...r.ingest.failures, ...r.reads.failures].join(' | ')}`,
          );
      } finally {
        product = undefined;
        await p.stop();
      }
    },
  };
  return [c];
}
