// The rate limit keys a request by its valid token, else by its address: made-up tokens buy no
// fresh budget, failed authentication is limited harder, and X-Forwarded-For is not believed
// unless a proxy is configured.

import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpError } from '../../../core/index.js';
import { TokenRegistry } from '../../../dashboard/api/middleware/auth/index.js';
import { rateLimit } from '../../../dashboard/api/middleware/rate-limit/index.js';

const tokens = new TokenRegistry();
tokens.add('good-token-1', ['operator']);
tokens.add('good-token-2', ['operator']);
let now = 120_000;
let base = '';
let close: () => Promise<void>;

beforeAll(async () => {
  const app = express();
  app.use(rateLimit({ perMinute: 4, failedPerMinute: 2, tokens, clock: () => now }));
  app.get('/x', (_req, res) => {
    res.json({ ok: true });
  });
  app.use((err: HttpError, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    for (const [k, v] of Object.entries(err.headers)) res.setHeader(k, v);
    res.status(err.status).json({ error: err.message });
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});

afterAll(async () => {
  await close();
});

/** Statuses of `n` requests, each with the headers `headersOf(i)` gives. */
async function statuses(n: number, headersOf: (i: number) => Record<string, string>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await fetch(`${base}/x`, { headers: headersOf(i) })).status);
  return out;
}

describe('rate limit', () => {
  it('gives each valid token its own budget', async () => {
    now += 60_000;
    expect(await statuses(5, () => ({ authorization: 'Bearer good-token-1' }))).toEqual([
      200, 200, 200, 200, 429,
    ]);
    expect(await statuses(1, () => ({ authorization: 'Bearer good-token-2' }))).toEqual([200]);
  });

  it('limits made-up tokens by address, harder than anonymous requests', async () => {
    now += 60_000;
    expect(await statuses(4, (i) => ({ authorization: `Bearer guess-${i}` }))).toEqual([200, 200, 429, 429]);
    // A header that is no bearer token at all counts as a failure too.
    expect(await statuses(1, () => ({ authorization: 'Basic Zm9vOmJhcg==' }))).toEqual([429]);
    // The anonymous budget of the address is its own, and a valid token still works.
    expect(await statuses(1, () => ({}))).toEqual([200]);
    expect(await statuses(1, () => ({ authorization: 'Bearer good-token-1' }))).toEqual([200]);
  });

  it('keys anonymous requests by the socket address, whatever X-Forwarded-For says', async () => {
    now += 60_000;
    const answers = await statuses(6, (i) => ({ 'x-forwarded-for': `203.0.113.${i}` }));
    expect(answers).toEqual([200, 200, 200, 200, 429, 429]);
  });

  it('says when to come back', async () => {
    now = 10 * 60_000 + 45_000; // 15 s before the window turns
    await statuses(4, () => ({}));
    const res = await fetch(`${base}/x`);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('15');
  });
});
