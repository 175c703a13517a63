// A JSON body nested deeper than any request needs is a 400, however deep (30,000 levels
// overflowed the stack while the error was formatted: a 500).

import type { AddressInfo } from 'node:net';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { HttpError } from '../../../core/index.js';
import { depthOf, jsonBody, MAX_DEPTH } from '../../../dashboard/api/json-body.js';

const nested = (depth: number, leaf: unknown = 1): string =>
  '{"a":'.repeat(depth) + JSON.stringify(leaf) + '}'.repeat(depth);

describe('JSON body depth', () => {
  it('measures depth without recursion, stopping past the limit', () => {
    expect(depthOf(1, 10)).toBe(0);
    expect(depthOf({ a: [1, { b: 2 }] }, 10)).toBe(3);
    expect(depthOf(JSON.parse(nested(5)), 10)).toBe(5);
    expect(depthOf(JSON.parse(nested(100_000)), 10)).toBe(11);
  });

  it('answers a body nested 30,000 deep with 400, and takes one at the limit', async () => {
    const app = express();
    app.post('/t', ...jsonBody('2mb'), (_req, res) => {
      res.json({ ok: true });
    });
    app.use((err: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      const e = err instanceof HttpError ? err : new HttpError(500, 'internal error');
      res.status(e.status).json(e.toJSON());
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/t`;
    const send = (body: string) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    try {
      const deep = await send(nested(30_000));
      expect(deep.status).toBe(400);
      expect(await deep.json()).toMatchObject({
        issues: [{ path: 'body', message: `nested deeper than ${MAX_DEPTH} levels` }],
      });
      expect((await send(nested(MAX_DEPTH))).status).toBe(200);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
