// The planned-outage check (先算后停) against the stored history: hand-computed effects under
// every active rule set, and the share of a reliability target the outage alone would use.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../server/runtime.js';
import { ADMIN, OPERATOR, post, startTestProduct } from '../support/product.js';

let product: Product;
const P = `PC${Date.now().toString(36)}`;
const id = (s: string) => `${P}-${s}`;
const PARK = `园区${P}`;

beforeAll(async () => {
  product = await startTestProduct();
  // Kunming: one park, two feeders with two areas each (customers 100, 150 | 200, 550).
  const kunming = { province: `省${P}`, city: '昆明市', county: '官渡区', park: PARK, areaClass: 'urban' };
  // Baoshan: one feeder and its area.
  const baoshan = { province: `省${P}`, city: '保山市', county: '隆阳区', areaClass: 'rural' };
  const v = { validFrom: '2024-01-01' };
  const assets = [
    // F1 also feeds 2 park enterprises with transformers of their own (DL/T 836: 2 users)
    { assetId: id('F1'), kind: 'feeder', customers: 250, enterpriseCustomers: 2, ...kunming, ...v },
    { assetId: id('A1'), kind: 'area', feederId: id('F1'), customers: 100, ...kunming, ...v },
    { assetId: id('A2'), kind: 'area', feederId: id('F1'), customers: 150, ...kunming, ...v },
    { assetId: id('F2'), kind: 'feeder', customers: 750, ...kunming, ...v },
    { assetId: id('A3'), kind: 'area', feederId: id('F2'), customers: 200, ...kunming, ...v },
    { assetId: id('A4'), kind: 'area', feederId: id('F2'), customers: 550, ...kunming, ...v },
    { assetId: id('G1'), kind: 'feeder', customers: 80, ...baoshan, ...v },
    { assetId: id('B1'), kind: 'area', feederId: id('G1'), customers: 80, ...baoshan, ...v },
  ];
  expect((await post(product, '/api/v1/assets?wait=visible', JSON.stringify(assets))).status).toBe(200);
  const fault = (n: string, asset: string, start: string, minutes: number) => {
    const s = new Date(`${start}+08:00`).getTime();
    return {
      eventId: id(n),
      assetId: id(asset),
      start: new Date(s).toISOString(),
      end: new Date(s + minutes * 60_000).toISOString(),
      customersAffected: 10,
      cause: 'equipment_fault',
    };
  };
  // F1: three faults in 41 days. G1: 24 faults a week apart from 2025-01-05 (the last 06-22).
  const events = [
    fault('f1', 'F1', '2025-01-10T09:00:00', 60),
    fault('f2', 'F1', '2025-02-01T09:00:00', 60),
    fault('f3', 'F1', '2025-02-20T09:00:00', 60),
    ...Array.from({ length: 24 }, (_, k) =>
      fault(
        `g${k}`,
        'G1',
        `${new Date(Date.UTC(2025, 0, 5 + 7 * k)).toISOString().slice(0, 10)}T09:00:00`,
        30,
      ),
    ),
  ];
  const r = await post(product, '/api/v1/outages?wait=visible', JSON.stringify(events));
  expect(r.body).toMatchObject({ accepted: 27, rejected: [] });
});
afterAll(async () => {
  await product.stop();
});

type Effect = {
  ruleSet: string;
  assetId: string;
  rule: string;
  before: { count: number; status: string | null };
  after: { count: number; status: string | null };
  limit: number;
  outcome: string;
  breachDates: string[];
  notCounted: string | null;
  name: string | null;
};
type Target = {
  ruleSet: string;
  rule: string;
  group: string | null;
  users: number;
  interrupted: number;
  increase: number;
  target: number | null;
  shareOfTarget: number | null;
};
type Check = {
  assetId: string;
  areas: number;
  customersAffected: number;
  start: string;
  end: string;
  effects: Effect[];
  targets: Target[];
};

const check = async (body: Record<string, unknown>, token = ADMIN) =>
  post(product, '/api/v1/planned-outages/check', JSON.stringify(body), 'application/json', token);

const line = (e: Effect) =>
  `${e.ruleSet} ${e.assetId.slice(P.length + 1)} ${e.rule} ${e.before.count}→${e.after.count}/${e.limit} ${e.outcome}` +
  (e.breachDates.length > 0 ? ` ${e.breachDates.join(',')}` : '');

