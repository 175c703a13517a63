// The words of the priority score (整治优先级): its parts, the level an asset's region is
// taken at, and each part's basis. A basis is worded like a refusal (issues.ts): a template
// by basis code whose {placeholders} the browser fills from the code's params, spelt in the
// planner's language, while the API keeps its English `basis` for other clients. The
// placeholders are those dashboard/web/explain.ts fills: the params, formatted, and a few
// figures it derives ({v} and {a}, the target gap's value and allowance as bare numbers).

import type { BasisCodeName, BasisUnitCode, RegionLevelCode, ScorePart } from './codes.js';
import type { Labels } from './label.js';

export const SCORE_PART_LABELS: Labels<ScorePart> = {
  status: { zh: '规则状态', en: 'Rule status' },
  excess: { zh: '超限幅度', en: 'Over the limit' },
  recency: { zh: '越限时近', en: 'Recency' },
  customers: { zh: '停电户次', en: 'Customer interruptions' },
  customerHours: { zh: '停电时户数', en: 'Customer-hours' },
  saidiShare: { zh: '占区域停电时间', en: 'Share of region SAIDI' },
  saifiShare: { zh: '占区域停电次数', en: 'Share of region SAIFI' },
  ledgerMonths: { zh: '上榜月数', en: 'Months on ledger' },
  caseAge: { zh: '整治时长', en: 'Case age' },
  overdue: { zh: '超期天数', en: 'Overdue' },
  targetGap: { zh: '区域目标差距', en: 'Region target gap' },
};

/** Within a sentence ("Regions are taken by county"): lower case in English. */
export const REGION_LEVEL_LABELS: Labels<RegionLevelCode> = {
  province: { zh: '省', en: 'province' },
  city: { zh: '州（市）', en: 'city' },
  county: { zh: '县（区）', en: 'county' },
};

export const BASIS_LABELS: Labels<BasisCodeName> = {
  not_flagged: { zh: '无预警或越限', en: 'not flagged' },
  standing: { zh: '{rule}：{status}', en: '{status}: {rule}' },
  no_breach: { zh: '无越限', en: 'no breach' },
  excess: {
    zh: '{rule}：停电 {count} 次，限值 {limit} 次：({count} − {limit}) ÷ {limit} = {ratio}',
    en: '{rule}: {count} outages, limit {limit}: ({count} − {limit}) / {limit} = {ratio}',
  },
  recency: {
    zh: '最近越限 {breachDate}，距 {today} {days} 天：0.5^({days} ÷ {halfLife})',
    en: 'breach on {breachDate}, {days} days before {today}: 0.5^({days} / {halfLife})',
  },
  relative: {
    zh: '{value} / {max} {unit}（评分设备中的最大值）',
    en: '{value} / {max} {unit} (the most among the scored assets)',
  },
  relative_none: { zh: '{value} {unit}；评分设备均为 0', en: '{value} {unit}; none among the scored assets' },
  share: { zh: '{value} / {total} {unit}（{region}合计）', en: '{value} / {total} {unit} of {region}' },
  share_none: { zh: '{value} {unit}；区域合计为 0', en: '{value} {unit}; region total 0' },
  ledger_months: {
    zh: '冻结台账上榜 {months} 个月 ÷ {scale}',
    en: '{months} months on frozen ledgers / {scale}',
  },
  no_open_case: { zh: '无未销号工单', en: 'no open case' },
  case_age: {
    zh: '{caseId} 于 {openedDate} 立案，已 {days} 天 ÷ {scale}',
    en: '{caseId} opened {openedDate}, {days} days / {scale}',
  },
  not_overdue: { zh: '{caseId} 整治期限 {dueDate}，未超期', en: '{caseId} due {dueDate}, not overdue' },
  overdue: {
    zh: '{caseId} 整治期限 {dueDate}，超期 {days} 天 ÷ {scale}',
    en: '{caseId} due {dueDate}, {days} days overdue / {scale}',
  },
  target_gap: {
    zh: '{rule}（{group}）：{value}，至今允许 {allowed}（{status}）：({v} − {a}) ÷ {a}',
    en: '{rule} ({group}): {value} against {allowed} allowed so far ({status}): ({v} − {a}) / {a}',
  },
  targets_met: { zh: '目标已达成或进度内', en: 'targets met or on track' },
  no_target: { zh: '无适用的可靠性目标', en: 'no target applies' },
};

/** The words inside bases: hours of a SAIDI target, and the group of a target over everything. */
export const BASIS_PHRASES: Labels<'hours' | 'all'> = {
  hours: { zh: '{n} 小时', en: '{n} h' },
  all: { zh: '全部', en: 'all' },
};

export const BASIS_UNIT_LABELS: Labels<BasisUnitCode> = {
  customer_interruptions: { zh: '户次', en: 'customer interruptions' },
  customer_hours: { zh: '时户', en: 'customer-hours' },
};
