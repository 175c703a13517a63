import type { RequestHandler } from 'express';
import { HttpError } from '../../../core/index.js';

/**
 * A fixed one-minute window per client (the bearer token when there is one, else the
 * address): past `perMinute` requests, 429 with Retry-After until the window turns.
 */
export function rateLimit(perMinute: number, clock: () => number = Date.now): RequestHandler {
  let windowStart = 0;
  let counts = new Map<string, number>();
  return (req, _res, next) => {
    const now = clock();
    if (now - windowStart >= 60_000) {
      windowStart = now - (now % 60_000);
      counts = new Map();
    }
    const auth = req.get('authorization');
    const key = auth ? `t:${auth.slice(-24)}` : `a:${req.ip ?? ''}`;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    if (n > perMinute) {
      const wait = Math.ceil((windowStart + 60_000 - now) / 1000);
      next(new HttpError(429, 'too many requests; slow down', { headers: { 'Retry-After': String(wait) } }));
      return;
    }
    next();
  };
}
