import { describe, expect, it } from 'vitest';
import type { Asset, OutageEvent } from '../../../core/domain.js';
import { fromWallClock } from '../../../core/time.js';
import {
  computeReliability,
  type ReliabilityOptions,
  type ReliabilityReport,
} from '../../../analytics/reliability/index.js';

const Z = 'Asia/Shanghai';
const t = (month: number, day: number, hour = 0, minute = 0): number =>
  fromWallClock({ year: 2024, month, day, hour, minute, second: 0, millisecond: 0 }, Z);

const feeder = (assetId: string, city: string): Asset => ({
  assetId,
  kind: 'feeder',
  city,
  areaClass: 'urban',
  customers: 1000,
  transformers: 3,
  validFrom: 0,
});
const area = (assetId: string, feederId: string, city: string, customers: number): Asset => ({
  assetId,
  kind: 'area',
  feederId,
  city,
  areaClass: 'urban',
  customers,
  validFrom: 0,
});
const outage = (
  eventId: string,
  assetId: string,
  start: number,
  end: number,
  customers: number,
  over: Partial<OutageEvent> = {},
): OutageEvent => ({
  eventId,
  assetId,
  start,
  end,
  customersAffected: customers,
  restorations: [],
  cause: 'weather_fault',
  planned: false,
  ...over,
});

// F1 (Kunming) feeds A1, A2, A3; F2 (Yuxi) feeds A4: 4 public transformers = 4 users.
const assets: Asset[] = [
  feeder('F1', 'Kunming'),
  area('A1', 'F1', 'Kunming', 100),
  area('A2', 'F1', 'Kunming', 100),
  area('A3', 'F1', 'Kunming', 100),
  feeder('F2', 'Yuxi'),
  area('A4', 'F2', 'Yuxi', 50),
];
// E1: F1 out 2 h (all its areas); E2: A4 out 1 h, 50 customers
const events: OutageEvent[] = [
  outage('E1', 'F1', t(1, 5, 10), t(1, 5, 12), 300),
  outage('E2', 'A4', t(1, 9, 10), t(1, 9, 11), 50),
];
const jan: ReliabilityOptions = {
  assets,
  events,
  from: t(1, 1),
  to: t(2, 1),
  asOf: t(3, 1),
  zone: Z,
  convention: 'transformers',
};

