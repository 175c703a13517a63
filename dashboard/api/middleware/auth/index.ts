// Bearer tokens with roles and a name. Tokens are kept only as SHA-256 digests and compared in
// constant time; every route states the role it needs, and `admin` holds them all. The name
// is who acts (the actor of a case change): given with the token, or its role and the first
// digits of its digest, which name it without revealing it. A browser signs in once and then
// carries a session cookie instead of the token (session.ts); a change made with the cookie
// needs its CSRF token too.

import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { HttpError } from '../../../../core/index.js';
import type { Role } from '../../../../core/index.js';
import { CSRF_HEADER, cookieValue, SESSION_COOKIE, SessionSigner } from './session.js';

export * from './session.js';

declare module 'express-serve-static-core' {
  interface Request {
    roles?: ReadonlySet<Role>;
    /** the name of the token that authenticated the request */
    identity?: string;
    /** one key per token, whether it came as a bearer header or a session cookie */
    authKey?: string;
  }
}

// A planner also reads what operators read; admin holds every role.
const IMPLIED: Record<Role, Role[]> = {
  admin: ['admin', 'planner', 'operator', 'ingest', 'notices', 'metrics'],
  planner: ['planner', 'operator'],
  notices: ['notices', 'operator'],
  operator: ['operator'],
  metrics: ['metrics'],
  ingest: ['ingest'],
};

const digest = (token: string): Buffer => createHash('sha256').update(token).digest();

export interface Identity {
  name: string;
  roles: ReadonlySet<Role>;
}

export interface SessionOptions {
  /** signs session cookies; absent, a random key (sessions end with the process) */
  key?: string | undefined;
  /** how long a session lasts (default 12 h: a shift and its handover) */
  hours?: number;
}

export class TokenRegistry {
  private readonly entries: { hash: Buffer; identity: Identity }[] = [];
  readonly sessions: SessionSigner;

  constructor(sessions: SessionOptions = {}) {
    this.sessions = new SessionSigner(sessions.key, sessions.hours ?? 12);
  }

  add(token: string, roles: readonly Role[], name?: string): void {
    const hash = digest(token);
    const named = name ?? `${roles[0] ?? 'token'}-${hash.toString('hex').slice(0, 8)}`;
    this.entries.push({ hash, identity: { name: named, roles: new Set(roles.flatMap((r) => IMPLIED[r])) } });
  }

  /** Who a token is, or undefined. Every entry is compared, so timing says nothing. */
  identify(token: string): Identity | undefined {
    const h = digest(token);
    let found: Identity | undefined;
    for (const e of this.entries) if (timingSafeEqual(e.hash, h) && !found) found = e.identity;
    return found;
  }

  /** The id a session cookie names a token by: the first half of its digest, hex. */
  static idOf(token: string): string {
    return digest(token).subarray(0, 16).toString('hex');
  }

  /** Who the token with this id is, or undefined (compared like identify). */
  identifyById(tokenId: string): Identity | undefined {
    const wanted = Buffer.from(tokenId, 'hex');
    if (wanted.length !== 16) return undefined;
    let found: Identity | undefined;
    for (const e of this.entries)
      if (timingSafeEqual(e.hash.subarray(0, 16), wanted) && !found) found = e.identity;
    return found;
  }

  /** The roles of a token, or undefined. */
  rolesOf(token: string): ReadonlySet<Role> | undefined {
    return this.identify(token)?.roles;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

type Authenticated = { identity: Identity; key: string } | HttpError;

const unauthorized = (message: string) =>
  new HttpError(401, message, { headers: { 'WWW-Authenticate': 'Bearer' } });

/** Who a request is: by its bearer token, or else by its session cookie (and CSRF token on writes). */
function authenticate(tokens: TokenRegistry, req: Parameters<RequestHandler>[0]): Authenticated {
  const header = req.get('authorization');
  if (header !== undefined) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    const identity = m?.[1] ? tokens.identify(m[1]) : undefined;
    if (!m?.[1]) return unauthorized('a bearer token is required');
    return identity ? { identity, key: header } : unauthorized('unknown token');
  }
  const cookie = cookieValue(req.get('cookie'), SESSION_COOKIE);
  if (cookie === undefined) return unauthorized('a bearer token or a session is required');
  const claims = tokens.sessions.verify(cookie, Date.now());
  const identity = claims && tokens.identifyById(claims.tokenId);
  if (!claims || !identity)
    return unauthorized('the session has expired or is no longer valid: sign in again');
  if (!SAFE_METHODS.has(req.method) && !tokens.sessions.csrfMatches(cookie, req.get(CSRF_HEADER)))
    return new HttpError(
      403,
      `a change made with a session cookie needs the ${CSRF_HEADER} header the session gave`,
    );
  return { identity, key: `session ${claims.tokenId}` };
}

/** A token holding `role` (or, given a list, any of its roles) passes. */
export function requireRole(tokens: TokenRegistry, role: Role | readonly Role[]): RequestHandler {
  const wanted: readonly Role[] = typeof role === 'string' ? [role] : role;
  return (req, _res, next) => {
    const who = authenticate(tokens, req);
    if (who instanceof HttpError) {
      next(who);
      return;
    }
    const { identity } = who;
    const roles = identity.roles;
    if (!wanted.some((r) => roles.has(r))) {
      next(new HttpError(403, `this token lacks the ${wanted.join(' or ')} role`));
      return;
    }
    req.roles = roles;
    req.identity = identity.name;
    req.authKey = who.key;
    next();
  };
}
