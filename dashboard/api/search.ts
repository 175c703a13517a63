// GET /api/v1/search?q&limit: the header search box's answers (assets and cases), strongest first.

import { type RequestHandler, Router } from 'express';
import { MAX_QUERY_CHARS, searchAll } from '../../analytics/search/index.js';
import type { Role } from '../../core/index.js';
import type { Store } from '../../store/index.js';
import { intParam, textParam } from './query-params.js';

export interface SearchDeps {
  store: Store;
  requireRole: (role: Role) => RequestHandler;
}

export function searchRouter(deps: SearchDeps): Router {
  const router = Router();
  router.get('/search', deps.requireRole('operator'), async (req, res) => {
    const q = textParam(req.query['q'], 'q', MAX_QUERY_CHARS) ?? '';
    const limit = intParam(req.query['limit'], 'limit', 1, 100, 20);
    res.json({ q, rows: await searchAll(deps.store, { text: q, limit }) });
  });
  return router;
}
