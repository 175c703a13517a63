// A QuestDB of a fault test's own, reached through a kill proxy, with the product over it (no
// scheduled jobs: tests drive them with a fixed clock). kill() is SIGKILL, not a clean stop;
// restart() starts QuestDB again on the same data folder and points the proxy at it.

import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../server/config.js';
import { createLogger } from '../../server/log.js';
import { productRouters } from '../../server/routes.js';
import { type Product, startProduct } from '../../server/runtime.js';
import { type LocalQuestDB, startLocalQuestDB } from '../../store/index.js';
import { type KillProxy, startKillProxy } from './kill-proxy.js';
import { ADMIN, INGEST, OPERATOR } from './product.js';
import { jarCache, startTestQuestDB, testRoot } from './questdb.js';

export interface FaultRig {
  readonly qdb: LocalQuestDB;
  readonly proxy: KillProxy;
  /** Starts a product over this QuestDB (several may share it, e.g. with other spool limits). */
  product(env?: Record<string, string>): Promise<Product>;
  kill(): Promise<void>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startFaultRig(label: string): Promise<FaultRig> {
  let qdb = await startTestQuestDB(label);
  // The relay's clients log in as the product would (QuestDB's login is in its client conf).
  const proxy = await startKillProxy(qdb.httpPort, qdb.clientConf.replace(/^http::addr=[^;]*;/, ''));
  const products: Product[] = [];
  const appDirs: string[] = [];
  return {
    get qdb() {
      return qdb;
    },
    proxy,
    async product(env = {}) {
      const appDir = mkdtempSync(join(testRoot(), `${label}-app-`));
      appDirs.push(appDir);
      const config = loadConfig({
        PORT: '0',
        OUTAGE_DATA_DIR: appDir,
        OUTAGE_DEMO: '0',
        OUTAGE_LOG_LEVEL: 'silent',
        OUTAGE_ADMIN_TOKEN: ADMIN,
        OUTAGE_TOKENS: `operator:${OPERATOR},ingest:${INGEST}`,
        OUTAGE_RATE_LIMIT: '1000000',
        QDB_CLIENT_CONF: proxy.clientConf,
        ...env,
      });
      const p = await startProduct(config, createLogger('silent'), { routers: productRouters, jobs: false });
      products.push(p);
      return p;
    },
    kill: () => qdb.kill(),
    async restart() {
      qdb = await startLocalQuestDB({ dataDir: qdb.dataDir, cacheDir: jarCache(), heap: '512m' });
      proxy.target(qdb.httpPort);
    },
    async stop() {
      // Products first: their writers drain into QuestDB before it stops.
      for (const p of products) await p.stop();
      await proxy.close();
      await qdb.stop();
      for (const dir of [qdb.dataDir, ...appDirs]) rmSync(dir, { recursive: true, force: true });
    },
  };
}
