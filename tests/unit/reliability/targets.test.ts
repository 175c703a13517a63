import { describe, expect, it } from 'vitest';
import type { AreaClass, Asset, OutageEvent } from '../../../core/domain.js';
import { fromWallClock } from '../../../core/time.js';
import {
  assessTarget,
  elapsedFraction,
  type ReliabilityTarget,
  yearPeriod,
  yearTargets,
} from '../../../analytics/reliability/index.js';

const Z = 'Asia/Shanghai';
const t = (year: number, month: number, day: number, hour = 0): number =>
  fromWallClock({ year, month, day, hour, minute: 0, second: 0, millisecond: 0 }, Z);

describe('assessTarget for a finished year', () => {
  it('is met at or below the target hours', () => {
    expect(assessTarget({ target: { hours: 2 }, saidiHours: 1.5, elapsedFraction: 1 })).toEqual({
      status: 'met',
      saidiHours: 1.5,
      previousSaidiHours: null,
      elapsedFraction: 1,
      allowedHours: 2,
      reductionAllowedHours: null,
      metBy: 'hours',
      change: null,
      changeFraction: null,
    });
    expect(assessTarget({ target: { hours: 2 }, saidiHours: 2, elapsedFraction: 1 }).status).toBe('met');
    expect(assessTarget({ target: { hours: 2 }, saidiHours: 2.01, elapsedFraction: 1 }).status).toBe(
      'not_met',
    );
  });

  it('needs SAIDI strictly below the hours when strict ("under 1 hour")', () => {
    expect(
      assessTarget({ target: { hours: 1, strict: true }, saidiHours: 1, elapsedFraction: 1 }).status,
    ).toBe('not_met');
    expect(
      assessTarget({ target: { hours: 1, strict: true }, saidiHours: 0.99, elapsedFraction: 1 }).status,
    ).toBe('met');
  });

  it('is met by a reduction of at least the fraction on the previous year', () => {
    const target: ReliabilityTarget = { hours: 5, orReductionFraction: 0.08 };
    // previous 10 h: allowed by reduction 10 · (1 − 0.08) = 9.2 h; 9.2 is exactly 8 % lower
    const a = assessTarget({ target, saidiHours: 9.2, previousSaidiHours: 10, elapsedFraction: 1 });
    expect(a).toMatchObject({
      status: 'met',
      metBy: 'reduction',
      allowedHours: 5,
      reductionAllowedHours: 10 * (1 - 0.08),
    });
    // change 9.2 − 10 = −0.8 h, −8 %
    expect(a.change).toBe(9.2 - 10);
    expect(a.changeFraction).toBe((9.2 - 10) / 10);
    // 9.3 h is only 7 % lower and above 5 h
    expect(
      assessTarget({ target, saidiHours: 9.3, previousSaidiHours: 10, elapsedFraction: 1 }),
    ).toMatchObject({
      status: 'not_met',
      metBy: null,
    });
    // without a previous year only the hours count
    expect(assessTarget({ target, saidiHours: 4, elapsedFraction: 1 })).toMatchObject({
      status: 'met',
      metBy: 'hours',
    });
  });
});

describe('assessTarget for a year in progress', () => {
  it('pro-rates the target by the elapsed fraction', () => {
    // rural 15 h, half the year gone: 7.5 h allowed so far
    expect(assessTarget({ target: { hours: 15 }, saidiHours: 7, elapsedFraction: 0.5 })).toMatchObject({
      status: 'on_track',
      allowedHours: 7.5,
      metBy: 'hours',
    });
    expect(assessTarget({ target: { hours: 15 }, saidiHours: 8, elapsedFraction: 0.5 }).status).toBe(
      'off_track',
    );
  });

  it('pro-rates the reduction alternative too', () => {
    // previous 20 h, 8 % lower → 18.4 h for the year, 9.2 h at mid-year: 8 h is on track by reduction
    const a = assessTarget({
      target: { hours: 15, orReductionFraction: 0.08 },
      saidiHours: 8,
      previousSaidiHours: 20,
      elapsedFraction: 0.5,
    });
    expect(a).toMatchObject({
      status: 'on_track',
      metBy: 'reduction',
      reductionAllowedHours: 20 * (1 - 0.08) * 0.5,
    });
  });

  it('measures the elapsed fraction of the local calendar year', () => {
    // 2024 is a leap year: 1 Jul 00:00 is 182 of 366 days in
    expect(elapsedFraction(yearPeriod(2024, Z), t(2024, 7, 1))).toBe(182 / 366);
    expect(elapsedFraction(yearPeriod(2024, Z), t(2023, 7, 1))).toBe(0);
    expect(elapsedFraction(yearPeriod(2024, Z), t(2025, 7, 1))).toBe(1);
  });
});

