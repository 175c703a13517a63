import { describe, expect, it } from 'vitest';
import type { Asset, Cause, OutageEvent } from '../../../core/domain.js';
import { fromWallClock, localDay } from '../../../core/time.js';
import {
  computeReliability,
  inVariant,
  type ReliabilityOptions,
  type ReliabilityReport,
  type Variant,
} from '../../../analytics/reliability/index.js';

const Z = 'Asia/Shanghai';
const t = (month: number, day: number, hour = 0): number =>
  fromWallClock({ year: 2024, month, day, hour, minute: 0, second: 0, millisecond: 0 }, Z);

const assets: Asset[] = [
  { assetId: 'A1', kind: 'area', feederId: 'F1', areaClass: 'rural', customers: 100, validFrom: 0 },
];
const outage = (
  eventId: string,
  day: number,
  cause: Cause,
  customers: number,
  planned = false,
): OutageEvent => ({
  eventId,
  assetId: 'A1',
  start: t(1, day, 8),
  end: t(1, day, 9),
  customersAffected: customers,
  restorations: [],
  cause,
  planned,
});
// Four one-hour outages on A1 (100 customers), one per cause family.
const events: OutageEvent[] = [
  outage('EXT', 3, 'external_damage', 10),
  outage('SHORTAGE', 4, 'supply_shortage', 20),
  outage('PLANNED', 5, 'planned_maintenance', 30, true),
  outage('FAULT', 6, 'equipment_fault', 40),
];
const jan: ReliabilityOptions = { assets, events, from: t(1, 1), to: t(2, 1), asOf: t(3, 1), zone: Z };

function run(o: Partial<ReliabilityOptions> = {}): ReliabilityReport {
  const r = computeReliability({ ...jan, ...o });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe('variants', () => {
  it.each<[Variant, number, number]>([
    // RS-1: 10 + 20 + 30 + 40 = 100 interruptions of 1 h: SAIFI = SAIDI = 100/100
    ['all', 4, 1],
    // RS-2 without external damage: 20 + 30 + 40 = 90
    ['no_external', 3, 0.9],
    // RS-3 without supply shortage: 10 + 30 + 40 = 80
    ['no_shortage', 3, 0.8],
    // planned only: 30
    ['planned', 1, 0.3],
    // fault (unplanned) only: 10 + 20 + 40 = 70
    ['fault', 3, 0.7],
  ])('%s keeps %i events: SAIFI = SAIDI = %s', (variant, count, value) => {
    const report = run({ variant });
    expect(report.variant).toBe(variant);
    expect(report.rows[0]).toMatchObject({ events: count, saifi: value, saidi: value });
    expect(report.dropped).toEqual({ variant: 4 - count, excluded: 0, majorEventDays: 0 });
  });

  it("judges planned and fault by the event's planned flag, not by its cause", () => {
    const odd = { ...outage('X', 7, 'planned_construction', 5), planned: false };
    expect(inVariant(odd, 'planned')).toBe(false);
    expect(inVariant(odd, 'fault')).toBe(true);
  });

  it('drops the events the frequent-outage exclusion predicate answers true for', () => {
    const excluded = (e: OutageEvent): boolean => e.cause === 'external_damage' || e.eventId === 'FAULT';
    const report = run({ excluded });
    // left: 20 + 30 = 50 → SAIFI 0.5
    expect(report.rows[0]).toMatchObject({ events: 2, saifi: 0.5 });
    expect(report.exclusionsApplied).toBe(true);
    expect(report.dropped).toEqual({ variant: 0, excluded: 2, majorEventDays: 0 });
    expect(run().exclusionsApplied).toBe(false);
  });

  it('drops events that began on a major event day (local day)', () => {
    // 5 Jan is a major event day: PLANNED (30) goes; 100 − 30 = 70
    const report = run({ majorEventDays: new Set([localDay(t(1, 5), Z)]) });
    expect(report.rows[0]).toMatchObject({ events: 3, saifi: 0.7 });
    expect(report).toMatchObject({
      majorEventDaysApplied: true,
      dropped: { variant: 0, excluded: 0, majorEventDays: 1 },
    });
  });

  it('combines a variant with the exclusions, counting each drop once in that order', () => {
    // fault: drops PLANNED (variant); excluded drops EXT and FAULT; left SHORTAGE (20)
    const report = run({ variant: 'fault', excluded: (e) => e.cause !== 'supply_shortage' });
    expect(report.rows[0]).toMatchObject({ events: 1, saifi: 0.2 });
    expect(report.dropped).toEqual({ variant: 1, excluded: 2, majorEventDays: 0 });
  });
});
