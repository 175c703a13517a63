// The score as the weighted sum of its parts, the ranking with its tie-breaks, and the work
// list's filters and rows, on hand-computed facts.

import { describe, expect, it } from 'vitest';
import {
  type AssetFacts,
  DEFAULT_PRIORITY,
  type PriorityWeights,
  rankAssets,
  scoreAsset,
  WORK_LIST_COLUMNS,
  workList,
  workListRow,
  workListTable,
} from '../../../analytics/priorities/index.js';

const facts = (over: Partial<AssetFacts> = {}): AssetFacts => ({
  assetId: 'F1',
  kind: 'feeder',
  name: '10kV 一回线',
  province: '云南',
  city: '保山市',
  county: '隆阳区',
  areaClass: 'rural',
  park: null,
  customers: 1000,
  standings: [
    {
      rule: 'over-3-in-60d',
      status: 'breach',
      count: 5,
      limit: 3,
      breachDate: '2025-06-01',
      windowStart: '2025-04-03',
      windowEnd: '2025-06-01',
    },
  ],
  customersAffected: 2000,
  customerHours: 3000,
  includesOngoing: false,
  region: {
    region: '云南/保山市/隆阳区',
    customers: 10_000,
    customerInterruptions: 8000,
    customerHours: 12_000,
    saifi: 0.8,
    saidi: 1.2,
  },
  monthsOnLedger: 6,
  openCase: {
    caseId: 'RC-1',
    status: 'in_progress',
    openedDate: '2025-03-01',
    dueDate: '2025-05-30',
    overdue: true,
    responsibleUnit: '隆阳供电局',
  },
  targets: [
    {
      rule: 'saidi-by-area-class',
      measure: 'saidi_hours',
      group: 'areaClass=rural',
      value: 10,
      allowed: 8,
      status: 'off_track',
    },
  ],
  causes: { equipment_fault: 3, weather_fault: 1, planned_maintenance: 1 },
  ...over,
});

describe('scoreAsset', () => {
  it('adds the parts: weight × value with the default weights (sum 100)', () => {
    // Today 2025-08-30; population maxima: 4000 customer interruptions, 6000 customer-hours.
    // status     breach                              1      × 25 = 25
    // excess     (5 − 3) / 3 = 0.6667                       × 10 = 6.67
    // recency    06-01 → 08-30 = 90 days: 0.5^(90/90) = 0.5  × 10 = 5
    // customers  2000 / 4000 = 0.5                           × 10 = 5
    // c-hours    3000 / 6000 = 0.5                           × 10 = 5
    // SAIDI share 3000 / 12000 = 0.25                        × 10 = 2.5
    // SAIFI share 2000 / 8000 = 0.25                         ×  5 = 1.25
    // ledger     6 / 12 = 0.5                                ×  5 = 2.5
    // case age   03-01 → 08-30 = 182 days; 182 / 365 = 0.4986 × 5 = 2.49
    // overdue    05-30 → 08-30 = 92 days; 92 / 90 → 1        ×  5 = 5
    // target gap (10 − 8) / 8 = 0.25                         ×  5 = 1.25
    // score = 25 + 6.6667 + 5 + 5 + 5 + 2.5 + 1.25 + 2.5 + 2.4932 + 5 + 1.25 = 61.66
    const s = scoreAsset(
      facts(),
      DEFAULT_PRIORITY,
      { maxCustomersAffected: 4000, maxCustomerHours: 6000 },
      '2025-08-30',
    );
    expect(s.parts.map((p) => [p.part, p.weight, p.value, p.points])).toEqual([
      ['status', 25, 1, 25],
      ['excess', 10, 0.6667, 6.67],
      ['recency', 10, 0.5, 5],
      ['customers', 10, 0.5, 5],
      ['customerHours', 10, 0.5, 5],
      ['saidiShare', 10, 0.25, 2.5],
      ['saifiShare', 5, 0.25, 1.25],
      ['ledgerMonths', 5, 0.5, 2.5],
      ['caseAge', 5, 0.4986, 2.49],
      ['overdue', 5, 1, 5],
      ['targetGap', 5, 0.25, 1.25],
    ]);
    expect(s.score).toBe(61.66);
  });

  it('scales by the sum of the weights when it is not 100', () => {
    // Only status (weight 3) and customers (weight 1): 100 × (3 × 1 + 1 × 0.5) / 4 = 87.5
    const w: PriorityWeights = {
      ...DEFAULT_PRIORITY,
      weights: {
        status: 3,
        excess: 0,
        recency: 0,
        customers: 1,
        customerHours: 0,
        saidiShare: 0,
        saifiShare: 0,
        ledgerMonths: 0,
        caseAge: 0,
        overdue: 0,
        targetGap: 0,
      },
    };
    const s = scoreAsset(facts(), w, { maxCustomersAffected: 4000, maxCustomerHours: 6000 }, '2025-08-30');
    expect(s.score).toBe(87.5);
    expect(s.parts.find((p) => p.part === 'status')?.points).toBe(75);
    expect(s.parts.find((p) => p.part === 'customers')?.points).toBe(12.5);
  });

  it('gives an unflagged asset without figures, case or target 0', () => {
    const s = scoreAsset(
      facts({
        standings: [],
        customersAffected: 0,
        customerHours: 0,
        region: null,
        monthsOnLedger: 0,
        openCase: null,
        targets: [],
      }),
      DEFAULT_PRIORITY,
      { maxCustomersAffected: 0, maxCustomerHours: 0 },
      '2025-08-30',
    );
    expect(s.score).toBe(0);
  });
});

