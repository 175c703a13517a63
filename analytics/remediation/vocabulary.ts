// The words of remediation (整治): statuses, actions, measures and verification methods, each
// with its Chinese and English label for the filed ledger and the public disclosure.

import type { AreaClass, AssetKind, Cause } from '../../core/index.js';

export interface Label {
  zh: string;
  en: string;
}

/** open → plan_approved → in_progress → work_done (observation) → closed (销号). */
export const CASE_STATUSES = ['open', 'plan_approved', 'in_progress', 'work_done', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Actions a planner takes; `open`, `attach` and automatic `reopen` are the system's. */
export const USER_ACTIONS = [
  'approve_plan',
  'start_work',
  'complete_work',
  'close',
  'reopen',
  'update',
  'comment',
] as const;
export type UserAction = (typeof USER_ACTIONS)[number];
export const CASE_ACTIONS = ['open', 'attach', ...USER_ACTIONS] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Remediation measures (整治措施); `other` needs measuresNote, `no_action` needs noActionReason. */
export const MEASURES = [
  'tree_clearing',
  'line_insulation',
  'equipment_replacement',
  'lightning_protection',
  'animal_protection',
  'external_damage_prevention',
  'automation',
  'rerouting',
  'capacity_increase',
  'live_working',
  'outage_plan_merging',
  'inspection',
  'customer_side',
  'other',
  'no_action',
] as const;
export type Measure = (typeof MEASURES)[number];

/** How the result was verified before closing out (闭环核查). */
export const VERIFICATION_METHODS = ['user_visit', 'field_check', 'data_review'] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

export const STATUS_LABELS: Record<CaseStatus | 'no_case', Label> = {
  open: { zh: '已立案', en: 'Open' },
  plan_approved: { zh: '方案已审批', en: 'Plan approved' },
  in_progress: { zh: '整治中', en: 'In progress' },
  work_done: { zh: '整治完成（观察期）', en: 'Work done (observation)' },
  closed: { zh: '已销号', en: 'Closed' },
  no_case: { zh: '未立案', en: 'No case' },
};

export const ACTION_LABELS: Record<CaseAction, Label> = {
  open: { zh: '立案', en: 'Opened' },
  attach: { zh: '新增越限', en: 'Breach attached' },
  approve_plan: { zh: '审批整治方案', en: 'Plan approved' },
  start_work: { zh: '开始整治', en: 'Work started' },
  complete_work: { zh: '整治完成', en: 'Work done' },
  close: { zh: '核查销号', en: 'Verified and closed' },
  reopen: { zh: '重新打开', en: 'Reopened' },
  update: { zh: '修改', en: 'Updated' },
  comment: { zh: '备注', en: 'Comment' },
};

export const MEASURE_LABELS: Record<Measure, Label> = {
  tree_clearing: { zh: '树障清理', en: 'Tree clearing' },
  line_insulation: { zh: '线路绝缘化改造', en: 'Line insulation' },
  equipment_replacement: { zh: '老旧设备更换', en: 'Equipment replacement' },
  lightning_protection: { zh: '防雷改造', en: 'Lightning protection' },
  animal_protection: { zh: '防小动物措施', en: 'Animal protection' },
  external_damage_prevention: { zh: '防外力破坏', en: 'External damage prevention' },
  automation: { zh: '配电自动化', en: 'Distribution automation' },
  rerouting: { zh: '网架优化及线路改接', en: 'Re-routing and network reinforcement' },
  capacity_increase: { zh: '增容改造', en: 'Capacity increase' },
  live_working: { zh: '带电作业', en: 'Live working' },
  outage_plan_merging: { zh: '停电计划统筹（一停多用）', en: 'Merged planned outages' },
  inspection: { zh: '加强巡视', en: 'More frequent inspection' },
  customer_side: { zh: '用户侧隐患治理', en: 'Customer-side hazards' },
  other: { zh: '其他', en: 'Other' },
  no_action: { zh: '无需整治', en: 'No action' },
};

export const VERIFICATION_LABELS: Record<VerificationMethod, Label> = {
  user_visit: { zh: '用户回访', en: 'User visits' },
  field_check: { zh: '现场核查', en: 'Field check' },
  data_review: { zh: '数据核查', en: 'Data review' },
};

export const KIND_LABELS: Record<AssetKind, Label> = {
  feeder: { zh: '中压线路', en: 'Feeder' },
  area: { zh: '台区', en: 'Transformer area' },
};

export const AREA_CLASS_LABELS: Record<AreaClass, Label> = {
  urban_core: { zh: '中心城区', en: 'Urban core' },
  urban: { zh: '城区', en: 'Urban' },
  town: { zh: '城镇', en: 'Town' },
  rural: { zh: '农村', en: 'Rural' },
};

export const CAUSE_LABELS: Record<Cause, Label> = {
  equipment_fault: { zh: '设备故障', en: 'Equipment fault' },
  weather_fault: { zh: '天气原因故障', en: 'Weather fault' },
  natural_disaster: { zh: '自然灾害', en: 'Natural disaster' },
  external_damage: { zh: '外力破坏', en: 'External damage' },
  planned_maintenance: { zh: '计划检修', en: 'Planned maintenance' },
  planned_construction: { zh: '计划施工', en: 'Planned construction' },
  protective_supply_switching: { zh: '保供电接入及退出', en: 'Protective-supply switching' },
  mode_adjustment: { zh: '方式调整', en: 'Operating-mode adjustment' },
  supply_shortage: { zh: '供电能力不足', en: 'Supply shortage' },
  customer_side: { zh: '用户侧故障', en: 'Customer-side fault' },
  arrears: { zh: '欠费停电', en: 'Arrears disconnection' },
  unknown: { zh: '原因不明', en: 'Unknown' },
};
