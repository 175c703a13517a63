// outage_http_request_duration_seconds: how long each answer took, by method, route and status.
// The route is the express pattern that answered (`/api/v1/outages/:eventId/history`), never the
// path asked for, so a scraper sees a few series per route however many ids are requested.

import type { Request, RequestHandler } from 'express';
import { Histogram, type Registry } from 'prom-client';

/** The route label of an answer no route gave: static files, 404s, rate-limit 429s. */
export const UNMATCHED = 'unmatched';

/** Seconds; past 10 s for the exports and reliability statements of a province. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/** A route's full pattern: the path its router is mounted at, then its own. */
export function routePattern(baseUrl: string, path: unknown): string {
  const own = Array.isArray(path) ? path.map(String).join('|') : String(path);
  if (own === '/' && baseUrl !== '') return baseUrl;
  return `${baseUrl}${own}`;
}

/**
 * Notes the pattern of the route the router hands the request to, when it does. Reading
 * `req.route` once the answer is sent is not enough: a router puts its parent's base URL back
 * when an error leaves it, so the error handler's answer would name half the pattern. (A mount
 * path with parameters would give their values; none of ours has any.)
 */
function watchRoute(req: Request): () => string {
  let route: unknown;
  let pattern = UNMATCHED;
  Object.defineProperty(req, 'route', {
    configurable: true,
    enumerable: true,
    get: () => route,
    set(value: unknown) {
      route = value;
      const path = (value as { path?: unknown } | null | undefined)?.path;
      if (path !== undefined) pattern = routePattern(req.baseUrl ?? '', path);
    },
  });
  return () => pattern;
}

/** Registers the histogram; the middleware observes every answer once, sent or broken off. */
export function httpDurations(registry: Registry): RequestHandler {
  const duration = new Histogram({
    name: 'outage_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'],
    buckets: BUCKETS,
    registers: [registry],
  });
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const route = watchRoute(req);
    let observed = false;
    // 'close' alone for an event stream the client left, or a request it gave up on.
    const observe = () => {
      if (observed) return;
      observed = true;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      duration.observe({ method: req.method, route: route(), status: String(res.statusCode) }, seconds);
    };
    res.once('finish', observe);
    res.once('close', observe);
    next();
  };
}
