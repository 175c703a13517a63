// The product's express app (server/app.ts with every router of server/routes.ts), in process
// and listening on loopback, over a QuestDB that is not there: its client points at a closed
// loopback port, so every query fails at once, as while the database is down. Enough for what
// is decided before the database is asked: routes, role checks, parameter and body checks.

import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Express } from 'express';
import { CurrentFlags } from '../../../analytics/flags/index.js';
import { loadRuleDir } from '../../../analytics/rules/index.js';
import { LiveHub } from '../../../dashboard/api/live.js';
import { type AppDeps, createApp } from '../../../server/app.js';
import { loadConfig } from '../../../server/config.js';
import { createLogger } from '../../../server/log.js';
import { TokenRegistry } from '../../../dashboard/api/middleware/auth/index.js';
import { productRouters } from '../../../server/routes.js';
import { AssetDirectory, createStore, parseClientConf, Writer } from '../../../store/index.js';

/** The token of the app's admin. */
export const ADMIN = 'offline-app-admin-token-0123';

export interface OfflineApp {
  app: Express;
  /** http://127.0.0.1:port */
  base: string;
  close(): Promise<void>;
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise((resolve) => s.close(resolve));
  return port;
}

export async function startOfflineApp(): Promise<OfflineApp> {
  const dir = mkdtempSync(join(tmpdir(), 'offline-app-'));
  const config = loadConfig({
    OUTAGE_DATA_DIR: dir,
    OUTAGE_LOG_LEVEL: 'silent',
    OUTAGE_ADMIN_TOKEN: ADMIN,
    OUTAGE_NOTICES_KEY: 'offline-app-notices-key-0123456789abcdef',
    QDB_CLIENT_CONF: `http::addr=127.0.0.1:${await closedPort()};`,
  });
  const log = createLogger('silent');
  const connection = parseClientConf(config.qdbClientConf ?? '');
  const store = createStore(connection);
  const assets = new AssetDirectory(store);
  const writer = await Writer.open({
    connection,
    store,
    assets,
    spoolDir: config.spoolDir,
    spoolLimitBytes: config.spoolLimitBytes,
    log,
  });
  const loaded = await loadRuleDir(config.rulesDir);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  const ruleSets = new Map(loaded.value.map((s) => [s.name, s]));
  const tokens = new TokenRegistry();
  tokens.add(ADMIN, ['admin'], 'admin');
  const deps: AppDeps = {
    config,
    log,
    store,
    writer,
    assets,
    tokens,
    ruleSets,
    live: new LiveHub(),
    currentFlags: new CurrentFlags(store, ruleSets, config.zone, Date.now, config.ruleSet),
  };
  const app = createApp(deps, productRouters);
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    app,
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      deps.live.close();
      await new Promise((resolve) => server.close(resolve));
      await writer.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
