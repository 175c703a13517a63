import { describe, expect, it } from 'vitest';
import {
  deriveOutageNotices,
  flagNotice,
  isCancellation,
  type OutagePlace,
  type OutageVersion,
} from '../../../analytics/notices/index.js';

const Z = 'Asia/Shanghai';
const T = Date.parse('2025-06-03T06:00:00Z'); // 14:00 in Shanghai
const min = 60_000;
const place: OutagePlace = {
  assetName: '10kV 东风线',
  kind: 'feeder',
  province: '云南省',
  city: '昆明市',
  county: '官渡区',
  areas: [
    { assetId: 'A1', name: '东风一台区' },
    { assetId: 'A2', name: '东风二台区' },
  ],
  feeders: ['F1'],
  counties: ['官渡区'],
};
const v = (over: Partial<OutageVersion>): OutageVersion => ({
  eventId: 'E1',
  assetId: 'F1',
  start: T,
  end: null,
  customersAffected: 120,
  affectedAreas: null,
  cause: 'equipment_fault',
  planned: false,
  estimatedRestoration: null,
  receivedAt: T + min,
  cancelled: false,
  ...over,
});
const kinds = (ns: { type: string; occurredAt: number }[]) =>
  ns.map((n) => [n.type, (n.occurredAt - T) / min]);

describe('outage notices', () => {
  it('a fault: began, estimate changed, restored, each once, with stable ids', () => {
    const versions = [
      v({ estimatedRestoration: T + 120 * min }),
      v({ estimatedRestoration: T + 180 * min, receivedAt: T + 30 * min }),
      v({ estimatedRestoration: T + 180 * min, end: T + 150 * min, receivedAt: T + 151 * min }),
    ];
    const now = T + 200 * min;
    const a = deriveOutageNotices(versions, place, now, Z);
    expect(kinds(a)).toEqual([
      ['outage.began', 1],
      ['outage.estimate_changed', 30],
      ['outage.restored', 151],
    ]);
    // the same from the versions in another order, and later: same ids
    const b = deriveOutageNotices([...versions].reverse(), place, now + 600 * min, Z);
    expect(b.map((n) => n.noticeId)).toEqual(a.map((n) => n.noticeId));
    expect(new Set(a.map((n) => n.noticeId)).size).toBe(3);
    const began = a[0]!;
    expect(began.assets).toEqual(['F1', 'A1', 'A2']);
    expect(began.counties).toEqual(['官渡区']);
    expect(began.data).toMatchObject({
      start: '2025-06-03T14:00:00+08:00',
      estimatedRestoration: '2025-06-03T16:00:00+08:00',
      customersAffected: 120,
      areas: [
        { assetId: 'A1', name: '东风一台区' },
        { assetId: 'A2', name: '东风二台区' },
      ],
    });
    expect(a[1]!.data).toMatchObject({
      estimatedRestoration: '2025-06-03T17:00:00+08:00',
      previous: { estimatedRestoration: '2025-06-03T16:00:00+08:00' },
    });
  });

  it('an estimate that passes with the power still off, once per estimate', () => {
    const versions = [v({ estimatedRestoration: T + 60 * min })];
    expect(kinds(deriveOutageNotices(versions, place, T + 59 * min, Z))).toEqual([['outage.began', 1]]);
    const passed = deriveOutageNotices(versions, place, T + 61 * min, Z);
    expect(kinds(passed)).toEqual([
      ['outage.began', 1],
      ['outage.estimate_passed', 60],
    ]);
    // a new estimate after it passed: the passing stays, the change follows, the new one passes too
    const later = [...versions, v({ estimatedRestoration: T + 120 * min, receivedAt: T + 70 * min })];
    expect(kinds(deriveOutageNotices(later, place, T + 121 * min, Z))).toEqual([
      ['outage.began', 1],
      ['outage.estimate_passed', 60],
      ['outage.estimate_changed', 70],
      ['outage.estimate_passed', 120],
    ]);
    // restored before its estimate: no passing
    const restored = [...versions, v({ end: T + 50 * min, receivedAt: T + 50 * min })];
    expect(kinds(deriveOutageNotices(restored, place, T + 500 * min, Z))).toEqual([
      ['outage.began', 1],
      ['outage.restored', 50],
    ]);
  });

  it('a record first received already over is not announced', () => {
    const late = [v({ end: T + 20 * min, receivedAt: T + 25 * min })];
    expect(deriveOutageNotices(late, place, T + 60 * min, Z)).toEqual([]);
  });

  it('a planned outage: announced, changed, begun at its start, restored at its end given ahead', () => {
    const day = 24 * 60 * min;
    const p = (over: Partial<OutageVersion>) =>
      v({
        planned: true,
        cause: 'planned_maintenance',
        start: T + 10 * day,
        end: T + 10 * day + 240 * min,
        ...over,
      });
    const versions = [
      p({ receivedAt: T }),
      p({ receivedAt: T + 60 * min, notes: undefined } as Partial<OutageVersion>), // nothing changed
      p({ receivedAt: T + 120 * min, start: T + 11 * day, end: T + 11 * day + 240 * min }),
    ];
    expect(kinds(deriveOutageNotices(versions, place, T + day, Z))).toEqual([
      ['planned.announced', 0],
      ['planned.changed', 120],
    ]);
    expect(kinds(deriveOutageNotices(versions, place, T + 11 * day + 241 * min, Z))).toEqual([
      ['planned.announced', 0],
      ['planned.changed', 120],
      ['outage.began', 11 * 24 * 60],
      ['outage.restored', 11 * 24 * 60 + 240],
    ]);
  });

  it('a planned outage called off', () => {
    const day = 24 * 60 * min;
    const p = (over: Partial<OutageVersion>) =>
      v({ planned: true, start: T + 10 * day, end: T + 10 * day + 240 * min, ...over });
    const off = { customersAffected: 0, end: T + 10 * day };
    expect(isCancellation({ ...p({}), ...off })).toBe(true);
    expect(isCancellation({ ...p({}), cancelled: true })).toBe(true);
    expect(isCancellation(p({}))).toBe(false);
    const versions = [p({ receivedAt: T }), p({ ...off, cancelled: true, receivedAt: T + 60 * min })];
    expect(kinds(deriveOutageNotices(versions, place, T + 20 * day, Z))).toEqual([
      ['planned.announced', 0],
      ['planned.cancelled', 60],
    ]);
  });
});

