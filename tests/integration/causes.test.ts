// Outages by cause and responsibility (GET /reliability/causes): a hand-made history of two
// counties, every figure computed by hand below.
//
// 省P / 保山市; county 县1: feeder F1 (300 customers) with areas A1 (100) and A2 (200);
// county 县2: leaf feeder F2 (500). A county-level severe-weather warning covers 县2 on
// 10–11 July 2025. Period 2025, asOf 2026-01-01 02:00 local; national-2025 counts every cause
// except warned weather, external damage and short switching (≤ 3 min).
//
//   id   asset cause                 local time                       cust  customer-hours        national counts
//   e1   F1    equipment_fault       03-01 10:00–12:00                300   600                   yes
//   e2   F1    equipment_fault       03-01 11:00–11:30 (inside e1)    300   150                   no: merged with e1
//   e3   A1    external_damage       04-01 08:00–11:00                100   300                   no: external damage
//   e4   A2    customer_side         05-01 09:00–10:00, 20 back 09:30  50   20×0.5 + 30×1 = 40    yes
//   e5   F1    mode_adjustment       06-01 10:00–10:02 (short)        300   0 (short: MAIFI's)    no: short switching
//   e6   A1    arrears (planned)     08-01 09:00–17:00                 10   80                    yes
//   e7   F2    weather_fault         07-11 14:00–18:00 (warned)       500   2000                  no: warned
//   e8   F2    weather_fault         09-01 14:00–15:00                500   500                   yes
//   e9   F2    equipment_fault       12-31 22:00–01-01 06:00           500   4 h to asOf: 2000     yes (ongoing at asOf)
//   e10  F2    planned_maintenance   2024-12-31 20:00–01-01 02:00     500   before the period     —
//   e11  F2    planned_maintenance   01-01 01:00–03:00                500   1000                  no: merged with e10
//   e12  first F2 weather 10-01, corrected to F1 equipment_fault 10-02 10:00–11:00, 300: 300, yes
//
// 县1 by customer-hours: equipment_fault 1050 (e1, e2, e12), external_damage 300, arrears 80,
// customer_side 40, mode_adjustment 0: total 1470. 县2: weather_fault 2500, equipment_fault
// 2000, planned_maintenance 1000: total 5500, so 县2 comes first.

import type { AddressInfo } from 'node:net';
import { tableFromIPC } from 'apache-arrow';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reliabilityRouter } from '../../dashboard/api/reliability.js';
import { createLogger } from '../../server/log.js';
import { requireRole, TokenRegistry } from '../../dashboard/api/middleware/auth/index.js';
import { errorHandler, notFoundHandler } from '../../dashboard/api/middleware/errors/index.js';
import type { Product } from '../../server/runtime.js';
import { get as getProduct, post, startTestProduct } from '../support/product.js';

const P = `CA${Date.now().toString(36)}`;
const id = (s: string) => `${P}-${s}`;
const PROVINCE = `省${P}`;
const OPERATOR = 'causes-operator-token-0123456789';

let product: Product;
let url = '';
let stop: () => Promise<void> = async () => {};

