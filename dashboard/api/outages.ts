// The outages: ongoing, one's versions, planned ones repeated on a feeder or area, the kept
// rejects, and a storm's restoration curve and export (outages/storm.ts), under /api/v1
// (operator).

import type { Request, Response, Router } from 'express';
import { activeOutages, listRejects, outageHistory, repeatedPlanned } from '../../analytics/outages/index.js';
import { HttpError } from '../../core/index.js';
import { operatorRoutes, type ReadDeps } from './deps.js';
import { type Outages, outagesContext } from './outages/context.js';
import { exportStorm, showCurve } from './outages/storm.js';
import { parseQuery, QueryReader } from './query/index.js';
import { textParam } from './query-params.js';
import { sendRows } from './respond.js';

export type ReadRouterDeps = ReadDeps;

const DAY_MS = 86_400_000;

/** GET /outages/active: ongoing outages with customers still out, and how many in all. */
async function listActive(c: Outages, req: Request, res: Response): Promise<void> {
  const asOf = parseQuery(c.queries.asOf, req.query).asOf ?? c.now();
  const rows = await activeOutages(c.store, asOf, c.zone);
  const customersOut = rows.reduce((n, r) => n + r.customersOut, 0);
  sendRows(req, res, rows as unknown as Record<string, unknown>[], undefined, { asOf, customersOut });
}

/** GET /outages/:eventId/history: every version of an outage as received. */
async function listVersions(c: Outages, req: Request, res: Response): Promise<void> {
  const id = textParam(req.params['eventId'], 'eventId', 4096) ?? '';
  sendRows(req, res, await outageHistory(c.store, id, c.zone));
}

/**
 * GET /planned-outages/repeated: planned outages repeated on one feeder or area within a
 * window, candidates for merging (一停多用). The period is at most 3 years and defaults to the
 * 365 days before now.
 */
async function listRepeated(c: Outages, req: Request, res: Response): Promise<void> {
  const q = new QueryReader(c.queries.repeated, req.query);
  const to = q.get('to') ?? c.now();
  const from = q.get('from') ?? to - 365 * DAY_MS;
  if (!(from < to)) throw new HttpError(400, 'from must be before to');
  if (to - from > 3 * 366 * DAY_MS) throw new HttpError(400, 'the period is at most 3 years');
  const windowDays = q.get('windowDays');
  const runs = await repeatedPlanned(c.store, { from, to, windowDays, zone: c.zone });
  // CSV and Arrow carry one row per run, its outages' ids joined.
  const rows = runs.map((r) => ({ ...r, eventIds: r.outages.map((o) => o.eventId).join(';') }));
  const columns = ['assetId', 'kind', 'feederId', 'county', 'count', 'spanDays', 'eventIds'];
  sendRows(req, res, rows as unknown as Record<string, unknown>[], columns, { windowDays });
}

/** GET /rejects: rejected records, kept with their errors, newest first. */
async function listRejected(c: Outages, req: Request, res: Response): Promise<void> {
  const { kind, batchId, since, limit } = parseQuery(c.queries.rejects, req.query);
  const rows = await listRejects(
    c.store,
    {
      limit,
      ...(kind ? { kind } : {}),
      ...(batchId ? { batchId } : {}),
      ...(since !== undefined ? { since } : {}),
    },
    c.zone,
  );
  sendRows(req, res, rows);
}

export function outagesRouter(deps: ReadRouterDeps): Router {
  const { router, read, on } = operatorRoutes(deps, outagesContext(deps));
  router.get('/outages/curve', read, on(showCurve));
  router.get('/outages/export', read, on(exportStorm));
  router.get('/outages/active', read, on(listActive));
  router.get('/outages/:eventId/history', read, on(listVersions));
  router.get('/planned-outages/repeated', read, on(listRepeated));
  router.get('/rejects', read, on(listRejected));
  return router;
}
