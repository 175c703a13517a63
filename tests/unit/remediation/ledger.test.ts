import { describe, expect, it } from 'vitest';
import {
  DISCLOSURE_COLUMNS,
  disclosureRow,
  fieldNames,
  type LedgerRow,
  LEDGER_COLUMNS,
  ledgerRow,
  ledgerSubjects,
  localize,
  type ReportMeta,
} from '../../../analytics/remediation/index.js';
import { flag, local, openEvent, PLAN, stateOf } from './fixtures.js';

const JUNE_START = local('2025-06-01 00:00');
const META: ReportMeta = {
  ruleSetTitle: { zh: '频繁停电管控标准（2025）', en: 'Frequent-outage control standard (2025)' },
  jurisdiction: { zh: '云南省', en: 'Yunnan' },
  ruleTitles: {
    'over-3-in-60d': { zh: '连续60天停电次数超过3次', en: 'More than 3 outages within 60 consecutive days' },
    'over-5-in-365d': { zh: '一年内停电次数超过5次', en: 'More than 5 outages within one year' },
  },
};

// due on 2025-06-29: overdue on the month's last day (the work is not done)
const planned = stateOf([
  openEvent('RC-1', local('2025-04-01 00:20'), { data: { ...openEvent().data, dueDate: '2025-06-29' } }),
  {
    ...openEvent(),
    caseId: 'RC-1',
    seq: 2,
    action: 'approve_plan',
    status: 'plan_approved',
    actor: '李娜',
    role: 'planner',
    at: local('2025-04-05 10:00'),
    data: { fields: { ...PLAN, measures: [...PLAN.measures] } },
  },
]);

describe('ledgerSubjects', () => {
  it('lists pairs in breach and pairs with a current case, by asset id', () => {
    const closedBefore = stateOf([
      openEvent('RC-9', local('2025-01-01 00:20'), { assetId: 'F9' }),
      {
        ...openEvent('RC-9'),
        assetId: 'F9',
        seq: 2,
        action: 'close',
        status: 'closed',
        at: local('2025-05-20 10:00'),
        data: {},
      },
    ]);
    const closedInJune = stateOf([
      openEvent('RC-8', local('2025-01-01 00:20'), { assetId: 'F8' }),
      {
        ...openEvent('RC-8'),
        assetId: 'F8',
        seq: 2,
        action: 'close',
        status: 'closed',
        at: local('2025-06-20 10:00'),
        data: {},
      },
    ]);
    const subjects = ledgerSubjects(
      [flag('F2', 'over-3-in-60d', '2025-06-29'), flag('F3', 'over-3-in-60d', null)],
      [planned, closedBefore, closedInJune],
      JUNE_START,
    );
    expect(subjects.map((s) => [s.assetId, s.flags.map((f) => f.rule), s.case?.caseId ?? null])).toEqual([
      ['F1', [], 'RC-1'],
      ['F2', ['over-3-in-60d'], null],
      ['F8', [], 'RC-8'],
    ]);
  });
});

