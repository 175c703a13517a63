// The API's case refusals and score-part bases worded by code in Chinese and English, with
// dates and numbers spelt by the Format of the operating zone (zh-CN: 2025-10-17, 147,797;
// en-GB: 17 Oct 2025, with the month spelt). Every code of both closed sets is pinned, word for word; an unknown code
// or params that do not fit fall back to the API's English text.

import { describe, expect, it } from 'vitest';
import type { BasisCode, BasisParams } from '../../../analytics/priorities/basis-codes.js';
import type { IssueCode, IssueParams } from '../../../analytics/remediation/issue-codes.js';
import { STATUS_LABELS } from '../../../analytics/remediation/vocabulary.js';
import {
  BASIS_CODES,
  basisText,
  hoursText,
  ISSUE_CODES,
  issueText,
  type Names,
  reliabilityIssueText,
  targetGroupText,
} from '../../../dashboard/web/explain.js';
import { createFormat } from '../../../dashboard/web/format.js';
import { type Lang, tables } from '../../../dashboard/web/i18n.js';

const RULES: Record<string, Record<Lang, string>> = {
  'over-3-in-60d': { zh: '60天内停电超过3次', en: 'More than 3 outages in 60 days' },
};
const names = (l: Lang): Names => ({
  status: (c) => STATUS_LABELS[c as keyof typeof STATUS_LABELS]?.[l] ?? c,
  rule: (id) => RULES[id]?.[l] ?? id,
});
const zh = createFormat('Asia/Shanghai', 'zh');
const en = createFormat('Asia/Shanghai', 'en');

type IssueCase = { [C in IssueCode]: [C, IssueParams[C], string, string] }[IssueCode];

