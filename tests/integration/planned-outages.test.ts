// Repeated planned outages (一停多用): hand-computed runs on one feeder and its areas.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../server/runtime.js';
import { get, post, startTestProduct } from '../support/product.js';

let product: Product;
const P = `PL${Date.now().toString(36)}`;
const id = (s: string) => `${P}-${s}`;

beforeAll(async () => {
  product = await startTestProduct();
  const region = {
    province: `省${P}`,
    city: '保山市',
    county: '隆阳区',
    areaClass: 'rural',
    validFrom: '2024-01-01',
  };
  await post(
    product,
    '/api/v1/assets',
    JSON.stringify([
      { assetId: id('F1'), kind: 'feeder', customers: 300, ...region },
      { assetId: id('A1'), kind: 'area', feederId: id('F1'), customers: 100, ...region },
      { assetId: id('A2'), kind: 'area', feederId: id('F1'), customers: 100, ...region },
      { assetId: id('F2'), kind: 'feeder', customers: 200, ...region },
    ]),
  );
  const ev = (n: string, asset: string, day: string, extra: Record<string, unknown> = {}) => ({
    eventId: id(n),
    assetId: id(asset),
    start: `${day} 09:00`,
    end: `${day} 12:00`,
    customersAffected: 100,
    cause: 'planned_maintenance',
    ...extra,
  });
  const r = await post(
    product,
    '/api/v1/outages?wait=visible',
    JSON.stringify([
      ev('p1', 'F1', '2025-03-01'), // F1, A1, A2
      ev('p2', 'F1', '2025-04-20', { affectedAreas: [id('A1')] }), // F1, A1: 50 days after p1
      ev('p3', 'A2', '2025-06-15'), // A2: 106 days after p1
      ev('p4', 'F1', '2025-09-01'), // F1, A1, A2: 134 days after p2, 78 after p3
      ev('p5', 'A2', '2025-10-15'), // A2: 44 days after p4
      ev('e1', 'F2', '2025-03-02', { cause: 'equipment_fault' }), // not planned
      ev('p6', 'F2', '2025-03-20'),
      ev('p7', 'F2', '2025-05-25'), // 66 days after p6
    ]),
  );
  expect(r.body).toMatchObject({ accepted: 8, rejected: [] });
});
afterAll(async () => {
  await product.stop();
});

type Run = {
  assetId: string;
  count: number;
  spanDays: number;
  outages: { eventId: string; recordedOn: string }[];
};
const runs = async (query: string): Promise<Run[]> => {
  const res = await get(product, `/api/v1/planned-outages/repeated?from=2025-01-01&to=2026-01-01${query}`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { rows: Run[] };
  return body.rows.filter((r) => r.assetId.startsWith(P));
};
const brief = (list: Run[]) =>
  list.map((r) => [r.assetId, r.count, r.spanDays, r.outages.map((o) => o.eventId)]);

describe('GET /api/v1/planned-outages/repeated', () => {
  it('lists the runs of planned outages within 60 days on each feeder and area, the longest first', async () => {
    const list = await runs('');
    expect(brief(list)).toEqual([
      [id('A1'), 2, 50, [id('p1'), id('p2')]],
      [id('F1'), 2, 50, [id('p1'), id('p2')]],
      [id('A2'), 2, 44, [id('p4'), id('p5')]],
    ]);
    // The area's outages name the asset each was recorded on.
    expect(list[0]?.outages.map((o) => o.recordedOn)).toEqual([id('F1'), id('F1')]);
    expect(list[2]?.outages.map((o) => o.recordedOn)).toEqual([id('F1'), id('A2')]);
  });

  it('takes the window from the request, both ends included', async () => {
    expect(brief(await runs('&windowDays=45'))).toEqual([[id('A2'), 2, 44, [id('p4'), id('p5')]]]);
    expect((await runs('&windowDays=50')).map((r) => r.assetId)).toEqual([id('A1'), id('F1'), id('A2')]);
    expect((await runs('&windowDays=66')).map((r) => r.assetId)).toContain(id('F2'));
  });

  it('refuses a period the wrong way round or longer than 3 years', async () => {
    expect(
      (await get(product, '/api/v1/planned-outages/repeated?from=2025-06-01&to=2025-01-01')).status,
    ).toBe(400);
    expect(
      (await get(product, '/api/v1/planned-outages/repeated?from=2020-01-01&to=2025-01-01')).status,
    ).toBe(400);
  });
});
