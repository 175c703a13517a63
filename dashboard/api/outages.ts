import { type RequestHandler, Router } from 'express';
import { activeOutages, listRejects, outageHistory, repeatedPlanned } from '../../analytics/outages/index.js';
import { HttpError, type Role } from '../../core/index.js';
import type { Store } from '../../store/index.js';
import { intParam, textParam, timeParam } from './query-params.js';
import { sendRows } from './respond.js';

export interface ReadRouterDeps {
  store: Store;
  zone: string;
  requireRole: (role: Role) => RequestHandler;
  now?: () => number;
}

export function outagesRouter(deps: ReadRouterDeps): Router {
  const router = Router();
  const now = deps.now ?? Date.now;
  const read = deps.requireRole('operator');

  router.get('/outages/active', read, async (req, res) => {
    const asOf = timeParam(req.query['asOf'], 'asOf', deps.zone, now());
    const rows = await activeOutages(deps.store, asOf, deps.zone);
    const customersOut = rows.reduce((n, r) => n + r.customersOut, 0);
    sendRows(req, res, rows as unknown as Record<string, unknown>[], undefined, { asOf, customersOut });
  });

  router.get('/outages/:eventId/history', read, async (req, res) => {
    const id = textParam(req.params['eventId'], 'eventId', 4096) ?? '';
    sendRows(req, res, await outageHistory(deps.store, id, deps.zone));
  });

  // Planned outages repeated on one feeder or area within a window: candidates for merging
  // (一停多用). The period is at most 3 years and defaults to the 365 days before now.
  router.get('/planned-outages/repeated', read, async (req, res) => {
    const to = timeParam(req.query['to'], 'to', deps.zone, now());
    const from = timeParam(req.query['from'], 'from', deps.zone, to - 365 * 86_400_000);
    if (!(from < to)) throw new HttpError(400, 'from must be before to');
    if (to - from > 3 * 366 * 86_400_000) throw new HttpError(400, 'the period is at most 3 years');
    const windowDays = intParam(req.query['windowDays'], 'windowDays', 1, 366, 60);
    const runs = await repeatedPlanned(deps.store, { from, to, windowDays, zone: deps.zone });
    // CSV and Arrow carry one row per run, its outages' ids joined.
    const rows = runs.map((r) => ({ ...r, eventIds: r.outages.map((o) => o.eventId).join(';') }));
    const columns = ['assetId', 'kind', 'feederId', 'county', 'count', 'spanDays', 'eventIds'];
    sendRows(req, res, rows as unknown as Record<string, unknown>[], columns, { windowDays });
  });

  router.get('/rejects', read, async (req, res) => {
    const kind = textParam(req.query['kind'], 'kind');
    const batchId = textParam(req.query['batchId'], 'batchId');
    const since =
      req.query['since'] === undefined ? undefined : timeParam(req.query['since'], 'since', deps.zone);
    const rows = await listRejects(
      deps.store,
      {
        limit: intParam(req.query['limit'], 'limit', 1, 10_000, 1_000),
        ...(kind ? { kind } : {}),
        ...(batchId ? { batchId } : {}),
        ...(since !== undefined ? { since } : {}),
      },
      deps.zone,
    );
    sendRows(req, res, rows);
  });
  return router;
}
