import { describe, expect, it } from 'vitest';
import { coversYear } from '../../../core/index.js';
import {
  addDays,
  formatPeriod,
  ledgerFilingDue,
  nextPeriod,
  type Period,
  parsePeriod,
  periodBounds,
  periodContaining,
  periodsDue,
  previousPeriod,
  weekday,
} from '../../../analytics/remediation/index.js';

const SH = 'Asia/Shanghai';
const NY = 'America/New_York';
const at = (text: string) => Date.parse(text);
const month = (year: number, index: number): Period => ({ kind: 'month', year, index });
const iso = (ms: number) => new Date(ms).toISOString();

describe('periods', () => {
  it('parses and formats months, quarters and years', () => {
    const kinds = ['month', 'quarter', 'year'] as const;
    const texts = ['2025-06', '2025-Q2', '2025', '2024-12', '2024-Q4'];
    expect(texts.map((t) => parsePeriod(t, kinds))).toEqual([
      { ok: true, value: { kind: 'month', year: 2025, index: 6 } },
      { ok: true, value: { kind: 'quarter', year: 2025, index: 2 } },
      { ok: true, value: { kind: 'year', year: 2025, index: 1 } },
      { ok: true, value: { kind: 'month', year: 2024, index: 12 } },
      { ok: true, value: { kind: 'quarter', year: 2024, index: 4 } },
    ]);
    expect(texts.map((t) => formatPeriod((parsePeriod(t, kinds) as { value: Period }).value))).toEqual(texts);
  });

  it('refuses other spellings, quoting them and naming the expected forms', () => {
    expect(parsePeriod('2025-13', ['month'])).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "message": "expected 2025-06 (month), got "2025-13"",
            "path": "period",
          },
        ],
        "ok": false,
      }
    `);
    expect(parsePeriod('2025-Q2', ['month'])).toEqual({
      ok: false,
      issues: [{ path: 'period', message: 'expected 2025-06 (month), got "2025-Q2"' }],
    });
    expect(parsePeriod('2025-Q5', ['month', 'quarter'])).toEqual({
      ok: false,
      issues: [{ path: 'period', message: 'expected 2025-06 (month) or 2025-Q2 (quarter), got "2025-Q5"' }],
    });
  });

  it('steps across year ends', () => {
    expect(formatPeriod(nextPeriod(month(2024, 12)))).toBe('2025-01');
    expect(formatPeriod(previousPeriod(month(2025, 1)))).toBe('2024-12');
    expect(formatPeriod(previousPeriod({ kind: 'quarter', year: 2025, index: 1 }))).toBe('2024-Q4');
    expect(formatPeriod(nextPeriod({ kind: 'year', year: 2025, index: 1 }))).toBe('2026');
  });

  it('bounds a period by local midnights in Asia/Shanghai (UTC+8)', () => {
    const b = periodBounds(month(2025, 6), SH);
    expect([iso(b.start), iso(b.end), b.firstDate, b.lastDate]).toEqual([
      '2025-05-31T16:00:00.000Z',
      '2025-06-30T16:00:00.000Z',
      '2025-06-01',
      '2025-06-30',
    ]);
    const q = periodBounds({ kind: 'quarter', year: 2025, index: 1 }, SH);
    expect([iso(q.start), iso(q.end), q.lastDate]).toEqual([
      '2024-12-31T16:00:00.000Z',
      '2025-03-31T16:00:00.000Z',
      '2025-03-31',
    ]);
    expect(periodBounds(month(2024, 2), SH).lastDate).toBe('2024-02-29');
  });

  it('follows daylight saving time in zones that have it', () => {
    const b = periodBounds(month(2025, 3), NY);
    expect([iso(b.start), iso(b.end)]).toEqual(['2025-03-01T05:00:00.000Z', '2025-04-01T04:00:00.000Z']);
  });

  it('finds the period of an instant by its local date', () => {
    // 2025-06-30T16:30Z is 00:30 on 1 July in Shanghai
    const t = at('2025-06-30T16:30:00Z');
    expect(formatPeriod(periodContaining('month', t, SH))).toBe('2025-07');
    expect(formatPeriod(periodContaining('quarter', t, SH))).toBe('2025-Q3');
    expect(formatPeriod(periodContaining('month', t, 'UTC'))).toBe('2025-06');
    expect(formatPeriod(periodContaining('year', t, SH))).toBe('2025');
  });
});

describe('periodsDue', () => {
  it('is only the latest ended period when nothing was frozen yet', () => {
    const now = at('2025-07-01T00:20:00+08:00');
    expect(periodsDue('month', null, now, SH).map(formatPeriod)).toEqual(['2025-06']);
    expect(periodsDue('quarter', null, now, SH).map(formatPeriod)).toEqual(['2025-Q2']);
  });

  it('is every ended period after the last frozen one, oldest first (catch-up after downtime)', () => {
    const now = at('2025-09-02T09:00:00+08:00');
    expect(periodsDue('month', month(2025, 6), now, SH).map(formatPeriod)).toEqual(['2025-07', '2025-08']);
    expect(
      periodsDue('month', month(2024, 11), at('2025-02-01T00:00:00+08:00'), SH).map(formatPeriod),
    ).toEqual(['2024-12', '2025-01']);
  });

  it('is nothing before the month ends in the operating zone', () => {
    // 23:59 on 30 June in Shanghai is already 00:59 on 1 July in Tokyo
    const now = at('2025-06-30T23:59:00+08:00');
    expect(periodsDue('month', month(2025, 5), now, SH)).toEqual([]);
    expect(periodsDue('month', month(2025, 5), now, 'Asia/Tokyo').map(formatPeriod)).toEqual(['2025-06']);
  });

  it('stops at the limit', () => {
    const now = at('2030-01-15T00:00:00+08:00');
    const due = periodsDue('month', month(2025, 1), now, SH, 3);
    expect(due.map(formatPeriod)).toEqual(['2025-02', '2025-03', '2025-04']);
  });
});

describe('ledgerFilingDue', () => {
  it('is the Nth day of the next month', () => {
    expect(ledgerFilingDue(month(2025, 6), { dayOfNextMonth: 10 })).toBe('2025-07-10');
    expect(ledgerFilingDue(month(2025, 12), { dayOfNextMonth: 10 })).toBe('2026-01-10');
  });

  it('is the Nth working day of the next month, counting Monday to Friday only', () => {
    // June 2025 begins on a Sunday: Mon 2 … Fri 6 are the first five working days
    expect(ledgerFilingDue(month(2025, 5), { workingDayOfNextMonth: 5 })).toBe('2025-06-06');
    // October 2025 without a calendar: only weekends are skipped (Wed 1 … Tue 7)
    expect(ledgerFilingDue(month(2025, 9), { workingDayOfNextMonth: 5 })).toBe('2025-10-07');
    expect(ledgerFilingDue(month(2025, 8), { workingDayOfNextMonth: 1 })).toBe('2025-09-01');
  });

  it('skips public holidays and counts moved working days with the cn-mainland calendar', () => {
    const cn = (n: number) => ({ workingDayOfNextMonth: n, calendar: 'cn-mainland' as const });
    // October 2025: 1–8 off (National Day and Mid-Autumn); Thu 9, Fri 10, Sat 11 (moved
    // working day), Mon 13, Tue 14 → the 5th is the 14th
    expect(ledgerFilingDue(month(2025, 9), cn(5))).toBe('2025-10-14');
    // February 2025: Spring Festival to Tue 4; Wed 5, Thu 6, Fri 7, Sat 8 (moved), Mon 10
    expect(ledgerFilingDue(month(2025, 1), cn(5))).toBe('2025-02-10');
    // January 2026: 1–3 off, Sun 4 is a working day → the 1st working day is a Sunday
    expect(ledgerFilingDue(month(2025, 12), cn(1))).toBe('2026-01-04');
    // May 2026: 1–5 off; Wed 6, Thu 7, Fri 8, Sat 9 (moved) → the 4th is Saturday the 9th
    expect(ledgerFilingDue(month(2026, 4), cn(4))).toBe('2026-05-09');
    // June 2025: Mon 2 is the Dragon Boat holiday; Tue 3 … Fri 6, Mon 9 → the 9th (not the 6th)
    expect(ledgerFilingDue(month(2025, 5), cn(5))).toBe('2025-06-09');
    // a month without holidays: March 2025 as without the calendar (Mon 3 … Fri 7)
    expect(ledgerFilingDue(month(2025, 2), cn(5))).toBe('2025-03-07');
  });

  it('counts weekends only in a year the calendar does not list, and says so', () => {
    expect(coversYear('cn-mainland', 2026)).toBe(true);
    expect(coversYear('cn-mainland', 2027)).toBe(false);
    // October 2027 begins on a Friday: Fri 1, Mon 4 … Thu 7
    expect(ledgerFilingDue(month(2027, 9), { workingDayOfNextMonth: 5, calendar: 'cn-mainland' })).toBe(
      '2027-10-07',
    );
  });

  it('numbers weekdays from Sunday = 0', () => {
    expect([0, 1, 2, 3].map(weekday)).toEqual([4, 5, 6, 0]);
    expect(addDays('2025-02-27', 2)).toBe('2025-03-01');
  });
});
