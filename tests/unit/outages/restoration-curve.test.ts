// The restoration curve of a storm, every figure computed by hand. T is 2025-07-01 08:00 in
// Shanghai (00:00 UTC); m(n) is n minutes after it. The range is m(0) … m(120) unless told.

import { describe, expect, it } from 'vitest';
import {
  type CurveOutage,
  currentEventWindow,
  restorationCurve,
  sampleInstants,
} from '../../../analytics/outages/index.js';

const T = Date.UTC(2025, 6, 1, 0, 0);
const m = (n: number) => T + n * 60_000;
const ZONE = 'Asia/Shanghai';

const KUNMING = { province: '云南省', city: '昆明市', county: '五华区' };
const QUJING = { province: '云南省', city: '曲靖市', county: '麒麟区' };

const outage = (
  eventId: string,
  start: number,
  end: number | null,
  customersAffected: number,
  extra: Partial<CurveOutage> = {},
): CurveOutage => ({ eventId, start, end, customersAffected, ...KUNMING, ...extra });

/**
 * A begins before the range and ends at m30; B steps 50 back at m40 and the rest at m90; C
 * begins at m30, when A ends and D begins too, and is still out; D is in Qujing. E ended at
 * the range's first instant and F begins after it: neither was out in the range.
 */
const STORM: CurveOutage[] = [
  outage('A', m(-60), m(30), 100),
  outage('B', m(10), m(90), 200, { restorations: [{ at: m(40), customersRestored: 50 }] }),
  outage('C', m(30), null, 300),
  outage('D', m(30), m(60), 40, QUJING),
  outage('E', m(-120), m(0), 500),
  outage('F', m(130), null, 600),
];
const range = { from: m(0), to: m(120), stepMs: 60 * 60_000, zone: ZONE };
const pts = (...pairs: [number, number][]) =>
  pairs.map(([at, customersOut]) => ({ at: m(at), customersOut }));

