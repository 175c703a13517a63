import { describe, expect, it } from 'vitest';
import type { Asset, OutageEvent } from '../../../core/domain.js';
import { dateToDay, fromWallClock, localDay } from '../../../core/time.js';
import {
  computeReliability,
  dailySaidi,
  majorEventDays,
  majorEventDaysForYear,
  majorEventThreshold,
} from '../../../analytics/reliability/index.js';

const Z = 'Asia/Shanghai';
const t = (year: number, month: number, day: number, hour = 0, minute = 0): number =>
  fromWallClock({ year, month, day, hour, minute, second: 0, millisecond: 0 }, Z);
const e = Math.exp(1);

describe('majorEventThreshold (2.5β)', () => {
  // Ten days; ln of the eight non-zero ones: 0, 0, 1, 1, 2, 2, 3, 3.
  const series = [0, 1, 1, e, e, e ** 2, e ** 2, e ** 3, e ** 3, 0];

  it('takes α and the sample β of ln SAIDI over the non-zero days', () => {
    const th = majorEventThreshold(series, { minNonZeroDays: 5 });
    // α = (0+0+1+1+2+2+3+3)/8 = 12/8 = 1.5
    // Σ (ln x − α)² = 4·(1.5)² + 4·(0.5)² = 9 + 1 = 10; sample β = √(10/7) ≈ 1.1952
    // T_MED = exp(1.5 + 2.5·√(10/7)) = exp(4.488072…) ≈ 88.9497
    expect(th).toMatchObject({ deviation: 'sample', k: 2.5, nonZeroDays: 8, minNonZeroDays: 5 });
    expect(th.alpha).toBeCloseTo(1.5, 14);
    expect(th.beta).toBeCloseTo(Math.sqrt(10 / 7), 14);
    expect(th.tMed).toBeCloseTo(Math.exp(1.5 + 2.5 * Math.sqrt(10 / 7)), 10);
    expect(th.tMed).toBeCloseTo(88.9497, 4);
  });

  it('takes the population β (n) when asked', () => {
    const th = majorEventThreshold(series, { minNonZeroDays: 5, deviation: 'population' });
    // β = √(10/8) = √1.25 ≈ 1.1180; T_MED = exp(1.5 + 2.5·√1.25) = exp(4.295085…) ≈ 73.3384
    expect(th.deviation).toBe('population');
    expect(th.beta).toBeCloseTo(Math.sqrt(1.25), 14);
    expect(th.tMed).toBeCloseTo(Math.exp(1.5 + 2.5 * Math.sqrt(1.25)), 10);
    expect(th.tMed).toBeCloseTo(73.3384, 4);
  });

  it('flags days strictly above T_MED', () => {
    const sample = majorEventThreshold(series, { minNonZeroDays: 5 }).tMed;
    const population = majorEventThreshold(series, { minNonZeroDays: 5, deviation: 'population' }).tMed;
    const days = [
      { day: 1, date: '1970-01-02', minutes: 100, customers: 1, includesOngoing: false },
      { day: 2, date: '1970-01-03', minutes: 80, customers: 1, includesOngoing: false },
      { day: 3, date: '1970-01-04', minutes: null, customers: 0, includesOngoing: false },
    ];
    // 100 > 88.95 only; with the population β (73.34) 80 too
    expect(majorEventDays(days, sample)).toEqual(new Set([1]));
    expect(majorEventDays(days, population)).toEqual(new Set([1, 2]));
    expect(majorEventDays(days, null)).toEqual(new Set());
  });

  it('has T_MED = exp(α) = the common value when β = 0, and that value is not a major event day', () => {
    const th = majorEventThreshold([60, 0, 60, 60, 0, 60], { minNonZeroDays: 4 });
    expect(th).toMatchObject({ alpha: Math.log(60), beta: 0, tMed: 60, nonZeroDays: 4 });
    const days = [60, 60.5].map((minutes, day) => ({
      day,
      date: '',
      minutes,
      customers: 1,
      includesOngoing: false,
    }));
    expect(majorEventDays(days, th.tMed)).toEqual(new Set([1]));
  });

  it('gives no threshold with fewer non-zero days than the minimum (default 30)', () => {
    // 29 non-zero days and 300 zero days
    const few = [...Array<number>(29).fill(5), ...Array<number>(300).fill(0)];
    expect(majorEventThreshold(few)).toEqual({
      tMed: null,
      alpha: null,
      beta: null,
      k: 2.5,
      deviation: 'sample',
      nonZeroDays: 29,
      minNonZeroDays: 30,
    });
    expect(majorEventThreshold([...few, 7]).tMed).not.toBeNull();
    // a sample deviation needs two values whatever the minimum
    expect(majorEventThreshold([5], { minNonZeroDays: 1 }).tMed).toBeNull();
    expect(majorEventThreshold([5], { minNonZeroDays: 1, deviation: 'population' }).tMed).toBe(5);
  });
});