// [code, params, zh, en]
const ISSUES: IssueCase[] = [
  ['expected_object', {}, '提交的内容应为 JSON 对象', 'expected a JSON object'],
  ['required', {}, '必填', 'required'],
  ['required', { step: 'approve_plan' }, '审批整治方案时必填', 'required to approve the plan'],
  ['required', { step: 'close' }, '核查销号时必填', 'required to verify and close'],
  ['expected_text', { got: '5' }, '应为文字，收到 5', 'expected text, got 5'],
  ['empty', {}, '不能为空', 'must not be empty'],
  ['too_long', { max: 2000 }, '超过 2,000 个字符', 'longer than 2,000 characters'],
  [
    'bad_date',
    { got: '"2025-8-10"' },
    '日期应为“年-月-日”格式（YYYY-MM-DD），收到 "2025-8-10"',
    'expected a date YYYY-MM-DD, got "2025-8-10"',
  ],
  [
    'not_one_of',
    { allowed: ['tree_clearing', 'other'], got: '"prayer"' },
    '"prayer" 不是可选的值',
    '"prayer" is not one of the choices',
  ],
  ['at_least_one', {}, '请至少选择一项', 'choose at least one'],
  ['expected_boolean', { got: '"y"' }, '应为“是”或“否”，收到 "y"', 'expected yes or no, got "y"'],
  ['expected_whole_number', { got: '1.5' }, '应为整数，收到 1.5', 'expected a whole number, got 1.5'],
  [
    'expected_whole_number',
    { got: '0', min: 1 },
    '应为不小于 1 的整数，收到 0',
    'expected a whole number ≥ 1, got 0',
  ],
  ['bad_action', { allowed: ['close'], got: '"verify"' }, '未知的操作 "verify"', 'unknown action "verify"'],
  ['bad_action', { allowed: ['close'] }, '请选择操作', 'choose an action'],
  ['unknown_field', {}, '未知字段', 'unknown field'],
  [
    'changed_since',
    { seq: 7, expected: 6 },
    '工单已有新的修改：当前为第 7 次修改，而不是第 6 次。请刷新后重试',
    'the case has changed since: it is at change 7, not 6; reload it and try again',
  ],
  ['case_closed', {}, '工单已销号，只能添加备注', 'the case is closed: only comments can be added'],
  [
    'not_allowed',
    { action: 'start_work', status: 'open', allowed: ['plan_approved'] },
    '工单状态为“已立案”时不能“开始整治”，需要状态为“方案已审批”',
    '“Start the work” is not possible while the case is “Open”: it needs status “Plan approved”',
  ],
  [
    'not_allowed',
    { action: 'close', status: 'in_progress', allowed: ['work_done', 'plan_approved'] },
    '工单状态为“整治中”时不能“核查销号”，需要状态为“整治完成（观察期）”或“方案已审批”',
    '“Verify and close” is not possible while the case is “In progress”: it needs status “Work done (observation)” or “Plan approved”',
  ],
  ['no_completion_date', {}, '工单没有实际完成日期', 'the work has no completion date'],
  [
    'in_observation',
    { until: '2025-10-17', days: 90, workDone: '2025-07-20', closableFrom: '2025-10-18' },
    '仍在观察期内：观察期至 2025-10-17（自整治完成日 2025-07-20 起 90 天），2025-10-18 起可销号',
    'still in observation until 17 Oct 2025 (90 days from 20 Jul 2025, the day the work was done); closing is possible from 18 Oct 2025',
  ],
  [
    'breach_in_observation',
    { rule: 'over-3-in-60d', breachDate: '2025-09-02', from: '2025-07-20' },
    '观察期（2025-07-20 起）内发生越限（60天内停电超过3次，2025-09-02）：工单应重新打开，不能销号',
    'a breach of More than 3 outages in 60 days dated 2 Sep 2025 fell in the observation period (from 20 Jul 2025): the case is reopened, not closed',
  ],
  ['reopen_reason_required', {}, '必填：请说明重新打开的原因', 'required: why the case is reopened'],
  [
    'nothing_to_update',
    {},
    '没有修改任何内容：请至少修改一项',
    'nothing to update: change at least one field',
  ],
  [
    'after_today',
    { today: '2025-07-21', got: '2025-07-22' },
    '不能晚于今天（2025-07-21），填写的是 2025-07-22',
    'must not be after today (21 Jul 2025), got 22 Jul 2025',
  ],
  [
    'before_date',
    { other: 'plannedStart', date: '2025-08-01', got: '2025-07-30' },
    '不能早于计划开始日期（2025-08-01），填写的是 2025-07-30',
    'must not be before “Planned start” (1 Aug 2025), got 30 Jul 2025',
  ],
  [
    'before_date',
    { other: 'actualEnd', date: '2025-07-20', got: '2025-07-19' },
    '不能早于实际完成日期（2025-07-20），填写的是 2025-07-19',
    'must not be before “Work done on” (20 Jul 2025), got 19 Jul 2025',
  ],
  ['note_required_for_other', {}, '整治措施包含“其他”时必填', 'required when the measures include “Other”'],
  [
    'no_action_alone',
    {},
    '“无需整治”不能与其他措施同时选择',
    '“No action” cannot be combined with other measures',
  ],
  ['no_action_reason_required', {}, '整治措施为“无需整治”时必填', 'required when the measure is “No action”'],
  [
    'verification_failed',
    {},
    '核查未通过：请重新打开工单，而不是销号',
    'the verification did not pass: reopen the case instead of closing it',
  ],
  [
    'own_plan',
    { authors: ['李娜', '赵敏'] },
    '整治方案由李娜、赵敏编制，须由他人审批（四眼原则）',
    'the plan was drafted by 李娜, 赵敏: someone else approves it (separation of duties)',
  ],
  [
    'plan_changed_on_approval',
    { fields: ['causeAnalysis', 'plannedEnd'] },
    '审批只能批准已保存的方案：请先保存对原因分析、计划完成日期的修改，再由他人审批',
    'an approval approves the plan as saved: save the changes to Cause analysis, Planned completion first, for someone else to approve',
  ],
  [
    'own_work',
    { actor: '李娜' },
    '完成登记人不能同时核查销号（四眼原则），请由他人核查',
    'whoever recorded the work done cannot also verify and close the case (separation of duties)',
  ],
  ['case_not_found', { caseId: 'RC-x' }, '没有整治工单 RC-x', 'no case RC-x'],
  [
    'rule_set_not_loaded',
    { ruleSet: 'yunnan-2024' },
    '工单所属规则集 yunnan-2024 未加载',
    'the case’s rule set yunnan-2024 is not loaded',
  ],
  [
    'changed_concurrently',
    {},
    '工单刚被他人同时修改：请刷新后重试',
    'the case was changed by someone else at the same moment: reload it and try again',
  ],
];

type BasisCase = { [C in BasisCode]: [C, BasisParams[C], string, string] }[BasisCode];

