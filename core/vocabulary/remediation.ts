// The words of remediation (整治): case statuses, actions, measures, verification methods and
// the fields of a case, for the filed ledger, the public disclosure, the API's vocabulary and
// the planners' views.
// An action has two forms on purpose: what was done, as the case history and the ledger
// record it (审批整治方案, "Plan approved"), and the step a planner takes, on its button
// (审批整治方案, "Approve the plan").

import type {
  CaseAction,
  CaseField,
  CaseStatus,
  Measure,
  UserAction,
  VerificationField,
  VerificationMethod,
} from './codes.js';
import type { Labels } from './label.js';

/** The statuses, and `no_case` for an asset that has none. */
export const STATUS_LABELS: Labels<CaseStatus | 'no_case'> = {
  open: { zh: '已立案', en: 'Open' },
  plan_approved: { zh: '方案已审批', en: 'Plan approved' },
  in_progress: { zh: '整治中', en: 'In progress' },
  work_done: { zh: '整治完成（观察期）', en: 'Work done (observation)' },
  closed: { zh: '已销号', en: 'Closed' },
  no_case: { zh: '未立案', en: 'No case' },
};

/** Actions as done: the case history and the ledger. */
export const ACTION_LABELS: Labels<CaseAction> = {
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

/** A planner's actions as steps to take: the case form's choices and the refusals that name them. */
export const ACTION_STEP_LABELS: Labels<UserAction> = {
  approve_plan: { zh: '审批整治方案', en: 'Approve the plan' },
  start_work: { zh: '开始整治', en: 'Start the work' },
  complete_work: { zh: '整治完成', en: 'Complete the work' },
  close: { zh: '核查销号', en: 'Verify and close' },
  reopen: { zh: '重新打开', en: 'Reopen' },
  update: { zh: '修改方案', en: 'Update the plan' },
  comment: { zh: '添加备注', en: 'Add a comment' },
};

export const MEASURE_LABELS: Labels<Measure> = {
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

export const VERIFICATION_LABELS: Labels<VerificationMethod> = {
  user_visit: { zh: '用户回访', en: 'User visits' },
  field_check: { zh: '现场核查', en: 'Field check' },
  data_review: { zh: '数据核查', en: 'Data review' },
};

/** The fields of a case as the case page, its form and the refusals that name them word them. */
export const CASE_FIELD_LABELS: Labels<CaseField> = {
  causeAnalysis: { zh: '原因分析', en: 'Cause analysis' },
  measures: { zh: '整治措施', en: 'Measures' },
  measuresNote: { zh: '措施说明', en: 'Measures note' },
  noActionReason: { zh: '无需整治的原因', en: 'Reason for no action' },
  responsibleUnit: { zh: '责任单位', en: 'Responsible unit' },
  responsiblePerson: { zh: '责任人', en: 'Responsible person' },
  plannedStart: { zh: '计划开始日期', en: 'Planned start' },
  plannedEnd: { zh: '计划完成日期', en: 'Planned completion' },
  actualStart: { zh: '实际开工日期', en: 'Work started on' },
  actualEnd: { zh: '实际完成日期', en: 'Work done on' },
  verification: { zh: '闭环核查', en: 'Verification' },
};

/** The parts of a verification (闭环核查), on the case page and its form. */
export const VERIFICATION_FIELD_LABELS: Labels<VerificationField> = {
  methods: { zh: '核查方式', en: 'Methods' },
  result: { zh: '核查结果', en: 'Result' },
  verifiedBy: { zh: '核查人', en: 'Verified by' },
  verifiedOn: { zh: '核查日期', en: 'Verified on' },
  passed: { zh: '核查通过', en: 'Verification passed' },
};