const assets: Asset[] = [
  { assetId: 'A1', kind: 'area', feederId: 'F1', areaClass: 'town', customers: 100, validFrom: 0 },
];
const outage = (eventId: string, start: number, minutes: number, customers: number): OutageEvent => ({
  eventId,
  assetId: 'A1',
  start,
  end: start + minutes * 60_000,
  customersAffected: customers,
  restorations: [],
  cause: 'weather_fault',
  planned: false,
});

describe('dailySaidi', () => {
  it('gives each local day the whole duration of the outages that began on it, in minutes', () => {
    const r = dailySaidi({
      assets,
      events: [
        // 2 Jan 07:00 local = 1 Jan 23:00 UTC: belongs to local 2 Jan. 50 × 60 = 3000 customer-minutes
        outage('E1', t(2024, 1, 2, 7), 60, 50),
        // 2 Jan 23:30 → 3 Jan 01:30 local: all 100 × 120 = 12000 on 2 Jan
        outage('E2', t(2024, 1, 2, 23, 30), 120, 100),
        // 2 minutes: short, not in SAIDI
        outage('E3', t(2024, 1, 3, 12), 2, 100),
      ],
      fromDay: dateToDay('2024-01-01'),
      toDay: dateToDay('2024-01-04'),
      asOf: t(2024, 2, 1),
      zone: Z,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.unit).toBe('minutes');
    // 2 Jan: (3000 + 12000) / 100 = 150 min
    expect(r.value.days.map((d) => [d.date, d.minutes, d.customers])).toEqual([
      ['2024-01-01', 0, 100],
      ['2024-01-02', 150, 100],
      ['2024-01-03', 0, 100],
    ]);
  });

  it('rejects an empty day range', () => {
    const r = dailySaidi({ assets, events: [], fromDay: 10, toDay: 10, asOf: 0, zone: Z });
    expect(r).toEqual({
      ok: false,
      issues: [{ path: 'toDay', message: 'must be a day number after fromDay (10), got: 10' }],
    });
  });
});

describe('majorEventDaysForYear', () => {
  // History (2023, one year for the test): two non-zero days, 100 × 10 min and 100 × 40 min
  // → daily SAIDI 10 and 40 min. α = (ln 10 + ln 40)/2 = ln 20; sample β = √((ln 2)² + (ln 2)²) = √2·ln 2
  // T_MED = 20 · 2^(2.5·√2) ≈ 20 · 11.59 ≈ 231.9 min.
  // 2024: 3 Mar 100 × 240 min (240 > 231.9: major event day), 4 Mar 100 × 200 min (not).
  const events = [
    outage('H1', t(2023, 5, 1, 9), 10, 100),
    outage('H2', t(2023, 8, 1, 9), 40, 100),
    outage('M1', t(2024, 3, 3, 9), 240, 100),
    outage('M2', t(2024, 3, 4, 9), 200, 100),
  ];
  const options = {
    assets,
    events,
    asOf: t(2025, 1, 1),
    zone: Z,
    year: 2024,
    historyYears: 1,
    minNonZeroDays: 2,
  };

  it("takes T_MED from the years before and finds the year's major event days", () => {
    const r = majorEventDaysForYear(options);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { threshold, history, days, series } = r.value;
    expect(history).toEqual({ fromDay: dateToDay('2023-01-01'), toDay: dateToDay('2024-01-01') });
    expect(threshold.nonZeroDays).toBe(2);
    expect(threshold.alpha).toBeCloseTo(Math.log(20), 14);
    expect(threshold.beta).toBeCloseTo(Math.SQRT2 * Math.LN2, 14);
    expect(threshold.tMed).toBeCloseTo(20 * 2 ** (2.5 * Math.SQRT2), 10);
    expect(series).toHaveLength(366);
    expect(days).toEqual(new Set([localDay(t(2024, 3, 3), Z)]));

    // Without the major event day only M2 is left: 100 × 200 = 20000 customer-minutes over 100 customers
    const march = computeReliability({
      assets,
      events,
      from: t(2024, 3, 1),
      to: t(2024, 4, 1),
      asOf: t(2025, 1, 1),
      zone: Z,
      majorEventDays: days,
    });
    expect(march.ok && march.value.rows[0]?.saidi).toBe(20000 / 60 / 100);
  });

  it('gives no major event days when the history is too thin', () => {
    const r = majorEventDaysForYear({ ...options, minNonZeroDays: 3 });
    expect(r.ok && r.value.threshold.tMed).toBeNull();
    expect(r.ok && r.value.days.size).toBe(0);
  });
});