function run(o: Partial<ReliabilityOptions> = {}): ReliabilityReport {
  const r = computeReliability({ ...jan, ...o });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe('transformers convention (DL/T 836: one public transformer = one user)', () => {
  it('counts areas as users and a feeder event as the areas it interrupted', () => {
    const report = run();
    expect(report.convention).toBe('transformers');
    const row = report.rows[0]!;
    // N_T = 4 areas; Σ N_i = 3 (E1: A1, A2, A3) + 1 (E2) = 4; SAIFI = 4/4
    expect(row).toMatchObject({ customers: 4, events: 2, customerInterruptions: 4, saifi: 1 });
    // Σ r N = 3 · 2 h + 1 · 1 h = 7 user-hours = 420 user-minutes; SAIDI = 7/4 h
    expect(row.customerMinutes).toBe(420);
    expect(row.saidi).toBe(7 / 4);
    // CAIDI = (7/4) / 1
    expect(row.caidi).toBe(7 / 4);
  });

  it('groups transformer users by feeder and by city', () => {
    // F1: 3 users, 3 interruptions of 2 h: SAIFI 1, SAIDI 2; F2: 1 user, 1 h: SAIFI 1, SAIDI 1
    expect(
      run({ groupBy: 'feeder' }).rows.map((r) => [r.keys.feeder, r.customers, r.saifi, r.saidi]),
    ).toEqual([
      ['F1', 3, 1, 2],
      ['F2', 1, 1, 1],
    ]);
    expect(run({ groupBy: 'city' }).rows.map((r) => [r.keys.city, r.customers, r.saidi])).toEqual([
      ['Kunming', 3, 2],
      ['Yuxi', 1, 1],
    ]);
  });

  it('uses the listed areas of a feeder event', () => {
    const listed = [outage('E1', 'F1', t(1, 5, 10), t(1, 5, 12), 200, { affectedAreas: ['A1', 'A3'] })];
    const row = run({ events: listed }).rows[0]!;
    // 2 of 4 users out for 2 h: SAIFI 2/4, SAIDI 4/4
    expect(row).toMatchObject({ customerInterruptions: 2, saifi: 0.5, saidi: 1 });
  });

  it("gives each interrupted area the feeder event's mean customer duration under step restoration", () => {
    // 300 out 10:00; 150 back 11:00, 150 at 12:00: 150·60 + 150·120 = 27000 customer-minutes, mean 90 min
    const stepped = [
      outage('E1', 'F1', t(1, 5, 10), t(1, 5, 12), 300, {
        restorations: [{ at: t(1, 5, 11), customersRestored: 150 }],
      }),
    ];
    const row = run({ events: stepped }).rows[0]!;
    // 3 users × 90 min = 270 user-minutes = 4.5 user-hours; SAIDI = 4.5 / 4
    expect(row.customerMinutes).toBe(270);
    expect(row.saidi).toBe(4.5 / 4);
  });

  it('takes the areas on the feeder at the event start', () => {
    // A3 moves to F2 on 3 Jan: E1 on 5 Jan interrupts A1 and A2 only
    const moved = [...assets, { ...area('A3', 'F2', 'Kunming', 100), validFrom: t(1, 3) }];
    const rows = run({ assets: moved, groupBy: 'feeder', denominator: 'end' }).rows;
    // F1: 2 users (A1, A2), both out 2 h; F2: 2 users (A3, A4), A4 out 1 h
    expect(rows.map((r) => [r.keys.feeder, r.customers, r.customerInterruptions, r.saidi])).toEqual([
      ['F1', 2, 2, 2],
      ['F2', 2, 1, 0.5],
    ]);
  });

  it('counts MAIFI in transformer users', () => {
    // F1 out 2 minutes: 3 users with a short interruption; MAIFI = 3/4
    const row = run({ events: [outage('E3', 'F1', t(1, 7, 9), t(1, 7, 9, 2), 300)] }).rows[0]!;
    expect(row).toMatchObject({ shortEvents: 1, shortInterruptions: 3, maifi: 0.75, saifi: 0 });
  });

  it('reports a feeder event that interrupts no known area', () => {
    const report = run({
      assets: [...assets, feeder('F3', 'Yuxi')],
      events: [outage('E4', 'F3', t(1, 8), t(1, 8, 1), 80)],
    });
    expect(report.issues).toEqual([
      {
        path: 'events[0]',
        message:
          'feeder "F3" has no transformer areas at the outage start: it interrupts no transformers in area-level figures',
      },
    ]);
    expect(report.rows[0]).toMatchObject({ customers: 4, customerInterruptions: 0, events: 0 });
  });
});

describe('enterprise customers (10 kV customers with transformers of their own, industrial parks)', () => {
  // Kunming's park: F1's areas A1 (no enterprise), A2 (2 enterprises on its transformer's
  // 10 kV bay), A3; and 3 enterprises fed by F1 directly. DL/T 836 users: A1 1 + A2 (1 + 2) +
  // A3 1 + F1 3 = 8 in Kunming; Yuxi: A4 1. All 9 users.
  const park: Asset[] = [
    { ...feeder('F1', 'Kunming'), enterpriseCustomers: 3 },
    area('A1', 'F1', 'Kunming', 100),
    { ...area('A2', 'F1', 'Kunming', 100), enterpriseCustomers: 2 },
    area('A3', 'F1', 'Kunming', 100),
    feeder('F2', 'Yuxi'),
    area('A4', 'F2', 'Yuxi', 50),
  ];

  it('counts them as users, and an outage of their feeder interrupts them all', () => {
    // E1: F1 out 2 h: A1 1 + A2 3 + A3 1 + F1's own 3 = 8 users for 2 h = 16 user-hours;
    // E2: A4 out 1 h: 1 user-hour. SAIFI = 9/9 = 1; SAIDI = 17/9 h.
    const row = run({ assets: park }).rows[0]!;
    expect(row).toMatchObject({ customers: 9, customerInterruptions: 9, saifi: 1 });
    expect(row.customerMinutes).toBe(17 * 60);
    expect(row.saidi).toBe(17 / 9);
    expect(
      run({ assets: park, groupBy: 'city' }).rows.map((r) => [r.keys.city, r.customers, r.saidi]),
    ).toEqual([
      ['Kunming', 8, 2],
      ['Yuxi', 1, 1],
    ]);
  });

  it("a feeder outage naming some areas still interrupts the feeder's own enterprise customers", () => {
    // E1 names A2 only: A2 (1 + 2) + F1's 3 = 6 users out 2 h of Kunming's 8: SAIDI 12/8 = 1.5
    const listed = [outage('E1', 'F1', t(1, 5, 10), t(1, 5, 12), 200, { affectedAreas: ['A2'] })];
    const rows = run({ assets: park, events: listed, groupBy: 'city' }).rows;
    expect(rows.map((r) => [r.keys.city, r.customers, r.customerInterruptions, r.saidi])).toEqual([
      ['Kunming', 8, 6, 1.5],
      ['Yuxi', 1, 0, 0],
    ]);
  });

  it('leaves the customers convention as it was', () => {
    const a = run({ assets: park, convention: 'customers' }).rows[0]!;
    const b = run({ convention: 'customers' }).rows[0]!;
    expect([a.customers, a.saidi]).toEqual([b.customers, b.saidi]);
  });
});
