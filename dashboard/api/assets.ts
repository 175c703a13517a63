// GET /assets?asOf&kind: each asset as it stood at a time (for maps and tables);
// GET /boundaries: the region-boundary GeoJSON the utility supplies (the demo writes one).

import { existsSync, readFileSync } from 'node:fs';
import { type RequestHandler, Router } from 'express';
import { readAssetsAsOf } from '../../analytics/outages/index.js';
import { HttpError, type Role } from '../../core/index.js';
import { type Store, sql } from '../../store/index.js';
import { textParam, timeParam } from './query-params.js';
import { sendRows } from './respond.js';

export interface AssetsRouterDeps {
  store: Store;
  zone: string;
  boundariesFile: string;
  requireRole: (role: Role) => RequestHandler;
  now?: () => number;
}

export const ASSET_COLUMNS = [
  'assetId',
  'kind',
  'name',
  'feederId',
  'substation',
  'code',
  'province',
  'city',
  'county',
  'park',
  'areaClass',
  'customers',
  'transformers',
  'enterpriseCustomers',
  'importantUser',
  'lat',
  'lon',
  'validFrom',
];

export function assetsRouter(deps: AssetsRouterDeps): Router {
  const router = Router();
  const now = deps.now ?? Date.now;
  const read = deps.requireRole('operator');

  router.get('/assets', read, async (req, res) => {
    const asOf = timeParam(req.query['asOf'], 'asOf', deps.zone, now());
    const kind = textParam(req.query['kind'], 'kind');
    if (kind !== undefined && kind !== 'feeder' && kind !== 'area') {
      throw new HttpError(400, 'invalid kind', {
        issues: [{ path: 'kind', message: `expected feeder or area (got "${kind}")` }],
      });
    }
    const assets = await readAssetsAsOf(deps.store, asOf, kind ? sql`kind = ${kind}` : sql`true`);
    const rows = assets.map((a) => ({ ...a, validFrom: new Date(a.validFrom).toISOString() }));
    sendRows(req, res, rows, ASSET_COLUMNS, { asOf: new Date(asOf).toISOString() });
  });

  router.get('/boundaries', read, (_req, res) => {
    if (!existsSync(deps.boundariesFile)) throw new HttpError(404, 'no region boundaries supplied');
    res.type('application/geo+json').send(readFileSync(deps.boundariesFile));
  });
  return router;
}
