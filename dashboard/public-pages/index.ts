import { Router } from 'express';
import type { Store } from '../../store/index.js';
import { livePage } from './live.js';

export interface PublicPagesDeps {
  store: Store;
  zone: string;
}

/** The anonymous public pages (mounted at /public): the only routes without a token. */
export function publicPages(deps: PublicPagesDeps): Router {
  const router = Router();
  const live = livePage({ store: deps.store, zone: deps.zone });
  router.get('/outages', live.html);
  router.get('/outages.json', live.json);
  return router;
}
