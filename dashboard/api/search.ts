// GET /api/v1/search?q&limit: the header search box's answers (assets and cases), strongest first.

import { type Request, type RequestHandler, type Response, Router } from 'express';
import { searchAll } from '../../analytics/search/index.js';
import type { Role } from '../../core/index.js';
import type { Store } from '../../store/index.js';
import { handlersOf } from './deps.js';
import { parseQuery, searchQuery } from './query/index.js';

export interface SearchDeps {
  store: Store;
  requireRole: (role: Role) => RequestHandler;
}

async function search(deps: SearchDeps, req: Request, res: Response): Promise<void> {
  const { q = '', limit } = parseQuery(searchQuery, req.query);
  res.json({ q, rows: await searchAll(deps.store, { text: q, limit }) });
}

export function searchRouter(deps: SearchDeps): Router {
  const on = handlersOf(deps);
  const router = Router();
  router.get('/search', deps.requireRole('operator'), on(search));
  return router;
}
