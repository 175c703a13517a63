// Live streams are capped per client and in all: 300 streams with one token were all accepted.

import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpError } from '../../../core/index.js';
import { LiveHub } from '../../../dashboard/api/live.js';

const hub = new LiveHub(60_000, { perClient: 2, total: 3 });
let base = '';
let close: () => Promise<void>;

beforeAll(async () => {
  const app = express();
  app.get('/live', (req, res) => hub.subscribe(req, res, req.get('authorization') ?? ''));
  app.use((err: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const e = err instanceof HttpError ? err : new HttpError(500, 'internal error');
    for (const [k, v] of Object.entries(e.headers)) res.setHeader(k, v);
    res.status(e.status).json(e.toJSON());
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => {
    hub.close();
    server.closeAllConnections();
    return new Promise((resolve) => server.close(() => resolve()));
  };
});

afterAll(async () => {
  await close();
});

/** Opens a stream as `client`; its status, and a function that closes it. */
async function open(client: string): Promise<{ status: number; stop: () => void }> {
  const controller = new AbortController();
  const res = await fetch(`${base}/live`, { headers: { authorization: client }, signal: controller.signal });
  if (res.status !== 200) await res.text();
  return { status: res.status, stop: () => controller.abort() };
}

describe('live streams', () => {
  it('are capped per client and in all, and a closed stream frees its place', async () => {
    const a1 = await open('A');
    const a2 = await open('A');
    const a3 = await open('A');
    expect([a1.status, a2.status, a3.status]).toEqual([200, 200, 429]);
    const b1 = await open('B');
    const c1 = await open('C');
    expect([b1.status, c1.status]).toEqual([200, 429]); // three open in all
    expect(hub.size).toBe(3);
    a1.stop();
    // The server notices the closed connection a moment later.
    for (let i = 0; i < 1500 && hub.size > 2; i++) await new Promise((r) => setTimeout(r, 20));
    expect(hub.size).toBe(2);
    const c2 = await open('C');
    expect(c2.status).toBe(200);
    for (const s of [a2, b1, c2]) s.stop();
  });
});
