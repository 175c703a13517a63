// Counting windows, said the way people say them: "60 days" (rolling) or "calendar year".
// Windows are ranges of local day numbers (core/time localDay), inclusive at both ends.

export const CALENDAR_UNITS = ['year', 'quarter', 'month'] as const;
export type CalendarUnit = (typeof CALENDAR_UNITS)[number];

export type WindowSpec = { kind: 'rolling'; days: number } | { kind: 'calendar'; unit: CalendarUnit };

/** Local day numbers, both ends included. */
export interface DayRange {
  start: number;
  end: number;
}

/** Longest rolling window accepted: ten years of days. */
export const MAX_WINDOW_DAYS = 3660;

export const WINDOW_FORMS = '"N days" or "calendar year|quarter|month"';

const ROLLING = /^(\d{1,5}) days?$/;
const CALENDAR = /^calendar (year|quarter|month)$/;

/** "60 days" → rolling 60, "calendar year" → calendar year; null when the text is neither. */
export function parseWindow(text: string): WindowSpec | null {
  const s = text.trim().replace(/\s+/g, ' ').toLowerCase();
  const rolling = ROLLING.exec(s);
  if (rolling) {
    const days = Number(rolling[1]);
    return days >= 1 && days <= MAX_WINDOW_DAYS ? { kind: 'rolling', days } : null;
  }
  const calendar = CALENDAR.exec(s);
  return calendar ? { kind: 'calendar', unit: calendar[1] as CalendarUnit } : null;
}

export function formatWindow(spec: WindowSpec): string {
  if (spec.kind === 'calendar') return `calendar ${spec.unit}`;
  return spec.days === 1 ? '1 day' : `${spec.days} days`;
}

const DAY_MS = 86_400_000;
const dayOfUtc = (year: number, monthIndex: number, date: number): number =>
  Math.round(Date.UTC(year, monthIndex, date) / DAY_MS);

/**
 * The window that a day belongs to, as a function compiled once per rule.
 * Rolling N days: the N days ending on `day` (day − (N − 1) … day).
 * Calendar: the year, quarter or month (of the local calendar) that contains `day`.
 */
export function compileWindow(spec: WindowSpec): (day: number) => DayRange {
  if (spec.kind === 'rolling') {
    const back = spec.days - 1;
    return (day) => ({ start: day - back, end: day });
  }
  const months = spec.unit === 'year' ? 12 : spec.unit === 'quarter' ? 3 : 1;
  return (day) => {
    const d = new Date(day * DAY_MS);
    const year = d.getUTCFullYear();
    const first = Math.floor(d.getUTCMonth() / months) * months;
    // Date.UTC(y, m + months, 0) is the last day of the period's last month
    return { start: dayOfUtc(year, first, 1), end: dayOfUtc(year, first + months, 0) };
  };
}