const BASES: BasisCase[] = [
  ['not_flagged', {}, '无预警或越限', 'not flagged'],
  [
    'standing',
    { status: 'breach', rule: 'over-3-in-60d' },
    '60天内停电超过3次：越限',
    'Breach: More than 3 outages in 60 days',
  ],
  ['standing', { status: 'at_risk', rule: 'r2' }, 'r2：预警', 'At risk: r2'],
  ['standing', { status: 'watch', rule: 'r2' }, 'r2：关注', 'Watch: r2'],
  ['no_breach', {}, '无越限', 'no breach'],
  [
    'excess',
    { rule: 'over-3-in-60d', count: 8, limit: 5, ratio: 0.6, scale: 1 },
    '60天内停电超过3次：停电 8 次，限值 5 次：(8 − 5) ÷ 5 = 0.6',
    'More than 3 outages in 60 days: 8 outages, limit 5: (8 − 5) / 5 = 0.6',
  ],
  [
    'excess',
    { rule: 'r', count: 4, limit: 3, ratio: 1 / 3, scale: 0.5 },
    'r：停电 4 次，限值 3 次：(4 − 3) ÷ 3 = 0.3333 ÷ 0.5',
    'r: 4 outages, limit 3: (4 − 3) / 3 = 0.3333 / 0.5',
  ],
  [
    'recency',
    { breachDate: '2025-06-01', days: 90, today: '2025-08-30', halfLife: 90 },
    '最近越限 2025-06-01，距 2025-08-30 90 天：0.5^(90 ÷ 90)',
    'breach on 1 Jun 2025, 90 days before 30 Aug 2025: 0.5^(90 / 90)',
  ],
  [
    'relative',
    { value: 147797, max: 147797, unit: 'customer_interruptions' },
    '147,797 / 147,797 户次（评分设备中的最大值）',
    '147,797 / 147,797 customer interruptions (the most among the scored assets)',
  ],
  [
    'relative',
    { value: 250.125, max: 1000, unit: 'customer_hours' },
    '250.13 / 1,000 时户（评分设备中的最大值）',
    '250.13 / 1,000 customer-hours (the most among the scored assets)',
  ],
  [
    'relative_none',
    { value: 0, unit: 'customer_hours' },
    '0 时户；评分设备均为 0',
    '0 customer-hours; none among the scored assets',
  ],
  [
    'share',
    { value: 600, total: 3800, unit: 'customer_hours', region: '云南/保山市/隆阳区' },
    '600 / 3,800 时户（云南/保山市/隆阳区合计）',
    '600 / 3,800 customer-hours of 云南/保山市/隆阳区',
  ],
  [
    'share_none',
    { value: 5, unit: 'customer_interruptions' },
    '5 户次；区域合计为 0',
    '5 customer interruptions; region total 0',
  ],
  ['ledger_months', { months: 3, scale: 12 }, '冻结台账上榜 3 个月 ÷ 12', '3 months on frozen ledgers / 12'],
  ['no_open_case', {}, '无未销号工单', 'no open case'],
  [
    'case_age',
    { caseId: 'RC-1', openedDate: '2025-01-01', days: 200, scale: 365 },
    'RC-1 于 2025-01-01 立案，已 200 天 ÷ 365',
    'RC-1 opened 1 Jan 2025, 200 days / 365',
  ],
  [
    'not_overdue',
    { caseId: 'RC-1', dueDate: '2025-04-01' },
    'RC-1 整治期限 2025-04-01，未超期',
    'RC-1 due 1 Apr 2025, not overdue',
  ],
  [
    'overdue',
    { caseId: 'RC-1', dueDate: '2025-04-01', days: 45, scale: 90 },
    'RC-1 整治期限 2025-04-01，超期 45 天 ÷ 90',
    'RC-1 due 1 Apr 2025, 45 days overdue / 90',
  ],
  [
    'target_gap',
    {
      rule: 'saidi-by-area-class',
      group: 'areaClass=rural, park=滇中新区',
      measure: 'saidi_hours',
      value: 9,
      allowed: 7.5,
      status: 'off_track',
    },
    'saidi-by-area-class（农村、滇中新区）：9 小时，至今允许 7.5 小时（进度落后）：(9 − 7.5) ÷ 7.5',
    'saidi-by-area-class (Rural, 滇中新区): 9 h against 7.5 h allowed so far (off track): (9 − 7.5) / 7.5',
  ],
  [
    'target_gap',
    { rule: 'saifi', group: 'all', measure: 'saifi', value: 2.5, allowed: 2, status: 'not_met' },
    'saifi（全部）：2.5，至今允许 2（未达标）：(2.5 − 2) ÷ 2',
    'saifi (all): 2.5 against 2 allowed so far (not met): (2.5 − 2) / 2',
  ],
  ['targets_met', {}, '目标已达成或进度内', 'targets met or on track'],
  ['no_target', {}, '无适用的可靠性目标', 'no target applies'],
];

