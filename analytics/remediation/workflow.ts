// The workflow: which action a case in a given status can take, and the fields each step
// requires. decide() turns a checked request into the next event of the case, or refuses it:
// `conflict` when the case's state does not allow it now (wrong status, observation not over,
// a breach during observation, a stale expectedSeq), `invalid` when fields are missing or
// inconsistent. Both carry issues {path, message, code, params} (issue-codes.ts).

import { dayToDate, localDay } from '../../core/index.js';
import type { BreachRecord, CaseEvent, CaseFields, CaseState, FieldChanges, FieldName } from './case.js';
import { dueDateFrom, observation } from './deadlines.js';
import { PLAN_FIELDS, statusAfter } from './fold.js';
import { type CodedIssue, coded } from './issue-codes.js';
import type { TransitionRequest } from './requests.js';
import type { CaseStatus, UserAction } from './vocabulary.js';

/** The statuses each action can be taken from. */
export const ALLOWED_FROM: Record<UserAction, readonly CaseStatus[]> = {
  approve_plan: ['open'],
  start_work: ['plan_approved'],
  complete_work: ['in_progress'],
  close: ['work_done'],
  reopen: ['work_done'],
  update: ['open', 'plan_approved', 'in_progress', 'work_done'],
  comment: ['open', 'plan_approved', 'in_progress', 'work_done', 'closed'],
};

/** The fields a step requires (after merging the request into what the case holds). */
export const REQUIRED: Partial<Record<UserAction, readonly FieldName[]>> = {
  approve_plan: [
    'causeAnalysis',
    'measures',
    'responsibleUnit',
    'responsiblePerson',
    'plannedStart',
    'plannedEnd',
  ],
  start_work: ['actualStart'],
  complete_work: ['actualEnd'],
  close: ['verification'],
};

const STEP_WORDS: Record<UserAction, string> = {
  approve_plan: 'approve the plan',
  start_work: 'start the work',
  complete_work: 'complete the work',
  close: 'close',
  reopen: 'reopen',
  update: 'update',
  comment: 'comment',
};

export interface TransitionContext {
  now: number;
  zone: string;
  observationDays: number;
  caseDueDays: number;
  /** the role the change is made with */
  role: string;
  /** breaches of the case's asset and family in force now (live evaluation), checked on close */
  liveBreaches: readonly Pick<BreachRecord, 'rule' | 'breachDate'>[];
  /** the rule set's separationOfDuties (四眼原则) */
  separationOfDuties: boolean;
}

export type Decision =
  | { ok: true; event: CaseEvent }
  | { ok: false; refusal: 'conflict' | 'invalid'; issues: CodedIssue[] };

const conflict = (issues: CodedIssue[]): Decision => ({ ok: false, refusal: 'conflict', issues });

function merged(fields: CaseFields, changes: FieldChanges): CaseFields {
  const out: Record<string, unknown> = { ...fields };
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined) delete out[k];
    else out[k] = v;
  }
  return out as CaseFields;
}

/** Checks that hold whatever the step: dates in order, notes that some measures need. */
function consistency(f: CaseFields, changes: FieldChanges, today: string): CodedIssue[] {
  const issues: CodedIssue[] = [];
  const touched = (k: FieldName) => k in changes;
  const afterToday = (path: string, got: string) =>
    coded(path, `must not be after today (${today}), got "${got}"`, 'after_today', { today, got });
  const notAfterToday = (k: 'actualStart' | 'actualEnd', v: string | undefined) => {
    if (touched(k) && v !== undefined && v > today) issues.push(afterToday(k, v));
  };
  const beforeDate = (path: FieldName, other: 'plannedStart' | 'actualStart', date: string, got: string) =>
    coded(path, `must not be before ${other} (${date}), got "${got}"`, 'before_date', { other, date, got });
  if (
    f.plannedStart &&
    f.plannedEnd &&
    f.plannedEnd < f.plannedStart &&
    (touched('plannedStart') || touched('plannedEnd'))
  )
    issues.push(beforeDate('plannedEnd', 'plannedStart', f.plannedStart, f.plannedEnd));
  notAfterToday('actualStart', f.actualStart);
  notAfterToday('actualEnd', f.actualEnd);
  if (touched('actualEnd') && f.actualStart && f.actualEnd && f.actualEnd < f.actualStart)
    issues.push(beforeDate('actualEnd', 'actualStart', f.actualStart, f.actualEnd));
  const measures = f.measures ?? [];
  if (touched('measures') || touched('measuresNote') || touched('noActionReason')) {
    if (measures.includes('other') && !f.measuresNote)
      issues.push(
        coded('measuresNote', 'required when measures include "other"', 'note_required_for_other', {}),
      );
    if (measures.includes('no_action') && measures.length > 1)
      issues.push(
        coded('measures', '"no_action" cannot be combined with other measures', 'no_action_alone', {}),
      );
    if (measures.includes('no_action') && !f.noActionReason)
      issues.push(
        coded('noActionReason', 'required when measures are "no_action"', 'no_action_reason_required', {}),
      );
  }
  const v = f.verification;
  if (touched('verification') && v) {
    if (v.verifiedOn > today) issues.push(afterToday('verification.verifiedOn', v.verifiedOn));
    if (f.actualEnd && v.verifiedOn < f.actualEnd)
      issues.push(
        coded(
          'verification.verifiedOn',
          `must not be before the work was done (${f.actualEnd}), got "${v.verifiedOn}"`,
          'before_date',
          { other: 'actualEnd', date: f.actualEnd, got: v.verifiedOn },
        ),
      );
    if (!v.passed)
      issues.push(
        coded(
          'verification.passed',
          'the verification did not pass: reopen the case instead of closing it',
          'verification_failed',
          {},
        ),
      );
  }
  return issues;
}

