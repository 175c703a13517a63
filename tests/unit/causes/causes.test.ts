// Cause → responsibility, the roll-up by responsibility and the Pareto order, on hand-made
// figures.

import { describe, expect, it } from 'vitest';
import {
  byCauseOrder,
  byResponsibilityOrder,
  type CauseFigures,
  causesOf,
  paretoOrder,
  RESPONSIBILITIES,
  responsibilityOf,
  rollUp,
} from '../../../analytics/causes/index.js';
import { CAUSES, type Cause } from '../../../core/domain.js';

const fig = (
  region: string | null,
  cause: Cause,
  hours: number,
  extra: Partial<CauseFigures> = {},
): CauseFigures => ({
  region,
  cause,
  events: 1,
  shortEvents: 0,
  customerInterruptions: 10,
  shortInterruptions: 0,
  customerHours: hours,
  counted: 1,
  includesOngoing: false,
  ...extra,
});

describe('responsibilityOf', () => {
  it('files every cause under one responsibility', () => {
    expect(Object.fromEntries(CAUSES.map((c) => [c, responsibilityOf(c)]))).toEqual({
      equipment_fault: 'grid',
      weather_fault: 'weather_nature',
      natural_disaster: 'weather_nature',
      external_damage: 'third_party',
      planned_maintenance: 'grid',
      planned_construction: 'grid',
      protective_supply_switching: 'grid',
      mode_adjustment: 'grid',
      supply_shortage: 'grid',
      customer_side: 'customer_side',
      arrears: 'customer_side',
      unknown: 'undetermined',
    });
  });

  it('lists the causes of each responsibility, together every cause once', () => {
    expect(causesOf('customer_side')).toEqual(['customer_side', 'arrears']);
    expect(causesOf('third_party')).toEqual(['external_damage']);
    expect(RESPONSIBILITIES.flatMap(causesOf).sort()).toEqual([...CAUSES].sort());
  });
});

describe('paretoOrder', () => {
  it('orders regions by their total and causes within each largest first, with shares and cumulative shares', () => {
    const rows = [
      fig('县1', 'external_damage', 30),
      fig('县1', 'equipment_fault', 60),
      fig('县1', 'arrears', 10),
      fig('县2', 'weather_fault', 150),
      fig('县2', 'unknown', 50),
    ];
    const out = paretoOrder(rows, 'customerHours', byCauseOrder);
    expect(out.map((r) => [r.region, r.cause, r.rank, r.share, r.cumulativeShare])).toEqual([
      ['县2', 'weather_fault', 1, 0.75, 0.75],
      ['县2', 'unknown', 2, 0.25, 1],
      ['县1', 'equipment_fault', 1, 0.6, 0.6],
      ['县1', 'external_damage', 2, 0.3, 0.9],
      ['县1', 'arrears', 3, 0.1, 1],
    ]);
  });

  it('breaks ties by the declared cause order and puts an unnamed region last', () => {
    const rows = [
      fig(null, 'equipment_fault', 5),
      fig('乙', 'arrears', 5),
      fig('甲', 'unknown', 5),
      fig('乙', 'equipment_fault', 5),
    ];
    const out = paretoOrder(rows, 'events', byCauseOrder);
    // events: 乙 2, 甲 1, unnamed 1; 甲 and the unnamed region tie, the named one first.
    expect(out.map((r) => [r.region, r.cause, r.share])).toEqual([
      ['乙', 'equipment_fault', 0.5],
      ['乙', 'arrears', 0.5],
      ['甲', 'unknown', 1],
      [null, 'equipment_fault', 1],
    ]);
  });

  it('gives no share when the region total is 0 or nothing is counted', () => {
    const zero = paretoOrder([fig('县1', 'mode_adjustment', 0)], 'customerHours', byCauseOrder);
    expect(zero.map((r) => [r.share, r.cumulativeShare])).toEqual([[null, null]]);
    const uncounted = paretoOrder([fig('县1', 'unknown', 3, { counted: null })], 'counted', byCauseOrder);
    expect(uncounted.map((r) => [r.share, r.cumulativeShare])).toEqual([[null, null]]);
  });
});

describe('rollUp', () => {
  it('sums the causes of each region by responsibility, naming the causes in their declared order', () => {
    const rows = [
      fig('县1', 'arrears', 8, { events: 1, customerInterruptions: 10, counted: 1 }),
      fig('县1', 'customer_side', 4, {
        events: 1,
        customerInterruptions: 50,
        counted: 0,
        includesOngoing: true,
      }),
      fig('县1', 'mode_adjustment', 0, {
        events: 0,
        shortEvents: 1,
        customerInterruptions: 0,
        shortInterruptions: 300,
      }),
      fig('县1', 'equipment_fault', 105, { events: 3, customerInterruptions: 900, counted: 2 }),
      fig('县2', 'weather_fault', 250, { events: 2, customerInterruptions: 1000 }),
    ];
    const out = paretoOrder(rollUp(rows), 'customerHours', byResponsibilityOrder);
    expect(
      out.map((r) => [
        r.region,
        r.responsibility,
        r.causes,
        r.events,
        r.shortEvents,
        r.customerInterruptions,
        r.shortInterruptions,
        r.customerHours,
        r.counted,
        r.includesOngoing,
        r.rank,
      ]),
    ).toEqual([
      ['县2', 'weather_nature', ['weather_fault'], 2, 0, 1000, 0, 250, 1, false, 1],
      ['县1', 'grid', ['equipment_fault', 'mode_adjustment'], 3, 1, 900, 300, 105, 3, false, 1],
      ['县1', 'customer_side', ['customer_side', 'arrears'], 2, 0, 60, 0, 12, 1, true, 2],
    ]);
  });

  it('keeps counted null when no rule counted', () => {
    const out = rollUp([
      fig('县1', 'arrears', 1, { counted: null }),
      fig('县1', 'customer_side', 1, { counted: null }),
    ]);
    expect(out.map((r) => r.counted)).toEqual([null]);
  });
});
