import { describe, expect, it } from 'vitest';
import { evaluationOf, feeder, flagsOf, national, oneRule, outage } from './fixtures.js';

// Rule "over-3-in-60d" of national-2025: breach when a 60-day window holds 4 or more.
// Two outages on local days d1 ≤ d2 share a 60-day window when d2 − d1 ≤ 59.
const F1 = feeder('F1');
const assets = [F1];
const summary = (flags: ReturnType<typeof flagsOf>) =>
  flags.map(
    (f) =>
      `${f.assetId} ${f.rule} ${f.status} ${f.count}/${f.limit} ${f.windowStart}…${f.windowEnd} ${f.breachDate}`,
  );

describe('rolling 60-day window edges', () => {
  const first3 = [
    outage('e1', 'F1', '2025-01-01 10:00', 30),
    outage('e2', 'F1', '2025-01-20 10:00', 30),
    outage('e3', 'F1', '2025-02-10 10:00', 30),
  ];

  it('breaches when the 4th outage is 59 days after the 1st', () => {
    // 2025-03-01 − 2025-01-01 = 31 + 28 = 59 days ≤ 59: window 01-01 … 03-01 holds 4 > 3
    const events = [...first3, outage('e4', 'F1', '2025-03-01 10:00', 30)];
    expect(summary(flagsOf({ assets, events, ruleSet: national, asOf: '2025-03-01 23:00' }))).toEqual([
      'F1 over-3-in-60d breach 4/3 2025-01-01…2025-03-01 2025-03-01',
    ]);
  });

  it('does not breach when the 4th is 60 days after the 1st, and is at risk', () => {
    // 2025-03-02 − 2025-01-01 = 60 > 59: the window 01-02 … 03-02 holds e2, e3, e4 = 3 ≤ 3.
    // As of 03-02 the current window is that same window: 3 ≥ 3 → at_risk.
    const events = [...first3, outage('e4', 'F1', '2025-03-02 10:00', 30)];
    const flags = flagsOf({ assets, events, ruleSet: national, asOf: '2025-03-02 23:00' });
    expect(summary(flags)).toEqual(['F1 over-3-in-60d at_risk 3/3 2025-01-02…2025-03-02 null']);
    expect(flags[0]?.eventIds).toEqual(['e2', 'e3', 'e4']);
  });

  it('counts local calendar days of Asia/Shanghai, not UTC days', () => {
    // e1 at 2024-12-31T16:00Z = 2025-01-01 00:00 local (UTC date 12-31).
    // e4 at 2025-03-01T15:59Z = 2025-03-01 23:59 local: 59 local days after e1 → breach
    // (in UTC days it would be 60 apart and not breach).
    const e1 = outage('e1', 'F1', '2024-12-31T16:00:00Z', 30);
    const events = [e1, ...first3.slice(1), outage('e4', 'F1', '2025-03-01T15:59:00Z', 30)];
    expect(summary(flagsOf({ assets, events, ruleSet: national, asOf: '2025-03-01T15:59:30Z' }))).toEqual([
      'F1 over-3-in-60d breach 4/3 2025-01-01…2025-03-01 2025-03-01',
    ]);
    // one minute later, 2025-03-01T16:00Z = 2025-03-02 00:00 local: 60 days after e1 → no breach;
    // the window 01-02 … 03-02 holds 3 → at_risk as of that instant
    const later = [e1, ...first3.slice(1), outage('e4', 'F1', '2025-03-01T16:00:00Z', 30)];
    expect(
      summary(flagsOf({ assets, events: later, ruleSet: national, asOf: '2025-03-01T16:00:00Z' })),
    ).toEqual(['F1 over-3-in-60d at_risk 3/3 2025-01-02…2025-03-02 null']);
  });

  it('does not see events that start after asOf', () => {
    // as of 2025-02-28 only e1…e3 are seen; window 12-31 … 02-28 holds 3 → at_risk
    const events = [...first3, outage('e4', 'F1', '2025-03-01 10:00', 30)];
    expect(summary(flagsOf({ assets, events, ruleSet: national, asOf: '2025-02-28 23:00' }))).toEqual([
      'F1 over-3-in-60d at_risk 3/3 2024-12-31…2025-02-28 null',
    ]);
  });
});

