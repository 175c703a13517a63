import { describe, expect, it } from 'vitest';
import type { OutageEvent } from '../../../core/domain.js';
import { fromWallClock } from '../../../core/time.js';
import { attribute, meanUserMs } from '../../../analytics/reliability/durations.js';

const Z = 'Asia/Shanghai';
const t = (month: number, day: number, hour = 0, minute = 0, second = 0): number =>
  fromWallClock({ year: 2024, month, day, hour, minute, second, millisecond: 0 }, Z);
const MIN = 60_000;
const HOUR = 3_600_000;

const outage = (
  start: number,
  end: number | null,
  customers: number,
  over: Partial<OutageEvent> = {},
): OutageEvent => ({
  eventId: 'E',
  assetId: 'A1',
  start,
  end,
  customersAffected: customers,
  restorations: [],
  cause: 'equipment_fault',
  planned: false,
  ...over,
});

// January 2024, local time; figures taken on 1 March.
const jan = { from: t(1, 1), to: t(2, 1), asOf: t(3, 1), splitAtEdges: false, shortMs: 3 * MIN };

describe('attribute', () => {
  it('sums step restoration per step: restored customers until their step, the rest until the end', () => {
    // 300 out 10:00; 100 back 11:00, 50 back 11:30, the other 150 at 12:00:
    // 100·60 + 50·90 + 150·120 = 6000 + 4500 + 18000 = 28500 customer-minutes
    const e = outage(t(1, 5, 10), t(1, 5, 12), 300, {
      restorations: [
        { at: t(1, 5, 11), customersRestored: 100 },
        { at: t(1, 5, 11, 30), customersRestored: 50 },
      ],
    });
    const a = attribute(e, jan);
    expect(a).toEqual({
      frequency: true,
      short: false,
      ongoing: false,
      customers: 300,
      customerMs: 28500 * MIN,
      spanMs: 2 * HOUR,
    });
    // mean duration per customer: 28500 / 300 = 95 minutes
    expect(meanUserMs(a!)).toBe(95 * MIN);
  });

  it('counts an outage of exactly the threshold (3 min) as short, one second more as sustained', () => {
    const short = attribute(outage(t(1, 10, 8), t(1, 10, 8, 3), 50), jan)!;
    expect(short.short).toBe(true);
    expect(short.customerMs).toBe(0);
    const sustained = attribute(outage(t(1, 10, 8), t(1, 10, 8, 3, 1), 50), jan)!;
    expect(sustained.short).toBe(false);
    // 50 customers × 181 s
    expect(sustained.customerMs).toBe(50 * 181_000);
  });

  it('gives an outage crossing the period end its whole duration in the period it began (default)', () => {
    // 31 Jan 23:00 → 1 Feb 01:00, 100 customers: 100 × 120 min in January, nothing in February
    const e = outage(t(1, 31, 23), t(2, 1, 1), 100);
    expect(attribute(e, jan)).toMatchObject({
      frequency: true,
      customerMs: 100 * 120 * MIN,
      spanMs: 2 * HOUR,
    });
    expect(attribute(e, { ...jan, from: t(2, 1), to: t(3, 1) })).toBeNull();
  });

  it('with splitAtEdges counts only the part inside the period; frequency stays where it began', () => {
    const e = outage(t(1, 31, 23), t(2, 1, 1), 100);
    // January: 23:00 → 24:00 = 60 min × 100
    expect(attribute(e, { ...jan, splitAtEdges: true })).toMatchObject({
      frequency: true,
      customerMs: 100 * 60 * MIN,
    });
    // February: 00:00 → 01:00 = 60 min × 100, not counted as an interruption of February
    const feb = { ...jan, from: t(2, 1), to: t(3, 1), splitAtEdges: true };
    expect(attribute(e, feb)).toMatchObject({ frequency: false, customerMs: 100 * 60 * MIN, spanMs: HOUR });
    // a step inside the split: 40 back at 00:30 → 40·30 + 60·60 = 4800 customer-minutes in February
    const stepped = { ...e, restorations: [{ at: t(2, 1, 0, 30), customersRestored: 40 }] };
    expect(attribute(stepped, feb)?.customerMs).toBe(4800 * MIN);
  });

  it('runs an ongoing outage until asOf, and treats an end or a step after asOf as not yet happened', () => {
    const asOf = t(1, 25, 6);
    // out since 00:00, 200 customers, asOf 06:00: 200 × 360 min so far
    const open = attribute(outage(t(1, 25), null, 200), { ...jan, asOf })!;
    expect(open).toMatchObject({
      ongoing: true,
      short: false,
      customerMs: 200 * 360 * MIN,
      spanMs: 6 * HOUR,
    });
    // ended at 08:00 and 50 back at 07:00, both after asOf: still 200 × 360 min
    const later = outage(t(1, 25), t(1, 25, 8), 200, {
      restorations: [{ at: t(1, 25, 7), customersRestored: 50 }],
    });
    expect(attribute(later, { ...jan, asOf })).toMatchObject({ ongoing: true, customerMs: 200 * 360 * MIN });
    // begun after asOf: unknown yet
    expect(attribute(outage(t(1, 26), null, 10), { ...jan, asOf })).toBeNull();
  });

  it('does not call an ongoing outage short however young it is', () => {
    const a = attribute(outage(t(1, 25), null, 10), { ...jan, asOf: t(1, 25, 0, 1) })!;
    // 1 minute so far, ongoing: sustained, 10 × 1 min
    expect(a).toMatchObject({ short: false, ongoing: true, customerMs: 10 * MIN });
  });

  it('leaves out an outage begun before the period unless split, and a short one even then', () => {
    // 31 Dec 2023 23:00 → 1 Jan 01:00
    const before = outage(t(1, 1) - HOUR, t(1, 1, 1), 10);
    expect(attribute(before, jan)).toBeNull();
    const shortBefore = outage(t(1, 1) - MIN, t(1, 1) + MIN, 10);
    expect(attribute(shortBefore, { ...jan, splitAtEdges: true })).toBeNull();
  });

  it('uses the span as the mean duration when no customers are recorded', () => {
    const a = attribute(outage(t(1, 5, 10), t(1, 5, 11), 0), jan)!;
    expect(meanUserMs(a)).toBe(HOUR);
  });
});
