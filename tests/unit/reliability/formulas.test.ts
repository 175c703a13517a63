import { describe, expect, it } from 'vitest';
import {
  asai,
  caidi,
  celidLimitMs,
  customerMinutes,
  type GroupSums,
  measuresOf,
  perCustomer,
  periodHours,
  saidiHours,
} from '../../../analytics/reliability/formulas.js';

const HOUR = 3_600_000;

// One group, N_T time-weighted over a 10 ms window (divisor 10) so every numerator reads as
// ten times the users it stands for:
//   N_T = 2000 / 10 = 200 users
//   SAIFI = 400 / 200 = 2;   SAIDI = (100 users × 2 h) / 200 = 1 h;   CAIDI = 1 / 2 = 0.5 h
//   ASAI = 1 − 1 / 8 = 0.875 over 8 h;   MAIFI = 50 / 200 = 0.25
//   CN = 1500 / 10 = 150 users
//   CEMI_1 = 1000 / 10 = 100 users → 0.5;  CEMI_3 = 0
//   CELID_1h single 500 / 10 = 50 → 0.25, cumulative 1000 / 10 = 100 → 0.5
//   CELID_4h single 0, cumulative 250 / 10 = 25 → 0.125
const sums: GroupSums = {
  keys: { city: '昆明' },
  served: 2000,
  divisor: 10,
  events: 3,
  shortEvents: 1,
  customerInterruptions: 400,
  shortInterruptions: 50,
  customerMs: 100 * 2 * HOUR,
  interruptedServed: 1500,
  cemiServed: [1000, 0],
  celidSingleServed: [500, 0],
  celidCumulativeServed: [1000, 250],
  includesOngoing: true,
};
const basis = { periodHours: 8, cemiN: [1, 3], celidHours: [1, 4] };

describe('measuresOf', () => {
  it('divides a group’s sums into every measure of its row', () => {
    expect(measuresOf(sums, basis)).toEqual({
      keys: { city: '昆明' },
      customers: 200,
      events: 3,
      shortEvents: 1,
      customerInterruptions: 400,
      shortInterruptions: 50,
      customerMinutes: 12_000,
      saifi: 2,
      saidi: 1,
      caidi: 0.5,
      asai: 0.875,
      maifi: 0.25,
      customersInterrupted: 150,
      cemi: [
        { n: 1, customers: 100, value: 0.5 },
        { n: 3, customers: 0, value: 0 },
      ],
      celid: [
        { hours: 1, singleCustomers: 50, single: 0.25, cumulativeCustomers: 100, cumulative: 0.5 },
        { hours: 4, singleCustomers: 0, single: 0, cumulativeCustomers: 25, cumulative: 0.125 },
      ],
      includesOngoing: true,
    });
  });

  it('gives no per-user measure for a group that serves nobody', () => {
    const row = measuresOf({ ...sums, served: 0, interruptedServed: 0 }, basis);
    expect([row.customers, row.saifi, row.saidi, row.caidi, row.asai, row.maifi]).toEqual([
      0,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(row.customerMinutes).toBe(12_000);
    expect(row.cemi.map((c) => c.value)).toEqual([null, null]);
    expect(row.celid.map((c) => [c.single, c.cumulative])).toEqual([
      [null, null],
      [null, null],
    ]);
  });

  it('counts a threshold the sums do not name as nobody', () => {
    const row = measuresOf(
      { ...sums, cemiServed: [], celidSingleServed: [], celidCumulativeServed: [] },
      basis,
    );
    expect(row.cemi).toEqual([
      { n: 1, customers: 0, value: 0 },
      { n: 3, customers: 0, value: 0 },
    ]);
    expect(row.celid[1]).toEqual({
      hours: 4,
      singleCustomers: 0,
      single: 0,
      cumulativeCustomers: 0,
      cumulative: 0,
    });
  });

  it('takes the end rule’s count as it is (divisor 1)', () => {
    // 40 users, 10 interrupted once for 30 min: SAIFI 0.25, SAIDI 0.125 h, CAIDI 0.5 h
    const row = measuresOf(
      {
        ...sums,
        served: 40,
        divisor: 1,
        customerInterruptions: 10,
        customerMs: 10 * 0.5 * HOUR,
        shortInterruptions: 0,
      },
      { ...basis, periodHours: 0.5 },
    );
    expect([row.customers, row.saifi, row.saidi, row.caidi, row.asai, row.maifi]).toEqual([
      40, 0.25, 0.125, 0.5, 0.75, 0,
    ]);
  });
});

describe('the formulas one by one', () => {
  it('SAIDI in hours and customer minutes from customer-ms', () => {
    expect(customerMinutes(90_000)).toBe(1.5);
    expect(saidiHours(2 * HOUR, 4)).toBe(0.5);
    expect(saidiHours(2 * HOUR, 0)).toBeNull();
    expect(perCustomer(3, 4)).toBe(0.75);
    expect(perCustomer(0, 0)).toBeNull();
  });

  it('CAIDI only when SAIFI is positive', () => {
    expect(caidi(3, 2)).toBe(1.5);
    expect(caidi(0, 0)).toBeNull();
    expect(caidi(null, null)).toBeNull();
    expect(caidi(null, 2)).toBeNull();
  });

  it('ASAI only over a period of some length', () => {
    // 2 h without supply per user over a 4-day period (96 h): 1 − 2/96 = 47/48
    expect(asai(2, 96)).toBe(1 - 2 / 96);
    expect(asai(0, 96)).toBe(1);
    expect(asai(2, 0)).toBeNull();
    expect(asai(null, 96)).toBeNull();
  });

  it('period hours and CELID limits in ms', () => {
    expect(periodHours(1_000, 1_000 + 36 * HOUR)).toBe(36);
    expect(periodHours(5, 5)).toBe(0);
    expect(celidLimitMs(4)).toBe(14_400_000);
    expect(celidLimitMs(0.5)).toBe(1_800_000);
  });
});
