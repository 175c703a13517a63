import { describe, expect, it } from 'vitest';
import { calendarGaps, describeGap, yearsAhead } from '../../../analytics/rules/index.js';
import { shipped } from './fixtures.js';

describe('calendar gaps: deadlines on working days in a year the calendar does not list', () => {
  const sets = ['national-2025', 'guizhou-2025', 'baoshan-2021'].map(shipped);

  it("names Guizhou's fifth-working-day ledger in 2027, which the mainland calendar does not list yet", () => {
    // The calendar lists 2024-2026 (the State Council's notices); 2027's is not in.
    expect(calendarGaps(sets, [2026, 2027])).toEqual([
      { ruleSet: 'guizhou-2025', calendar: 'cn-mainland', year: 2027 },
    ]);
    // Day-of-month deadlines need no calendar.
    expect(calendarGaps(sets, [2030]).map((g) => g.ruleSet)).toEqual(['guizhou-2025']);
    expect(calendarGaps(sets, [2025, 2026])).toEqual([]);
    expect(describeGap({ ruleSet: 'guizhou-2025', calendar: 'cn-mainland', year: 2027 })).toBe(
      "rule set guizhou-2025: calendar cn-mainland does not list 2027; its filing deadlines there count weekends only until the State Council's holiday notice for 2027 is added to rules/calendars/cn-mainland.json",
    );
  });

  it('takes the years from the local date in the operating zone', () => {
    // 2026-12-31 17:00 UTC is already 1 January 2027 in Shanghai, still 2026 in Los Angeles.
    const t = Date.UTC(2026, 11, 31, 17);
    expect(yearsAhead(t, 'Asia/Shanghai')).toEqual([2027, 2028]);
    expect(yearsAhead(t, 'America/Los_Angeles')).toEqual([2026, 2027]);
  });
});
