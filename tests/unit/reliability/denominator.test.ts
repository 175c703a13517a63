import { describe, expect, it } from 'vitest';
import type { Asset, OutageEvent } from '../../../core/domain.js';
import { fromWallClock } from '../../../core/time.js';
import {
  computeReliability,
  type ReliabilityOptions,
  type ReliabilityReport,
} from '../../../analytics/reliability/index.js';

const Z = 'Asia/Shanghai';
const t = (month: number, day: number, hour = 0): number =>
  fromWallClock({ year: 2024, month, day, hour, minute: 0, second: 0, millisecond: 0 }, Z);

const area = (assetId: string, feederId: string, customers: number, validFrom: number): Asset => ({
  assetId,
  kind: 'area',
  feederId,
  areaClass: 'town',
  customers,
  validFrom,
});
const feeder = (assetId: string, customers = 0): Asset => ({
  assetId,
  kind: 'feeder',
  areaClass: 'town',
  customers,
  validFrom: 0,
});

// A1 serves 100 customers until 11 Jan 00:00, then 200: 10 days at 100, 21 days at 200 in January.
const assets: Asset[] = [feeder('F1'), area('A1', 'F1', 100, 0), area('A1', 'F1', 200, t(1, 11))];
// 20 Jan, 1 hour, 62 customers
const events: OutageEvent[] = [
  {
    eventId: 'E1',
    assetId: 'A1',
    start: t(1, 20, 8),
    end: t(1, 20, 9),
    customersAffected: 62,
    restorations: [],
    cause: 'equipment_fault',
    planned: false,
  },
];
const jan: ReliabilityOptions = { assets, events, from: t(1, 1), to: t(2, 1), asOf: t(3, 1), zone: Z };

function run(o: Partial<ReliabilityOptions> = {}): ReliabilityReport {
  const r = computeReliability({ ...jan, ...o });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe('N_T when the customer count changes in the period', () => {
  it('is the time-weighted average by default', () => {
    const report = run();
    expect(report.denominator).toBe('time_weighted');
    const row = report.rows[0]!;
    // (100 · 10 + 200 · 21) / 31 = 5200 / 31
    expect(row.customers).toBe(5200 / 31);
    // SAIFI = 62 / (5200/31); SAIDI = 62 customer-hours / (5200/31)
    expect(row.saifi).toBe(62 / (5200 / 31));
    expect(row.saidi).toBe(62 / (5200 / 31));
  });

  it('is the count valid at the period end with denominator: end', () => {
    const report = run({ denominator: 'end' });
    expect(report.denominator).toBe('end');
    // 200 customers: SAIFI = SAIDI = 62 / 200 = 0.31
    expect(report.rows[0]).toMatchObject({ customers: 200, saifi: 0.31, saidi: 0.31 });
  });

  it('weights only the part of a period in progress up to asOf', () => {
    // asOf 21 Jan 00:00: 10 days at 100 + 10 days at 200, over 20 days = 150
    expect(run({ asOf: t(1, 21) }).rows[0]?.customers).toBe(150);
    // 'end' takes the count in force just before asOf: 200
    expect(run({ asOf: t(1, 21), denominator: 'end' }).rows[0]?.customers).toBe(200);
  });

  it('does not count a version that takes effect exactly at the period end', () => {
    const withFeb = [...assets, area('A1', 'F1', 999, t(2, 1))];
    expect(run({ assets: withFeb, denominator: 'end' }).rows[0]?.customers).toBe(200);
    expect(run({ assets: withFeb }).rows[0]?.customers).toBe(5200 / 31);
  });

  it('uses the later of two versions with the same validFrom', () => {
    const corrected = [...assets, area('A1', 'F1', 300, t(1, 11))];
    // (100 · 10 + 300 · 21) / 31 = 7300 / 31
    expect(run({ assets: corrected }).rows[0]?.customers).toBe(7300 / 31);
  });

  it('splits an area re-fed from another feeder between the two feeders by time', () => {
    // A2: 100 customers on F1 until 11 Jan, on F2 from then on
    const moved = [feeder('F1'), feeder('F2'), area('A2', 'F1', 100, 0), area('A2', 'F2', 100, t(1, 11))];
    const rows = run({ assets: moved, events: [], groupBy: 'feeder' }).rows;
    // F1: 100 · 10 / 31; F2: 100 · 21 / 31
    expect(rows.map((r) => [r.keys.feeder, r.customers])).toEqual([
      ['F1', 1000 / 31],
      ['F2', 2100 / 31],
    ]);
  });

  it("lets an asset's first version apply before its validFrom unless told it was absent", () => {
    const late = [feeder('F1'), area('A1', 'F1', 100, t(1, 11))];
    const early = { ...events[0]!, start: t(1, 5), end: t(1, 5, 1) };
    // default: 100 all month, the event on 5 Jan counts
    expect(run({ assets: late, events: [early] }).rows[0]).toMatchObject({
      customers: 100,
      customerInterruptions: 62,
    });
    // absent: 100 · 21 / 31, and the event on 5 Jan has no asset version to belong to
    const absent = run({ assets: late, events: [early], beforeFirstVersion: 'absent' });
    expect(absent.rows[0]).toMatchObject({ customers: 2100 / 31, customerInterruptions: 0 });
    expect(absent.issues).toEqual([
      { path: 'events[0].assetId', message: 'asset "A1" has no version in force at the outage start' },
    ]);
  });

  it("counts a feeder's own customers only when no area names it", () => {
    // F9 has no areas in the register: its 500 customers are served directly; F1's 300 are A1's
    const withLeaf = [...assets, feeder('F9', 500), { ...feeder('F1', 300) }];
    const rows = run({ assets: withLeaf, events: [], groupBy: 'feeder', denominator: 'end' }).rows;
    expect(rows.map((r) => [r.keys.feeder, r.customers])).toEqual([
      ['F1', 200],
      ['F9', 500],
    ]);
  });
});
