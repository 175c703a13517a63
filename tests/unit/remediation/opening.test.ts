import { describe, expect, it } from 'vitest';
import {
  type CaseEvent,
  caseIdOf,
  type OpeningInput,
  planCaseEvents,
} from '../../../analytics/remediation/index.js';
import { flag, local, openEvent, SH, stateOf } from './fixtures.js';

const NOW = local('2025-07-01 00:20');
const snapshot = {
  name: '10kV 龙泉线',
  kind: 'feeder' as const,
  province: '云南省',
  city: '保山市',
  county: '隆阳区',
  areaClass: 'rural' as const,
};

const input = (over: Partial<OpeningInput>): OpeningInput => ({
  ruleSet: { name: 'national-2025', caseDueDays: 90 },
  now: NOW,
  zone: SH,
  flags: [],
  cases: [],
  assets: new Map([['F1', snapshot]]),
  ...over,
});

describe('planCaseEvents', () => {
  it('opens one case per asset and family for new breaches, due after caseDueDays', () => {
    const plan = planCaseEvents(
      input({
        flags: [
          flag('F1', 'over-3-in-60d', '2025-06-29'),
          flag('F1', 'over-5-in-365d', '2025-06-20'),
          flag('F2', 'over-3-in-60d', null),
        ],
      }),
    );
    const id = caseIdOf('national-2025', 'frequent_outage', 'F1', '2025-06-20');
    expect(plan.opened).toEqual([id]);
    expect(plan.events).toHaveLength(1);
    expect(plan.events[0]).toMatchObject({
      caseId: id,
      seq: 1,
      action: 'open',
      status: 'open',
      assetId: 'F1',
      family: 'frequent_outage',
      actor: 'system',
      at: NOW,
      data: { asset: snapshot, dueDate: '2025-09-29' },
    });
    expect(plan.events[0]?.data.breaches?.map((b) => b.rule)).toEqual(['over-5-in-365d', 'over-3-in-60d']);
  });

  it('gives cases stable, readable ids', () => {
    expect(caseIdOf('national-2025', 'frequent_outage', 'F1', '2025-06-20')).toMatch(
      /^RC-20250620-[0-9a-f]{10}$/,
    );
    expect(caseIdOf('national-2025', 'frequent_outage', 'F1', '2025-06-20')).toBe(
      caseIdOf('national-2025', 'frequent_outage', 'F1', '2025-06-20'),
    );
    expect(caseIdOf('national-2025', 'frequent_outage', 'F2', '2025-06-20')).not.toBe(
      caseIdOf('national-2025', 'frequent_outage', 'F1', '2025-06-20'),
    );
  });

  it('writes nothing when run again on the same breaches', () => {
    const first = planCaseEvents(input({ flags: [flag('F1', 'over-3-in-60d', '2025-06-29')] }));
    const cases = [stateOf(first.events)];
    const again = planCaseEvents(
      input({ flags: [flag('F1', 'over-3-in-60d', '2025-06-29')], cases, now: NOW + 86_400_000 }),
    );
    expect(again).toEqual({ events: [], opened: [], attached: [], reopened: [] });
  });

  it('attaches a further breach to the open case', () => {
    const log: CaseEvent[] = [openEvent()];
    const plan = planCaseEvents(
      input({
        flags: [flag('F1', 'over-3-in-60d', '2025-07-15')],
        cases: [stateOf(log)],
        now: local('2025-07-16 00:20'),
      }),
    );
    expect(plan.attached).toEqual(['RC-1']);
    expect(
      plan.events.map((e) => [e.caseId, e.seq, e.action, e.status, e.data.breaches?.[0]?.breachDate]),
    ).toEqual([['RC-1', 2, 'attach', 'open', '2025-07-15']]);
  });

  it('reopens a case in observation on a breach dated on or after the day the work was done', () => {
    const done = (actualEnd: string): CaseEvent[] => [
      openEvent(),
      {
        ...openEvent(),
        seq: 2,
        action: 'complete_work',
        status: 'work_done',
        at: local('2025-07-21 09:00'),
        data: { fields: { actualEnd } },
      },
    ];
    const now = local('2025-08-16 00:20');
    const reopened = planCaseEvents(
      input({
        flags: [flag('F1', 'over-3-in-60d', '2025-08-15')],
        cases: [stateOf(done('2025-07-20'))],
        now,
      }),
    );
    expect(reopened.reopened).toEqual(['RC-1']);
    expect(reopened.events[0]).toMatchObject({
      seq: 3,
      action: 'reopen',
      status: 'open',
      data: { reason: 'breach during observation (work done on 2025-07-20)', dueDate: '2025-11-14' },
    });
    // a late record of a breach before the work was done attaches without reopening
    const late = planCaseEvents(
      input({
        flags: [flag('F1', 'over-3-in-60d', '2025-07-18')],
        cases: [stateOf(done('2025-07-20'))],
        now,
      }),
    );
    expect(late.events.map((e) => [e.action, e.status])).toEqual([['attach', 'work_done']]);
  });

  it('after closing, ignores breaches dated up to the closing date and opens a new case for later ones', () => {
    const closed = stateOf([
      openEvent(),
      { ...openEvent(), seq: 2, action: 'close', status: 'closed', at: local('2025-10-20 10:00'), data: {} },
    ]);
    const old = planCaseEvents(
      input({
        flags: [flag('F1', 'over-5-in-365d', '2025-10-01')],
        cases: [closed],
        now: local('2025-10-25 00:20'),
      }),
    );
    expect(old.events).toEqual([]);
    const fresh = planCaseEvents(
      input({
        flags: [flag('F1', 'over-3-in-60d', '2025-11-02')],
        cases: [closed],
        now: local('2025-11-03 00:20'),
      }),
    );
    expect(fresh.opened).toEqual([caseIdOf('national-2025', 'frequent_outage', 'F1', '2025-11-02')]);
  });

  it('keeps rule families apart', () => {
    const plan = planCaseEvents(
      input({
        flags: [
          flag('F1', 'over-3-in-60d', '2025-06-29'),
          flag('F1', 'saidi', '2025-06-29', 'reliability_target'),
        ],
      }),
    );
    expect(plan.events.map((e) => e.family)).toEqual(['frequent_outage', 'reliability_target']);
  });
});
