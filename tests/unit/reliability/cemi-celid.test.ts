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

const area = (assetId: string, customers: number, city = 'Kunming'): Asset => ({
  assetId,
  kind: 'area',
  feederId: 'F1',
  city,
  areaClass: 'urban',
  customers,
  validFrom: 0,
});
const assets: Asset[] = [
  { assetId: 'F1', kind: 'feeder', city: 'Kunming', areaClass: 'urban', customers: 600, validFrom: 0 },
  area('A1', 100),
  area('A2', 200),
  area('A3', 300, 'Yuxi'),
];
const outage = (
  eventId: string,
  assetId: string,
  start: number,
  minutes: number,
  customers: number,
): OutageEvent => ({
  eventId,
  assetId,
  start,
  end: start + minutes * 60_000,
  customersAffected: customers,
  restorations: [],
  cause: 'equipment_fault',
  planned: false,
});
// Per-asset approximation: each area's customers experience the area's own outages and the
// feeder outages that interrupted it.
//   E1 feeder F1, 30 min, all areas       → A1, A2, A3: +1, 0.5 h
//   E2 area A1, 2 h (only 40 of its 100 out, still counted for all 100)
//   E3 area A1, 3 h
//   E4 area A2, 30 min
//   E5 area A3, 2 min: short, not an interruption for CEMI/CELID
// Sustained interruptions: A1 3, A2 2, A3 1. Longest: A1 3 h, A2 0.5 h, A3 0.5 h.
// Total: A1 0.5 + 2 + 3 = 5.5 h, A2 0.5 + 0.5 = 1 h, A3 0.5 h.
const events: OutageEvent[] = [
  outage('E1', 'F1', t(1, 2, 10), 30, 600),
  outage('E2', 'A1', t(1, 3, 10), 120, 40),
  outage('E3', 'A1', t(1, 4, 10), 180, 100),
  outage('E4', 'A2', t(1, 5, 10), 30, 200),
  outage('E5', 'A3', t(1, 6, 10), 2, 300),
];
const jan: ReliabilityOptions = {
  assets,
  events,
  from: t(1, 1),
  to: t(2, 1),
  asOf: t(3, 1),
  zone: Z,
  cemiN: [0, 1, 2, 3],
  celidHours: [1, 4],
};

function run(o: Partial<ReliabilityOptions> = {}): ReliabilityReport {
  const r = computeReliability({ ...jan, ...o });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe('CEMI and CELID', () => {
  it('counts customers with more than n sustained interruptions, per asset', () => {
    const row = run().rows[0]!;
    // N_T = 100 + 200 + 300 = 600
    expect(row.customers).toBe(600);
    expect(row.cemi).toEqual([
      // more than 0: all three areas = 600 → 1 (= CN / N_T)
      { n: 0, customers: 600, value: 1 },
      // more than 1: A1 (3), A2 (2) = 300 → 0.5
      { n: 1, customers: 300, value: 0.5 },
      // more than 2: A1 = 100 → 100/600
      { n: 2, customers: 100, value: 100 / 600 },
      // more than 3: nobody
      { n: 3, customers: 0, value: 0 },
    ]);
    expect(row.customersInterrupted).toBe(600);
  });

  it('counts customers whose single or cumulative interruption time exceeds h hours', () => {
    const row = run().rows[0]!;
    expect(row.celid).toEqual([
      // single > 1 h: A1 (3 h) = 100; cumulative > 1 h: A1 (5.5 h) = 100, A2 exactly 1 h does not exceed
      { hours: 1, singleCustomers: 100, single: 100 / 600, cumulativeCustomers: 100, cumulative: 100 / 600 },
      // single > 4 h: nobody; cumulative > 4 h: A1 (5.5 h)
      { hours: 4, singleCustomers: 0, single: 0, cumulativeCustomers: 100, cumulative: 100 / 600 },
    ]);
  });

  it('computes CEMI per group from the areas in it, the feeder outage reaching both cities', () => {
    const rows = run({ groupBy: 'city', cemiN: [1] }).rows;
    // Kunming: A1 (3) and A2 (2), N_T 300: CEMI_1 = 300/300; Yuxi: A3 (1), N_T 300: CEMI_1 = 0
    expect(rows.map((r) => [r.keys.city, r.customers, r.cemi])).toEqual([
      ['Kunming', 300, [{ n: 1, customers: 300, value: 1 }]],
      ['Yuxi', 300, [{ n: 1, customers: 0, value: 0 }]],
    ]);
    // Yuxi's CN: A3 was interrupted by E1 (a Kunming feeder) = 300
    expect(rows[1]?.customersInterrupted).toBe(300);
  });

  it("uses the feeder event's mean customer duration under step restoration", () => {
    // E1 with steps: 600 out, 300 back after 10 min, the rest after 130 min:
    // 300·10 + 300·130 = 42000 customer-minutes, mean 70 min: A3 now exceeds 1 h
    const e1 = {
      ...events[0]!,
      end: t(1, 2, 12, 10),
      restorations: [{ at: t(1, 2, 10, 10), customersRestored: 300 }],
    };
    const row = run({ events: [e1, ...events.slice(1)], celidHours: [1] }).rows[0]!;
    // single > 1 h: A1 (3 h), A2 (70 min), A3 (70 min) = 600; cumulative: A2 now 70 + 30 min = 600
    expect(row.celid).toEqual([
      { hours: 1, singleCustomers: 600, single: 1, cumulativeCustomers: 600, cumulative: 1 },
    ]);
  });

  it('counts the same per transformer user in the transformers convention', () => {
    const row = run({ convention: 'transformers', cemiN: [1, 2] }).rows[0]!;
    // 3 users; more than 1: A1, A2 = 2 → 2/3; more than 2: A1 → 1/3
    expect(row.cemi).toEqual([
      { n: 1, customers: 2, value: 2 / 3 },
      { n: 2, customers: 1, value: 1 / 3 },
    ]);
  });

  it('weights a unit by its time-weighted share of N_T', () => {
    // A1 grows from 100 to 400 customers on 11 Jan: (100·10 + 400·21)/31 = 9400/31
    const grown = [...assets, { ...area('A1', 400), validFrom: t(1, 11) }];
    const row = run({ assets: grown, cemiN: [2] }).rows[0]!;
    // N_T = 9400/31 + 200 + 300 = (9400 + 15500)/31 = 24900/31; CEMI_2 = (9400/31) / (24900/31)
    expect(row.customers).toBe(24900 / 31);
    expect(row.cemi).toEqual([{ n: 2, customers: 9400 / 31, value: 9400 / 31 / (24900 / 31) }]);
  });
});
