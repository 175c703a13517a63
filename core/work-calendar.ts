// Working days for filing deadlines ("the fifth working day of the next month"). Weekends are
// days off unless the calendar moves a working day onto them (调休上班); public holidays are days
// off. The mainland China calendar follows the State Council's yearly notices
// (国务院办公厅关于20XX年部分节假日安排的通知); a year a calendar does not list counts weekends
// only, which a caller can detect with `coversYear` and must add each November when the next
// year's notice is published.

/** One holiday period: its first and last day off, both included (YYYY-MM-DD). */
type Span = readonly [string, string];

interface WorkCalendarData {
  title: string;
  source: string;
  years: readonly number[];
  holidays: readonly Span[];
  /** Weekend days that are working days (调休上班). */
  workdays: readonly string[];
}

export const WORK_CALENDARS = {
  'cn-mainland': {
    title: '中国大陆法定节假日与调休 (Mainland China public holidays)',
    source: '国务院办公厅关于2024年、2025年、2026年部分节假日安排的通知 (国办发明电)',
    years: [2024, 2025, 2026],
    holidays: [
      ['2024-01-01', '2024-01-01'],
      ['2024-02-10', '2024-02-17'],
      ['2024-04-04', '2024-04-06'],
      ['2024-05-01', '2024-05-05'],
      ['2024-06-10', '2024-06-10'],
      ['2024-09-15', '2024-09-17'],
      ['2024-10-01', '2024-10-07'],
      ['2025-01-01', '2025-01-01'],
      ['2025-01-28', '2025-02-04'],
      ['2025-04-04', '2025-04-06'],
      ['2025-05-01', '2025-05-05'],
      ['2025-05-31', '2025-06-02'],
      ['2025-10-01', '2025-10-08'],
      ['2026-01-01', '2026-01-03'],
      ['2026-02-15', '2026-02-23'],
      ['2026-04-04', '2026-04-06'],
      ['2026-05-01', '2026-05-05'],
      ['2026-06-19', '2026-06-21'],
      ['2026-09-25', '2026-09-27'],
      ['2026-10-01', '2026-10-07'],
    ],
    workdays: [
      '2024-02-04',
      '2024-02-18',
      '2024-04-07',
      '2024-04-28',
      '2024-05-11',
      '2024-09-14',
      '2024-09-29',
      '2024-10-12',
      '2025-01-26',
      '2025-02-08',
      '2025-04-27',
      '2025-09-28',
      '2025-10-11',
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ],
  },
} as const satisfies Record<string, WorkCalendarData>;

export type WorkCalendarName = keyof typeof WORK_CALENDARS;
export const WORK_CALENDAR_NAMES = Object.keys(WORK_CALENDARS) as WorkCalendarName[];

const DAY_MS = 86_400_000;
const dayOf = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

interface Compiled {
  years: Set<number>;
  off: Set<number>;
  on: Set<number>;
}
const compiled = new Map<WorkCalendarName, Compiled>();

function compile(name: WorkCalendarName): Compiled {
  let c = compiled.get(name);
  if (c) return c;
  const data: WorkCalendarData = WORK_CALENDARS[name];
  const off = new Set<number>();
  for (const [first, last] of data.holidays) for (let d = dayOf(first); d <= dayOf(last); d++) off.add(d);
  c = { years: new Set(data.years), off, on: new Set(data.workdays.map(dayOf)) };
  compiled.set(name, c);
  return c;
}

/** Whether `calendar` lists the holidays of `year` (else only weekends are days off). */
export const coversYear = (calendar: WorkCalendarName, year: number): boolean =>
  compile(calendar).years.has(year);

/**
 * Whether day number `day` (days since 1970-01-01, a local calendar date) is a working day:
 * Monday to Friday, less the calendar's holidays, plus its moved working days.
 */
export function isWorkingDay(day: number, calendar?: WorkCalendarName): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7; // 0 = Sunday; 1970-01-01 was a Thursday
  if (calendar === undefined) return weekday !== 0 && weekday !== 6;
  const c = compile(calendar);
  if (c.on.has(day)) return true;
  if (c.off.has(day)) return false;
  return weekday !== 0 && weekday !== 6;
}
