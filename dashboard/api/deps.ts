// What the routers are made with, and how a route's named handler gets it: each router makes
// its context once (the deps with its caches and query schemas) and binds its handlers to it,
// then lists its routes one line each (`router.get(path, read, on(handler))`).

import { type Request, type RequestHandler, type Response, Router } from 'express';
import type { Role } from '../../core/index.js';
import type { Store } from '../../store/index.js';
import type { RuleSets } from './query/index.js';

/** A router that reads the store. */
export interface ReadDeps {
  store: Store;
  /** the operating zone: days, months and years are counted in it */
  zone: string;
  requireRole: (role: Role) => RequestHandler;
  now?: () => number;
}

/** A router whose routes take a rule set (`ruleSet`, the default one when none is named). */
export interface RuleSetDeps extends ReadDeps, RuleSets {}

/** A route's handler: the router's context, then express's request and response. */
export type Handler<C> = (c: C, req: Request, res: Response) => void | Promise<void>;

/** Binds named handlers to a router's context. */
export const handlersOf =
  <C>(c: C) =>
  (handler: Handler<C>): RequestHandler =>
  (req, res) =>
    handler(c, req, res);

export interface OperatorRoutes<C> {
  router: Router;
  /** the operator role, which the router's reading routes require */
  read: RequestHandler;
  /** a named handler bound to the router's context */
  on: (handler: Handler<C>) => RequestHandler;
}

/** How an operator router begins: a router, the operator role, its handlers bound to `context`. */
export function operatorRoutes<C>(deps: Pick<ReadDeps, 'requireRole'>, context: C): OperatorRoutes<C> {
  return { router: Router(), read: deps.requireRole('operator'), on: handlersOf(context) };
}
