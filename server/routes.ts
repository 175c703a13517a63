import { sessionRouter } from '../dashboard/api/session.js';
import { join } from 'node:path';
import { Router } from 'express';
import { assetsRouter } from '../dashboard/api/assets.js';
import { dashboardDataRouter } from '../dashboard/api/dashboard-data.js';
import { reliabilityRouter } from '../dashboard/api/reliability.js';
import { flagsRouter } from '../dashboard/api/flags.js';
import { outagesRouter } from '../dashboard/api/outages.js';
import { plannedCheckRouter } from '../dashboard/api/planned-check.js';
import { prioritiesRouter } from '../dashboard/api/priorities.js';
import { remediationRouter } from '../dashboard/api/remediation.js';
import { searchRouter } from '../dashboard/api/search.js';
import { reportsRouter } from '../dashboard/api/reports.js';
import { subscriptionsRouter } from '../dashboard/api/subscriptions.js';
import { openApiRouter } from '../dashboard/api/openapi/index.js';
import { noticesKey } from './notices/key.js';
import { ingestRouter, spoolRouter } from '../ingest/http/index.js';
import { Ingestor } from '../ingest/pipeline/index.js';
import type { AppDeps, RouterFactory } from './app.js';
import type { Role } from '../core/index.js';
import { requireRole } from '../dashboard/api/middleware/auth/index.js';
import { walCaughtUp } from '../store/index.js';

/**
 * What the routers that read take: the store, the operating zone, the rule sets in force and the
 * default one, and the role check. A router takes the fields it declares.
 */
const readDeps = (d: AppDeps) => ({
  store: d.store,
  zone: d.config.zone,
  ruleSets: d.ruleSets,
  defaultRuleSet: d.config.ruleSet,
  requireRole: (role: Role) => requireRole(d.tokens, role),
});

/** Every feature's API router, in mount order. */
export const productRouters: readonly RouterFactory[] = [
  // The dashboard's sign-in: a token exchanged for a session cookie.
  (d) => sessionRouter({ tokens: d.tokens }),
  (d) =>
    ingestRouter({
      ingestor: new Ingestor({
        writer: d.writer,
        assets: d.assets,
        zone: d.config.zone,
        customersFactor: d.config.customersFactor,
        // A planned outage announced later than this before its start is accepted with a warning.
        plannedNoticeDays: d.ruleSets.get(d.config.ruleSet)?.reporting.plannedNoticeDays,
        onAccepted: (kind, records) => d.live.publish(kind, records.length),
      }),
      bodyLimitBytes: d.config.bodyLimitBytes,
      requireRole: (role) => requireRole(d.tokens, role),
      // Every table an ingest writes, the attribution rows included.
      waitVisible: (ms) =>
        walCaughtUp(
          d.store,
          ['assets', 'outages', 'outage_history', 'outage_areas', 'outage_reach', 'warnings', 'rejects'],
          ms,
        ),
    }),
  (d) => spoolRouter({ writer: d.writer, requireRole: (role) => requireRole(d.tokens, role) }),
  (d) => outagesRouter(readDeps(d)),
  (d) => plannedCheckRouter(readDeps(d)),
  (d) => searchRouter({ store: d.store, requireRole: (role) => requireRole(d.tokens, role) }),
  (d) => flagsRouter({ ...readDeps(d), current: d.currentFlags }),
  (d) => assetsRouter({ ...readDeps(d), boundariesFile: join(d.config.dataDir, 'boundaries.geojson') }),
  (d) => remediationRouter({ ...readDeps(d), writer: d.writer }),
  (d) =>
    dashboardDataRouter({
      ...readDeps(d),
      afterFullEvaluation: (listener) => d.currentFlags.onFullEvaluation(listener),
    }),
  (d) => reliabilityRouter(readDeps(d)),
  (d) => prioritiesRouter({ ...readDeps(d), rulesDir: d.config.rulesDir }),
  (d) => {
    const router = Router();
    // Server-sent events: one "ingest" event per accepted batch.
    // Keyed by the token requireRole accepted: one client, however many addresses it uses.
    router.get('/live', requireRole(d.tokens, 'operator'), (req, res) =>
      d.live.subscribe(req, res, req.authKey ?? ''),
    );
    // Who the token is: the dashboard shows and hides what the roles allow.
    router.get('/me', requireRole(d.tokens, 'operator'), (req, res) => {
      res.json({
        name: req.identity,
        roles: [...(req.roles ?? [])].sort(),
        zone: d.config.zone,
        ruleSet: d.config.ruleSet,
      });
    });
    return router;
  },
  (d) => reportsRouter(readDeps(d)),
  // Outage notices (issue 17): subscriptions for webhooks and e-mail; delivery is server/notices.
  (d) =>
    subscriptionsRouter({
      store: d.store,
      zone: d.config.zone,
      key: noticesKey(d.config.notices.key, d.config.dataDir),
      allowHttp: d.config.notices.allowHttp,
      email: d.config.notices.smtpUrl !== undefined,
      ruleSets: new Set(d.ruleSets.keys()),
      requireRole: (role) => requireRole(d.tokens, role),
    }),
  // GET /openapi.json: the API's description (OpenAPI 3.1), without a token: it reveals no data.
  () => openApiRouter(),
];
