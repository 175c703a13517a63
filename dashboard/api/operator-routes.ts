// How an operator router begins: a router, the operator role its routes require, and its named
// handlers bound to its context; the router then lists its routes, one line each
// (`router.get(path, read, on(handler))`).

import { type RequestHandler, Router } from 'express';
import { type Handler, handlersOf, type ReadDeps } from './deps.js';

export interface OperatorRoutes<C> {
  router: Router;
  /** the operator role, which every route of the router requires */
  read: RequestHandler;
  /** a named handler bound to the router's context */
  on: (handler: Handler<C>) => RequestHandler;
}

export function operatorRoutes<C>(deps: Pick<ReadDeps, 'requireRole'>, context: C): OperatorRoutes<C> {
  const on = handlersOf(context);
  const read = deps.requireRole('operator');
  return { router: Router(), read, on };
}
