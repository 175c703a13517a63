// The closed set of reasons a case change is refused, each with the figures its words need.
// The English `message` stays for API clients; `code` and `params` let a client word the
// refusal in its own language. The browser imports these types (type only) so a code it
// cannot word fails the type check.

import type { Issue } from '../../core/index.js';
import type { FieldName } from './case.js';
import type { CaseStatus, UserAction } from './vocabulary.js';

/**
 * The params of each code. Dates are local dates "YYYY-MM-DD"; `got` is the value sent as the
 * message quotes it (text in double quotes, cut at 60 characters).
 */
export interface IssueParams {
  // the body of the request (requests.ts)
  expected_object: Record<string, never>;
  /** missing; with `step` when the step needs the field (workflow.ts) */
  required: { step?: UserAction };
  expected_text: { got: string };
  empty: Record<string, never>;
  too_long: { max: number };
  bad_date: { got: string };
  not_one_of: { allowed: string[]; got: string };
  at_least_one: Record<string, never>;
  expected_boolean: { got: string };
  expected_whole_number: { got: string; min?: number };
  bad_action: { allowed: string[]; got?: string };
  unknown_field: Record<string, never>;
  /** a check zod worded itself: only the English message says what */
  invalid: Record<string, never>;
  // the workflow (workflow.ts)
  changed_since: { seq: number; expected: number };
  case_closed: Record<string, never>;
  not_allowed: { action: UserAction; status: CaseStatus; allowed: CaseStatus[] };
  no_completion_date: Record<string, never>;
  in_observation: { until: string; days: number; workDone: string; closableFrom: string };
  breach_in_observation: { rule: string; breachDate: string; from: string };
  reopen_reason_required: Record<string, never>;
  nothing_to_update: Record<string, never>;
  after_today: { today: string; got: string };
  /** a date before the one it follows: plannedStart, actualStart, or actualEnd (the work done) */
  before_date: { other: FieldName; date: string; got: string };
  note_required_for_other: Record<string, never>;
  no_action_alone: Record<string, never>;
  no_action_reason_required: Record<string, never>;
  verification_failed: Record<string, never>;
  /** separation of duties: the approver wrote (part of) the plan */
  own_plan: { authors: string[] };
  /** separation of duties: an approval cannot change the plan it approves */
  plan_changed_on_approval: { fields: FieldName[] };
  /** separation of duties: who recorded the work done cannot also verify and close it */
  own_work: { actor: string };
  // the case log (cases.ts; coded at the API)
  case_not_found: { caseId: string };
  rule_set_not_loaded: { ruleSet: string };
  changed_concurrently: Record<string, never>;
}

export type IssueCode = keyof IssueParams;

/** An issue with its reason as data. */
export type CodedIssue = {
  [C in IssueCode]: Issue & { code: C; params: IssueParams[C] };
}[IssueCode];

/** Builds one, with the params checked against the code. */
export const coded = <C extends IssueCode>(
  path: string,
  message: string,
  code: C,
  params: IssueParams[C],
): CodedIssue => ({ path, message, code, params }) as CodedIssue;