describe('rankAssets', () => {
  it('orders by score against the population’s maxima, then status, customer-hours and id', () => {
    // A: at risk (0.6 × 25 = 15) + customers 1000/1000 × 10 + hours 500/500 × 10 = 35
    // B: breach 25 + customers 0 + hours 0 … = 25 (recency: breach 2025-08-30, today: 10)
    //    = 25 + 10 = 35, equal to A: breach ranks before at risk
    // C: watch 0.3 × 25 = 7.5 + customers 500/1000 × 10 = 5 = 12.5
    // D: like C with id before C: same score, status and hours → by id
    const bare = { region: null, monthsOnLedger: 0, openCase: null, targets: [], causes: {} };
    const st = (status: 'breach' | 'at_risk' | 'watch', breachDate: string | null) => [
      {
        rule: 'r',
        status,
        count: 3,
        limit: 3,
        breachDate,
        windowStart: '2025-07-02',
        windowEnd: '2025-08-30',
      },
    ];
    const ranked = rankAssets(
      [
        facts({
          ...bare,
          assetId: 'C',
          standings: st('watch', null),
          customersAffected: 500,
          customerHours: 0,
        }),
        facts({
          ...bare,
          assetId: 'A',
          standings: st('at_risk', null),
          customersAffected: 1000,
          customerHours: 500,
        }),
        facts({
          ...bare,
          assetId: 'D',
          standings: st('watch', null),
          customersAffected: 500,
          customerHours: 0,
        }),
        facts({
          ...bare,
          assetId: 'B',
          standings: st('breach', '2025-08-30'),
          customersAffected: 0,
          customerHours: 0,
        }),
      ],
      DEFAULT_PRIORITY,
      '2025-08-30',
    );
    expect(ranked.map((s) => [s.facts.assetId, s.score])).toEqual([
      ['B', 35],
      ['A', 35],
      ['C', 12.5],
      ['D', 12.5],
    ]);
  });
});

describe('the work list', () => {
  // Population maxima here: 2000 interruptions, 3000 customer-hours. F1 as above, but customers
  // 2000/2000 and hours 3000/3000 give 10 each instead of 5: 61.66 + 10 = 71.66.
  // F2, the same with 1500 customer-hours: hours 1500/3000 × 10 = 5 (−5), SAIDI share
  // 1500/12000 × 10 = 1.25 (−1.25): 71.66 − 6.25 = 65.41.
  // A1, F1 without a case: case age and overdue 0: 71.66 − 2.49 − 5 = 64.17.
  const ranked = rankAssets(
    [
      facts(),
      facts({
        assetId: 'A1',
        kind: 'area',
        county: '施甸县',
        causes: { external_damage: 2 },
        openCase: null,
      }),
      facts({ assetId: 'F2', city: '昆明市', county: '五华区', customerHours: 1500 }),
    ],
    DEFAULT_PRIORITY,
    '2025-08-30',
  );

  it('filters by region (province, city or county), unit, kind and cause, then keeps the top N', () => {
    const ids = (f: Parameters<typeof workList>[1]) => workList(ranked, f).map((s) => s.facts.assetId);
    expect(ranked.map((r) => r.score)).toEqual([71.66, 65.41, 64.17]);
    expect(ids({ top: 10 })).toEqual(['F1', 'F2', 'A1']);
    expect(ids({ top: 1 })).toEqual(['F1']);
    expect(ids({ region: '保山市', top: 10 })).toEqual(['F1', 'A1']);
    expect(ids({ region: '施甸县', top: 10 })).toEqual(['A1']);
    expect(ids({ region: '云南', top: 10 })).toEqual(['F1', 'F2', 'A1']);
    expect(ids({ unit: '隆阳供电局', top: 10 })).toEqual(['F1', 'F2']);
    expect(ids({ kind: 'area', top: 10 })).toEqual(['A1']);
    expect(ids({ cause: 'external_damage', top: 10 })).toEqual(['A1']);
    expect(ids({ cause: 'unknown', top: 10 })).toEqual([]);
  });

  it('flattens a row with the deciding rule, the case, the main causes and each part’s points', () => {
    const top = ranked[0];
    if (!top) throw new Error('empty');
    const row = workListRow(top, 1);
    expect(Object.keys(row)).toEqual(WORK_LIST_COLUMNS.map((c) => c.key));
    expect(row).toMatchObject({
      rank: 1,
      assetId: 'F1',
      status: 'breach',
      rule: 'over-3-in-60d',
      breachDate: '2025-06-01',
      count: 5,
      limit: 3,
      region: '云南/保山市/隆阳区',
      regionSaidi: 1.2,
      caseId: 'RC-1',
      overdue: true,
      responsibleUnit: '隆阳供电局',
      mainCauses: 'equipment_fault ×3; planned_maintenance ×1; weather_fault ×1',
      statusPoints: 25,
    });
  });

  it('puts the same cells under headers in a language, or under field names', () => {
    const top = ranked[0];
    if (!top) throw new Error('empty');
    const rows = [workListRow(top, 1)];
    const zh = workListTable(rows, 'zh');
    expect(zh.headers.slice(0, 3)).toEqual(['排序', '设备编号', '线路/台区名称']);
    expect(zh.rows[0]?.['设备编号']).toBe('F1');
    const plain = workListTable(rows);
    expect(plain.headers.slice(0, 3)).toEqual(['rank', 'assetId', 'name']);
    expect(Object.values(plain.rows[0] ?? {})).toEqual(Object.values(zh.rows[0] ?? {}));
  });
});