beforeAll(async () => {
  product = await startTestProduct();
  const place = { province: PROVINCE, city: '保山市', areaClass: 'rural', validFrom: '2024-01-01' };
  const assets = await post(
    product,
    '/api/v1/assets?wait=visible',
    JSON.stringify([
      { assetId: id('F1'), kind: 'feeder', customers: 300, county: '县1', ...place },
      { assetId: id('A1'), kind: 'area', feederId: id('F1'), customers: 100, county: '县1', ...place },
      { assetId: id('A2'), kind: 'area', feederId: id('F1'), customers: 200, county: '县1', ...place },
      { assetId: id('F2'), kind: 'feeder', customers: 500, county: '县2', ...place },
    ]),
  );
  expect(assets.body).toMatchObject({ accepted: 4, rejected: [] });
  const warning = await post(
    product,
    '/api/v1/warnings?wait=visible',
    JSON.stringify([
      {
        warningId: id('W1'),
        issuerLevel: 'county',
        hazard: 'severe_weather',
        level: 'orange',
        province: PROVINCE,
        city: '保山市',
        county: '县2',
        start: '2025-07-10 00:00',
        end: '2025-07-12 00:00',
      },
    ]),
  );
  expect(warning.body).toMatchObject({ accepted: 1, rejected: [] });
  const ev = (n: string, asset: string, cause: string, start: string, end: string, customers: number) => ({
    eventId: id(n),
    assetId: id(asset),
    cause,
    start,
    end,
    customersAffected: customers,
  });
  const first = await post(
    product,
    '/api/v1/outages?wait=visible',
    JSON.stringify([
      ev('e1', 'F1', 'equipment_fault', '2025-03-01 10:00', '2025-03-01 12:00', 300),
      ev('e2', 'F1', 'equipment_fault', '2025-03-01 11:00', '2025-03-01 11:30', 300),
      { ...ev('e3', 'A1', 'external_damage', '2025-04-01 08:00', '2025-04-01 11:00', 100) },
      {
        ...ev('e4', 'A2', 'customer_side', '2025-05-01 09:00', '2025-05-01 10:00', 50),
        restorations: [{ at: '2025-05-01 09:30', customersRestored: 20 }],
      },
      ev('e5', 'F1', 'mode_adjustment', '2025-06-01 10:00', '2025-06-01 10:02', 300),
      { ...ev('e6', 'A1', 'arrears', '2025-08-01 09:00', '2025-08-01 17:00', 10), planned: true },
      ev('e7', 'F2', 'weather_fault', '2025-07-11 14:00', '2025-07-11 18:00', 500),
      ev('e8', 'F2', 'weather_fault', '2025-09-01 14:00', '2025-09-01 15:00', 500),
      ev('e9', 'F2', 'equipment_fault', '2025-12-31 22:00', '2026-01-01 06:00', 500),
      ev('e10', 'F2', 'planned_maintenance', '2024-12-31 20:00', '2025-01-01 02:00', 500),
      ev('e11', 'F2', 'planned_maintenance', '2025-01-01 01:00', '2025-01-01 03:00', 500),
      ev('e12', 'F2', 'weather_fault', '2025-10-01 10:00', '2025-10-01 11:00', 500),
    ]),
  );
  expect(first.body).toMatchObject({ accepted: 12, rejected: [] });
  // The correction moves e12 to F1 and a day later: its earlier rows are tombstoned.
  const corrected = await post(
    product,
    '/api/v1/outages?wait=visible',
    JSON.stringify([ev('e12', 'F1', 'equipment_fault', '2025-10-02 10:00', '2025-10-02 11:00', 300)]),
  );
  expect(corrected.body).toMatchObject({ accepted: 1, rejected: [] });

  const tokens = new TokenRegistry();
  tokens.add(OPERATOR, ['operator']);
  const app = express();
  app.use(
    '/api/v1',
    reliabilityRouter({
      store: product.store,
      zone: 'Asia/Shanghai',
      requireRole: (role) => requireRole(tokens, role),
      ruleSets: product.deps.ruleSets,
      defaultRuleSet: 'national-2025',
    }),
  );
  app.use(notFoundHandler);
  app.use(errorHandler(createLogger('silent')));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
  stop = () => new Promise((r) => server.close(() => r()));
}, 120_000);

afterAll(async () => {
  await stop();
  await product.stop();
});

type Body = Record<string, unknown> & { rows: Record<string, unknown>[] };
const period = `from=2025-01-01&to=2026-01-01&asOf=${encodeURIComponent('2026-01-01T02:00:00+08:00')}`;
const causes = async (query: string, accept = 'application/json'): Promise<Response> =>
  fetch(`${url}/reliability/causes?${period}&region=${encodeURIComponent(PROVINCE)}${query}`, {
    headers: { authorization: `Bearer ${OPERATOR}`, accept },
  });
