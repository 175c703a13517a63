// outage_http_request_duration_seconds names each answer by the route pattern that gave it (the
// mount path included, also when the answer is an error's), never by the path asked for.

import type { AddressInfo } from 'node:net';
import express, { Router } from 'express';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpError } from '../../../core/index.js';
import { createLogger } from '../../../server/log.js';
import { httpDurations, routePattern } from '../../../server/metrics/http.js';
import { errorHandler, notFoundHandler } from '../../../dashboard/api/middleware/errors/index.js';

const registry = new Registry();
let base = '';
let close: () => Promise<void>;

beforeAll(async () => {
  const app = express();
  app.use(httpDurations(registry));
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  const api = Router();
  api.get('/cases/:id', (_req, res) => {
    res.json({ ok: true });
  });
  api.get('/cases/:id/refused', () => {
    throw new HttpError(409, 'wrong state');
  });
  api.get('/cases/:id/late', async () => {
    await new Promise((resolve) => setImmediate(resolve));
    throw new Error('a bug');
  });
  const reports = Router();
  reports.get('/:report/:period', (_req, res) => {
    res.status(202).end();
  });
  api.use('/reports', reports);
  app.use('/api/v1', api);
  app.use(notFoundHandler);
  app.use(errorHandler(createLogger('silent')));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});

afterAll(async () => {
  await close();
});

/** The value of one series in the exposition text; undefined when absent. */
function value(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

const count = (labels: string) => `outage_http_request_duration_seconds_count{${labels}}`;

describe('routePattern', () => {
  it('joins the mount path and the route path', () => {
    expect(routePattern('/api/v1', '/cases/:id')).toBe('/api/v1/cases/:id');
    expect(routePattern('', '/healthz')).toBe('/healthz');
    expect(routePattern('/api/v1/reports', '/')).toBe('/api/v1/reports');
    expect(routePattern('', '/')).toBe('/');
    expect(routePattern('/x', ['/a', '/b'])).toBe('/x/a|/b');
  });
});

describe('HTTP durations', () => {
  it('counts answers by method, route pattern and status', async () => {
    for (const id of ['A-1', 'B-2', 'C-3'])
      expect((await fetch(`${base}/api/v1/cases/${id}`)).status).toBe(200);
    expect((await fetch(`${base}/api/v1/cases/A-1/refused`)).status).toBe(409);
    expect((await fetch(`${base}/api/v1/cases/A-1/late`)).status).toBe(500);
    for (const period of ['2024', '2025']) {
      expect((await fetch(`${base}/api/v1/reports/ranking/${period}`)).status).toBe(202);
    }
    expect((await fetch(`${base}/no/such/page`)).status).toBe(404);
    expect((await fetch(`${base}/api/v1/cases/A-1`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);

    const text = await registry.metrics();
    expect(value(text, count('method="GET",route="/api/v1/cases/:id",status="200"'))).toBe(3);
    expect(
      value(
        text,
        'outage_http_request_duration_seconds_bucket{le="+Inf",method="GET",route="/api/v1/cases/:id",status="200"}',
      ),
    ).toBe(3);
    expect(value(text, count('method="GET",route="/api/v1/cases/:id/refused",status="409"'))).toBe(1);
    expect(value(text, count('method="GET",route="/api/v1/cases/:id/late",status="500"'))).toBe(1);
    expect(value(text, count('method="GET",route="/api/v1/reports/:report/:period",status="202"'))).toBe(2);
    expect(value(text, count('method="GET",route="unmatched",status="404"'))).toBe(1);
    expect(value(text, count('method="POST",route="unmatched",status="404"'))).toBe(1);
    expect(value(text, count('method="GET",route="/healthz",status="200"'))).toBe(1);
    const sum = value(
      text,
      'outage_http_request_duration_seconds_sum{method="GET",route="/api/v1/cases/:id",status="200"}',
    );
    expect(sum).toBeGreaterThan(0);
    // No series is named after what was asked for.
    expect(text).not.toMatch(/A-1|B-2|2024|such/);
    // Every answer is in exactly one series: 10 requests.
    const counts = text
      .split('\n')
      .filter((l) => l.startsWith('outage_http_request_duration_seconds_count{'))
      .map((l) => Number(l.split(' ')[1]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(10);
  });
});