describe('rolling 365-day window and the trailing year', () => {
  // Rule "over-5-in-365d": breach at the 6th outage within d2 − d1 ≤ 364. Outages 70+ days apart
  // keep the 60-day rule quiet. 2025-02-28 − 2024-03-01 = 364; 2025-03-01 − 2024-03-01 = 365.
  const five = ['2024-03-01', '2024-05-15', '2024-07-30', '2024-10-15', '2024-12-28'].map((d, i) =>
    outage(`y${i + 1}`, 'F1', `${d} 09:00`, 60),
  );

  it('breaches when the 6th is 364 days after the 1st', () => {
    const events = [...five, outage('y6', 'F1', '2025-02-28 09:00', 60)];
    expect(summary(flagsOf({ assets, events, ruleSet: national, asOf: '2025-02-28 12:00' }))).toEqual([
      'F1 over-5-in-365d breach 6/5 2024-03-01…2025-02-28 2025-02-28',
    ]);
  });

  it('is at risk when the 6th is 365 days after the 1st', () => {
    // window 2024-03-02 … 2025-03-01 holds y2…y6 = 5 ≤ 5; as of 03-01 the current window is it: 5 ≥ 5
    const events = [...five, outage('y6', 'F1', '2025-03-01 09:00', 60)];
    expect(summary(flagsOf({ assets, events, ruleSet: national, asOf: '2025-03-01 12:00' }))).toEqual([
      'F1 over-5-in-365d at_risk 5/5 2024-03-02…2025-03-01 null',
    ]);
  });

  it('is nothing with 4 outages in the current window', () => {
    // as of 2025-03-01 the 365-day window 2024-03-02 … 2025-03-01 holds y2…y5 = 4 < 5
    expect(flagsOf({ assets, events: five, ruleSet: national, asOf: '2025-03-01 12:00' })).toEqual([]);
  });

  it('keeps a breach flagged for 365 local days, then drops it', () => {
    // 60-day breach dated 2025-03-01 (4 outages 01-01 … 03-01).
    const events = ['2025-01-01', '2025-01-20', '2025-02-10', '2025-03-01'].map((d, i) =>
      outage(`e${i + 1}`, 'F1', `${d} 10:00`, 30),
    );
    // as of 2026-02-28: day(T) − 364 = 2025-03-01 ≤ breach day → still breach
    expect(summary(flagsOf({ assets, events, ruleSet: national, asOf: '2026-02-28 23:59' }))).toEqual([
      'F1 over-3-in-60d breach 4/3 2025-01-01…2025-03-01 2025-03-01',
    ]);
    // as of 2026-03-01: day(T) − 364 = 2025-03-02 > breach day, and no outage in the current windows
    expect(flagsOf({ assets, events, ruleSet: national, asOf: '2026-03-01 00:00' })).toEqual([]);
  });

  it('records every breach and flags the latest one within the trailing year', () => {
    // 60-day rule: 5 outages 01-01, 01-02, 01-03, 01-04, 01-05: the 4th (4 > 3) and 5th (5 > 3)
    // breach; a 6th on 2025-04-01 opens a new window (01-31 … 04-01) holding 1.
    const events = [1, 2, 3, 4, 5].map((d) => outage(`e${d}`, 'F1', `2025-01-0${d} 10:00`, 30));
    events.push(outage('e6', 'F1', '2025-04-01 10:00', 30));
    const { flags, breaches } = evaluationOf({ assets, events, ruleSet: national, asOf: '2025-04-01 12:00' });
    // and the 365-day rule: 6 outages in 2024-04-02 … 2025-04-01, 6 > 5 at e6 → breach dated 04-01
    expect(breaches.map((b) => `${b.rule} ${b.breachDate} ${b.count} ${b.eventIds.join(',')}`)).toEqual([
      'over-3-in-60d 2025-01-04 4 e1,e2,e3,e4',
      'over-3-in-60d 2025-01-05 5 e1,e2,e3,e4,e5',
      'over-5-in-365d 2025-04-01 6 e1,e2,e3,e4,e5,e6',
    ]);
    // the 60-day flag reports the latest of its breaches: 01-05, window 01-05 − 59 = 2024-11-07
    expect(summary(flags)).toEqual([
      'F1 over-3-in-60d breach 5/3 2024-11-07…2025-01-05 2025-01-05',
      'F1 over-5-in-365d breach 6/5 2024-04-02…2025-04-01 2025-04-01',
    ]);
  });
});

