// The code and params each refusal of a case change carries next to its English message
// (workflow.test.ts and requests.test.ts pin the messages): what a client words in its own
// language, so each figure of the message must be there as data.

import { describe, expect, it } from 'vitest';
import {
  type CaseEvent,
  decide,
  parseTransition,
  type TransitionContext,
} from '../../../analytics/remediation/index.js';
import { local, openEvent, PLAN, SH, stateOf } from './fixtures.js';

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

/** path, code and params of each issue, or the event's status when the change is taken. */
function codes(events: readonly CaseEvent[], body: Record<string, unknown>, c: TransitionContext) {
  const request = parseTransition({ actor: '李娜', ...body });
  if (!request.ok) throw new Error(JSON.stringify(request.issues));
  const d = decide(stateOf(events), request.value, c);
  return d.ok ? d.event.status : d.issues.map(({ path, code, params }) => ({ path, code, params }));
}

function take(events: CaseEvent[], body: Record<string, unknown>, c: TransitionContext): CaseEvent[] {
  const request = parseTransition({ actor: '李娜', ...body });
  if (!request.ok) throw new Error(JSON.stringify(request.issues));
  const d = decide(stateOf(events), request.value, c);
  if (!d.ok) throw new Error(JSON.stringify(d.issues));
  return [...events, d.event];
}

function workDone(): CaseEvent[] {
  let log = [openEvent()];
  log = take(log, { action: 'approve_plan', ...PLAN }, ctx(local('2025-07-05 10:00')));
  log = take(log, { action: 'start_work', actualStart: '2025-07-10' }, ctx(local('2025-07-10 09:00')));
  return take(log, { action: 'complete_work', actualEnd: '2025-07-20' }, ctx(local('2025-07-21 09:00')));
}

const VERIFIED = {
  methods: ['user_visit'],
  result: '回访无投诉',
  passed: true,
  verifiedBy: '王强',
  verifiedOn: '2025-10-19',
};

describe('the workflow’s codes', () => {
  it('required: with the step that needs the field', () => {
    expect(
      codes([openEvent()], { action: 'approve_plan', causeAnalysis: '树障' }, ctx(local('2025-07-05 10:00'))),
    ).toEqual(
      ['measures', 'responsibleUnit', 'responsiblePerson', 'plannedStart', 'plannedEnd'].map((path) => ({
        path,
        code: 'required',
        params: { step: 'approve_plan' },
      })),
    );
    expect(codes(workDone(), { action: 'close' }, ctx(local('2025-10-20 10:00')))).toEqual([
      { path: 'verification', code: 'required', params: { step: 'close' } },
    ]);
    expect(codes(workDone(), { action: 'reopen' }, ctx(local('2025-08-01 10:00')))).toEqual([
      { path: 'reason', code: 'reopen_reason_required', params: {} },
    ]);
    expect(codes([openEvent()], { action: 'update' }, ctx(local('2025-07-05 10:00')))).toEqual([
      { path: '', code: 'nothing_to_update', params: {} },
    ]);
  });

  it('not_allowed and case_closed: the action, the status and the statuses it needs', () => {
    expect(
      codes(
        [openEvent()],
        { action: 'complete_work', actualEnd: '2025-07-20' },
        ctx(local('2025-07-21 10:00')),
      ),
    ).toEqual([
      {
        path: 'action',
        code: 'not_allowed',
        params: { action: 'complete_work', status: 'open', allowed: ['in_progress'] },
      },
    ]);
    const closed = take(
      workDone(),
      { action: 'close', verification: VERIFIED },
      ctx(local('2025-10-20 10:00')),
    );
    expect(codes(closed, { action: 'update', responsibleUnit: 'x' }, ctx(local('2025-10-21 10:00')))).toEqual(
      [{ path: 'action', code: 'case_closed', params: {} }],
    );
  });

  it('in_observation: until, days, the day the work was done and the first day closing is possible', () => {
    // work done 2025-07-20; 90 days: until 2025-10-17, closable from 2025-10-18
    expect(
      codes(
        workDone(),
        { action: 'close', verification: { ...VERIFIED, verifiedOn: '2025-08-01' } },
        ctx(local('2025-08-01 10:00')),
      ),
    ).toEqual([
      {
        path: 'action',
        code: 'in_observation',
        params: { until: '2025-10-17', days: 90, workDone: '2025-07-20', closableFrom: '2025-10-18' },
      },
    ]);
  });

  it('breach_in_observation: the rule, its date and when the observation began', () => {
    const c = ctx(local('2025-10-20 10:00'), {
      liveBreaches: [{ rule: 'over-5-in-365d', breachDate: '2025-08-15' }],
    });
    expect(codes(workDone(), { action: 'close', verification: VERIFIED }, c)).toEqual([
      {
        path: 'action',
        code: 'breach_in_observation',
        params: { rule: 'over-5-in-365d', breachDate: '2025-08-15', from: '2025-07-20' },
      },
    ]);
  });

  it('dates: after_today and before_date with the date it follows', () => {
    let log = [openEvent()];
    log = take(log, { action: 'approve_plan', ...PLAN }, ctx(local('2025-07-05 10:00')));
    log = take(log, { action: 'start_work', actualStart: '2025-07-10' }, ctx(local('2025-07-10 09:00')));
    expect(
      codes(log, { action: 'complete_work', actualEnd: '2025-07-09' }, ctx(local('2025-07-21 09:00'))),
    ).toEqual([
      {
        path: 'actualEnd',
        code: 'before_date',
        params: { other: 'actualStart', date: '2025-07-10', got: '2025-07-09' },
      },
    ]);
    expect(
      codes(log, { action: 'complete_work', actualEnd: '2025-07-22' }, ctx(local('2025-07-21 09:00'))),
    ).toEqual([
      { path: 'actualEnd', code: 'after_today', params: { today: '2025-07-21', got: '2025-07-22' } },
    ]);
    expect(
      codes(
        [openEvent()],
        { action: 'approve_plan', ...PLAN, plannedEnd: '2025-07-01' },
        ctx(local('2025-07-05 10:00')),
      ),
    ).toEqual([
      {
        path: 'plannedEnd',
        code: 'before_date',
        params: { other: 'plannedStart', date: '2025-07-10', got: '2025-07-01' },
      },
    ]);
    expect(
      codes(
        workDone(),
        { action: 'close', verification: { ...VERIFIED, verifiedOn: '2025-07-19', passed: false } },
        ctx(local('2025-10-20 10:00')),
      ),
    ).toEqual([
      {
        path: 'verification.verifiedOn',
        code: 'before_date',
        params: { other: 'actualEnd', date: '2025-07-20', got: '2025-07-19' },
      },
      { path: 'verification.passed', code: 'verification_failed', params: {} },
    ]);
  });

  it('measures: a note for "other", a reason for "no_action", which stands alone', () => {
    expect(
      codes(
        [openEvent()],
        { action: 'approve_plan', ...PLAN, measures: ['other', 'no_action'] },
        ctx(local('2025-07-05 10:00')),
      ),
    ).toEqual([
      { path: 'measuresNote', code: 'note_required_for_other', params: {} },
      { path: 'measures', code: 'no_action_alone', params: {} },
      { path: 'noActionReason', code: 'no_action_reason_required', params: {} },
    ]);
  });

  it('changed_since: the case’s change and the one the client saw', () => {
    expect(
      codes(workDone(), { action: 'comment', note: 'x', expectedSeq: 3 }, ctx(local('2025-07-22 10:00'))),
    ).toEqual([{ path: 'expectedSeq', code: 'changed_since', params: { seq: 4, expected: 3 } }]);
  });
});