/** Whether closing is allowed now: the observation is over and no breach fell in it. */
function closingConflicts(state: CaseState, ctx: TransitionContext, today: string): CodedIssue[] {
  const end = state.fields.actualEnd;
  if (!end) return [coded('action', 'the work has no completion date (actualEnd)', 'no_completion_date', {})];
  const obs = observation(end, ctx.observationDays);
  if (today < obs.closableFrom) {
    return [
      coded(
        'action',
        `still in observation until ${obs.until} (${ctx.observationDays} days from ${end}, the day the work was done); closing is possible from ${obs.closableFrom}`,
        'in_observation',
        { until: obs.until, days: ctx.observationDays, workDone: end, closableFrom: obs.closableFrom },
      ),
    ];
  }
  return ctx.liveBreaches
    .filter((b) => b.breachDate >= obs.from)
    .map((b) =>
      coded(
        'action',
        `a breach of ${b.rule} dated ${b.breachDate} fell in the observation period (from ${obs.from}): the case is reopened, not closed`,
        'breach_in_observation',
        { rule: b.rule, breachDate: b.breachDate, from: obs.from },
      ),
    );
}

/**
 * Separation of duties (四眼原则): a plan is approved as drafted, by someone who did not draft
 * it; a case is closed by someone other than who recorded its work done. Names are the tokens'.
 */
export function dutyConflicts(state: CaseState, request: TransitionRequest): CodedIssue[] {
  const { action, actor } = request;
  if (action === 'approve_plan') {
    const changed = (Object.keys(request.fields) as FieldName[]).filter((f) => PLAN_FIELDS.has(f));
    if (changed.length > 0)
      return [
        coded(
          'action',
          `a plan is approved as drafted: save the changes to ${changed.join(', ')} first (update), for someone else to approve`,
          'plan_changed_on_approval',
          { fields: changed },
        ),
      ];
    if (state.planAuthors.includes(actor))
      return [
        coded(
          'action',
          `${actor} drafted this plan (drafted by ${state.planAuthors.join(', ')}): someone else approves it`,
          'own_plan',
          { authors: [...state.planAuthors] },
        ),
      ];
  }
  if (action === 'close' && state.workDoneBy === actor)
    return [
      coded(
        'action',
        `${actor} recorded the work done: someone else verifies and closes the case`,
        'own_work',
        { actor },
      ),
    ];
  return [];
}

/** The event a request makes of the case, or why it is refused. */
export function decide(state: CaseState, request: TransitionRequest, ctx: TransitionContext): Decision {
  const { action } = request;
  const today = dayToDate(localDay(ctx.now, ctx.zone));
  if (request.expectedSeq !== undefined && request.expectedSeq !== state.seq) {
    return conflict([
      coded(
        'expectedSeq',
        `the case has changed since: it is at change ${state.seq}, not ${request.expectedSeq}; reload it and try again`,
        'changed_since',
        { seq: state.seq, expected: request.expectedSeq },
      ),
    ]);
  }
  const allowed = ALLOWED_FROM[action];
  if (!allowed.includes(state.status)) {
    return conflict([
      state.status === 'closed'
        ? coded('action', 'the case is closed: only comments can be added', 'case_closed', {})
        : coded(
            'action',
            `${action} is not possible while the case is ${state.status}: it needs status ${allowed.join(' or ')}`,
            'not_allowed',
            { action, status: state.status, allowed: [...allowed] },
          ),
    ]);
  }
  if (ctx.separationOfDuties) {
    const issues = dutyConflicts(state, request);
    if (issues.length > 0) return conflict(issues);
  }
  if (action === 'close') {
    const issues = closingConflicts(state, ctx, today);
    if (issues.length > 0) return conflict(issues);
  }

  const fields = merged(state.fields, request.fields);
  const issues: CodedIssue[] = [];
  for (const name of REQUIRED[action] ?? []) {
    if (fields[name] === undefined)
      issues.push(coded(name, `required to ${STEP_WORDS[action]}`, 'required', { step: action }));
  }
  if (action === 'reopen' && request.reason === undefined)
    issues.push(coded('reason', 'required: why the case is reopened', 'reopen_reason_required', {}));
  if (action === 'update' && Object.keys(request.fields).length === 0)
    issues.push(coded('', 'nothing to update: send at least one field', 'nothing_to_update', {}));
  issues.push(...consistency(fields, request.fields, today));
  if (issues.length > 0) return { ok: false, refusal: 'invalid', issues };

  const data: CaseEvent['data'] = {};
  if (Object.keys(request.fields).length > 0) data.fields = request.fields;
  if (request.note !== undefined) data.note = request.note;
  if (request.reason !== undefined) data.reason = request.reason;
  if (request.signedAs !== undefined) data.signedAs = request.signedAs;
  if (action === 'reopen') data.dueDate = dueDateFrom(today, ctx.caseDueDays);
  return {
    ok: true,
    event: {
      caseId: state.caseId,
      ruleSet: state.ruleSet,
      assetId: state.assetId,
      family: state.family,
      seq: state.seq + 1,
      action,
      status: statusAfter(action, state.status),
      actor: request.actor,
      role: ctx.role,
      // never before the case's latest change, so "as of" folds see a prefix of the log
      at: Math.max(ctx.now, state.updatedAt),
      data,
    },
  };
}