describe('restorationCurve', () => {
  it('steps at every start, restoration step and end, the changes of one instant merged', () => {
    const c = restorationCurve(STORM, range);
    // m0: A (begun before) 100; m10: +B 200; m30: −A 100, +C 300, +D 40; m40: −50 of B;
    // m60: −D 40; m90: −B's other 150; m120: C still out.
    expect(c.points).toEqual(
      pts([0, 100], [10, 300], [30, 540], [40, 490], [60, 450], [90, 300], [120, 300]),
    );
    expect(c.peak).toEqual({ at: m(30), customersOut: 540 });
    expect(c.samples).toEqual(pts([0, 100], [60, 450], [120, 300]));
    // A, B, C, D: 100 + 200 + 300 + 40 = 640 affected, C's 300 still out, 340 back: 340 / 640
    expect({
      outages: c.outages,
      ongoing: c.ongoing,
      customersAffected: c.customersAffected,
      customersOut: c.customersOut,
      customersRestored: c.customersRestored,
      restoredShare: c.restoredShare,
    }).toEqual({
      outages: 4,
      ongoing: 1,
      customersAffected: 640,
      customersOut: 300,
      customersRestored: 340,
      restoredShare: 0.53125,
    });
  });

  it('keeps to one region: a city, a county or the province', () => {
    const qujing = restorationCurve(STORM, { ...range, region: '曲靖市' });
    expect(qujing.points).toEqual(pts([0, 0], [30, 40], [60, 0], [120, 0]));
    expect(qujing.peak).toEqual({ at: m(30), customersOut: 40 });
    expect([qujing.customersAffected, qujing.customersRestored, qujing.restoredShare]).toEqual([40, 40, 1]);

    // A, B and C: at m30 A's 100 come back as C's 300 go out; D's instants are not theirs
    const wuhua = restorationCurve(STORM, { ...range, region: '五华区' });
    expect(wuhua.points).toEqual(pts([0, 100], [10, 300], [30, 500], [40, 450], [90, 300], [120, 300]));
    expect(wuhua.peak).toEqual({ at: m(30), customersOut: 500 });
    expect([wuhua.customersAffected, wuhua.customersOut, wuhua.restoredShare]).toEqual([600, 300, 0.5]);

    expect(restorationCurve(STORM, { ...range, region: '云南省' })).toEqual(restorationCurve(STORM, range));
    expect(restorationCurve(STORM, { ...range, region: '贵州省' }).outages).toBe(0);
  });

  it('keeps an instant where an end and a start cancel out, and dates the peak when first reached', () => {
    const c = restorationCurve([outage('X', m(-10), m(20), 50), outage('Y', m(20), m(50), 50)], {
      from: m(0),
      to: m(60),
      stepMs: 30 * 60_000,
      zone: ZONE,
    });
    expect(c.points).toEqual(pts([0, 50], [20, 50], [50, 0], [60, 0]));
    expect(c.peak).toEqual({ at: m(0), customersOut: 50 });
    expect(c.samples).toEqual(pts([0, 50], [30, 50], [60, 0]));
  });

  it('counts an outage ending after the range as still out at its end', () => {
    const c = restorationCurve([outage('Z', m(10), m(200), 70)], range);
    expect(c.points).toEqual(pts([0, 0], [10, 70], [120, 70]));
    expect([c.ongoing, c.customersOut, c.customersRestored, c.restoredShare]).toEqual([1, 70, 0, 0]);
  });

  it('brings step restorations back within the outage, never more than are out', () => {
    // 100 out at m0, of them 10 at once (a step dated before the start), 30 at m15, and a
    // step of 100 at m45 that finds 60 still out; nothing is left for the end at m90.
    const steps = restorationCurve(
      [
        outage('S', m(0), m(90), 100, {
          restorations: [
            { at: m(15), customersRestored: 30 },
            { at: m(-5), customersRestored: 10 },
            { at: m(45), customersRestored: 100 },
          ],
        }),
      ],
      range,
    );
    expect(steps.points).toEqual(pts([0, 90], [15, 60], [45, 0], [120, 0]));
    expect(steps.peak).toEqual({ at: m(0), customersOut: 90 });

    // a step dated after the end counts at the end
    const late = restorationCurve(
      [outage('R', m(5), m(30), 40, { restorations: [{ at: m(40), customersRestored: 20 }] })],
      range,
    );
    expect(late.points).toEqual(pts([0, 0], [5, 40], [30, 0], [120, 0]));
  });

  it('starts an outage begun before the range with what its earlier steps left out', () => {
    const c = restorationCurve(
      [outage('Q', m(-100), null, 80, { restorations: [{ at: m(-50), customersRestored: 30 }] })],
      range,
    );
    expect(c.points).toEqual(pts([0, 50], [120, 50]));
    // all 80 were affected, 30 are back
    expect([c.customersAffected, c.customersRestored, c.restoredShare]).toEqual([80, 30, 0.375]);
  });

  it('leaves a cancelled outage out', () => {
    const cancelled = outage('G', m(5), m(100), 1000, { cancelled: true });
    expect(restorationCurve([...STORM, cancelled], range)).toEqual(restorationCurve(STORM, range));
  });

  it('is flat at zero with no peak when nothing was out', () => {
    const c = restorationCurve([], range);
    expect(c.points).toEqual(pts([0, 0], [120, 0]));
    expect([c.peak, c.customersAffected, c.restoredShare]).toEqual([null, 0, null]);
  });

  it('refuses a range the wrong way round or too many samples', () => {
    expect(() => restorationCurve([], { ...range, from: m(121) })).toThrow(/after to/);
    expect(() => restorationCurve([], { ...range, to: m(60 * 24 * 31), stepMs: 60_000 })).toThrow(
      /more than 5000 samples/,
    );
  });
});

describe('sampleInstants', () => {
  it('puts samples on whole steps of the zone’s clock, with the range’s ends', () => {
    // 08:07 Shanghai: the half hours are 08:30 … 10:00, then 10:05
    expect(sampleInstants(m(7), m(125), 30 * 60_000, ZONE)).toEqual([
      m(7),
      m(30),
      m(60),
      m(90),
      m(120),
      m(125),
    ]);
    // 05:37 in Kolkata (+05:30): its whole hours 06:00 and 07:00 are 00:30 and 01:30 UTC
    expect(sampleInstants(m(7), m(125), 60 * 60_000, 'Asia/Kolkata')).toEqual([m(7), m(30), m(90), m(125)]);
  });
});

describe('currentEventWindow', () => {
  const DAY = 86_400_000;
  it('runs from the start of the earliest outage still ongoing', () => {
    expect(currentEventWindow([m(-30), m(-90)], m(0))).toEqual({
      from: m(-90),
      to: m(0),
      basis: 'earliest-ongoing',
    });
  });

  it('is the last 24 hours when nothing is ongoing, or it only begins now', () => {
    expect(currentEventWindow([], m(0))).toEqual({ from: m(0) - DAY, to: m(0), basis: 'last-24h' });
    expect(currentEventWindow([m(0)], m(0))).toEqual({ from: m(0) - DAY, to: m(0), basis: 'last-24h' });
  });

  it('reaches back 31 days at most', () => {
    expect(currentEventWindow([m(0) - 40 * DAY], m(0))).toEqual({
      from: m(0) - 31 * DAY,
      to: m(0),
      basis: 'earliest-ongoing',
    });
  });
});