describe('calendar-year window', () => {
  // limit 2 per calendar year (local): 2024-12-31 23:30 is in 2024; 2025-01-01 00:30 local
  // (= 2024-12-31T16:30Z) is in 2025.
  const ruleSet = oneRule('calendar year', 2);
  const events = [
    outage('e1', 'F1', '2024-12-31 23:30', 30),
    outage('e2', 'F1', '2024-12-31T16:30:00Z', 30),
    outage('e3', 'F1', '2025-06-01 10:00', 30),
    outage('e4', 'F1', '2025-12-31 10:00', 30),
  ];

  it('is at risk mid-year with 2 outages in the current year', () => {
    // 2024: e1 → 1. 2025 as of 07-01: e2, e3 → 2 ≥ 2 (a rolling 365 days would hold e1 too)
    const flags = flagsOf({ assets, events, ruleSet, asOf: '2025-07-01 00:00' });
    expect(summary(flags)).toEqual(['F1 r at_risk 2/2 2025-01-01…2025-12-31 null']);
    expect(flags[0]?.eventIds).toEqual(['e2', 'e3']);
  });

  it('breaches at the 3rd outage of the year and stays flagged into the next year', () => {
    // e4: 2025 holds e2, e3, e4 = 3 > 2 → breach dated 2025-12-31
    const expected = ['F1 r breach 3/2 2025-01-01…2025-12-31 2025-12-31'];
    expect(summary(flagsOf({ assets, events, ruleSet, asOf: '2025-12-31 23:59' }))).toEqual(expected);
    expect(summary(flagsOf({ assets, events, ruleSet, asOf: '2026-01-05 00:00' }))).toEqual(expected);
  });
});

describe('calendar quarter and month windows', () => {
  it('starts a new count at the quarter boundary', () => {
    // limit 1 per quarter: 03-31 23:59 local is Q1, 04-01 00:00 local is Q2 → each quarter 1, no breach;
    // as of 04-02 the current quarter Q2 holds 1 ≥ 1 → at_risk
    const ruleSet = oneRule('calendar quarter', 1);
    const events = [outage('q1', 'F1', '2025-03-31 23:59', 1), outage('q2', 'F1', '2025-04-01 00:00', 30)];
    expect(summary(flagsOf({ assets, events, ruleSet, asOf: '2025-04-02 00:00' }))).toEqual([
      'F1 r at_risk 1/1 2025-04-01…2025-06-30 null',
    ]);
  });

  it('uses the month of February with its leap day', () => {
    // limit 1 per month: 2024-02-01 and 2024-02-29 are both February → 2 > 1 → breach
    const ruleSet = oneRule('calendar month', 1);
    const events = [outage('m1', 'F1', '2024-02-01 10:00', 30), outage('m2', 'F1', '2024-02-29 10:00', 30)];
    expect(summary(flagsOf({ assets, events, ruleSet, asOf: '2024-03-01 00:00' }))).toEqual([
      'F1 r breach 2/1 2024-02-01…2024-02-29 2024-02-29',
    ]);
  });
});
