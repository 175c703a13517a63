import { describe, expect, it } from 'vitest';
import { compileWindow, formatWindow, parseWindow } from '../../../analytics/rules/index.js';
import { dateToDay, dayToDate } from '../../../core/time.js';

const range = (window: string, date: string) => {
  const spec = parseWindow(window);
  if (!spec) throw new Error(`bad window ${window}`);
  const r = compileWindow(spec)(dateToDay(date));
  return `${dayToDate(r.start)}…${dayToDate(r.end)}`;
};

describe('parseWindow reads windows the way people say them', () => {
  it('accepts "N days" and "calendar year|quarter|month", any case and spacing', () => {
    expect(
      [
        '60 days',
        '365 days',
        '1 day',
        ' 183  Days ',
        'calendar year',
        'Calendar Quarter',
        'calendar month',
      ].map(parseWindow),
    ).toEqual([
      { kind: 'rolling', days: 60 },
      { kind: 'rolling', days: 365 },
      { kind: 'rolling', days: 1 },
      { kind: 'rolling', days: 183 },
      { kind: 'calendar', unit: 'year' },
      { kind: 'calendar', unit: 'quarter' },
      { kind: 'calendar', unit: 'month' },
    ]);
  });

  it('rejects other wording, zero days and more than ten years of days', () => {
    expect(
      ['6 months', 'year', '0 days', '3661 days', '60', '60 days rolling', 'calendar week', '-1 days'].map(
        parseWindow,
      ),
    ).toEqual([null, null, null, null, null, null, null, null]);
  });

  it('formats back to the canonical text', () => {
    expect([
      formatWindow({ kind: 'rolling', days: 1 }),
      formatWindow({ kind: 'rolling', days: 60 }),
      formatWindow({ kind: 'calendar', unit: 'quarter' }),
    ]).toEqual(['1 day', '60 days', 'calendar quarter']);
  });
});

describe('compileWindow gives the window a day belongs to', () => {
  it('rolling N days: the N days ending on that day', () => {
    // 2025-03-01 − 59 = 2025-01-01 (31 + 28 = 59); 2025-02-28 − 364 = 2024-03-01 (2024 leap day before)
    expect([
      range('60 days', '2025-03-01'),
      range('365 days', '2025-02-28'),
      range('1 day', '2025-02-28'),
    ]).toEqual(['2025-01-01…2025-03-01', '2024-03-01…2025-02-28', '2025-02-28…2025-02-28']);
  });

  it('calendar periods: the year, quarter or month containing the day, leap years included', () => {
    expect([
      range('calendar year', '2024-02-29'),
      range('calendar quarter', '2024-02-29'),
      range('calendar quarter', '2024-04-01'),
      range('calendar quarter', '2024-12-31'),
      range('calendar month', '2024-02-29'),
      range('calendar month', '2025-02-01'),
      range('calendar month', '2025-12-31'),
    ]).toEqual([
      '2024-01-01…2024-12-31',
      '2024-01-01…2024-03-31',
      '2024-04-01…2024-06-30',
      '2024-10-01…2024-12-31',
      '2024-02-01…2024-02-29',
      '2025-02-01…2025-02-28',
      '2025-12-01…2025-12-31',
    ]);
  });
});
