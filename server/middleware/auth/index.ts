// Bearer tokens with roles. Tokens are kept only as SHA-256 digests and compared in constant
// time; every route states the role it needs, and `admin` holds them all.

import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { HttpError } from '../../../core/index.js';
import type { Role } from '../../config.js';

declare module 'express-serve-static-core' {
  interface Request {
    roles?: ReadonlySet<Role>;
  }
}

// A planner also reads what operators read; admin holds every role.
const IMPLIED: Record<Role, Role[]> = {
  admin: ['admin', 'planner', 'operator', 'ingest'],
  planner: ['planner', 'operator'],
  operator: ['operator'],
  ingest: ['ingest'],
};

const digest = (token: string): Buffer => createHash('sha256').update(token).digest();

export class TokenRegistry {
  private readonly entries: { hash: Buffer; roles: Set<Role> }[] = [];

  add(token: string, roles: readonly Role[]): void {
    this.entries.push({ hash: digest(token), roles: new Set(roles.flatMap((r) => IMPLIED[r])) });
  }

  /** The roles of a token, or undefined. Every entry is compared, so timing says nothing. */
  rolesOf(token: string): ReadonlySet<Role> | undefined {
    const h = digest(token);
    let found: Set<Role> | undefined;
    for (const e of this.entries) if (timingSafeEqual(e.hash, h) && !found) found = e.roles;
    return found;
  }
}

/** Requires a bearer token holding `role`. */
export function requireRole(tokens: TokenRegistry, role: Role): RequestHandler {
  return (req, _res, next) => {
    const header = req.get('authorization') ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m?.[1]) {
      next(new HttpError(401, 'a bearer token is required', { headers: { 'WWW-Authenticate': 'Bearer' } }));
      return;
    }
    const roles = tokens.rolesOf(m[1]);
    if (!roles) {
      next(new HttpError(401, 'unknown token', { headers: { 'WWW-Authenticate': 'Bearer' } }));
      return;
    }
    if (!roles.has(role)) {
      next(new HttpError(403, `this token lacks the ${role} role`));
      return;
    }
    req.roles = roles;
    next();
  };
}