describe('the request’s codes', () => {
  const parsed = (body: unknown) => {
    const r = parseTransition(body);
    return r.ok ? 'accepted' : r.issues.map(({ path, code, params }) => ({ path, code, params }));
  };

  it('codes every check of the body, quoting the value sent', () => {
    expect(parsed([])).toEqual([{ path: '', code: 'expected_object', params: {} }]);
    expect(parsed({ actor: 'a' })).toEqual([
      { path: 'action', code: 'bad_action', params: { allowed: expect.arrayContaining(['close']) } },
    ]);
    expect(parsed({ action: 'verify', actor: 'a' })).toEqual([
      {
        path: 'action',
        code: 'bad_action',
        params: { allowed: expect.arrayContaining(['close']), got: '"verify"' },
      },
    ]);
    expect(
      parsed({ action: 'start_work', actor: 'a', actualStart: '2025-02-30', actualEnd: '2025-07-10' }),
    ).toEqual([
      { path: 'actualStart', code: 'bad_date', params: { got: '"2025-02-30"' } },
      { path: 'actualEnd', code: 'unknown_field', params: {} },
    ]);
    expect(
      parsed({ action: 'approve_plan', actor: '', causeAnalysis: 5, measures: ['tree_clearing', 'prayer'] }),
    ).toEqual([
      { path: 'actor', code: 'empty', params: {} },
      { path: 'causeAnalysis', code: 'expected_text', params: { got: '5' } },
      {
        path: 'measures[1]',
        code: 'not_one_of',
        params: { allowed: expect.arrayContaining(['other']), got: '"prayer"' },
      },
    ]);
    expect(
      parsed({
        action: 'close',
        actor: 'a'.repeat(101),
        expectedSeq: 1.5,
        verification: { methods: [], passed: 'y', result: 'r', verifiedBy: 'b', verifiedOn: '2025-07-01' },
      }),
    ).toEqual([
      { path: 'actor', code: 'too_long', params: { max: 100 } },
      { path: 'expectedSeq', code: 'expected_whole_number', params: { got: '1.5' } },
      { path: 'verification.methods', code: 'at_least_one', params: {} },
      { path: 'verification.passed', code: 'expected_boolean', params: { got: '"y"' } },
    ]);
    expect(parsed({ action: 'comment', actor: 'a', expectedSeq: 0 })).toEqual([
      { path: 'expectedSeq', code: 'expected_whole_number', params: { got: '0', min: 1 } },
      { path: 'note', code: 'required', params: {} },
    ]);
    // a check zod words itself has no code of its own
    expect(parsed({ action: 'approve_plan', actor: 'a', measures: 'tree_clearing' })).toEqual([
      { path: 'measures', code: 'invalid', params: {} },
    ]);
  });
});