describe('yearTargets', () => {
  const area = (assetId: string, areaClass: AreaClass): Asset => ({
    assetId,
    kind: 'area',
    feederId: 'F1',
    city: 'Baoshan',
    areaClass,
    customers: 100,
    validFrom: 0,
  });
  const outage = (eventId: string, assetId: string, start: number, hours: number): OutageEvent => ({
    eventId,
    assetId,
    start,
    end: start + hours * 3_600_000,
    customersAffected: 100,
    restorations: [],
    cause: 'equipment_fault',
    planned: false,
  });
  const assets = [area('CORE', 'urban_core'), area('RURAL', 'rural')];
  // 2023: urban core 2.5 h, rural 10 h. 2024 to 1 Jul: urban core 0.9 h, rural 8 h (all customers out).
  const events = [
    outage('C23', 'CORE', t(2023, 3, 1), 2.5),
    outage('R23', 'RURAL', t(2023, 3, 1), 10),
    outage('C24', 'CORE', t(2024, 3, 1), 0.9),
    outage('R24', 'RURAL', t(2024, 3, 1), 8),
  ];
  const baoshan: Partial<Record<AreaClass, number>> = { urban_core: 2, urban: 5, town: 9, rural: 15 };
  const targetFor = (keys: { areaClass?: string | null }): ReliabilityTarget | undefined => {
    const hours = baoshan[keys.areaClass as AreaClass];
    return hours === undefined ? undefined : { hours, orReductionFraction: 0.08 };
  };

  it('pro-rates for the year in progress and compares with the previous year', () => {
    const r = yearTargets({
      assets,
      events,
      asOf: t(2024, 7, 1),
      zone: Z,
      year: 2024,
      groupBy: 'areaClass',
      targetFor,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.elapsedFraction).toBe(182 / 366);
    const [core, rural] = r.value.rows;
    // urban core: 0.9 ≤ 2 · 182/366 ≈ 0.995 → on track by hours; change 0.9 − 2.5
    expect(core).toMatchObject({ keys: { areaClass: 'urban_core' }, saidi: 0.9, previousSaidi: 2.5 });
    expect(core?.assessment).toMatchObject({
      status: 'on_track',
      metBy: 'hours',
      allowedHours: 2 * (182 / 366),
      change: 0.9 - 2.5,
    });
    // rural: 8 > 15 · 182/366 ≈ 7.46 and > 10 · 0.92 · 182/366 ≈ 4.57 → off track
    expect(rural?.assessment).toMatchObject({ status: 'off_track', metBy: null });
  });

  it('judges a finished year; a previous year without outages allows no reduction', () => {
    const r = yearTargets({
      assets,
      events,
      asOf: t(2025, 1, 1),
      zone: Z,
      year: 2023,
      groupBy: 'areaClass',
      targetFor,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // 2022 had no outages (SAIDI 0): urban core 2.5 > 2 → not met, change fraction undefined (÷0)
    expect(
      r.value.rows.map((g) => [
        g.keys.areaClass,
        g.saidi,
        g.assessment?.status,
        g.assessment?.changeFraction,
      ]),
    ).toEqual([
      ['urban_core', 2.5, 'not_met', null],
      ['rural', 10, 'met', null],
    ]);
  });

  it('leaves groups without a target unassessed', () => {
    const r = yearTargets({
      assets,
      events,
      asOf: t(2025, 1, 1),
      zone: Z,
      year: 2024,
      groupBy: 'areaClass',
      targetFor: () => undefined,
    });
    expect(r.ok && r.value.rows.map((g) => g.assessment)).toEqual([null, null]);
  });
});
