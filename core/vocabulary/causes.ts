// The words of outage causes. Two wordings on purpose: the official one (the dashboard, the
// filed ledger, the exports: the terms of the reliability statistics, e.g. 电源不足限电 of
// DL/T 836's RS-3) and the public one, for residents on the public pages (恶劣天气, 原因排查中:
// what happened to them, without the trade's terms and without blaming an "unknown"). And
// whose responsibility a cause is, for the causes' Pareto by responsibility.

import type { Cause, ResponsibilityCode } from './codes.js';
import { type Labels, type Lang, labelIn } from './label.js';

export const CAUSE_LABELS: Labels<Cause> = {
  equipment_fault: { zh: '设备故障', en: 'Equipment fault' },
  weather_fault: { zh: '天气原因故障', en: 'Weather fault' },
  natural_disaster: { zh: '自然灾害', en: 'Natural disaster' },
  external_damage: { zh: '外力破坏', en: 'External damage' },
  planned_maintenance: { zh: '计划检修', en: 'Planned maintenance' },
  planned_construction: { zh: '计划施工', en: 'Planned construction' },
  protective_supply_switching: { zh: '保供电接入及退出', en: 'Protective-supply switching' },
  mode_adjustment: { zh: '方式调整', en: 'Operating-mode adjustment' },
  supply_shortage: { zh: '电源不足限电', en: 'Supply shortage' },
  customer_side: { zh: '用户侧故障', en: 'Customer-side fault' },
  arrears: { zh: '欠费停电', en: 'Arrears disconnection' },
  unknown: { zh: '原因不明', en: 'Unknown' },
};

/** Causes in words a resident understands (the public pages). */
export const PUBLIC_CAUSE_LABELS: Labels<Cause> = {
  equipment_fault: { zh: '设备故障', en: 'Equipment fault' },
  weather_fault: { zh: '恶劣天气', en: 'Severe weather' },
  natural_disaster: { zh: '自然灾害', en: 'Natural disaster' },
  external_damage: { zh: '外力破坏（施工、车辆等）', en: 'Damage by others (digging, vehicles…)' },
  planned_maintenance: { zh: '计划检修', en: 'Planned maintenance' },
  planned_construction: { zh: '工程施工', en: 'Construction work' },
  protective_supply_switching: { zh: '保供电线路切换', en: 'Switching to secure a supply' },
  mode_adjustment: { zh: '电网运行方式调整', en: 'Grid switching' },
  supply_shortage: { zh: '电力供应不足（有序用电）', en: 'Power shortage (load shedding)' },
  customer_side: { zh: '用户侧设备故障', en: "Fault in a customer's equipment" },
  arrears: { zh: '欠费停电', en: 'Disconnection for unpaid bills' },
  unknown: { zh: '原因排查中', en: 'Cause being investigated' },
};

/** Whose responsibility (停电责任归属); `undetermined` is the unknown cause's, filed under nobody. */
export const RESPONSIBILITY_LABELS: Labels<ResponsibilityCode> = {
  grid: { zh: '电网（供电企业）', en: 'Grid company' },
  customer_side: { zh: '用户侧', en: 'Customer side' },
  third_party: { zh: '第三方（外力）', en: 'Third party' },
  weather_nature: { zh: '天气与自然灾害', en: 'Weather and nature' },
  undetermined: { zh: '原因不明', en: 'Undetermined' },
};

export type CauseWording = 'official' | 'public';

const WORDINGS: Readonly<Record<CauseWording, Labels<Cause>>> = {
  official: CAUSE_LABELS,
  public: PUBLIC_CAUSE_LABELS,
};

/** A cause's words; an unknown code stays as it is (the public pages word it as `unknown`). */
export const causeText = (code: string, lang: Lang, wording: CauseWording = 'official'): string =>
  labelIn(WORDINGS[wording], code, lang);
