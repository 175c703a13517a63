// Figures that say what they count (issue 22): a rule's window as of today and the outages it
// counts there, a breach older than that window, each loaded target judged on a period's
// figures (met, on or off track, by hours or by the reduction on the year before), the
// elapsed share of a year from the API's period, and dates that never read as 06/12/2026.

import { describe, expect, it } from 'vitest';
import { createFormat } from '../../../dashboard/web/format.js';
import { tables } from '../../../dashboard/web/i18n.js';
import { countedIn, currentWindow, ruleStanding } from '../../../dashboard/web/views/rule-standing.js';
import {
  elapsedShare,
  judge,
  summarise,
  type TargetRow,
  targetRules,
} from '../../../dashboard/web/views/target-verdicts.js';

describe('currentWindow', () => {
  it('is the N days ending today for a rolling window, both ends included', () => {
    expect(currentWindow('60 days', '2026-12-07')).toEqual({ from: '2026-10-09', to: '2026-12-07' });
    expect(currentWindow('365 days', '2026-12-07')).toEqual({ from: '2025-12-08', to: '2026-12-07' });
    // 182 days back from 1 March 2026: January and February (59 days), then 123 into 2025
    expect(currentWindow('183 days', '2026-03-01')).toEqual({ from: '2025-08-31', to: '2026-03-01' });
  });

  it('is the calendar period so far for a calendar window', () => {
    expect(currentWindow('calendar year', '2026-12-07')).toEqual({ from: '2026-01-01', to: '2026-12-07' });
    expect(currentWindow('calendar quarter', '2026-05-20')).toEqual({ from: '2026-04-01', to: '2026-05-20' });
    expect(currentWindow('calendar month', '2026-02-28')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });

  it('is undefined for a window the rules do not know, or no date', () => {
    expect(currentWindow('fortnight', '2026-12-07')).toBeUndefined();
    expect(currentWindow(undefined, '2026-12-07')).toBeUndefined();
    expect(currentWindow('60 days', '07/12/2026')).toBeUndefined();
  });
});

describe('ruleStanding', () => {
  const rule = { window: '60 days', limit: 3 };
  // The breach of the issue: 4 counted outages between 30 July and 27 September, nothing since
  // but one counted outage on the first day of the current window and one not counted.
  const outages = [
    { date: '2026-07-30', counted: true },
    { date: '2026-08-03', counted: true },
    { date: '2026-09-08', counted: true },
    { date: '2026-09-27', counted: true },
    { date: '2026-10-09', counted: true },
    { date: '2026-11-01', counted: false },
  ];
  const breach = {
    status: 'breach' as const,
    count: 4,
    limit: 3,
    windowStart: '2026-07-30',
    windowEnd: '2026-09-27',
    breachDate: '2026-09-27',
  };

  it('counts only the counted outages inside the range', () => {
    expect(countedIn(outages, { from: '2026-10-09', to: '2026-12-07' })).toBe(1);
    expect(countedIn(outages, { from: '2026-07-30', to: '2026-09-27' })).toBe(4);
    expect(countedIn(outages, { from: '2026-11-01', to: '2026-11-01' })).toBe(0);
  });

  it('marks a breach whose window ended before the current window began as old', () => {
    expect(ruleStanding(rule, { to: '2026-12-07', flag: breach, outages })).toEqual({
      status: 'breach',
      limit: 3,
      current: { from: '2026-10-09', to: '2026-12-07', counted: 1 },
      flagged: { from: '2026-07-30', to: '2026-09-27', count: 4, limit: 3 },
      breachDate: '2026-09-27',
      old: true,
    });
  });

  it('does not call a breach old while its window reaches into the current one', () => {
    const recent = {
      ...breach,
      windowStart: '2026-08-11',
      windowEnd: '2026-10-09',
      breachDate: '2026-10-09',
    };
    expect(ruleStanding(rule, { to: '2026-12-07', flag: recent, outages }).old).toBe(false);
  });

  it('gives no breach date for a warning and none for an asset without a flag', () => {
    const warning = { ...breach, status: 'at_risk' as const, count: 3, breachDate: null };
    const s = ruleStanding(rule, { to: '2026-12-07', flag: warning, outages });
    expect([s.status, s.breachDate, s.old]).toEqual(['at_risk', null, false]);
    expect(ruleStanding(rule, { to: '2026-12-07', flag: null, outages: [] })).toEqual({
      status: 'fine',
      limit: 3,
      current: { from: '2026-10-09', to: '2026-12-07', counted: 0 },
      flagged: undefined,
      breachDate: null,
      old: false,
    });
  });
});

describe('target verdicts', () => {
  const row = (areaClass: string | null, atMost: number | null, below: number | null = null): TargetRow => ({
    ruleSet: 'baoshan-2021',
    rule: 'saidi-by-area-class',
    measure: 'saidi_hours',
    per: 'area_class',
    basis: 'medium_voltage',
    areaClass,
    atMost,
    below,
    orReductionPercent: 8,
  });
  const [byClass] = targetRules([row('urban_core', 2), row('rural', 15)]);
  const parks = targetRules([
    {
      ruleSet: 'kunming-parks-2023',
      rule: 'park-saidi-below-1h',
      measure: 'saidi_hours',
      per: 'park',
      basis: 'medium_voltage',
      areaClass: null,
      atMost: null,
      below: 1,
      orReductionPercent: null,
    },
  ])[0];

  it('groups the rows of GET /targets into their rules, leaving out what the page cannot judge', () => {
    expect(targetRules([row('urban_core', 2), row('rural', 15)])).toHaveLength(1);
    expect([...(byClass?.values.entries() ?? [])]).toEqual([
      ['urban_core', { value: 2, strict: false }],
      ['rural', { value: 15, strict: false }],
    ]);
    expect(targetRules([{ ...row(null, 3), per: 'asset' }])).toEqual([]);
  });

  it('judges a finished year by hours, or by 8 % less than the year before', () => {
    if (!byClass) throw new Error('no rule');
    const current = [
      { areaClass: 'urban_core', saidi: 1.5 },
      { areaClass: 'rural', saidi: 16 },
      { areaClass: 'town', saidi: 3 }, // no target for towns in this rule
    ];
    const verdicts = judge(byClass, current, [{ areaClass: 'rural', saidi: 20 }], 1);
    expect(
      verdicts.map((v) => [v.group, v.value, v.target, v.assessment.status, v.assessment.metBy]),
    ).toEqual([
      ['urban_core', 1.5, 2, 'met', 'hours'],
      // 16 > 15 h, but 16 ≤ 20 × 0.92 = 18.4
      ['rural', 16, 15, 'met', 'reduction'],
    ]);
    expect(verdicts[1]?.assessment.reductionAllowedHours).toBeCloseTo(18.4, 10);
    expect(summarise(verdicts, 1)).toEqual({ groups: 2, passed: 2, status: 'met' });
  });

  it('pro-rates both allowances for a year in progress', () => {
    if (!byClass) throw new Error('no rule');
    const current = [
      { areaClass: 'urban_core', saidi: 1.5 },
      { areaClass: 'rural', saidi: 9 },
    ];
    const verdicts = judge(byClass, current, [{ areaClass: 'rural', saidi: 20 }], 0.5);
    // urban core: 1.5 > 2 × 0.5 = 1; rural: 9 > 15 × 0.5 = 7.5, but 9 ≤ 20 × 0.92 × 0.5 = 9.2
    expect(verdicts.map((v) => [v.group, v.assessment.status, v.assessment.allowedHours])).toEqual([
      ['urban_core', 'off_track', 1],
      ['rural', 'on_track', 7.5],
    ]);
    expect(summarise(verdicts, 0.5)).toEqual({ groups: 2, passed: 1, status: 'off_track' });
  });

  it('judges parks strictly under their target and leaves out the network outside parks', () => {
    if (!parks) throw new Error('no rule');
    const current = [
      { park: null, saidi: 5 },
      { park: '安宁工业园区', saidi: 0.99 },
      { park: '昆明经济技术开发区', saidi: 1 },
    ];
    const verdicts = judge(parks, current, [], 1);
    expect(verdicts.map((v) => [v.group, v.assessment.status])).toEqual([
      ['安宁工业园区', 'met'],
      ['昆明经济技术开发区', 'not_met'],
    ]);
    expect(summarise(verdicts, 1)).toEqual({ groups: 2, passed: 1, status: 'not_met' });
  });

  it('takes the share of the year gone from the period the API answered, in its offset', () => {
    // 1 January to 2 July 12:00 of 2026 is 182.5 of its 365 days
    expect(elapsedShare({ from: '2026-01-01T00:00:00+08:00', to: '2026-07-02T12:00:00+08:00' }, 2026)).toBe(
      0.5,
    );
    expect(elapsedShare({ from: '2025-01-01T00:00:00+08:00', to: '2026-01-01T00:00:00+08:00' }, 2025)).toBe(
      1,
    );
    expect(elapsedShare({ from: 'not a time', to: 'either' }, 2026)).toBe(1);
  });
});

describe('dates', () => {
  const at = Date.parse('2026-12-05T16:30:00Z'); // 6 December 2026, 00:30 in Shanghai
  const zh = createFormat('Asia/Shanghai', 'zh');
  const en = createFormat('Asia/Shanghai', 'en');

  it('spell the month in English and keep the ISO order in Chinese, never 06/12/2026', () => {
    expect(en.date('2026-12-06')).toBe('6 Dec 2026');
    // three letters for every month, September too (newer locale data says "Sept")
    expect(en.date('2026-09-27')).toBe('27 Sep 2026');
    expect(en.monthShort('2026-09-01')).toBe('Sep');
    expect(en.dateTime(at)).toBe('6 Dec 2026, 00:30');
    expect(zh.date('2026-12-06')).toBe('2026-12-06');
    expect(zh.dateTime(at)).toBe('2026-12-06 00:30');
    for (const text of [en.date('2026-12-06'), en.dateTime(at), zh.date('2026-12-06'), zh.dateTime(at)])
      expect(text).not.toMatch(/\d{1,2}\/\d{1,2}\/\d{4}/);
  });

  it('give a dash for what is not a date', () => {
    expect(zh.date('2026/12/06')).toBe('—');
    expect(en.dateTime('not a time')).toBe('—');
  });

  it('word a breach with its date in both languages', () => {
    expect(tables().zh.figBreachDated.replace('{date}', zh.date('2025-12-03'))).toBe('越限（2025-12-03）');
    expect(tables().en.figBreachDated.replace('{date}', en.date('2025-12-03'))).toBe('Breached (3 Dec 2025)');
  });
});
