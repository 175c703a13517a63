// When each authority report of the shipped Guizhou rule set is frozen and due, by hand from
// the rule file: ranking published in March for the year before, summaries by 5 July and
// 20 December from 2026, arrears notices per month of the disconnections.

import { describe, expect, it } from 'vitest';
import { nextToFreeze, reportPeriod, reportPeriodsDue, reportsOf } from '../../../analytics/reports/index.js';
import { at, shipped, ZONE } from '../rules/fixtures.js';

const guizhou = shipped('guizhou-2025');
const period = (report: Parameters<typeof reportPeriod>[1], key: string) => {
  const p = reportPeriod(guizhou, report, key, ZONE);
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return p.value;
};
const due = (report: Parameters<typeof reportPeriod>[1], last: string | null, now: string) =>
  reportPeriodsDue(guizhou, report, last, at(now), ZONE).map((p) => p.key);

describe('authority report periods (Guizhou)', () => {
  it('files all four reports; the national set none', () => {
    expect(reportsOf(guizhou)).toEqual(['ranking', 'half-year-summary', 'annual-summary', 'arrears-notice']);
    expect(reportsOf(shipped('national-2025'))).toEqual([]);
  });

  it('ranks a year from 1 March of the next, due on 31 March', () => {
    expect(period('ranking', '2025')).toEqual({
      report: 'ranking',
      key: '2025',
      start: at('2025-01-01 00:00'),
      end: at('2026-01-01 00:00'),
      firstDate: '2025-01-01',
      lastDate: '2025-12-31',
      freezeAt: at('2026-03-01 00:00'),
      due: '2026-03-31',
    });
  });

  it('summarises January–June by 5 July and January–November by 20 December', () => {
    const h1 = period('half-year-summary', '2026');
    expect([h1.firstDate, h1.lastDate, h1.freezeAt, h1.due]).toEqual([
      '2026-01-01',
      '2026-06-30',
      at('2026-07-01 00:00'),
      '2026-07-05',
    ]);
    const year = period('annual-summary', '2026');
    expect([year.firstDate, year.lastDate, year.end, year.freezeAt, year.due]).toEqual([
      '2026-01-01',
      '2026-11-30',
      at('2026-12-01 00:00'),
      at('2026-12-01 00:00'),
      '2026-12-20',
    ]);
  });

  it('lists the arrears disconnections of a month, with no deadline of its own', () => {
    const feb = period('arrears-notice', '2026-02');
    expect([feb.firstDate, feb.lastDate, feb.freezeAt, feb.due]).toEqual([
      '2026-02-01',
      '2026-02-28',
      at('2026-03-01 00:00'),
      null,
    ]);
    expect(reportPeriod(guizhou, 'arrears-notice', '2026', ZONE).ok).toBe(false);
    expect(reportPeriod(guizhou, 'ranking', '2026-02', ZONE).ok).toBe(false);
  });

  it('is due once its freeze time has come: the latest only on a first run, every missed one after', () => {
    expect(due('ranking', null, '2026-02-28 23:59')).toEqual(['2024']);
    expect(due('ranking', null, '2026-03-01 00:20')).toEqual(['2025']);
    expect(due('ranking', '2025', '2026-12-31 23:00')).toEqual([]);
    expect(due('ranking', '2025', '2028-03-01 00:20')).toEqual(['2026', '2027']);
    expect(due('half-year-summary', null, '2026-06-30 23:59')).toEqual([]);
    expect(due('half-year-summary', null, '2026-07-01 00:20')).toEqual(['2026']);
    expect(due('half-year-summary', '2026', '2026-12-25 00:20')).toEqual([]);
    // the summaries begin in 2026 (从2026年起): nothing for 2025
    expect(due('half-year-summary', null, '2025-07-02 00:20')).toEqual([]);
    expect(due('annual-summary', null, '2026-11-30 23:59')).toEqual([]);
    expect(due('annual-summary', null, '2026-12-01 00:20')).toEqual(['2026']);
    expect(due('arrears-notice', null, '2026-07-01 00:20')).toEqual(['2026-06']);
    expect(due('arrears-notice', null, '2027-01-01 00:20')).toEqual(['2026-12']);
    expect(due('arrears-notice', '2026-10', '2027-01-02 00:20')).toEqual(['2026-11', '2026-12']);
  });
});

describe('what is next', () => {
  it('is the first period not yet freezable, from the first year on', () => {
    const next = (report: Parameters<typeof reportPeriod>[1], now: string) => {
      const p = nextToFreeze(guizhou, report, at(now), ZONE);
      return [p.key, p.due];
    };
    expect(next('annual-summary', '2026-08-01 00:20')).toEqual(['2026', '2026-12-20']);
    expect(next('annual-summary', '2025-08-01 00:20')).toEqual(['2026', '2026-12-20']);
    expect(next('half-year-summary', '2026-08-01 00:20')).toEqual(['2027', '2027-07-05']);
    expect(next('ranking', '2026-02-10 00:20')).toEqual(['2025', '2026-03-31']);
    expect(next('arrears-notice', '2026-02-10 00:20')).toEqual(['2026-02', null]);
  });
});
