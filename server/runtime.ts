// The running product: QuestDB (bundled or external), migrations, the writer, the HTTP server,
// and an orderly shutdown (stop accepting, finish requests, drain the writer, stop QuestDB).

import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { join } from 'node:path';
import {
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
import {
  calendarGaps,
  type CompiledRuleSet,
  describeGap,
  formatFileIssues,
  loadRuleDir,
  yearsAhead,
} from '../analytics/rules/index.js';
import { CurrentFlags } from '../analytics/flags/index.js';
import { keepSnapshots, type SnapshotKeeper } from '../analytics/snapshots/index.js';
import { LiveHub } from '../dashboard/api/live.js';
import { startFlagRefresh } from './flag-refresh.js';
import { openWriter } from './open-writer.js';
import { startJobs } from './jobs/index.js';
import { productMetrics } from './metrics/index.js';
import { startStaleSweep } from './stale-sweep.js';
import { startNotices } from './notices/start.js';
import { type Config, ConfigError } from './config.js';
import type { Logger } from './log.js';
import { TokenRegistry } from '../dashboard/api/middleware/auth/index.js';

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

/**
 * The rule sets in force: every file in the rules folder, checked once, or those OUTAGE_RULE_SETS
 * names (each evaluated in full at start and every night, so a deployment lists its own); the
 * configured default must be among them.
 */
export async function loadRuleSets(config: Config): Promise<Map<string, CompiledRuleSet>> {
  const loaded = await loadRuleDir(config.rulesDir);
  if (!loaded.ok) throw new ConfigError(`rule files are invalid:\n${formatFileIssues(loaded.issues)}`);
  let sets = new Map(loaded.value.map((s) => [s.name, s]));
  if (config.ruleSets !== undefined) {
    const missing = config.ruleSets.filter((n) => !sets.has(n));
    if (missing.length > 0) {
      const found = [...sets.keys()].join(', ');
      throw new ConfigError(
        `OUTAGE_RULE_SETS: no rule set ${missing.map((n) => `"${n}"`).join(', ')} in ${config.rulesDir} (found: ${found})`,
      );
    }
    sets = new Map(config.ruleSets.map((n) => [n, sets.get(n)!]));
  }
  if (!sets.has(config.ruleSet)) {
    const found = [...sets.keys()].join(', ');
    throw new ConfigError(
      `OUTAGE_RULE_SET: no rule set "${config.ruleSet}" in ${config.rulesDir} (found: ${found})`,
    );
  }
  return sets;
}

export async function startProduct(
  config: Config,
  log: Logger,
  options: StartOptions = {},
): Promise<Product> {
  const ruleSets = await loadRuleSets(config);
  for (const gap of calendarGaps(ruleSets.values(), yearsAhead(Date.now(), config.zone)))
    log.warn({ ...gap }, describeGap(gap));
  let questdb: SupervisedQuestDB | undefined;
  let conf = config.qdbClientConf;
  if (!conf) {
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
    questdb = superviseQuestDB(
      first,
      () => startLocalQuestDB({ ...options, httpPort: first.httpPort, pgPort: first.pgPort }),
      log,
    );
    conf = questdb.clientConf;
    log.info(
      { http: questdb.httpUrl, pgPort: questdb.pgPort, dataDir: questdb.dataDir },
      'local QuestDB started',
    );
  }
  try {
    const connection = parseClientConf(conf);
    await waitReady(connection, 60_000);
    const store = createStore(connection);
    const applied = await migrate(store);
    if (applied.length > 0) log.info({ applied }, 'migrations applied');
    const { assets, writer } = await openWriter(config, store, log);
    const tokens = new TokenRegistry({ key: config.session.key, hours: config.session.hours });
    const adminToken = config.adminToken ?? randomBytes(24).toString('base64url');
    tokens.add(adminToken, ['admin'], 'admin');
    for (const t of config.tokens) tokens.add(t.token, [t.role], t.name);
    const live = new LiveHub();
    const currentFlags = new CurrentFlags(store, ruleSets, config.zone, Date.now, config.ruleSet);
    // Grafana's view of the flags and reliability (ops/grafana), written after each full evaluation.
    const snapshots = keepSnapshots({
      store,
      evaluations: currentFlags,
      ruleSets,
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
    await options.beforeListen?.(deps);
    // A crash between an outage's rows and its attribution rows (or an upgrade from before they
    // were kept) is put right before anything is counted: the first full flag evaluation and the
    // start-up catch-up wait for it, the API does not.
    const attributionReady = writer.repairReach().then(
      () => undefined,
      (err: unknown) => log.error({ err: String(err) }, 'attribution repair failed'),
    );
    // After the demo load, so the first catch-up (case opening, ledger, disclosure) sees data.
    const jobs = options.jobs === false ? undefined : startJobs(deps, { after: attributionReady });
    const app = createApp(deps, options.routers ?? []);
    const server: Server = await new Promise((resolve, reject) => {
      const s = app.listen(config.port, config.host, () => resolve(s));
      s.once('error', reject);
    });
    const refresher = startFlagRefresh(currentFlags, config.zone, log, { after: attributionReady });
    // Whatever the writer stores (ingest, spool replay, re-attribution) names the assets whose
    // flags it may change.
    const stopTouching = writer.onAttributed((ids) => refresher.touched(ids));
    const sweep = startStaleSweep(store, connection, log, productMetrics(deps).jobs);
    // Outage notices (issue 17): the delivery worker runs beside ingest, from what is stored,
    // looking soon after each write; ingest never waits for it.
    const notices = config.notices.enabled ? startNotices(deps) : undefined;
    const stopNoticePokes = notices ? writer.onAttributed(() => notices.poke()) : () => undefined;
    const addr = server.address();
    const port = typeof addr === 'object' && addr ? addr.port : config.port;
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
    let stopping: Promise<void> | undefined;
    const stop = () => {
      stopping ??= (async () => {
        jobs?.stop();
        // Stop accepting, end the event streams (they never end by themselves), let requests finish.
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        live.close();
        stopTouching();
        refresher.stop();
        sweep.stop();
        stopNoticePokes();
        await notices?.stop();
        await snapshots.stop();
        server.closeIdleConnections();
        await closed;
        await writer.close();
        await questdb?.stop();
      })();
      return stopping;
    };
    return { url, port, adminToken, store, writer, questdb, deps, snapshots, stop };
  } catch (err) {
    await questdb?.stop();
    throw err;
  }
}
