// Sessions that last across the tabs of a browser: a token, given once, is exchanged for an
// HttpOnly, SameSite=Strict cookie that expires. The cookie holds no secret of its own and no
// state is kept on the server: it names the token by the first half of its SHA-256 digest, says
// when it expires, and is signed (HMAC-SHA256) with the session key. Every request looks the
// token up again, so a token removed from the configuration ends its sessions at the next
// restart, and a renamed one acts under its new name.
//
// A cookie is sent by the browser whatever page asks, so a change made with one must also carry
// the CSRF token (X-CSRF-Token) that only the dashboard's own pages can read: an HMAC of the
// cookie's value under the same key, handed out by POST and GET /api/v1/session.

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'outage_session';
export const CSRF_HEADER = 'x-csrf-token';

/** What a valid cookie says. */
export interface SessionClaims {
  /** the first 16 bytes of the token's SHA-256 digest, hex */
  tokenId: string;
  /** milliseconds since the epoch */
  expiresAt: number;
}

const b64 = (b: Buffer | string): string => Buffer.from(b).toString('base64url');

export class SessionSigner {
  private readonly key: Buffer;
  readonly ttlMs: number;
  /**
   * Sessions signed out before they expire, by cookie value, with their expiry: a copy of a
   * signed-out cookie is refused too (in this process; a restart with a random key ends all).
   */
  private readonly revoked = new Map<string, number>();

  /** `key` absent: a random one, so sessions end when the process does. */
  constructor(key: string | undefined, ttlHours: number) {
    this.key = key === undefined ? randomBytes(32) : createHmac('sha256', key).update('session-v1').digest();
    this.ttlMs = Math.round(ttlHours * 3_600_000);
  }

  private mac(what: string, value: string): Buffer {
    return createHmac('sha256', this.key).update(`${what}\n${value}`).digest();
  }

  /** A cookie value for the token whose digest id is `tokenId`, valid from `now` for the TTL. */
  issue(tokenId: string, now: number): string {
    const body = b64(JSON.stringify({ t: tokenId, e: now + this.ttlMs }));
    return `v1.${body}.${b64(this.mac('cookie', body))}`;
  }

  /** Ends a session before its expiry (signing out). */
  revoke(value: string, now: number): void {
    const claims = this.verify(value, now);
    if (!claims) return;
    for (const [v, until] of this.revoked) if (until <= now) this.revoked.delete(v);
    this.revoked.set(value, claims.expiresAt);
  }

  /** The claims of a cookie value, or undefined when it is forged, malformed, expired or signed out. */
  verify(value: string, now: number): SessionClaims | undefined {
    if (this.revoked.has(value)) return undefined;
    const [version, body, sig] = value.split('.');
    if (version !== 'v1' || !body || !sig) return undefined;
    const given = Buffer.from(sig, 'base64url');
    const wanted = this.mac('cookie', body);
    if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return undefined;
    try {
      const c = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { t?: unknown; e?: unknown };
      if (typeof c.t !== 'string' || typeof c.e !== 'number' || c.e <= now) return undefined;
      return { tokenId: c.t, expiresAt: c.e };
    } catch {
      return undefined;
    }
  }

  /** The CSRF token that goes with a cookie value. */
  csrfFor(cookieValue: string): string {
    return b64(this.mac('csrf', cookieValue));
  }

  /** Whether `given` is the CSRF token of `cookieValue` (compared in constant time). */
  csrfMatches(cookieValue: string, given: string | undefined): boolean {
    if (!given) return false;
    const a = Buffer.from(given);
    const b = Buffer.from(this.csrfFor(cookieValue));
    return a.length === b.length && timingSafeEqual(a, b);
  }
}

/** One cookie's value from a Cookie header, or undefined. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    if (part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return undefined;
}

/** The Set-Cookie header that stores (or, with maxAgeSeconds 0, clears) the session. */
export function sessionCookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${value}`,
    'Path=/',
    `Max-Age=${maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}