const body = async (query: string): Promise<Body> => {
  const res = await causes(query);
  expect(res.status).toBe(200);
  return (await res.json()) as Body;
};
const pick = (rows: Record<string, unknown>[], columns: string[]) =>
  rows.map((r) => columns.map((c) => r[c]));
const FIGURES = [
  'events',
  'shortEvents',
  'customerInterruptions',
  'shortInterruptions',
  'customerHours',
  'counted',
];

describe('GET /api/v1/reliability/causes', () => {
  it('gives each county its causes largest first by customer-hours, with the outages national-2025 counts', async () => {
    const b = await body('&groupBy=county');
    expect(pick(b.rows, ['county', 'cause', 'responsibility', 'rank', ...FIGURES])).toEqual([
      ['县2', 'weather_fault', 'weather_nature', 1, 2, 0, 1000, 0, 2500, 1],
      ['县2', 'equipment_fault', 'grid', 2, 1, 0, 500, 0, 2000, 1],
      ['县2', 'planned_maintenance', 'grid', 3, 1, 0, 500, 0, 1000, 0],
      ['县1', 'equipment_fault', 'grid', 1, 3, 0, 900, 0, 1050, 2],
      ['县1', 'external_damage', 'third_party', 2, 1, 0, 100, 0, 300, 0],
      ['县1', 'arrears', 'customer_side', 3, 1, 0, 10, 0, 80, 1],
      ['县1', 'customer_side', 'customer_side', 4, 1, 0, 50, 0, 40, 1],
      ['县1', 'mode_adjustment', 'grid', 5, 0, 1, 0, 300, 0, 0],
    ]);
    const shares = b.rows.map((r) => [r['share'], r['cumulativeShare']]);
    const expected = [
      [2500 / 5500, 2500 / 5500],
      [2000 / 5500, 4500 / 5500],
      [1000 / 5500, 1],
      [1050 / 1470, 1050 / 1470],
      [300 / 1470, 1350 / 1470],
      [80 / 1470, 1430 / 1470],
      [40 / 1470, 1],
      [0, 1],
    ];
    shares.forEach(([s, c], i) => {
      expect(s).toBeCloseTo(expected[i]?.[0] ?? Number.NaN, 12);
      expect(c).toBeCloseTo(expected[i]?.[1] ?? Number.NaN, 12);
    });
    expect(b).toMatchObject({
      groupBy: 'county',
      region: PROVINCE,
      by: 'cause',
      paretoBy: 'customerHours',
      ruleSet: 'national-2025',
      rule: 'over-5-in-365d',
      countsAlike: ['over-3-in-60d'],
      shortOutageMinutes: 3,
      includesOngoing: true,
    });
    expect(b.rows.filter((r) => r['includesOngoing']).map((r) => [r['county'], r['cause']])).toEqual([
      ['县2', 'equipment_fault'],
    ]);
  });

  it('rolls the causes up by responsibility', async () => {
    const b = await body('&groupBy=county&by=responsibility');
    expect(pick(b.rows, ['county', 'responsibility', 'causes', 'rank', ...FIGURES])).toEqual([
      ['县2', 'grid', ['equipment_fault', 'planned_maintenance'], 1, 2, 0, 1000, 0, 3000, 1],
      ['县2', 'weather_nature', ['weather_fault'], 2, 2, 0, 1000, 0, 2500, 1],
      ['县1', 'grid', ['equipment_fault', 'mode_adjustment'], 1, 3, 1, 900, 300, 1050, 2],
      ['县1', 'third_party', ['external_damage'], 2, 1, 0, 100, 0, 300, 0],
      ['县1', 'customer_side', ['customer_side', 'arrears'], 3, 2, 0, 60, 0, 120, 2],
    ]);
  });

  it('orders by the chosen measure and counts by the chosen rule set and rule', async () => {
    // Baoshan's 25-a-year rule: feeders only, in 保山市, no exclusions: F1's e1, e5, e12 (e2
    // merged) and F2's e7, e8, e9 (e11 merged with e10); area outages are out of its scope.
    const b = await body('&groupBy=county&ruleSet=baoshan-2021&rule=25-or-more-a-year&paretoBy=counted');
    expect(pick(b.rows, ['county', 'cause', 'counted', 'rank'])).toEqual([
      ['县1', 'equipment_fault', 2, 1],
      ['县1', 'mode_adjustment', 1, 2],
      ['县1', 'external_damage', 0, 3],
      ['县1', 'customer_side', 0, 4],
      ['县1', 'arrears', 0, 5],
      ['县2', 'weather_fault', 2, 1],
      ['县2', 'equipment_fault', 1, 2],
      ['县2', 'planned_maintenance', 0, 3],
    ]);
    expect(b).toMatchObject({ ruleSet: 'baoshan-2021', rule: '25-or-more-a-year', countsAlike: [] });
    // Fault outages in 183 days: unplanned equipment, weather, external damage, customer side…
    const fault = await body('&groupBy=county&ruleSet=baoshan-2021&rule=fault-15-in-183d&paretoBy=counted');
    expect(pick(fault.rows, ['county', 'cause', 'counted'])).toEqual([
      ['县2', 'weather_fault', 2],
      ['县2', 'equipment_fault', 1],
      ['县2', 'planned_maintenance', 0],
      ['县1', 'equipment_fault', 2],
      ['县1', 'external_damage', 0],
      ['县1', 'mode_adjustment', 0],
      ['县1', 'customer_side', 0],
      ['县1', 'arrears', 0],
    ]);
  });

  it('sums per county to the figures of GET /reliability', async () => {
    const res = await getProduct(
      product,
      `/api/v1/reliability?${period}&groupBy=county&province=${encodeURIComponent(PROVINCE)}`,
    );
    expect(res.status).toBe(200);
    const reliability = (await res.json()) as Body;
    const b = await body('&groupBy=province');
    expect(pick(b.rows, ['province', 'cause', 'customerHours'])).toEqual([
      [PROVINCE, 'equipment_fault', 3050],
      [PROVINCE, 'weather_fault', 2500],
      [PROVINCE, 'planned_maintenance', 1000],
      [PROVINCE, 'external_damage', 300],
      [PROVINCE, 'arrears', 80],
      [PROVINCE, 'customer_side', 40],
      [PROVINCE, 'mode_adjustment', 0],
    ]);
    expect(pick(reliability.rows, ['county', 'events', 'customerInterruptions', 'customerMinutes'])).toEqual([
      ['县1', 6, 1060, 1470 * 60],
      ['县2', 4, 2000, 5500 * 60],
    ]);
  });

  it('answers CSV and refuses what it cannot do', async () => {
    const csv = await causes('&groupBy=city&by=responsibility', 'text/csv');
    expect(csv.status).toBe(200);
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'city,responsibility,causes,rank,events,shortEvents,customerInterruptions,shortInterruptions,customerHours,counted,share,cumulativeShare,includesOngoing',
    );
    expect(
      lines[1]?.startsWith(
        '保山市,grid,"[""equipment_fault"",""planned_maintenance"",""mode_adjustment""]",1,5,1,1900,300,4050,3,',
      ),
    ).toBe(true);
    const arrow = await causes('&groupBy=province', 'application/vnd.apache.arrow.stream');
    expect(arrow.status).toBe(200);
    const table = tableFromIPC(new Uint8Array(await arrow.arrayBuffer()));
    expect(table.numRows).toBe(7);
    expect(table.get(0)?.toJSON()).toMatchObject({
      province: PROVINCE,
      cause: 'equipment_fault',
      responsibility: 'grid',
      rank: 1,
      events: 4,
      customerHours: 3050,
      counted: 3,
    });
    const bad = await causes('&groupBy=feeder&ruleSet=nowhere&paretoBy=x');
    expect(bad.status).toBe(400);
    const issues = ((await bad.json()) as { issues: { path: string }[] }).issues.map((i) => i.path);
    expect(issues.sort()).toEqual(['groupBy', 'paretoBy', 'ruleSet']);
  });
});
