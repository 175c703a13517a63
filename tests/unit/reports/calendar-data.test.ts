// Holidays as data: rules/calendars/cn-mainland.json is what the working days are read from,
// and a bad calendar file is refused with the file and the field named.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calendarGaps, describeGap } from '../../../analytics/rules/index.js';
import {
  coversYear,
  dateToDay,
  isWorkingDay,
  parseWorkCalendar,
  WORK_CALENDAR_NAMES,
  workCalendar,
} from '../../../core/index.js';
import { shipped } from '../rules/fixtures.js';

describe('the mainland calendar file', () => {
  it('is loaded from rules/calendars and lists 2024 to 2026', () => {
    expect(WORK_CALENDAR_NAMES).toContain('cn-mainland');
    expect(workCalendar('cn-mainland')?.years.map((y) => y.year)).toEqual([2024, 2025, 2026]);
    expect([2023, 2024, 2026, 2027].map((y) => coversYear('cn-mainland', y))).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });

  it('reads holidays and moved working days from the file', () => {
    const day = (d: string) => isWorkingDay(dateToDay(d), 'cn-mainland');
    // Spring Festival 2026: 15–23 February off; Sat 14 and Sat 28 February are working days
    expect(
      ['2026-02-13', '2026-02-14', '2026-02-16', '2026-02-23', '2026-02-24', '2026-02-28'].map(day),
    ).toEqual([true, true, false, false, true, true]);
  });

  it('refuses a date outside its year, an end before the start and a year listed twice', () => {
    const file = JSON.parse(readFileSync('rules/calendars/cn-mainland.json', 'utf8')) as {
      years: { year: number; holidays: { from: string; to: string }[]; workdays: string[] }[];
    };
    const bad = structuredClone(file);
    bad.years[0]!.holidays[0]!.from = '2023-12-31';
    bad.years[1]!.holidays[1]!.to = '2025-01-01';
    bad.years[2]!.workdays.push('2026-02-30');
    bad.years.push({ ...structuredClone(file.years[2]!) });
    expect(() => parseWorkCalendar(bad, 'x.json')).toThrow(
      [
        'x.json: years[0].holidays[0].from: expected a date in 2024, got "2023-12-31"',
        'x.json: years[1].holidays[1].to: expected a date on or after 2025-01-28, got "2025-01-01"',
        'x.json: years[2].workdays[6]: expected a date in 2026, got "2026-02-30"',
        'x.json: years[3].year: 2026 is listed twice',
      ].join('\n'),
    );
  });

  it('warns at start for a year a working-day deadline needs and the file lacks, naming the file', () => {
    const gaps = calendarGaps([shipped('guizhou-2025')], [2026, 2027]);
    expect(gaps).toEqual([{ ruleSet: 'guizhou-2025', calendar: 'cn-mainland', year: 2027 }]);
    expect(describeGap(gaps[0]!)).toContain('is added to rules/calendars/cn-mainland.json');
  });
});
