// The case form's pure part: the steps a case offers (closing not before its observation period
// ends, steps refused by separation of duties left out), the fields a step needs, the body of a
// transition (a plan sends only what changed) and the issues the browser finds before sending.
// And the planned-outage check's request from what was typed.

import { describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../dashboard/web/views/case.js';
import {
  formIssues,
  isIsoDate,
  neededFields,
  stepChoice,
  todayIn,
  transitionBody,
} from '../../../dashboard/web/views/case-form-steps.js';
import { areaIds, plannedRequest } from '../../../dashboard/web/views/planned-check-request.js';
import type { Vocabulary } from '../../../dashboard/web/views/remediation-common.js';

const label = (s: string) => ({ zh: s, en: s });
const vocabulary: Vocabulary = {
  statuses: [],
  actions: [
    { action: 'update', label: label('update'), from: ['open', 'plan_approved'], requires: [] },
    {
      action: 'approve_plan',
      label: label('approve'),
      from: ['open'],
      requires: ['causeAnalysis', 'measures', 'plannedEnd'],
    },
    { action: 'start_work', label: label('start'), from: ['plan_approved'], requires: ['actualStart'] },
    { action: 'close', label: label('close'), from: ['work_done'], requires: ['verification'] },
    { action: 'reopen', label: label('reopen'), from: ['closed'], requires: [] },
    { action: 'comment', label: label('comment'), from: ['open', 'work_done', 'closed'], requires: [] },
  ],
  measures: [],
  verificationMethods: [],
};

const detail = (o: Partial<CaseDetail>): CaseDetail =>
  ({
    caseId: 'C-1',
    status: 'open',
    seq: 7,
    fields: {},
    observation: null,
    ...o,
  }) as CaseDetail;

describe('the steps a case offers', () => {
  it('offers the status’s steps, the first that is neither update nor comment selected', () => {
    const c = stepChoice(detail({}), vocabulary, '2026-03-01');
    expect(c.actions.map((a) => a.action)).toEqual(['update', 'approve_plan', 'comment']);
    expect(c.first).toBe('approve_plan');
    expect(c.drafting).toBe(false);
  });

  it('does not offer closing before the observation period ends', () => {
    const observed = detail({
      status: 'work_done',
      observation: { from: '2026-01-01', until: '2026-03-31', closableFrom: '2026-04-01' },
    });
    expect(stepChoice(observed, vocabulary, '2026-03-31').actions.map((a) => a.action)).toEqual(['comment']);
    expect(stepChoice(observed, vocabulary, '2026-03-31').first).toBe('comment');
    expect(stepChoice(observed, vocabulary, '2026-04-01').actions.map((a) => a.action)).toEqual([
      'close',
      'comment',
    ]);
  });

  it('drafts an incomplete plan first under separation of duties, and leaves out refused steps', () => {
    const c = stepChoice(
      detail({
        separationOfDuties: true,
        fields: { causeAnalysis: 'x' },
        refusedToYou: { approve_plan: { path: 'action', message: 'yours' }, close: null },
      }),
      vocabulary,
      '2026-03-01',
    );
    expect(c.drafting).toBe(true);
    expect(c.first).toBe('update');
    expect(c.actions.map((a) => a.action)).toEqual(['update', 'comment']);
    // what approval needs is needed when drafting
    expect([...neededFields(c, 'update')]).toEqual(['causeAnalysis', 'measures', 'plannedEnd']);
    expect([...neededFields(c, 'comment')]).toEqual(['note']);
  });

  it('needs a reason to reopen and what the vocabulary requires', () => {
    const closed = stepChoice(detail({ status: 'closed' }), vocabulary, '2026-03-01');
    expect([...neededFields(closed, 'reopen')]).toEqual(['reason']);
    const approved = stepChoice(detail({ status: 'plan_approved' }), vocabulary, '2026-03-01');
    expect([...neededFields(approved, 'start_work')]).toEqual(['actualStart']);
  });
});

describe('the body of a transition', () => {
  const reading = (values: Record<string, unknown>) => (path: string) => values[path];

  it('sends a plan’s changes only, a cleared field as null, and the measures when their set changed', () => {
    const d = detail({
      fields: {
        causeAnalysis: 'old',
        responsibleUnit: '安宁所',
        measures: ['tree_clearing', 'line_insulation'],
      },
    });
    const body = transitionBody(
      d,
      'update',
      false,
      reading({
        causeAnalysis: 'new',
        responsibleUnit: '',
        plannedEnd: '2026-06-30',
        measures: ['line_insulation', 'tree_clearing'],
        actor: '',
        note: 'n',
      }),
    );
    expect(body).toEqual({
      action: 'update',
      expectedSeq: 7,
      note: 'n',
      causeAnalysis: 'new',
      responsibleUnit: null,
      plannedEnd: '2026-06-30',
    });
    expect(Object.keys(body)).toEqual([
      'action',
      'expectedSeq',
      'note',
      'causeAnalysis',
      'responsibleUnit',
      'plannedEnd',
    ]);
  });

  it('approves a plan as saved under separation of duties: the step, the name and the note only', () => {
    const body = transitionBody(
      detail({}),
      'approve_plan',
      true,
      reading({ causeAnalysis: 'x', actor: '王' }),
    );
    expect(body).toEqual({ action: 'approve_plan', expectedSeq: 7, actor: '王' });
  });

  it('sends the verification that closes a case when any part of it is filled in', () => {
    const read = reading({
      'verification.methods': ['patrol'],
      'verification.result': 'ok',
      'verification.verifiedOn': '',
      'verification.passed': false,
    });
    expect(transitionBody(detail({}), 'close', false, read)).toEqual({
      action: 'close',
      expectedSeq: 7,
      verification: { methods: ['patrol'], result: 'ok', passed: false },
    });
    expect(transitionBody(detail({}), 'close', false, reading({ 'verification.methods': [] }))).toEqual({
      action: 'close',
      expectedSeq: 7,
    });
  });

  it('sends the dates of work and the reason to reopen as typed', () => {
    expect(transitionBody(detail({}), 'start_work', false, reading({ actualStart: '2026-04-02' }))).toEqual({
      action: 'start_work',
      expectedSeq: 7,
      actualStart: '2026-04-02',
    });
    expect(transitionBody(detail({}), 'reopen', false, reading({ reason: '又停了' }))).toEqual({
      action: 'reopen',
      expectedSeq: 7,
      reason: '又停了',
    });
  });
});

describe('what the browser refuses before asking', () => {
  it('names every empty required field at once, then every date not written YYYY-MM-DD', () => {
    const read = (p: string) =>
      ({ causeAnalysis: '', measures: [], plannedEnd: '2026-02-30', plannedStart: '2026-02-28' })[p];
    expect(
      formIssues(
        {
          required: ['causeAnalysis', 'measures', 'plannedStart'],
          dates: ['plannedStart', 'plannedEnd'],
          step: 'approve_plan',
        },
        read,
        { required: 'R', date: 'D' },
      ),
    ).toEqual([
      { path: 'causeAnalysis', message: 'R', code: 'required', params: { step: 'approve_plan' } },
      { path: 'measures', message: 'R', code: 'required', params: { step: 'approve_plan' } },
      { path: 'plannedEnd', message: 'D' },
    ]);
  });

  it('takes only real calendar dates written YYYY-MM-DD', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-4-01')).toBe(false);
    expect(isIsoDate('2026-04-31')).toBe(false);
  });

  it('knows today in the operating zone', () => {
    // 2026-03-01 17:30 UTC is 2026-03-02 01:30 in Shanghai
    expect(todayIn('Asia/Shanghai', Date.UTC(2026, 2, 1, 17, 30))).toBe('2026-03-02');
    expect(todayIn('UTC', Date.UTC(2026, 2, 1, 17, 30))).toBe('2026-03-01');
  });
});

