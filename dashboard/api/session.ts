// The dashboard's sign-in: POST /api/v1/session exchanges a token for a session cookie (every
// tab of the browser is then signed in, until it expires or the person signs out), GET says who
// the session is and hands out its CSRF token again (a new tab needs it), DELETE signs out.
// The cookie and the CSRF token are made in dashboard/api/middleware/auth/session.ts.

import { type Request, type Response, Router } from 'express';
import { z } from 'zod';
import { HttpError } from '../../core/index.js';
import { cookieValue, SESSION_COOKIE, sessionCookie, TokenRegistry } from './middleware/auth/index.js';
import { rateLimit } from './middleware/rate-limit/index.js';
import { handlersOf } from './deps.js';
import { jsonBody } from './json-body.js';

export interface SessionDeps {
  tokens: TokenRegistry;
  /** sign-in attempts per address and minute (guesses are throttled harder than reads) */
  signInsPerMinute?: number;
}

const SignIn = z.strictObject({ token: z.string().min(1).max(512) });
/** The body of POST /session (the API description shows it). */
export { SignIn as signInRequest };

export interface SessionAnswer {
  name: string;
  roles: string[];
  /** ISO 8601 */
  expiresAt: string;
  csrfToken: string;
}

/** The session's answer: who, with which roles, until when, and its CSRF token. */
const answer = (
  tokens: TokenRegistry,
  cookie: string,
  name: string,
  roles: Iterable<string>,
  expiresAt: number,
): SessionAnswer => ({
  name,
  roles: [...roles].sort(),
  expiresAt: new Date(expiresAt).toISOString(),
  csrfToken: tokens.sessions.csrfFor(cookie),
});

/** POST /session: a token exchanged for a session cookie. */
function signIn({ tokens }: SessionDeps, req: Request, res: Response): void {
  const body = SignIn.safeParse(req.body);
  if (!body.success)
    throw new HttpError(400, 'invalid body', {
      issues: body.error.issues.map((i) => ({ path: i.path.join('.') || 'body', message: i.message })),
    });
  const identity = tokens.identify(body.data.token);
  if (!identity) throw new HttpError(401, 'unknown token');
  const now = Date.now();
  const cookie = tokens.sessions.issue(TokenRegistry.idOf(body.data.token), now);
  res.setHeader('Set-Cookie', sessionCookie(cookie, Math.floor(tokens.sessions.ttlMs / 1000), req.secure));
  res.json(answer(tokens, cookie, identity.name, identity.roles, now + tokens.sessions.ttlMs));
}

// Asked by every page as it loads: "not signed in" is an answer, not an error (a 401 here
// would be logged by the browser on every visit to the sign-in page).
function whoAmI({ tokens }: SessionDeps, req: Request, res: Response): void {
  const cookie = cookieValue(req.get('cookie'), SESSION_COOKIE);
  const claims = cookie === undefined ? undefined : tokens.sessions.verify(cookie, Date.now());
  const identity = claims && tokens.identifyById(claims.tokenId);
  if (!cookie || !claims || !identity) {
    res.json({ signedIn: false });
    return;
  }
  res.json({ signedIn: true, ...answer(tokens, cookie, identity.name, identity.roles, claims.expiresAt) });
}

// Signing out needs no CSRF token: the worst a forged request can do is sign someone out.
// The session ends for every copy of its cookie, not only in this browser.
function signOut({ tokens }: SessionDeps, req: Request, res: Response): void {
  const cookie = cookieValue(req.get('cookie'), SESSION_COOKIE);
  if (cookie !== undefined) tokens.sessions.revoke(cookie, Date.now());
  res.setHeader('Set-Cookie', sessionCookie('', 0, req.secure));
  res.status(204).end();
}

export function sessionRouter(deps: SessionDeps): Router {
  const on = handlersOf(deps);
  const router = Router();
  router.post(
    '/session',
    rateLimit({ perMinute: deps.signInsPerMinute ?? 30 }),
    ...jsonBody('4kb'),
    on(signIn),
  );
  router.get('/session', on(whoAmI));
  router.delete('/session', on(signOut));
  return router;
}
