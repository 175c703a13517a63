import { describe, expect, it } from 'vitest';
import {
  type CaseEvent,
  clearingPointCount,
  clearingPoints,
  clearingSeries,
} from '../../../analytics/remediation/index.js';
import { local, openEvent, SH } from './fixtures.js';

const iso = (ms: number) => new Date(ms).toISOString();

describe('clearingPoints', () => {
  it('ends each month on its last local day, the last one at `to`', () => {
    const points = clearingPoints(local('2025-05-15 00:00'), local('2025-07-10 12:00'), 'month', SH);
    expect(points.map((p) => [p.date, iso(p.asOf)])).toEqual([
      ['2025-05-31', '2025-05-31T15:59:59.999Z'],
      ['2025-06-30', '2025-06-30T15:59:59.999Z'],
      ['2025-07-10', '2025-07-10T04:00:00.000Z'],
    ]);
  });

  it('steps by weeks from the first day', () => {
    const points = clearingPoints(local('2025-07-01 00:00'), local('2025-07-20 00:00'), 'week', SH);
    expect(points.map((p) => p.date)).toEqual(['2025-07-07', '2025-07-14', '2025-07-20']);
  });
});

describe('clearingSeries', () => {
  const unitOf = (caseId: string, unit: string, at: number): CaseEvent => ({
    ...openEvent(caseId),
    seq: 2,
    action: 'update',
    at,
    data: { fields: { responsibleUnit: unit } },
  });
  const events: CaseEvent[] = [
    openEvent('A', local('2025-04-01 00:20'), { data: { ...openEvent().data, dueDate: '2025-06-15' } }),
    unitOf('A', '隆阳供电局', local('2025-04-02 10:00')),
    openEvent('B', local('2025-06-10 00:20'), { data: { ...openEvent().data, dueDate: '2025-09-08' } }),
    { ...openEvent('A'), seq: 3, action: 'close', status: 'closed', at: local('2025-07-05 10:00'), data: {} },
  ];

  it('counts open, overdue and closed cases by unit at each month end', () => {
    const rows = clearingSeries(events, {
      from: local('2025-06-01 00:00'),
      to: local('2025-07-31 23:59'),
      step: 'month',
      groupBy: ['unit'],
      zone: SH,
    });
    expect(rows).toEqual([
      {
        date: '2025-06-30',
        unit: null,
        open: 1,
        overdue: 0,
        observation: 0,
        closed: 0,
        opened: 1,
        closedInStep: 0,
      },
      {
        date: '2025-06-30',
        unit: '隆阳供电局',
        open: 1,
        overdue: 1,
        observation: 0,
        closed: 0,
        opened: 0,
        closedInStep: 0,
      },
      {
        date: '2025-07-31',
        unit: null,
        open: 1,
        overdue: 0,
        observation: 0,
        closed: 0,
        opened: 0,
        closedInStep: 0,
      },
      {
        date: '2025-07-31',
        unit: '隆阳供电局',
        open: 0,
        overdue: 0,
        observation: 0,
        closed: 1,
        opened: 0,
        closedInStep: 1,
      },
    ]);
  });
});

describe('clearing point count', () => {
  it('equals the number of points built, for any range and step', () => {
    const zone = 'Asia/Shanghai';
    const base = Date.UTC(2024, 0, 1);
    // A deterministic spread of ranges: same day, across month and year ends, up to three years.
    for (let i = 0; i < 400; i++) {
      const from = base + ((i * 7919) % 900) * 3_600_000 * 24 + ((i * 37) % 24) * 3_600_000;
      const to = from + ((i * 104_729) % (3 * 366)) * 86_400_000 + ((i * 13) % 24) * 3_600_000;
      for (const step of ['day', 'week', 'month'] as const) {
        expect(clearingPointCount(from, to, step, zone), `${step} ${from} ${to}`).toBe(
          clearingPoints(from, to, step, zone).length,
        );
      }
    }
  });

  it('counts a range of millennia without building it (the request is refused at once)', () => {
    const from = Date.UTC(1970, 0, 1);
    const to = Date.UTC(3999, 11, 31);
    // 1970-01-01 … 3999-12-31 in Shanghai: 741,442 local days; 24,360 months.
    expect(clearingPointCount(from, to, 'day', 'Asia/Shanghai')).toBe(741_442);
    expect(clearingPointCount(from, to, 'month', 'Asia/Shanghai')).toBe(24_360);
  });
});
