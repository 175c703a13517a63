// The product (server/runtime.ts, every router, the dashboard's static files) over a demo
// database, started once per database for the payload and dashboard benchmarks and stopped
// with it. No scheduled jobs (they would compete for the cores while timing); the full flag
// evaluation the product runs at start is awaited, so GET /flags answers from memory as in
// steady operation, and its duration is reported.
//
// Should that evaluation fail (its log says so), the failure is reported and the bench
// evaluates the flags itself, with no client timeout, and places them in the product's cache:
// the views can then still be measured, and the results say that this was needed.

import { pino } from 'pino';
import { evaluateFlags } from '../analytics/flags/index.js';
import type { CurrentFlagsSnapshot } from '../analytics/flags/current.js';
import { loadConfig } from '../server/config.js';
import { productRouters } from '../server/routes.js';
import { type Product, startProduct } from '../server/runtime.js';
import type { QueryOptions, Sql, Store } from '../store/index.js';
import type { DemoDatabase } from './demo-db.js';

export const BENCH_TOKEN = 'bench-admin-token-0123456789';

export interface BenchProduct {
  product: Product;
  url: string;
  /** the first full flag evaluation of every rule set, after start (by the bench when `failure`) */
  firstFlagsMs: number;
  /** why the product's own first full evaluation failed */
  failure?: string;
}

const started = new WeakMap<DemoDatabase, Promise<BenchProduct>>();

export function benchProduct(db: DemoDatabase): Promise<BenchProduct> {
  let p = started.get(db);
  if (!p) {
    p = start(db);
    started.set(db, p);
    db.cleanups.push(async () => (await p)?.product.stop());
  }
  return p;
}

/** The same store with a long timeout on every statement (QuestDB HTTP client default: 120 s). */
const patient = (store: Store, timeoutMs: number): Store => ({
  ...store,
  query: (s: Sql, o?: QueryOptions) => store.query(s, { timeoutMs, ...o }),
  rows: <T>(s: Sql, o?: QueryOptions) => store.rows<T>(s, { timeoutMs, ...o }),
  exec: (s: Sql, o?: QueryOptions) => store.exec(s, { timeoutMs, ...o }),
});

async function start(db: DemoDatabase): Promise<BenchProduct> {
  // Warnings and errors are kept (and shown with BENCH_LOG=1): the flag refresher logs its failure.
  const logged: { msg?: string; err?: string }[] = [];
  const log = pino(
    { level: 'warn', base: null },
    {
      write(line: string) {
        logged.push(JSON.parse(line));
        if (process.env['BENCH_LOG']) process.stderr.write(line);
      },
    },
  );
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    OUTAGE_DATA_DIR: db.workDir,
    OUTAGE_DEMO: '0',
    OUTAGE_LOG_LEVEL: 'warn',
    OUTAGE_ADMIN_TOKEN: BENCH_TOKEN,
    OUTAGE_RATE_LIMIT: '1000000',
    // The demo network is in Yunnan: its three rule sets, as a Yunnan deployment runs them.
    OUTAGE_RULE_SETS: 'national-2025,baoshan-2021,kunming-parks-2023',
    QDB_CLIENT_CONF: db.qdb.clientConf,
  });
  const t0 = performance.now();
  const product = await startProduct(config, log, { routers: productRouters, jobs: false });
  const flags = product.deps.currentFlags;
  // The refresher starts a full evaluation as the server listens; wait for it to end.
  let failure: string | undefined;
  while (flags.lastFullMs === 0 && failure === undefined) {
    const failed = logged.find((l) => l.msg?.startsWith('flag evaluation failed'));
    if (failed) failure = `${failed.msg}: ${failed.err ?? ''}`.slice(0, 300);
    else await new Promise((r) => setTimeout(r, 250));
  }
  if (failure === undefined) {
    process.stdout.write(
      `product on ${product.url}: started, flags evaluated in ${Math.round(performance.now() - t0)} ms\n`,
    );
    return { product, url: product.url, firstFlagsMs: flags.lastFullMs };
  }
  process.stdout.write(`product's first flag evaluation failed (${failure}); the bench evaluates them\n`);
  const store = patient(product.store, 60 * 60_000);
  const t1 = performance.now();
  const asOf = Date.now();
  const cache = (flags as unknown as { snapshots: Map<string, CurrentFlagsSnapshot> }).snapshots;
  for (const set of product.deps.ruleSets.values()) {
    const list = await evaluateFlags(store, { ruleSet: set, asOf, zone: config.zone });
    cache.set(set.name, { asOf, updatedAt: asOf, flags: list });
  }
  return { product, url: product.url, firstFlagsMs: performance.now() - t1, failure };
}