describe('POST /api/v1/planned-outages/check', () => {
  it('names the feeder and areas a fourth outage in 60 days would push into breach, under the rule sets of their region', async () => {
    // Proposal on F1 2025-03-05 08:00, 4 h: f1 (01-10) is 54 days before → 4 in 60 days > 3.
    const r = await check({ assetId: id('F1'), start: '2025-03-05 08:00', durationMinutes: 240 });
    expect(r.status).toBe(200);
    const c = r.body as Check;
    expect([c.start, c.end, c.areas, c.customersAffected]).toEqual([
      '2025-03-05T08:00:00+08:00',
      '2025-03-05T12:00:00+08:00',
      2,
      250, // A1 100 + A2 150
    ]);
    // Kunming's parks set has no count rule; Baoshan's does not govern Kunming.
    expect(c.effects.map(line)).toEqual([
      'national-2025 A1 over-3-in-60d 3→4/3 breach 2025-03-05',
      'national-2025 A2 over-3-in-60d 3→4/3 breach 2025-03-05',
      'national-2025 F1 over-3-in-60d 3→4/3 breach 2025-03-05',
      'national-2025 A1 over-5-in-365d 3→4/5 none',
      'national-2025 A2 over-5-in-365d 3→4/5 none',
      'national-2025 F1 over-5-in-365d 3→4/5 none',
    ]);
    // Park target (under 1 h, medium-voltage basis: one area = one user, one enterprise = one
    // user): the park's users are 4 areas + F1's 2 enterprises = 6; F1's outage cuts A1, A2 and
    // its 2 enterprises = 4 for 4 h: 4 / 6 × 4 = 8/3 h, 8/3 of the target on its own.
    const park = c.targets.filter((t) => t.ruleSet === 'kunming-parks-2023');
    expect(park).toEqual([
      {
        ruleSet: 'kunming-parks-2023',
        rule: 'park-saidi-below-1h',
        title: expect.any(Object),
        measure: 'saidi_hours',
        per: 'park',
        group: PARK,
        users: 6,
        interrupted: 4,
        increase: expect.closeTo(8 / 3, 12),
        target: 1,
        shareOfTarget: expect.closeTo(8 / 3, 12),
      },
    ]);
    expect(c.targets.map((t) => t.ruleSet)).not.toContain('baoshan-2021');
  });

  it("a 25th outage in the calendar year puts a Baoshan feeder on Baoshan's list", async () => {
    // G1: 24 faults in 2025 so far; Baoshan's 25-or-more-a-year breaches at 25 (limit 24).
    // fault-15-in-183d counts unplanned faults only: the planned proposal is not among its causes.
    const r = await check({
      assetId: id('G1'),
      start: '2025-07-01 08:00',
      durationMinutes: 120,
      ruleSets: ['baoshan-2021'],
    });
    expect(r.status).toBe(200);
    const c = r.body as Check;
    expect(c.effects.map(line)).toEqual([
      'baoshan-2021 G1 25-or-more-a-year 24→25/24 breach 2025-07-01',
      'baoshan-2021 G1 fault-15-in-183d 24→24/14 none',
    ]);
    const fault = c.effects[1] as Effect;
    expect([fault.notCounted, fault.before.status]).toEqual(['cause_not_counted', 'breach']);
    // Area-class target (rural 15 h): B1 is the one area interrupted, for 2 h.
    const [t] = c.targets;
    expect([t?.rule, t?.group, t?.interrupted, t?.target]).toEqual(['saidi-by-area-class', 'rural', 1, 15]);
  });

  it('refuses a request with every problem named, and an unknown asset', async () => {
    const r = await check({
      assetId: '',
      start: '2025-07-01 08:00',
      durationMinutes: 0.5,
      ruleSets: ['nope'],
    });
    expect(r.status).toBe(400);
    expect((r.body as { issues: unknown[] }).issues).toEqual([
      { path: 'assetId', message: 'must not be empty' },
      { path: 'durationMinutes', message: 'must be whole minutes' },
    ]);
    const unknownSet = await check({
      assetId: id('G1'),
      start: '2025-07-01',
      durationMinutes: 60,
      ruleSets: ['nope'],
    });
    expect((unknownSet.body as { issues: unknown[] }).issues).toEqual([
      { path: 'ruleSets', message: expect.stringMatching(/^no rule set "nope" \(known: .*national-2025/) },
    ]);
    const unknown = await check({ assetId: id('nope'), start: '2025-07-01', durationMinutes: 60 });
    expect(unknown.status).toBe(404);
  });

  it('is for planners: an operator token is refused', async () => {
    const r = await check({ assetId: id('G1'), start: '2025-07-01', durationMinutes: 60 }, OPERATOR);
    expect(r.status).toBe(403);
  });
});