describe('ledger rows', () => {
  const [subject] = ledgerSubjects([flag('F1', 'over-3-in-60d', '2025-06-29')], [planned], JUNE_START);
  const row: LedgerRow = ledgerRow(subject!, {
    period: '2025-06',
    ruleSet: 'national-2025',
    lastDate: '2025-06-30',
    asset: {
      assetId: 'F1',
      kind: 'feeder',
      name: '10kV 龙泉线',
      province: '云南省',
      city: '保山市',
      county: '隆阳区',
      areaClass: 'rural',
      customers: 900,
      validFrom: 0,
    },
    facts: {
      rule: 'over-3-in-60d',
      outagesCounted: 4,
      outagesExcluded: 1,
      mainCauses: [
        { cause: 'equipment_fault', count: 3 },
        { cause: 'weather_fault', count: 1 },
      ],
      saifi: 4.2,
      saidi: 3.5,
    },
    monthsBefore: 2,
  });

  it('takes the case as it stands and judges overdue on the month’s last day', () => {
    expect(row).toEqual({
      period: '2025-06',
      ruleSet: 'national-2025',
      assetId: 'F1',
      assetName: '10kV 龙泉线',
      kind: 'feeder',
      province: '云南省',
      city: '保山市',
      county: '隆阳区',
      areaClass: 'rural',
      customers: 900,
      family: 'frequent_outage',
      rules: ['over-3-in-60d'],
      breachDate: '2025-06-29',
      outagesCounted: 4,
      outagesExcluded: 1,
      saifi: 4.2,
      saidi: 3.5,
      mainCauses: [
        { cause: 'equipment_fault', count: 3 },
        { cause: 'weather_fault', count: 1 },
      ],
      monthsOnLedger: 3,
      caseId: 'RC-1',
      status: 'plan_approved',
      overdue: true,
      openedDate: '2025-04-01',
      dueDate: '2025-06-29',
      causeAnalysis: PLAN.causeAnalysis,
      measures: ['tree_clearing', 'line_insulation'],
      measuresNote: null,
      responsibleUnit: '隆阳供电局',
      responsiblePerson: '张伟',
      plannedEnd: '2025-08-10',
      completionDate: null,
      closedDate: null,
      verification: null,
      noActionReason: null,
    });
  });

  it('reads in Chinese for the filed document', () => {
    const t = localize([row], LEDGER_COLUMNS, 'zh', META);
    expect(t.rows[0]).toMatchInlineSnapshot(`
      {
        "主要停电原因": "设备故障 3次；天气原因故障 1次",
        "供电区域类别": "农村",
        "原因分析": "线路通道树障较多，雨季树枝碰线跳闸",
        "县（区）": "隆阳区",
        "完成日期": null,
        "市（州）": "保山市",
        "措施说明": null,
        "整治措施": "树障清理；线路绝缘化改造",
        "整治期限": "2025-06-29",
        "整治状态": "方案已审批",
        "整治编号": "RC-1",
        "是否超期": "是",
        "未整治原因": null,
        "核查结果": null,
        "用户数": 900,
        "省": "云南省",
        "类型": "中压线路",
        "累计上榜月数": 3,
        "线路/台区名称": "10kV 龙泉线",
        "统计月份": "2025-06",
        "计划完成日期": "2025-08-10",
        "设备编号": "F1",
        "责任人": "张伟",
        "责任单位": "隆阳供电局",
        "越限日期": "2025-06-29",
        "近一年不计入停电次数": 1,
        "近一年户均停电时间（小时）": 3.5,
        "近一年户均停电次数": 4.2,
        "近一年计入停电次数": 4,
        "销号日期": null,
        "频繁停电判定条件": "连续60天停电次数超过3次",
      }
    `);
    expect(t.headers).toHaveLength(LEDGER_COLUMNS.length);
  });

  it('reads in English with the same columns', () => {
    const t = localize([row], LEDGER_COLUMNS, 'en', META);
    expect(t.headers.slice(0, 4)).toEqual(['Period', 'Asset id', 'Name', 'Kind']);
    expect([
      t.rows[0]?.['Status'],
      t.rows[0]?.['Overdue'],
      t.rows[0]?.['Main causes'],
      t.rows[0]?.['Kind'],
    ]).toEqual(['Plan approved', 'yes', 'Equipment fault ×3; Weather fault ×1', 'Feeder']);
  });

  it('discloses no person and no free text', () => {
    const d = disclosureRow(row, '2025-Q2');
    expect(Object.keys(d)).toEqual([
      'period',
      'ruleSet',
      'assetId',
      'assetName',
      'kind',
      'province',
      'city',
      'county',
      'family',
      'rules',
      'breachDate',
      'outagesCounted',
      'status',
      'measures',
      'dueDate',
      'closedDate',
    ]);
    expect(fieldNames(DISCLOSURE_COLUMNS).every((k) => k in d)).toBe(true);
    const text = JSON.stringify(d);
    for (const secret of ['张伟', '隆阳供电局', '树障较多']) expect(text).not.toContain(secret);
    expect(d).toMatchObject({
      period: '2025-Q2',
      status: 'plan_approved',
      closedDate: null,
      outagesCounted: 4,
    });
  });
});
