import { type RequestHandler, Router } from 'express';
import { activeOutages, listRejects, outageHistory } from '../../analytics/outages/index.js';
import type { Role } from '../../core/index.js';
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
