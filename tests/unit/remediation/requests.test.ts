import { describe, expect, it } from 'vitest';
import { parseTransition } from '../../../analytics/remediation/index.js';

const issues = (body: unknown) => {
  const r = parseTransition(body);
  // the English words; codes and params are pinned in issue-codes.test.ts
  return r.ok ? 'accepted' : r.issues.map(({ path, message }) => ({ path, message }));
};

describe('parseTransition', () => {
  it('keeps the action, who and the fields, and nothing else', () => {
    expect(
      parseTransition({
        action: 'start_work',
        actor: ' 李娜 ',
        actualStart: '2025-07-10',
        expectedSeq: 2,
        note: '开工',
      }),
    ).toEqual({
      ok: true,
      value: {
        action: 'start_work',
        actor: '李娜',
        expectedSeq: 2,
        note: '开工',
        fields: { actualStart: '2025-07-10' },
      },
    });
    expect(parseTransition({ action: 'update', actor: 'a', measuresNote: null })).toEqual({
      ok: true,
      value: { action: 'update', actor: 'a', fields: { measuresNote: null } },
    });
  });

  it('names the actions when the action is missing or unknown', () => {
    expect(issues({ actor: 'a' })).toEqual([
      {
        path: 'action',
        message: 'required: one of approve_plan, start_work, complete_work, close, reopen, update, comment',
      },
    ]);
    expect(issues({ action: 'verify', actor: 'a' })).toEqual([
      {
        path: 'action',
        message:
          'expected one of approve_plan, start_work, complete_work, close, reopen, update, comment, got "verify"',
      },
    ]);
  });

  it('refuses fields the action does not take, and bad values, quoting them', () => {
    expect(
      issues({ action: 'start_work', actor: 'a', actualEnd: '2025-07-10', actualStart: '2025-02-30' }),
    ).toEqual([
      { path: 'actualStart', message: 'expected a date YYYY-MM-DD, got "2025-02-30"' },
      { path: 'actualEnd', message: 'unknown field' },
    ]);
    expect(issues({ action: 'approve_plan', actor: '', measures: ['tree_clearing', 'prayer'] })).toEqual([
      { path: 'actor', message: 'must not be empty' },
      {
        path: 'measures[1]',
        message:
          'expected one of tree_clearing, line_insulation, equipment_replacement, lightning_protection, animal_protection, external_damage_prevention, automation, rerouting, capacity_increase, live_working, outage_plan_merging, inspection, customer_side, other, no_action, got "prayer"',
      },
    ]);
    expect(
      issues({
        action: 'close',
        actor: 'a',
        verification: { methods: [], result: 'ok', passed: 'yes', verifiedBy: 'b', verifiedOn: '2025-10-01' },
      }),
    ).toEqual([
      { path: 'verification.methods', message: 'expected at least one method' },
      { path: 'verification.passed', message: 'expected true or false, got "yes"' },
    ]);
    expect(issues({ action: 'comment', actor: 'a' })).toEqual([{ path: 'note', message: 'required' }]);
    expect(issues({ action: 'comment', actor: 'a', note: 'x', expectedSeq: 0 })).toEqual([
      { path: 'expectedSeq', message: 'expected a whole number ≥ 1, got 0' },
    ]);
    expect(issues([1])).toEqual([{ path: '', message: 'expected a JSON object' }]);
  });
});
