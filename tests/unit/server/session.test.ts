// Sign-in that lasts: a token exchanged for an HttpOnly, SameSite=Strict session cookie that
// every tab sends; changes made with the cookie need its CSRF token; forged, expired and
// revoked sessions are refused. In-process over 127.0.0.1, no database.

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionRouter } from '../../../dashboard/api/session.js';
import { createLogger } from '../../../server/log.js';
import { requireRole, SessionSigner, TokenRegistry } from '../../../dashboard/api/middleware/auth/index.js';
import { errorHandler } from '../../../dashboard/api/middleware/errors/index.js';

const PLANNER = 'planner-token-0123456789abcdef';
const KEY = 'a-session-key-of-at-least-32-characters';

function appOf(tokens: TokenRegistry) {
  const app = express();
  app.use('/api/v1', sessionRouter({ tokens }));
  app.get('/api/v1/me', requireRole(tokens, 'operator'), (req, res) => {
    res.json({ name: req.identity, key: req.authKey });
  });
  app.post('/api/v1/change', requireRole(tokens, 'planner'), (req, res) => {
    res.json({ by: req.identity });
  });
  app.use(errorHandler(createLogger('silent')));
  return app;
}

function listen(app: express.Express): Promise<{ server: Server; url: string }> {
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1` }),
    );
  });
}

let server: Server;
let url: string;
let other: Server;
let otherUrl: string;

beforeAll(async () => {
  const tokens = new TokenRegistry({ key: KEY, hours: 8 });
  tokens.add(PLANNER, ['planner'], '李娜');
  ({ server, url } = await listen(appOf(tokens)));
  // the same key, the token revoked (a restart with it removed from OUTAGE_TOKENS)
  const revoked = new TokenRegistry({ key: KEY, hours: 8 });
  revoked.add('someone-else-token-0123456789', ['planner'], '王强');
  ({ server: other, url: otherUrl } = await listen(appOf(revoked)));
});
afterAll(() => {
  server.close();
  other.close();
});

const signIn = async (token: string) =>
  fetch(`${url}/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });

async function session(): Promise<{
  cookie: string;
  csrf: string;
  setCookie: string;
  body: Record<string, unknown>;
}> {
  const res = await signIn(PLANNER);
  expect(res.status).toBe(200);
  const setCookie = res.headers.get('set-cookie') ?? '';
  const body = (await res.json()) as Record<string, unknown>;
  return { cookie: setCookie.split(';')[0] ?? '', csrf: String(body['csrfToken']), setCookie, body };
}

describe('POST /session', () => {
  it('exchanges a token for an HttpOnly, SameSite=Strict cookie lasting the configured hours', async () => {
    const before = Date.now();
    const { setCookie, body } = await session();
    expect(setCookie).toMatch(
      /^outage_session=v1\.[\w-]+\.[\w-]+; Path=\/; Max-Age=28800; HttpOnly; SameSite=Strict$/,
    );
    expect(body['name']).toBe('李娜');
    expect(body['roles']).toEqual(['operator', 'planner']);
    const expires = Date.parse(String(body['expiresAt']));
    expect(expires - before).toBeGreaterThanOrEqual(8 * 3_600_000);
    expect(expires - Date.now()).toBeLessThanOrEqual(8 * 3_600_000);
    // the cookie does not hold the token
    expect(setCookie).not.toContain(PLANNER);
  });

  it('refuses an unknown token and a body without one', async () => {
    const res = await signIn('not-a-token-0123456789abcdef');
    expect(res.status).toBe(401);
    expect(res.headers.get('set-cookie')).toBeNull();
    const bad = await fetch(`${url}/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(bad.status).toBe(400);
  });
});

describe('a request with the session cookie', () => {
  it('reads as the token did, from any tab (GET /session gives the CSRF token again)', async () => {
    const { cookie, csrf } = await session();
    const me = await fetch(`${url}/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ name: '李娜' });
    const again = await fetch(`${url}/session`, { headers: { cookie } });
    expect(await again.json()).toMatchObject({ signedIn: true, name: '李娜', csrfToken: csrf });
    const anonymous = await fetch(`${url}/session`);
    expect(anonymous.status).toBe(200);
    expect(await anonymous.json()).toEqual({ signedIn: false });
  });

  it('changes nothing without the CSRF token, or with another session’s', async () => {
    const a = await session();
    const b = await session();
    const none = await fetch(`${url}/change`, { method: 'POST', headers: { cookie: a.cookie } });
    expect(none.status).toBe(403);
    expect(((await none.json()) as { error: string }).error).toBe(
      'a change made with a session cookie needs the x-csrf-token header the session gave',
    );
    if (a.cookie !== b.cookie) {
      const wrong = await fetch(`${url}/change`, {
        method: 'POST',
        headers: { cookie: a.cookie, 'x-csrf-token': b.csrf },
      });
      expect(wrong.status).toBe(403);
    }
    const right = await fetch(`${url}/change`, {
      method: 'POST',
      headers: { cookie: a.cookie, 'x-csrf-token': a.csrf },
    });
    expect(right.status).toBe(200);
    expect(await right.json()).toEqual({ by: '李娜' });
  });

  it('is refused when forged, when its token was revoked, and after signing out the cookie is cleared', async () => {
    const { cookie } = await session();
    const [name, value = ''] = cookie.split('=');
    const parts = value.split('.');
    const forgedBody = Buffer.from(JSON.stringify({ t: '00'.repeat(16), e: Date.now() + 1e9 })).toString(
      'base64url',
    );
    const forged = `${name}=${parts[0]}.${forgedBody}.${parts[2]}`;
    expect((await fetch(`${url}/me`, { headers: { cookie: forged } })).status).toBe(401);
    // same key, token gone: the session ends with it
    expect((await fetch(`${otherUrl}/me`, { headers: { cookie } })).status).toBe(401);
    const out = await fetch(`${url}/session`, { method: 'DELETE', headers: { cookie } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toBe(
      'outage_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict',
    );
    // a copy of the signed-out cookie is refused too
    expect((await fetch(`${url}/me`, { headers: { cookie } })).status).toBe(401);
  });
});

describe('SessionSigner', () => {
  it('expires a session at its end, to the millisecond', () => {
    const s = new SessionSigner(KEY, 1);
    const value = s.issue('ab'.repeat(16), 1_000_000);
    expect(s.verify(value, 1_000_000 + 3_600_000 - 1)).toEqual({
      tokenId: 'ab'.repeat(16),
      expiresAt: 4_600_000,
    });
    expect(s.verify(value, 1_000_000 + 3_600_000)).toBeUndefined();
  });

  it('does not accept a cookie signed with another key', () => {
    const value = new SessionSigner(KEY, 1).issue('ab'.repeat(16), 0);
    expect(new SessionSigner(`${KEY}-other`, 1).verify(value, 1)).toBeUndefined();
  });
});
