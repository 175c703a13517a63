// Bearer tokens with roles and a name. Tokens are kept only as SHA-256 digests and compared in
// constant time; every route states the role it needs, and `admin` holds them all. The name
// is who acts (the actor of a case change): given with the token, or its role and the first
// digits of its digest, which name it without revealing it.

import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { HttpError } from '../../../core/index.js';
import type { Role } from '../../config.js';

declare module 'express-serve-static-core' {
  interface Request {
    roles?: ReadonlySet<Role>;
    /** the name of the token that authenticated the request */
    identity?: string;
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

export class TokenRegistry {
  private readonly entries: { hash: Buffer; identity: Identity }[] = [];

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

  /** The roles of a token, or undefined. */
  rolesOf(token: string): ReadonlySet<Role> | undefined {
    return this.identify(token)?.roles;
  }
}

/** Requires a bearer token holding `role`. */
/** A token holding `role` (or, given a list, any of its roles) passes. */
export function requireRole(tokens: TokenRegistry, role: Role | readonly Role[]): RequestHandler {
  const wanted: readonly Role[] = typeof role === 'string' ? [role] : role;
  return (req, _res, next) => {
    const header = req.get('authorization') ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m?.[1]) {
      next(new HttpError(401, 'a bearer token is required', { headers: { 'WWW-Authenticate': 'Bearer' } }));
      return;
    }
    const identity = tokens.identify(m[1]);
    const roles = identity?.roles;
    if (!identity || !roles) {
      next(new HttpError(401, 'unknown token', { headers: { 'WWW-Authenticate': 'Bearer' } }));
      return;
    }
    if (!wanted.some((r) => roles.has(r))) {
      next(new HttpError(403, `this token lacks the ${wanted.join(' or ')} role`));
      return;
    }
    req.roles = roles;
    req.identity = identity.name;
    next();
  };
}
