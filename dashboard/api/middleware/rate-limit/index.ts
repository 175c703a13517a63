// A fixed one-minute window per client, then 429 with Retry-After until the window turns.
// Only a valid token is a client of its own: a request with no token, or with one that is not
// known, counts against its address, and failed authentication has a stricter limit of its
// own (made-up tokens must not buy fresh budgets, nor guesses go unthrottled).

import type { Request, RequestHandler } from 'express';
import { HttpError } from '../../../../core/index.js';
import { cookieValue, SESSION_COOKIE, type TokenRegistry } from '../auth/index.js';

export interface RateLimitOptions {
  perMinute: number;
  /** Requests per address and minute that carry a token not known (default a twentieth, ≥ 5). */
  failedPerMinute?: number;
  /** Known tokens (absent: every request is keyed by its address). */
  tokens?: TokenRegistry;
  clock?: () => number;
}

function bearer(req: Request): string | undefined {
  const header = req.get('authorization');
  if (header === undefined) return undefined;
  return /^Bearer\s+(\S+)$/i.exec(header)?.[1] ?? '';
}

export function rateLimit(options: RateLimitOptions): RequestHandler {
  const { perMinute, tokens } = options;
  const failedPerMinute = options.failedPerMinute ?? Math.max(5, Math.floor(perMinute / 20));
  const clock = options.clock ?? Date.now;
  let windowStart = 0;
  let counts = new Map<string, number>();
  return (req, _res, next) => {
    const now = clock();
    if (now - windowStart >= 60_000) {
      windowStart = now - (now % 60_000);
      counts = new Map();
    }
    // req.ip is the socket's address unless a proxy is trusted (OUTAGE_TRUST_PROXY).
    const address = req.ip ?? req.socket.remoteAddress ?? '';
    const token = tokens ? bearer(req) : undefined;
    let key = `a:${address}`;
    let limit = perMinute;
    if (token !== undefined && tokens) {
      if (token !== '' && tokens.rolesOf(token)) key = `t:${token}`;
      else {
        key = `f:${address}`;
        limit = failedPerMinute;
      }
    } else if (tokens) {
      // A browser signed in with a session cookie is the client of its token, as with the header.
      const cookie = cookieValue(req.get('cookie'), SESSION_COOKIE);
      const claims = cookie === undefined ? undefined : tokens.sessions.verify(cookie, now);
      if (claims && tokens.identifyById(claims.tokenId)) key = `t:session ${claims.tokenId}`;
    }
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    if (n > limit) {
      const wait = Math.ceil((windowStart + 60_000 - now) / 1000);
      next(new HttpError(429, 'too many requests; slow down', { headers: { 'Retry-After': String(wait) } }));
      return;
    }
    next();
  };
}
