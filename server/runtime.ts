// The running product: QuestDB (bundled or external), migrations, the writer, the HTTP server,
// and an orderly shutdown (stop accepting, finish requests, drain the writer, stop QuestDB).

import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Express } from 'express';
import {
  type Connection,
  createStore,
  type SupervisedQuestDB,
  superviseQuestDB,
  migrate,
  parseClientConf,
  type Store,
  startLocalQuestDB,
  waitReady,
  type Writer,
} from '../store/index.js';
import { type AppDeps, createApp, type RouterFactory } from './app.js';
import { calendarGaps, type CompiledRuleSet, describeGap, yearsAhead } from '../analytics/rules/index.js';
import { CurrentFlags } from '../analytics/flags/index.js';
import { keepSnapshots, type SnapshotKeeper } from '../analytics/snapshots/index.js';
import { LiveHub } from '../dashboard/api/live.js';
import { startFlagRefresh } from './flag-refresh.js';
import { openWriter } from './open-writer.js';
import { type Jobs, startJobs } from './jobs/index.js';
import { productMetrics } from './metrics/index.js';
import { loadRuleSets } from './rule-sets.js';
import { startStaleSweep } from './stale-sweep.js';
import { startNotices } from './notices/start.js';
import type { Config } from './config.js';
import type { Logger } from './log.js';
import { TokenRegistry } from '../dashboard/api/middleware/auth/index.js';

export { loadRuleSets } from './rule-sets.js';

export interface Product {
  url: string;
  port: number;
  adminToken: string;
  store: Store;
  writer: Writer;
  questdb: SupervisedQuestDB | undefined;
  deps: AppDeps;
  /** The snapshots for Grafana written after each full flag evaluation. */
  snapshots: SnapshotKeeper;
  stop(): Promise<void>;
}

export interface StartOptions {
  routers?: readonly RouterFactory[];
  /** Runs after migrations, before the server listens (demo data, scheduled jobs). */
  beforeListen?: (deps: AppDeps) => Promise<void>;
  /** false: no scheduled jobs (tests that drive them with a fixed clock). */
  jobs?: boolean;
}

export async function startProduct(
  config: Config,
  log: Logger,
  options: StartOptions = {},
): Promise<Product> {
  const ruleSets = await loadRuleSets(config);
  for (const gap of calendarGaps(ruleSets.values(), yearsAhead(Date.now(), config.zone)))
    log.warn({ ...gap }, describeGap(gap));
  const { conf, questdb } = await reachQuestDB(config, log);
  try {
    const { connection, store } = await openStore(conf, log);
    const { deps, adminToken, snapshots } = await buildDeps(config, log, { store, ruleSets, questdb });
    await options.beforeListen?.(deps);
    const attributionReady = repairAttribution(deps.writer, log);
    // After the demo load, so the first catch-up (case opening, ledger, disclosure) sees data.
    const jobs = options.jobs === false ? undefined : startJobs(deps, { after: attributionReady });
    const server = await listen(createApp(deps, options.routers ?? []), config);
    const background = startBackground(deps, connection, attributionReady);
    const addr = server.address();
    const port = typeof addr === 'object' && addr ? addr.port : config.port;
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
    let stopping: Promise<void> | undefined;
    const stop = () => {
      stopping ??= shutdown({ jobs, server, deps, background, snapshots, questdb });
      return stopping;
    };
    const { writer } = deps;
    return { url, port, adminToken, store, writer, questdb, deps, snapshots, stop };
  } catch (err) {
    await questdb?.stop();
    throw err;
  }
}

/** The configured QuestDB, or the bundled one started (and supervised) on the data folder. */
async function reachQuestDB(
  config: Config,
  log: Logger,
): Promise<{ conf: string; questdb: SupervisedQuestDB | undefined }> {
  if (config.qdbClientConf) return { conf: config.qdbClientConf, questdb: undefined };
  const options = {
    dataDir: join(config.dataDir, 'questdb'),
    cacheDir: config.qdbCacheDir,
    heap: config.qdbHeap,
  };
  const first = await startLocalQuestDB({
    ...options,
    httpPort: config.qdbHttpPort,
    pgPort: config.qdbPgPort,
  });
  // Restarted on the ports it first took, so every connection made to it stays valid.
  const questdb = superviseQuestDB(
    first,
    () => startLocalQuestDB({ ...options, httpPort: first.httpPort, pgPort: first.pgPort }),
    log,
  );
  log.info(
    { http: questdb.httpUrl, pgPort: questdb.pgPort, dataDir: questdb.dataDir },
    'local QuestDB started',
  );
  return { conf: questdb.clientConf, questdb };
}

/** The store on QuestDB once it answers, its tables migrated. */
async function openStore(conf: string, log: Logger): Promise<{ connection: Connection; store: Store }> {
  const connection = parseClientConf(conf);
  await waitReady(connection, 60_000);
  const store = createStore(connection);
  const applied = await migrate(store);
  if (applied.length > 0) log.info({ applied }, 'migrations applied');
  return { connection, store };
}

