// The words of the refusals of a case change, by issue code: templates whose {placeholders}
// the params of the code fill (analytics/remediation/issue-codes.ts says which), worded by the
// browser in the planner's language while the API keeps its English message for other clients.

import type { WordedIssueCode } from './codes.js';
import type { Labels } from './label.js';

export const ISSUE_LABELS: Labels<WordedIssueCode> = {
  expected_object: { zh: '提交的内容应为 JSON 对象', en: 'expected a JSON object' },
  required: { zh: '必填', en: 'required' },
  expected_text: { zh: '应为文字，收到 {got}', en: 'expected text, got {got}' },
  empty: { zh: '不能为空', en: 'must not be empty' },
  too_long: { zh: '超过 {max} 个字符', en: 'longer than {max} characters' },
  bad_date: {
    zh: '日期应为“年-月-日”格式（YYYY-MM-DD），收到 {got}',
    en: 'expected a date YYYY-MM-DD, got {got}',
  },
  not_one_of: { zh: '{got} 不是可选的值', en: '{got} is not one of the choices' },
  at_least_one: { zh: '请至少选择一项', en: 'choose at least one' },
  expected_boolean: { zh: '应为“是”或“否”，收到 {got}', en: 'expected yes or no, got {got}' },
  expected_whole_number: { zh: '应为整数，收到 {got}', en: 'expected a whole number, got {got}' },
  bad_action: { zh: '未知的操作 {got}', en: 'unknown action {got}' },
  unknown_field: { zh: '未知字段', en: 'unknown field' },
  changed_since: {
    zh: '工单已有新的修改：当前为第 {seq} 次修改，而不是第 {expected} 次。请刷新后重试',
    en: 'the case has changed since: it is at change {seq}, not {expected}; reload it and try again',
  },
  case_closed: { zh: '工单已销号，只能添加备注', en: 'the case is closed: only comments can be added' },
  not_allowed: {
    zh: '工单状态为“{status}”时不能“{action}”，需要状态为{allowed}',
    en: '“{action}” is not possible while the case is “{status}”: it needs status {allowed}',
  },
  no_completion_date: { zh: '工单没有实际完成日期', en: 'the work has no completion date' },
  in_observation: {
    zh: '仍在观察期内：观察期至 {until}（自整治完成日 {workDone} 起 {days} 天），{closableFrom} 起可销号',
    en: 'still in observation until {until} ({days} days from {workDone}, the day the work was done); closing is possible from {closableFrom}',
  },
  breach_in_observation: {
    zh: '观察期（{from} 起）内发生越限（{rule}，{breachDate}）：工单应重新打开，不能销号',
    en: 'a breach of {rule} dated {breachDate} fell in the observation period (from {from}): the case is reopened, not closed',
  },
  reopen_reason_required: { zh: '必填：请说明重新打开的原因', en: 'required: why the case is reopened' },
  nothing_to_update: {
    zh: '没有修改任何内容：请至少修改一项',
    en: 'nothing to update: change at least one field',
  },
  after_today: {
    zh: '不能晚于今天（{today}），填写的是 {got}',
    en: 'must not be after today ({today}), got {got}',
  },
  before_date: {
    zh: '不能早于{other}（{date}），填写的是 {got}',
    en: 'must not be before “{other}” ({date}), got {got}',
  },
  note_required_for_other: {
    zh: '整治措施包含“其他”时必填',
    en: 'required when the measures include “Other”',
  },
  no_action_alone: {
    zh: '“无需整治”不能与其他措施同时选择',
    en: '“No action” cannot be combined with other measures',
  },
  no_action_reason_required: {
    zh: '整治措施为“无需整治”时必填',
    en: 'required when the measure is “No action”',
  },
  verification_failed: {
    zh: '核查未通过：请重新打开工单，而不是销号',
    en: 'the verification did not pass: reopen the case instead of closing it',
  },
  own_plan: {
    zh: '整治方案由{authors}编制，须由他人审批（四眼原则）',
    en: 'the plan was drafted by {authors}: someone else approves it (separation of duties)',
  },
  plan_changed_on_approval: {
    zh: '审批只能批准已保存的方案：请先保存对{fields}的修改，再由他人审批',
    en: 'an approval approves the plan as saved: save the changes to {fields} first, for someone else to approve',
  },
  own_work: {
    zh: '完成登记人不能同时核查销号（四眼原则），请由他人核查',
    en: 'whoever recorded the work done cannot also verify and close the case (separation of duties)',
  },
  case_not_found: { zh: '没有整治工单 {caseId}', en: 'no case {caseId}' },
  rule_set_not_loaded: {
    zh: '工单所属规则集 {ruleSet} 未加载',
    en: 'the case’s rule set {ruleSet} is not loaded',
  },
  changed_concurrently: {
    zh: '工单刚被他人同时修改：请刷新后重试',
    en: 'the case was changed by someone else at the same moment: reload it and try again',
  },
};

/**
 * Forms a code's words take with some params, and the words around them: `required` of a
 * step, `expected_whole_number` with a least value, `bad_action` with none sent, the value
 * "nothing", and the joiners of lists.
 */
export const ISSUE_PHRASES: Labels<
  'got_nothing' | 'required_step' | 'expected_whole_number_min' | 'bad_action_missing' | 'or' | 'and'
> = {
  got_nothing: { zh: '空值', en: 'nothing' },
  required_step: { zh: '{step}时必填', en: 'required to {step}' },
  expected_whole_number_min: {
    zh: '应为不小于 {min} 的整数，收到 {got}',
    en: 'expected a whole number ≥ {min}, got {got}',
  },
  bad_action_missing: { zh: '请选择操作', en: 'choose an action' },
  or: { zh: '或', en: ' or ' },
  and: { zh: '、', en: ', ' },
};
