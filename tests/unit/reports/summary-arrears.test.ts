// The half-year summary's rows and the arrears notice's rows and deadlines, by hand.

import { describe, expect, it } from 'vitest';
import { arrearsRow, summaryRows } from '../../../analytics/reports/index.js';
import type { Asset } from '../../../core/index.js';
import { at, ZONE } from '../rules/fixtures.js';

describe('half-year summary rows', () => {
  const rows = summaryRows({
    period: '2026',
    firstDate: '2026-01-01',
    lastDate: '2026-06-30',
    hours: 4344,
    reliability: [
      { region: '贵阳市', users: 4, saifi: 4, saidi: 4 },
      { region: '遵义市', users: 2, saifi: 0, saidi: 0 },
    ],
    total: { region: null, users: 6, saifi: 16 / 6, saidi: 16 / 6 },
    breaches: [
      { assetId: 'F1', kind: 'feeder', region: '贵阳市' },
      { assetId: 'A1', kind: 'area', region: '贵阳市' },
      { assetId: 'A2', kind: 'area', region: '遵义市' },
    ],
    cases: [
      // opened in the period, still open at its end
      { region: '贵阳市', status: 'open', openedDate: '2026-04-21', closedDate: null, dueDate: '2026-07-20' },
      // opened before, overdue on 30 June
      {
        region: '贵阳市',
        status: 'in_progress',
        openedDate: '2025-12-01',
        closedDate: null,
        dueDate: '2026-03-01',
      },
      // closed in the period
      {
        region: '遵义市',
        status: 'closed',
        openedDate: '2025-10-01',
        closedDate: '2026-02-10',
        dueDate: '2025-12-30',
      },
      // opened after the period (read at the cut-off): counts nowhere
      { region: '遵义市', status: 'open', openedDate: '2026-07-01', closedDate: null, dueDate: '2026-09-29' },
    ],
  });

  it('gives each region its measures, breaches and case progress, then the total', () => {
    expect(rows).toEqual([
      {
        period: '2026',
        scope: 'region',
        region: '贵阳市',
        users: 4,
        saifi: 4,
        saidi: 4,
        // 1 − 4 / 4344 h
        rs1Percent: 99.9079,
        frequentFeeders: 1,
        frequentAreas: 1,
        casesOpened: 1,
        casesClosed: 0,
        casesOpenAtEnd: 2,
        casesOverdueAtEnd: 1,
      },
      {
        period: '2026',
        scope: 'region',
        region: '遵义市',
        users: 2,
        saifi: 0,
        saidi: 0,
        rs1Percent: 100,
        frequentFeeders: 0,
        frequentAreas: 1,
        casesOpened: 0,
        casesClosed: 1,
        casesOpenAtEnd: 0,
        casesOverdueAtEnd: 0,
      },
      {
        period: '2026',
        scope: 'total',
        region: null,
        users: 6,
        saifi: 2.6667,
        saidi: 2.6667,
        // 1 − 2.6667 / 4344 h
        rs1Percent: 99.9386,
        frequentFeeders: 1,
        frequentAreas: 2,
        casesOpened: 1,
        casesClosed: 1,
        casesOpenAtEnd: 2,
        casesOverdueAtEnd: 1,
      },
    ]);
  });
});

describe('arrears notice rows', () => {
  const config = { householdsMoreThan: 50, importantUsers: true, daysBefore: 3 };
  const area = (extra: Partial<Asset> = {}): Asset => ({
    assetId: 'A1',
    kind: 'area',
    name: '幸福里小区1号台区',
    feederId: 'F1',
    province: '贵州省',
    city: '贵阳市',
    county: '云岩区',
    areaClass: 'urban',
    customers: 120,
    validFrom: at('2025-01-01 00:00'),
    ...extra,
  });
  const row = (households: number, received: string | null, asset: Asset = area(), c = config) =>
    arrearsRow(
      {
        period: '2026-03',
        event: {
          eventId: 'E1',
          assetId: asset.assetId,
          start: at('2026-03-10 09:00'),
          end: at('2026-03-10 18:00'),
          customersAffected: households,
          planned: true,
        },
        asset,
        firstReceived: received === null ? null : at(received),
        zone: ZONE,
      },
      c,
    );

  it('lists a compound of more than 50 households, due 3 calendar days before the start date', () => {
    expect(row(51, '2026-03-07 23:30')).toEqual({
      period: '2026-03',
      eventId: 'E1',
      assetId: 'A1',
      assetName: '幸福里小区1号台区',
      kind: 'area',
      province: '贵州省',
      city: '贵阳市',
      county: '云岩区',
      subject: 'compound',
      households: 51,
      importantUser: false,
      planned: true,
      start: '2026-03-10T09:00:00+08:00',
      end: '2026-03-10T18:00:00+08:00',
      reportDue: '2026-03-07',
      firstReceived: '2026-03-07T23:30:00+08:00',
      late: false,
    });
    // first received ten minutes into the day after the deadline
    expect(row(51, '2026-03-08 00:10')?.late).toBe(true);
  });

  it('leaves out 50 households (超过50户 excludes 50) unless an important user is supplied', () => {
    expect(row(50, '2026-03-01 10:00')).toBeNull();
    const hospital = area({ assetId: 'H1', name: '市第一人民医院', importantUser: true, customers: 1 });
    expect(row(1, '2026-03-01 10:00', hospital)).toMatchObject({
      subject: 'important_user',
      importantUser: true,
    });
    expect(row(80, '2026-03-01 10:00', hospital)?.subject).toBe('compound_important_user');
    expect(row(1, '2026-03-01 10:00', hospital, { ...config, importantUsers: false })).toBeNull();
  });

  it('counts the days across a month end, and a disconnection never received is late', () => {
    const early = arrearsRow(
      {
        period: '2026-03',
        event: {
          eventId: 'E2',
          assetId: 'A1',
          start: at('2026-03-02 08:00'),
          end: null,
          customersAffected: 60,
          planned: true,
        },
        asset: area(),
        firstReceived: null,
        zone: ZONE,
      },
      config,
    );
    expect([early?.reportDue, early?.end, early?.late]).toEqual(['2026-02-27', null, true]);
  });
});
