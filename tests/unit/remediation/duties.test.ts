// Separation of duties (四眼原则), a rule-set setting on by default: a plan is approved as
// drafted, by someone who did not draft it; a case is closed by someone other than who recorded
// its work done. Names are the tokens' (the actor of each change).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../server/config.js';
import {
  type CaseEvent,
  decide,
  parseTransition,
  type TransitionContext,
} from '../../../analytics/remediation/index.js';
import { parseRuleSet } from '../../../analytics/rules/index.js';
import { folded, local, openEvent, PLAN, SH, stateOf } from './fixtures.js';

const ctx = (now: number): TransitionContext => ({
  now,
  zone: SH,
  observationDays: 90,
  caseDueDays: 90,
  role: 'planner',
  liveBreaches: [],
  separationOfDuties: true,
});

function attempt(events: readonly CaseEvent[], actor: string, body: Record<string, unknown>, at: string) {
  const request = parseTransition({ actor, ...body });
  if (!request.ok) throw new Error(JSON.stringify(request.issues));
  return decide(stateOf(events), request.value, ctx(local(at)));
}

function apply(events: CaseEvent[], actor: string, body: Record<string, unknown>, at: string): CaseEvent[] {
  const d = attempt(events, actor, body, at);
  if (!d.ok) throw new Error(JSON.stringify(d.issues));
  return [...events, d.event];
}

const refusal = (d: ReturnType<typeof decide>) =>
  d.ok ? 'accepted' : d.issues.map((i) => ({ code: i.code, params: i.params, message: i.message }));

/** 李娜 drafts the plan on 3 July. */
const drafted = (): CaseEvent[] =>
  apply([openEvent()], '李娜', { action: 'update', ...PLAN }, '2025-07-03 09:00');

describe('approving a plan', () => {
  it('refuses its author and accepts someone else, approving it as drafted', () => {
    const log = drafted();
    expect(stateOf(log).planAuthors).toEqual(['李娜']);
    expect(refusal(attempt(log, '李娜', { action: 'approve_plan' }, '2025-07-05 10:00'))).toEqual([
      {
        code: 'own_plan',
        params: { authors: ['李娜'] },
        message: '李娜 drafted this plan (drafted by 李娜): someone else approves it',
      },
    ]);
    const approved = apply(log, '王强', { action: 'approve_plan' }, '2025-07-05 10:00');
    const state = stateOf(approved);
    expect(state.status).toBe('plan_approved');
    expect(state.fields.responsiblePerson).toBe('张伟');
    // approved: the plan has no pending authors until someone changes it again
    expect(state.planAuthors).toEqual([]);
  });

  it('counts everyone who changed the plan, and not those who only commented', () => {
    let log = drafted();
    log = apply(log, '赵敏', { action: 'update', plannedEnd: '2025-08-20' }, '2025-07-04 09:00');
    log = apply(log, '王强', { action: 'comment', note: '请补充树障清单' }, '2025-07-04 10:00');
    expect(stateOf(log).planAuthors).toEqual(['李娜', '赵敏']);
    expect(refusal(attempt(log, '赵敏', { action: 'approve_plan' }, '2025-07-05 10:00'))).toMatchObject([
      { code: 'own_plan', params: { authors: ['李娜', '赵敏'] } },
    ]);
    expect(attempt(log, '王强', { action: 'approve_plan' }, '2025-07-05 10:00').ok).toBe(true);
  });

  it('refuses an approval that changes the plan, even by someone who did not draft it', () => {
    const d = attempt(
      drafted(),
      '王强',
      { action: 'approve_plan', plannedEnd: '2025-09-01' },
      '2025-07-05 10:00',
    );
    expect(refusal(d)).toMatchObject([
      { code: 'plan_changed_on_approval', params: { fields: ['plannedEnd'] } },
    ]);
  });

  it('allows drafting and approving by one person when the rule set turns the setting off', () => {
    const request = parseTransition({ actor: '李娜', action: 'approve_plan' });
    if (!request.ok) throw new Error('bad request');
    const d = decide(stateOf(drafted()), request.value, {
      ...ctx(local('2025-07-05 10:00')),
      separationOfDuties: false,
    });
    expect(d.ok).toBe(true);
  });
});

describe('closing a case', () => {
  const VERIFIED = {
    methods: ['user_visit'],
    result: '回访用户无投诉',
    passed: true,
    verifiedBy: '王强',
    verifiedOn: '2025-10-19',
  };
  const done = (): CaseEvent[] => {
    let log = apply(drafted(), '王强', { action: 'approve_plan' }, '2025-07-05 10:00');
    log = apply(log, '李娜', { action: 'start_work', actualStart: '2025-07-10' }, '2025-07-10 09:00');
    return apply(log, '李娜', { action: 'complete_work', actualEnd: '2025-07-20' }, '2025-07-21 09:00');
  };

  it('refuses who recorded the work done and accepts someone else after the observation', () => {
    const log = done();
    expect(stateOf(log).workDoneBy).toBe('李娜');
    expect(
      refusal(attempt(log, '李娜', { action: 'close', verification: VERIFIED }, '2025-10-20 10:00')),
    ).toEqual([
      {
        code: 'own_work',
        params: { actor: '李娜' },
        message: '李娜 recorded the work done: someone else verifies and closes the case',
      },
    ]);
    const closed = apply(log, '王强', { action: 'close', verification: VERIFIED }, '2025-10-20 10:00');
    expect(folded(closed).history.map((h) => [h.action, h.actor])).toEqual([
      ['open', 'system'],
      ['update', '李娜'],
      ['approve_plan', '王强'],
      ['start_work', '李娜'],
      ['complete_work', '李娜'],
      ['close', '王强'],
    ]);
  });

  it('forgets who did the work of a round once the case is reopened', () => {
    const log = apply(done(), '王强', { action: 'reopen', reason: '观察期内再次跳闸' }, '2025-08-01 09:00');
    expect(stateOf(log).workDoneBy).toBeNull();
  });
});

describe('the rule-set setting', () => {
  const national = JSON.parse(
    readFileSync(join(projectRoot(), 'rules', 'national-2025.json'), 'utf8'),
  ) as Record<string, unknown>;
  it('is on unless a rule set turns it off', () => {
    const on = parseRuleSet(national);
    const off = parseRuleSet({ ...national, separationOfDuties: false });
    if (!on.ok || !off.ok) throw new Error(JSON.stringify([on, off]));
    expect(on.value.separationOfDuties).toBe(true);
    expect(off.value.separationOfDuties).toBe(false);
  });
});
