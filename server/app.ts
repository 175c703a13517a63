// The express application: middleware in a fixed order, each feature's router mounted under
// /api/v1, health checks, and the one error handler last. No listening here (tests use it
// in-process); see runtime.ts for the process around it.

import { join } from 'node:path';
import express, { type Router } from 'express';
import type { CurrentFlags } from '../analytics/flags/index.js';
import { calendarGaps, type CompiledRuleSet, describeGap, yearsAhead } from '../analytics/rules/index.js';
import type { LiveHub } from '../dashboard/api/live.js';
import { publicPages } from '../dashboard/public-pages/index.js';
import { dashboardPages } from '../dashboard/api/static.js';
import type { AssetDirectory, Store, SupervisedQuestDB, Writer } from '../store/index.js';
import type { Config } from './config.js';
import type { Logger } from './log.js';
import { requireRole, type TokenRegistry } from '../dashboard/api/middleware/auth/index.js';
import { productMetrics } from './metrics/index.js';
import { rateLimit } from '../dashboard/api/middleware/rate-limit/index.js';
import { errorHandler, notFoundHandler } from '../dashboard/api/middleware/errors/index.js';
import { requestLog } from '../dashboard/api/middleware/request-log/index.js';
import { refuseControlCharacters } from '../dashboard/api/middleware/input/index.js';
import { securityHeaders } from '../dashboard/api/middleware/security/index.js';

export interface AppDeps {
  config: Config;
  log: Logger;
  store: Store;
  writer: Writer;
  assets: AssetDirectory;
  tokens: TokenRegistry;
  /** Every loaded rule set by name; config.ruleSet names the default. */
  ruleSets: ReadonlyMap<string, CompiledRuleSet>;
  /** Server-sent events to open dashboards. */
  live: LiveHub;
  /** Flags as of now, kept current. */
  currentFlags: CurrentFlags;
  /** The bundled QuestDB when the product runs its own (supervised: restarted after a crash). */
  questdb?: Pick<SupervisedQuestDB, 'restarts' | 'running' | 'lastExit'>;
}

export type RouterFactory = (deps: AppDeps) => Router;

export function createApp(deps: AppDeps, routers: readonly RouterFactory[] = []): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // X-Forwarded-For is believed only from the proxies configured (none by default).
  app.set('trust proxy', deps.config.trustProxy ?? false);
  app.use(requestLog(deps.log));
  const metrics = productMetrics(deps);
  app.use(metrics.http);
  app.use(securityHeaders(deps.config.corsOrigin));
  app.use(refuseControlCharacters());

  // The process is alive and serving: what an orchestrator restarts on. Not the database:
  // while QuestDB is down the spool absorbs ingest, and a restart would only lose that.
  app.get('/livez', (_req, res) => {
    res.json({ status: 'alive', uptimeSeconds: Math.round(process.uptime()) });
  });
  // 200 only while the database answers: load balancers route on it.
  app.get('/healthz', async (_req, res) => {
    const up = await deps.store.ping();
    res.status(up ? 200 : 503).json({ status: up ? 'ok' : 'database unreachable' });
  });
  app.get('/readyz', async (_req, res) => {
    const up = await deps.store.ping();
    const spool = deps.writer.spoolDepth;
    const bundled = deps.questdb && {
      running: deps.questdb.running,
      restarts: deps.questdb.restarts,
      lastExit: deps.questdb.lastExit ? new Date(deps.questdb.lastExit.at).toISOString() : null,
    };
    const gaps = calendarGaps(deps.ruleSets.values(), yearsAhead(Date.now(), deps.config.zone)).map(
      describeGap,
    );
    res.status(up ? 200 : 503).json({
      database: up,
      spoolDepth: spool,
      ...(bundled ? { bundledQuestDB: bundled } : {}),
      ...(gaps.length > 0 ? { calendarGaps: gaps } : {}),
    });
  });

  // A scraper's token (metrics) or anyone who reads (operator and above).
  app.get('/metrics', requireRole(deps.tokens, ['metrics', 'operator']), async (_req, res) => {
    res.type(metrics.contentType).send(await metrics.scrape());
  });

  // Public disclosure pages: anonymous, with a stricter rate limit than the API.
  app.use(
    '/public',
    rateLimit({ perMinute: Math.max(1, Math.floor(deps.config.rateLimit / 10)) }),
    publicPages({
      store: deps.store,
      zone: deps.config.zone,
      ruleSet: deps.ruleSets.get(deps.config.ruleSet),
      // Disclosures are frozen for the sets with count rules (server/jobs).
      ruleSets: [...deps.ruleSets.values()].filter((r) => r.countRules.length > 0),
      boundariesFile: join(deps.config.dataDir, 'boundaries.geojson'),
      report: { hotline: deps.config.publicHotline, url: deps.config.publicReportUrl },
    }),
  );

  app.use('/api/v1', rateLimit({ perMinute: deps.config.rateLimit, tokens: deps.tokens }));
  // API answers are for the one who asked (tokens, live data): no cache keeps them.
  app.use('/api/v1', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  for (const make of routers) app.use('/api/v1', make(deps));
  // The dashboard (static files; its data comes from the API above).
  app.use(dashboardPages());
  app.use(notFoundHandler);
  app.use(errorHandler(deps.log));
  return app;
}