describe('flag notices', () => {
  const flag = {
    assetId: 'A1',
    kind: 'area',
    ruleSet: 'national-2025',
    rule: 'sixty-days',
    family: 'frequent',
    count: 3,
    limit: 3,
    windowStart: '2025-04-05',
    windowEnd: '2025-06-03',
    breachDate: null,
    eventIds: ['E1', 'E2', 'E3'],
  };
  const asset = { name: '东风一台区', feederId: 'F1', province: '云南省', city: '昆明市', county: '官渡区' };
  it('one notice per at-risk episode, named by the outage that filled the window', () => {
    const a = flagNotice({ ...flag, status: 'at_risk' }, asset, T);
    const again = flagNotice({ ...flag, status: 'at_risk', windowEnd: '2025-06-04' }, asset, T + 5);
    const next = flagNotice({ ...flag, status: 'at_risk', eventIds: ['E2', 'E3', 'E4'] }, asset, T);
    expect(a.noticeId).toBe(again.noticeId);
    expect(next.noticeId).not.toBe(a.noticeId);
    expect(a).toMatchObject({
      type: 'flag.at_risk',
      status: 'at_risk',
      assets: ['A1'],
      feeders: ['F1'],
      counties: ['官渡区'],
      occurredAt: T,
    });
    const breach = flagNotice({ ...flag, status: 'breach', breachDate: '2025-06-03', count: 4 }, asset, T);
    expect(breach.type).toBe('flag.breach');
    expect(breach.noticeId).not.toBe(a.noticeId);
  });
});