describe('issueText', () => {
  it.each(ISSUES)('%s %j in zh and en', (code, params, zhText, enText) => {
    const issue = { path: 'x', message: 'the API’s words', code, params };
    expect(issueText(issue, zh, names('zh'))).toBe(zhText);
    expect(issueText(issue, en, names('en'))).toBe(enText);
  });

  it('covers every code', () => {
    expect(new Set(ISSUES.map((c) => c[0]))).toEqual(new Set(ISSUE_CODES.filter((c) => c !== 'invalid')));
  });

  it('falls back to the API’s English for an unknown code, no code, "invalid", or params that do not fit', () => {
    const message = 'Invalid input: expected array, received string';
    expect(issueText({ path: 'measures', message, code: 'from_the_future', params: {} }, zh)).toBe(message);
    expect(issueText({ path: 'measures', message }, zh)).toBe(message);
    expect(issueText({ path: 'measures', message, code: 'invalid', params: {} }, zh)).toBe(message);
    expect(issueText({ path: 'action', message, code: 'not_allowed', params: {} }, zh)).toBe(message);
    expect(issueText({ path: 'constructor', message, code: 'constructor', params: {} }, zh)).toBe(message);
  });
});

describe('basisText', () => {
  it.each(BASES)('%s %j in zh and en', (code, params, zhText, enText) => {
    const part = { basis: 'the API’s words', basisCode: code, basisParams: params };
    expect(basisText(part, zh, names('zh'))).toBe(zhText);
    expect(basisText(part, en, names('en'))).toBe(enText);
  });

  it('covers every code', () => {
    expect(new Set(BASES.map((c) => c[0]))).toEqual(new Set(BASIS_CODES));
  });

  it('falls back to the API’s English for an unknown code or none', () => {
    expect(basisText({ basis: 'new words', basisCode: 'from_the_future', basisParams: {} }, zh)).toBe(
      'new words',
    );
    expect(basisText({ basis: 'old server' }, zh)).toBe('old server');
  });
});

describe('target groups and hours (what it buys)', () => {
  it('words the group’s dimensions and the hours', () => {
    expect(targetGroupText('areaClass=urban_core', zh)).toBe('中心城区');
    expect(targetGroupText('areaClass=rural, park=滇中新区', en)).toBe('Rural, 滇中新区');
    expect(targetGroupText('all', zh)).toBe('全部');
    expect(hoursText(1234.5, zh)).toBe('1,234.50 小时');
    expect(hoursText(1234.5, en)).toBe('1,234.50 h');
  });
});

describe('the header and the tables', () => {
  it('no longer says the basis is in English, and both languages have every string', () => {
    expect(tables().zh.basis).toBe('计算依据');
    expect(Object.keys(tables().en).sort()).toEqual(Object.keys(tables().zh).sort());
  });
});

describe('reliabilityIssueText', () => {
  const la = (l: Lang) => createFormat('America/Los_Angeles', l);
  const tooFew = {
    path: 'city=Arnold',
    message: 'its 12 outages interrupted 200.6 customers each on average, …',
    code: 'customers_served_too_few',
    params: { group: 'city=Arnold', events: 12, perEvent: 200.58333333, customers: 2 },
  };
  const none = {
    path: 'city=Lebec, county=(none)',
    message: 'its 5 outages interrupted 669 customers, …',
    code: 'no_customers_served',
    params: { group: 'city=Lebec, county=(none)', events: 5, interruptions: 1669 },
  };

  it('words the groups whose figures cannot be right, in both languages', () => {
    expect(reliabilityIssueText(tooFew, la('zh'))).toBe(
      'Arnold：12 次停电平均每次影响 200.6 户，超过其供电户数 2 户的两倍，所属设备的用户数偏小，SAIFI、SAIDI 至少高估为实际值的 100.3 倍。',
    );
    expect(reliabilityIssueText(tooFew, la('en'))).toBe(
      'Arnold: its 12 outages interrupted 200.6 customers each on average, more than twice the 2 it serves; its assets’ customer counts are too small, so SAIFI and SAIDI are overstated (100.3× at least).',
    );
    expect(reliabilityIssueText(none, la('zh'))).toBe(
      'Lebec / (none)：5 次停电共影响 1,669 户次，但所属设备登记的用户数为零，无法计算 SAIFI、SAIDI。',
    );
    expect(reliabilityIssueText(none, la('en'))).toBe(
      'Lebec / (none): its 5 outages interrupted 1,669 customers, but its assets serve none by their customer counts; SAIFI and SAIDI cannot be given.',
    );
  });

  it('leaves other issues to be shown as they are', () => {
    const one = { ...none, params: { ...none.params, events: 1 } };
    expect(reliabilityIssueText(one, la('en'))).toBe(
      'Lebec / (none): its 1 outage interrupted 1,669 customers, but its assets serve none by their customer counts; SAIFI and SAIDI cannot be given.',
    );
    expect(reliabilityIssueText({ code: 'unknown_asset', params: {} }, la('zh'))).toBeUndefined();
    expect(reliabilityIssueText({}, la('en'))).toBeUndefined();
  });
});
