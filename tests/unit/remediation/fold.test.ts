import { describe, expect, it } from 'vitest';
import { foldCase, foldCases } from '../../../analytics/remediation/index.js';
import { breach, folded, local, openEvent, SH } from './fixtures.js';

const attach = (seq: number, at: number, date: string) => ({
  ...openEvent(),
  seq,
  action: 'attach' as const,
  at,
  data: { breaches: [breach('over-5-in-365d', date)] },
});

describe('foldCase', () => {
  it('is null without an opening event', () => {
    expect(foldCase([], SH)).toBeNull();
    expect(foldCase([attach(2, local('2025-07-02 00:20'), '2025-07-01')], SH)).toBeNull();
  });

  it('takes events in seq order, whatever order they were read in', () => {
    const f = folded([attach(2, local('2025-07-02 00:20'), '2025-07-01'), openEvent()]);
    expect(f.state.seq).toBe(2);
    expect(f.state.breaches.map((b) => `${b.rule}@${b.breachDate}`)).toEqual([
      'over-3-in-60d@2025-06-29',
      'over-5-in-365d@2025-07-01',
    ]);
    expect(f.history.map((h) => h.breaches.length)).toEqual([1, 1]);
  });

  it('of two events with one seq keeps the earlier and shows the other as superseded', () => {
    const first = { ...attach(2, local('2025-07-02 00:20'), '2025-07-01'), actor: 'A' };
    const second = { ...attach(2, local('2025-07-02 00:21'), '2025-07-02'), actor: 'B' };
    const f = folded([openEvent(), second, first]);
    expect(f.history.map((h) => h.actor)).toEqual(['system', 'A']);
    expect(f.superseded.map((e) => e.actor)).toEqual(['B']);
  });

  it('as of a time folds the events recorded by then', () => {
    const log = [openEvent(), attach(2, local('2025-07-02 00:20'), '2025-07-01')];
    expect(folded(log, local('2025-07-01 12:00')).state.seq).toBe(1);
    expect(foldCase(log, SH, local('2025-06-30 12:00'))).toBeNull();
    expect(folded(log).state.updatedAt).toBe(local('2025-07-02 00:20'));
  });

  it('dates the opening in the operating zone', () => {
    // 16:20Z on 30 June is 00:20 on 1 July in Shanghai
    expect(folded([openEvent('X', Date.parse('2025-06-30T16:20:00Z'))]).state.openedDate).toBe('2025-07-01');
  });

  it('folds many cases, in order of opening', () => {
    const a = openEvent('B', local('2025-07-01 00:20'));
    const b = openEvent('A', local('2025-07-03 00:20'));
    expect(foldCases([b, a], SH).map((f) => f.state.caseId)).toEqual(['B', 'A']);
  });
});
