import { describe, expect, it } from 'vitest';
import {
  type CaseEvent,
  type Decision,
  decide,
  parseTransition,
  type TransitionContext,
} from '../../../analytics/remediation/index.js';
import { folded, local, openEvent, PLAN, SH, stateOf } from './fixtures.js';

const ctx = (now: number, over: Partial<TransitionContext> = {}): TransitionContext => ({
  now,
  zone: SH,
  observationDays: 90,
  caseDueDays: 90,
  role: 'planner',
  liveBreaches: [],
  separationOfDuties: false,
  ...over,
});

/** The decision with each issue's English words only (codes and params: issue-codes.test.ts). */
const words = (d: Decision) =>
  d.ok ? d : { ...d, issues: d.issues.map(({ path, message }) => ({ path, message })) };

function attempt(events: readonly CaseEvent[], body: Record<string, unknown>, c: TransitionContext) {
  const request = parseTransition({ actor: '李娜', ...body });
  if (!request.ok) throw new Error(JSON.stringify(request.issues));
  return words(decide(stateOf(events), request.value, c));
}

/** Applies a transition that must succeed, returning the longer log. */
function apply(events: CaseEvent[], body: Record<string, unknown>, c: TransitionContext): CaseEvent[] {
  const d = attempt(events, body, c);
  if (!d.ok) throw new Error(JSON.stringify(d.issues));
  return [...events, d.event];
}

/** A case whose work was done on 2025-07-20. */
function workDone(): CaseEvent[] {
  let log = [openEvent()];
  log = apply(log, { action: 'approve_plan', ...PLAN }, ctx(local('2025-07-05 10:00')));
  log = apply(log, { action: 'start_work', actualStart: '2025-07-10' }, ctx(local('2025-07-10 09:00')));
  return apply(log, { action: 'complete_work', actualEnd: '2025-07-20' }, ctx(local('2025-07-21 09:00')));
}

const VERIFIED = {
  methods: ['user_visit', 'field_check'],
  result: '回访用户12户，无停电投诉；现场树障已清除',
  passed: true,
  verifiedBy: '王强',
  verifiedOn: '2025-10-19',
};

describe('the workflow from open to closed', () => {
  it('walks open → plan_approved → in_progress → work_done → closed, one event each', () => {
    let log = workDone();
    log = apply(log, { action: 'close', verification: VERIFIED }, ctx(local('2025-10-20 10:00')));
    const f = folded(log);
    expect(f.history.map((h) => [h.seq, h.action, h.from, h.to, h.actor])).toEqual([
      [1, 'open', null, 'open', 'system'],
      [2, 'approve_plan', 'open', 'plan_approved', '李娜'],
      [3, 'start_work', 'plan_approved', 'in_progress', '李娜'],
      [4, 'complete_work', 'in_progress', 'work_done', '李娜'],
      [5, 'close', 'work_done', 'closed', '李娜'],
    ]);
    expect(f.state.status).toBe('closed');
    expect(f.state.closedDate).toBe('2025-10-20');
    expect(f.state.fields).toEqual({
      ...PLAN,
      measures: [...PLAN.measures],
      actualStart: '2025-07-10',
      actualEnd: '2025-07-20',
      verification: VERIFIED,
    });
    expect(f.history[3]?.changes).toEqual([{ field: 'actualEnd', from: null, to: '2025-07-20' }]);
  });

  it('stamps each event with the next seq, the role and a time never before the previous change', () => {
    const log = workDone();
    const d = attempt(log, { action: 'comment', note: '已通知用户' }, ctx(local('2025-07-01 00:00')));
    expect(d.ok && { seq: d.event.seq, role: d.event.role, at: d.event.at, status: d.event.status }).toEqual({
      seq: 5,
      role: 'planner',
      at: local('2025-07-21 09:00'),
      status: 'work_done',
    });
  });
});