describe('the planned-outage check’s request', () => {
  const words = { needAsset: 'A', needStart: 'S', needDuration: 'D', needCustomers: 'C' };
  const input = {
    assetId: ' F1 ',
    start: '2026-05-01T08:30',
    duration: '240',
    customers: '',
    cause: 'arrears',
    areas: '',
  };

  it('sends what was typed, the start with a space, optional parts only when given', () => {
    expect(plannedRequest(input, words)).toEqual({
      issues: [],
      body: { assetId: 'F1', start: '2026-05-01 08:30', durationMinutes: 240, cause: 'arrears' },
    });
    expect(plannedRequest({ ...input, customers: '12', areas: 'T1，T2 ;T3' }, words).body).toEqual({
      assetId: 'F1',
      start: '2026-05-01 08:30',
      durationMinutes: 240,
      cause: 'arrears',
      customersAffected: 12,
      affectedAreas: ['T1', 'T2', 'T3'],
    });
  });

  it('names every mistake at once, in the form’s order, and sends nothing', () => {
    expect(
      plannedRequest(
        { ...input, assetId: ' ', start: '2026-5-1 8:30', duration: '10081', customers: '1.5' },
        words,
      ),
    ).toEqual({
      issues: [
        { path: 'assetId', message: 'A' },
        { path: 'start', message: 'S' },
        { path: 'durationMinutes', message: 'D' },
        { path: 'customersAffected', message: 'C' },
      ],
    });
    expect(plannedRequest({ ...input, duration: '0' }, words).issues).toEqual([
      { path: 'durationMinutes', message: 'D' },
    ]);
  });

  it('splits the areas at spaces, commas and semicolons, full-width too', () => {
    expect(areaIds(' a,b，c;d；e  f\n')).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(areaIds('  ')).toEqual([]);
  });
});
