// The rows of a storm's export, computed by hand: duration and customer-minutes with step
// restoration, an ongoing outage measured up to the as-of time, the estimate passed or not,
// and the table in words (Chinese and English). T is 2025-07-01 08:00 in Shanghai.

import { describe, expect, it } from 'vitest';
import { type StormOutage, stormExportRows, stormTable } from '../../../analytics/outages/index.js';

const T = Date.UTC(2025, 6, 1, 0, 0);
const m = (n: number) => T + n * 60_000;
const ZONE = 'Asia/Shanghai';

const base = {
  assetName: '10kV松华线',
  assetCode: 'PMS-0001',
  kind: 'feeder',
  province: '云南省',
  city: '昆明市',
  county: '五华区',
  cause: 'weather_fault',
  planned: false,
  restorations: [],
  estimatedRestoration: null,
};

const OUTAGES: StormOutage[] = [
  // 40 back at m30, the other 60 at m90: 40 × 30 + 60 × 90 = 6,600 customer-minutes; the
  // estimate m60 was passed
  {
    ...base,
    eventId: 'S1',
    assetId: 'F1',
    start: m(0),
    end: m(90),
    customersAffected: 100,
    restorations: [{ at: m(30), customersRestored: 40 }],
    estimatedRestoration: m(60),
  },
  // ongoing at the as-of time m45: 45 minutes, 10 × 45 = 450; estimate m60 not yet passed
  {
    ...base,
    eventId: 'S2',
    assetId: 'A1',
    start: m(0),
    end: null,
    customersAffected: 10,
    estimatedRestoration: m(60),
  },
  // restored exactly at its estimate: not passed; planned, no region known, a formula-like name
  {
    ...base,
    eventId: 'S3',
    assetId: 'A2',
    assetName: '=HYPERLINK("x")',
    assetCode: null,
    province: null,
    city: null,
    county: null,
    start: m(-30),
    end: m(30),
    customersAffected: 5,
    cause: 'planned_maintenance',
    planned: true,
    estimatedRestoration: m(30),
  },
  // no estimate given
  { ...base, eventId: 'S4', assetId: 'A3', start: m(10), end: m(20), customersAffected: 3 },
];

describe('stormExportRows', () => {
  it('gives each outage its duration, customer-minutes and estimate, times in the zone', () => {
    const rows = stormExportRows(OUTAGES, { asOf: m(45), zone: ZONE });
    expect(
      rows.map((r) => [r.eventId, r.durationMinutes, r.customerMinutes, r.estimatePassed, r.end]),
    ).toEqual([
      ['S1', 90, 6600, true, '2025-07-01T09:30:00+08:00'],
      ['S2', 45, 450, false, null],
      ['S3', 60, 300, false, '2025-07-01T08:30:00+08:00'],
      ['S4', 10, 30, null, '2025-07-01T08:20:00+08:00'],
    ]);
    expect(rows[0]).toEqual({
      eventId: 'S1',
      assetId: 'F1',
      assetName: '10kV松华线',
      assetCode: 'PMS-0001',
      regionPath: '云南省 / 昆明市 / 五华区',
      start: '2025-07-01T08:00:00+08:00',
      end: '2025-07-01T09:30:00+08:00',
      durationMinutes: 90,
      customersAffected: 100,
      customerMinutes: 6600,
      cause: 'weather_fault',
      planned: false,
      estimatedRestoration: '2025-07-01T09:00:00+08:00',
      estimatePassed: true,
    });
    expect(rows[2]?.regionPath).toBeNull();
  });
});

describe('stormTable', () => {
  const rows = stormExportRows(OUTAGES, { asOf: m(45), zone: ZONE });

  it('words headers and values in Chinese, times as the zone’s wall clock', () => {
    const t = stormTable(rows, 'zh', ZONE);
    expect(t.headers).toEqual([
      '停电事件编号',
      '设备编号',
      '设备名称',
      '设备编码',
      '所属地区',
      '停电时间（Asia/Shanghai）',
      '恢复送电时间（Asia/Shanghai）',
      '停电时长（分钟）',
      '停电用户数',
      '停电户·分钟',
      '停电原因',
      '计划停电',
      '预计恢复时间（Asia/Shanghai）',
      '已过预计恢复时间',
    ]);
    expect(Object.values(t.rows[2] ?? {})).toEqual([
      'S3',
      'A2',
      '=HYPERLINK("x")',
      null,
      null,
      '2025-07-01 07:30:00',
      '2025-07-01 08:30:00',
      60,
      5,
      300,
      '计划检修',
      '是',
      '2025-07-01 08:30:00',
      '否',
    ]);
    expect(t.types).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      'datetime',
      'datetime',
      'integer',
      'integer',
      'integer',
      undefined,
      undefined,
      'datetime',
      undefined,
    ]);
  });

  it('words them in English, an ongoing outage without an end', () => {
    const t = stormTable(rows, 'en', ZONE);
    expect(t.headers[5]).toBe('Start (Asia/Shanghai)');
    const s2 = t.rows[1] ?? {};
    expect([s2['End (Asia/Shanghai)'], s2['Cause'], s2['Planned'], s2['Estimate passed']]).toEqual([
      null,
      'Weather fault',
      'no',
      'no',
    ]);
    expect(t.rows[3]?.['Estimate passed']).toBeNull();
  });
});
