// GET /assets?asOf&kind: each asset as it stood at a time (for maps and tables);
// GET /boundaries: the region-boundary GeoJSON the utility supplies (the demo writes one).

import { existsSync, readFileSync } from 'node:fs';
import { type Request, type Response, Router } from 'express';
import { readAssetsAsOf } from '../../analytics/outages/index.js';
import { HttpError } from '../../core/index.js';
import { sql } from '../../store/index.js';
import { handlersOf, type ReadDeps } from './deps.js';
import { assetsQuery, parseQuery } from './query/index.js';
import { sendRows } from './respond.js';

export interface AssetsRouterDeps extends ReadDeps {
  boundariesFile: string;
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

type Assets = AssetsRouterDeps & { query: ReturnType<typeof assetsQuery> };

/** GET /assets: each asset as it stood at a time. */
async function listAssets(c: Assets, req: Request, res: Response): Promise<void> {
  const q = parseQuery(c.query, req.query);
  const asOf = q.asOf ?? (c.now ?? Date.now)();
  const assets = await readAssetsAsOf(c.store, asOf, q.kind ? sql`kind = ${q.kind}` : sql`true`);
  const rows = assets.map((a) => ({ ...a, validFrom: new Date(a.validFrom).toISOString() }));
  sendRows(req, res, rows, ASSET_COLUMNS, { asOf: new Date(asOf).toISOString() });
}

/** GET /boundaries: the region-boundary GeoJSON as supplied. */
function sendBoundaries(c: Assets, _req: Request, res: Response): void {
  if (!existsSync(c.boundariesFile)) throw new HttpError(404, 'no region boundaries supplied');
  res.type('application/geo+json').send(readFileSync(c.boundariesFile));
}

export function assetsRouter(deps: AssetsRouterDeps): Router {
  const on = handlersOf<Assets>({ ...deps, query: assetsQuery(deps.zone) });
  const read = deps.requireRole('operator');
  const router = Router();
  router.get('/assets', read, on(listAssets));
  router.get('/boundaries', read, on(sendBoundaries));
  return router;
}