/** What the app, the jobs and the metrics share: the writer (its spool replayed), tokens, flags of now. */
async function buildDeps(
  config: Config,
  log: Logger,
  opened: {
    store: Store;
    ruleSets: Map<string, CompiledRuleSet>;
    questdb: SupervisedQuestDB | undefined;
  },
): Promise<{ deps: AppDeps; adminToken: string; snapshots: SnapshotKeeper }> {
  const { store, ruleSets, questdb } = opened;
  const { assets, writer } = await openWriter(config, store, log);
  const { tokens, adminToken } = tokenRegistry(config);
  const live = new LiveHub();
  const currentFlags = new CurrentFlags(store, ruleSets, config.zone, Date.now, config.ruleSet);
  const snapshots = keepGrafanaSnapshots(config, log, { store, ruleSets, currentFlags });
  const deps: AppDeps = {
    config,
    log,
    store,
    writer,
    assets,
    tokens,
    ruleSets,
    live,
    currentFlags,
    ...(questdb ? { questdb } : {}),
  };
  return { deps, adminToken, snapshots };
}

/** The configured tokens, and the admin's (generated for this run when none is configured). */
function tokenRegistry(config: Config): { tokens: TokenRegistry; adminToken: string } {
  const tokens = new TokenRegistry({ key: config.session.key, hours: config.session.hours });
  const adminToken = config.adminToken ?? randomBytes(24).toString('base64url');
  tokens.add(adminToken, ['admin'], 'admin');
  for (const t of config.tokens) tokens.add(t.token, [t.role], t.name);
  return { tokens, adminToken };
}

/** Grafana's view of the flags and reliability (ops/grafana), written after each full evaluation. */
function keepGrafanaSnapshots(
  config: Config,
  log: Logger,
  o: { store: Store; ruleSets: Map<string, CompiledRuleSet>; currentFlags: CurrentFlags },
): SnapshotKeeper {
  return keepSnapshots({
    store: o.store,
    evaluations: o.currentFlags,
    ruleSets: o.ruleSets,
    zone: config.zone,
    onWritten: (s) => {
      const summary = { asOf: new Date(s.asOf).toISOString(), flags: s.flags, reliability: s.reliability };
      if (s.reliabilityError)
        log.warn({ ...summary, err: s.reliabilityError }, 'snapshot written without reliability');
      else if (!s.visible)
        log.warn(summary, 'snapshot rows not readable in time; its run was recorded regardless');
      else log.info(summary, 'snapshot written');
    },
    onError: (err) =>
      log.warn({ err: String(err) }, 'snapshot not written; the next full evaluation writes one'),
  });
}

/**
 * A crash between an outage's rows and its attribution rows (or an upgrade from before they
 * were kept) is put right before anything is counted: the first full flag evaluation and the
 * start-up catch-up wait for it, the API does not.
 */
function repairAttribution(writer: Writer, log: Logger): Promise<void> {
  return writer.repairReach().then(
    () => undefined,
    (err: unknown) => log.error({ err: String(err) }, 'attribution repair failed'),
  );
}

function listen(app: Express, config: Config): Promise<Server> {
  return new Promise((resolve, reject) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
    s.once('error', reject);
  });
}

/** What runs beside the server once it listens; stopped in the order it is listed. */
interface Background {
  stop(): Promise<void>;
}

/** The flags of now kept fresh, the stale sweep, and the delivery of outage notices. */
function startBackground(deps: AppDeps, connection: Connection, attributionReady: Promise<void>): Background {
  const { config, log, writer } = deps;
  const refresher = startFlagRefresh(deps.currentFlags, config.zone, log, { after: attributionReady });
  // Whatever the writer stores (ingest, spool replay, re-attribution) names the assets whose
  // flags it may change.
  const stopTouching = writer.onAttributed((ids) => refresher.touched(ids));
  const sweep = startStaleSweep(deps.store, connection, log, productMetrics(deps).jobs);
  // Outage notices (issue 17): the delivery worker runs beside ingest, from what is stored,
  // looking soon after each write; ingest never waits for it.
  const notices = config.notices.enabled ? startNotices(deps) : undefined;
  const stopNoticePokes = notices ? writer.onAttributed(() => notices.poke()) : () => undefined;
  return {
    async stop() {
      stopTouching();
      refresher.stop();
      sweep.stop();
      stopNoticePokes();
      await notices?.stop();
    },
  };
}

/** The shutdown: stop accepting, finish requests, drain the writer, stop QuestDB. */
async function shutdown(running: {
  jobs: Jobs | undefined;
  server: Server;
  deps: AppDeps;
  background: Background;
  snapshots: SnapshotKeeper;
  questdb: SupervisedQuestDB | undefined;
}): Promise<void> {
  const { server, deps } = running;
  running.jobs?.stop();
  // Stop accepting, end the event streams (they never end by themselves), let requests finish.
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  deps.live.close();
  await running.background.stop();
  await running.snapshots.stop();
  server.closeIdleConnections();
  await closed;
  await deps.writer.close();
  await running.questdb?.stop();
}