describe('refusals', () => {
  it('approving a plan without its fields names each missing field', () => {
    const d = attempt(
      [openEvent()],
      { action: 'approve_plan', causeAnalysis: '树障' },
      ctx(local('2025-07-05 10:00')),
    );
    expect(d).toEqual({
      ok: false,
      refusal: 'invalid',
      issues: [
        { path: 'measures', message: 'required to approve the plan' },
        { path: 'responsibleUnit', message: 'required to approve the plan' },
        { path: 'responsiblePerson', message: 'required to approve the plan' },
        { path: 'plannedStart', message: 'required to approve the plan' },
        { path: 'plannedEnd', message: 'required to approve the plan' },
      ],
    });
  });

  it('fields saved earlier by update count for the step', () => {
    let log = [openEvent()];
    log = apply(log, { action: 'update', ...PLAN }, ctx(local('2025-07-02 10:00')));
    const d = attempt(log, { action: 'approve_plan' }, ctx(local('2025-07-05 10:00')));
    expect(d.ok && d.event.status).toBe('plan_approved');
  });

  it('a step out of order is a conflict that says which status it needs', () => {
    const d = attempt(
      [openEvent()],
      { action: 'complete_work', actualEnd: '2025-07-20' },
      ctx(local('2025-07-21 10:00')),
    );
    expect(d).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "message": "complete_work is not possible while the case is open: it needs status in_progress",
            "path": "action",
          },
        ],
        "ok": false,
        "refusal": "conflict",
      }
    `);
  });

  it('closing without verification is refused', () => {
    const d = attempt(workDone(), { action: 'close' }, ctx(local('2025-10-20 10:00')));
    expect(d).toEqual({
      ok: false,
      refusal: 'invalid',
      issues: [{ path: 'verification', message: 'required to close' }],
    });
  });

  it('closing inside the observation period is refused, with the first day it is possible', () => {
    const d = attempt(
      workDone(),
      { action: 'close', verification: { ...VERIFIED, verifiedOn: '2025-08-01' } },
      ctx(local('2025-10-17 23:00')),
    );
    expect(d).toEqual({
      ok: false,
      refusal: 'conflict',
      issues: [
        {
          path: 'action',
          message:
            'still in observation until 2025-10-17 (90 days from 2025-07-20, the day the work was done); closing is possible from 2025-10-18',
        },
      ],
    });
    const next = attempt(
      workDone(),
      { action: 'close', verification: VERIFIED },
      ctx(local('2025-10-19 08:00')),
    );
    expect(next.ok).toBe(true);
  });

  it('a breach dated in the observation period blocks closing', () => {
    const c = ctx(local('2025-10-20 10:00'), {
      liveBreaches: [
        { rule: 'over-3-in-60d', breachDate: '2025-06-29' },
        { rule: 'over-5-in-365d', breachDate: '2025-08-15' },
      ],
    });
    expect(attempt(workDone(), { action: 'close', verification: VERIFIED }, c)).toEqual({
      ok: false,
      refusal: 'conflict',
      issues: [
        {
          path: 'action',
          message:
            'a breach of over-5-in-365d dated 2025-08-15 fell in the observation period (from 2025-07-20): the case is reopened, not closed',
        },
      ],
    });
  });

  it('a verification that did not pass cannot close the case', () => {
    const d = attempt(
      workDone(),
      { action: 'close', verification: { ...VERIFIED, passed: false } },
      ctx(local('2025-10-20 10:00')),
    );
    expect(d).toEqual({
      ok: false,
      refusal: 'invalid',
      issues: [
        {
          path: 'verification.passed',
          message: 'the verification did not pass: reopen the case instead of closing it',
        },
      ],
    });
  });

  it('dates must be in order and not in the future', () => {
    let log = [openEvent()];
    log = apply(log, { action: 'approve_plan', ...PLAN }, ctx(local('2025-07-05 10:00')));
    log = apply(log, { action: 'start_work', actualStart: '2025-07-10' }, ctx(local('2025-07-10 09:00')));
    expect(
      attempt(log, { action: 'complete_work', actualEnd: '2025-07-09' }, ctx(local('2025-07-21 09:00'))),
    ).toEqual({
      ok: false,
      refusal: 'invalid',
      issues: [
        { path: 'actualEnd', message: 'must not be before actualStart (2025-07-10), got "2025-07-09"' },
      ],
    });
    expect(
      attempt(log, { action: 'complete_work', actualEnd: '2025-07-22' }, ctx(local('2025-07-21 09:00'))),
    ).toEqual({
      ok: false,
      refusal: 'invalid',
      issues: [{ path: 'actualEnd', message: 'must not be after today (2025-07-21), got "2025-07-22"' }],
    });
    const plan = attempt(
      [openEvent()],
      { action: 'approve_plan', ...PLAN, plannedEnd: '2025-07-01' },
      ctx(local('2025-07-05 10:00')),
    );
    expect(!plan.ok && plan.issues).toEqual([
      { path: 'plannedEnd', message: 'must not be before plannedStart (2025-07-10), got "2025-07-01"' },
    ]);
  });

  it('"other" needs a note and "no_action" a reason, alone', () => {
    const d = attempt(
      [openEvent()],
      { action: 'approve_plan', ...PLAN, measures: ['other', 'no_action'] },
      ctx(local('2025-07-05 10:00')),
    );
    expect(!d.ok && d.issues).toEqual([
      { path: 'measuresNote', message: 'required when measures include "other"' },
      { path: 'measures', message: '"no_action" cannot be combined with other measures' },
      { path: 'noActionReason', message: 'required when measures are "no_action"' },
    ]);
  });

  it('a stale expectedSeq is a conflict', () => {
    const d = attempt(
      workDone(),
      { action: 'comment', note: 'x', expectedSeq: 3 },
      ctx(local('2025-07-22 10:00')),
    );
    expect(!d.ok && [d.refusal, d.issues]).toEqual([
      'conflict',
      [
        {
          path: 'expectedSeq',
          message: 'the case has changed since: it is at change 4, not 3; reload it and try again',
        },
      ],
    ]);
  });

  it('a closed case takes comments only', () => {
    const log = apply(
      workDone(),
      { action: 'close', verification: VERIFIED },
      ctx(local('2025-10-20 10:00')),
    );
    expect(
      attempt(log, { action: 'update', responsibleUnit: '施甸供电局' }, ctx(local('2025-10-21 10:00'))),
    ).toEqual({
      ok: false,
      refusal: 'conflict',
      issues: [{ path: 'action', message: 'the case is closed: only comments can be added' }],
    });
    expect(attempt(log, { action: 'comment', note: '已归档' }, ctx(local('2025-10-21 10:00'))).ok).toBe(true);
  });

  it('an update must change something', () => {
    expect(attempt([openEvent()], { action: 'update' }, ctx(local('2025-07-05 10:00')))).toEqual({
      ok: false,
      refusal: 'invalid',
      issues: [{ path: '', message: 'nothing to update: send at least one field' }],
    });
  });
});

describe('reopening', () => {
  it('by hand needs a reason; it starts a new round with a new due date', () => {
    expect(attempt(workDone(), { action: 'reopen' }, ctx(local('2025-08-01 10:00')))).toEqual({
      ok: false,
      refusal: 'invalid',
      issues: [{ path: 'reason', message: 'required: why the case is reopened' }],
    });
    const log = apply(
      workDone(),
      { action: 'reopen', reason: '现场复查仍有树障' },
      ctx(local('2025-08-01 10:00')),
    );
    const f = folded(log);
    expect(f.state).toMatchObject({ status: 'open', reopenCount: 1, dueDate: '2025-10-30', seq: 5 });
    expect(f.state.fields.actualStart).toBeUndefined();
    expect(f.state.fields.causeAnalysis).toBe(PLAN.causeAnalysis);
    expect(f.history.at(-1)?.changes).toEqual([
      { field: 'actualStart', from: '2025-07-10', to: null },
      { field: 'actualEnd', from: '2025-07-20', to: null },
    ]);
  });
});
