// The product's own notice worker (started by startProduct, nudged after each write), end to end:
// a gateway subscribes through the API, an outage is ingested through the API, and the gateway
// receives "outage began" and then "power restored", each signed with its subscription's secret.
// The exactly-once and retry cases are in notices-delivery.test.ts, with a worker of their own.

import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../../analytics/notices/index.js';
import type { Product } from '../../server/runtime.js';
import { ADMIN, post, startTestProduct } from '../support/product.js';

const P = `NP${Date.now().toString(36)}`;
const COUNTY = `丁县${P}`;

interface Got {
  type: string;
  eventId: string;
  verified: boolean;
}
const got: Got[] = [];
let secret = '';
let hook: Server;
let product: Product;
let subscription = '';

async function until(what: string, check: () => boolean, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  hook = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const body = JSON.parse(raw.toString('utf8')) as { type: string; data: { eventId: string } };
      const verdict = verify(
        secret,
        {
          signature: req.headers['x-outage-signature'] as string | undefined,
          timestamp: req.headers['x-outage-timestamp'] as string | undefined,
        },
        raw,
        Date.now(),
      );
      got.push({
        type: body.type.replace('cn.grid.notice.', ''),
        eventId: body.data.eventId,
        verified: verdict.ok,
      });
      res.writeHead(204).end();
    });
  });
  hook.listen(0, '127.0.0.1');
  await once(hook, 'listening');
  product = await startTestProduct({
    OUTAGE_NOTICES: '1',
    OUTAGE_NOTICES_ALLOW_HTTP: '1',
    OUTAGE_NOTICES_INTERVAL_S: '1',
    OUTAGE_NOTICES_KEY: 'notices-product-test-key-0123456789abcdef',
  });
  const v = {
    province: `省${P}`,
    city: `市${P}`,
    county: COUNTY,
    areaClass: 'rural',
    validFrom: '2024-01-01',
  };
  expect(
    (
      await post(
        product,
        '/api/v1/assets?wait=visible',
        JSON.stringify([
          { assetId: `${P}-A1`, kind: 'area', feederId: `${P}-F1`, customers: 40, ...v },
          { assetId: `${P}-F1`, kind: 'feeder', customers: 40, ...v },
        ]),
      )
    ).status,
  ).toBe(200);
  const res = await fetch(`${product.url}/api/v1/subscriptions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
    body: JSON.stringify({
      name: '县供电所短信网关',
      channel: { type: 'webhook', url: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/sms` },
      follow: { counties: [COUNTY] },
    }),
  });
  expect(res.status).toBe(201);
  const made = (await res.json()) as { id: string; secret: string };
  secret = made.secret;
  subscription = made.id;
});

afterAll(async () => {
  await fetch(`${product.url}/api/v1/subscriptions/${subscription}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${ADMIN}` },
  });
  await product.stop();
  hook.close();
});

describe("the product's notice worker", () => {
  it('sends "outage began" for an outage ingested through the API, then "power restored"', async () => {
    const start = Date.now() - 10 * 60_000;
    const outage = {
      eventId: `${P}-E1`,
      assetId: `${P}-A1`,
      start: new Date(start).toISOString(),
      customersAffected: 40,
      cause: 'equipment_fault',
    };
    await post(product, '/api/v1/outages?wait=visible', JSON.stringify([outage]));
    await until('outage.began', () => got.some((g) => g.type === 'outage.began'));
    await post(
      product,
      '/api/v1/outages?wait=visible',
      JSON.stringify([{ ...outage, end: new Date(Date.now() - 60_000).toISOString() }]),
    );
    await until('outage.restored', () => got.some((g) => g.type === 'outage.restored'));
    expect(got.map((g) => [g.type, g.eventId, g.verified])).toEqual([
      ['outage.began', `${P}-E1`, true],
      ['outage.restored', `${P}-E1`, true],
    ]);
  });
});
