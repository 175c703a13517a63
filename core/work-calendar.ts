// Working days for filing deadlines ("the fifth working day of the next month"). Weekends are
// days off unless the calendar moves a working day onto them (调休上班); public holidays are days
// off. Calendars are data: one JSON file per calendar in `rules/calendars/` (the mainland China
// one follows the State Council's yearly notices, 国务院办公厅关于20XX年部分节假日安排的通知). A year
// a calendar does not list counts weekends only, which a caller can detect with `coversYear`
// (the start-up check, analytics/rules/calendar-gaps.ts): the next year's notice is added to the
// file each November or December.
//
// The files are read once, synchronously, when this module loads (the rule-file schema names
// the calendars it accepts): from `$OUTAGE_RULES_DIR/calendars` when that folder exists, else
// from the `rules/calendars` folder of the installation. A bad file stops the start with a
// message naming the file and the field.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One holiday period: its first and last day off, both included (YYYY-MM-DD). */
export interface Holiday {
  name: string;
  en?: string;
  from: string;
  to: string;
}

export interface CalendarYear {
  year: number;
  source: string;
  holidays: readonly Holiday[];
  /** Weekend days that are working days (调休上班). */
  workdays: readonly string[];
}

export interface WorkCalendarData {
  name: string;
  title: { zh: string; en: string };
  years: readonly CalendarYear[];
}

export type WorkCalendarName = string;

const DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DAY_MS = 86_400_000;
const dayOf = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const validDate = (s: unknown): s is string =>
  typeof s === 'string' && DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/**
 * Checks a parsed calendar file; `where` names it in messages. Every date must be a real date in
 * the year it is listed under (a holiday may run into the next year), a period must not end
 * before it begins, and a year may be listed once.
 */
export function parseWorkCalendar(data: unknown, where: string): WorkCalendarData {
  const problems: string[] = [];
  const bad = (path: string, message: string) => problems.push(`${where}: ${path}: ${message}`);
  const o = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const name = o['name'];
  if (typeof name !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(name))
    bad('name', `expected a name of lowercase letters, digits and "-", got ${JSON.stringify(name)}`);
  const title = o['title'] as Record<string, unknown> | undefined;
  if (typeof title?.['zh'] !== 'string' || typeof title?.['en'] !== 'string')
    bad('title', 'expected { "zh": …, "en": … }');
  const years: CalendarYear[] = [];
  if (!Array.isArray(o['years'])) bad('years', 'expected a list of years');
  const seen = new Set<number>();
  for (const [i, raw] of (Array.isArray(o['years']) ? (o['years'] as unknown[]) : []).entries()) {
    const y = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const year = y['year'];
    if (typeof year !== 'number' || !Number.isInteger(year) || year < 1990 || year > 9999) {
      bad(`years[${i}].year`, `expected a year, got ${JSON.stringify(year)}`);
      continue;
    }
    if (seen.has(year)) bad(`years[${i}].year`, `${year} is listed twice`);
    seen.add(year);
    const inYear = (d: string) => d.startsWith(`${year}-`);
    const holidays: Holiday[] = [];
    for (const [j, h] of (Array.isArray(y['holidays'])
      ? (y['holidays'] as Record<string, unknown>[])
      : []
    ).entries()) {
      const path = `years[${i}].holidays[${j}]`;
      const { from, to, name: hName, en } = h ?? {};
      if (typeof hName !== 'string' || hName === '') bad(`${path}.name`, 'required');
      if (!validDate(from) || !inYear(from))
        bad(`${path}.from`, `expected a date in ${year}, got ${JSON.stringify(from)}`);
      else if (!validDate(to) || to < from)
        bad(`${path}.to`, `expected a date on or after ${from}, got ${JSON.stringify(to)}`);
      else holidays.push({ name: String(hName), ...(typeof en === 'string' ? { en } : {}), from, to });
    }
    if (!Array.isArray(y['holidays'])) bad(`years[${i}].holidays`, 'expected a list');
    const workdays: string[] = [];
    for (const [j, w] of (Array.isArray(y['workdays']) ? (y['workdays'] as unknown[]) : []).entries()) {
      if (!validDate(w) || !inYear(w))
        bad(`years[${i}].workdays[${j}]`, `expected a date in ${year}, got ${JSON.stringify(w)}`);
      else workdays.push(w);
    }
    years.push({ year, source: typeof y['source'] === 'string' ? y['source'] : '', holidays, workdays });
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return { name: name as string, title: title as unknown as { zh: string; en: string }, years };
}

/** The calendars folder: `$OUTAGE_RULES_DIR/calendars`, else the installation's `rules/calendars`. */
function calendarDir(): string | null {
  const configured = process.env['OUTAGE_RULES_DIR'];
  if (configured) {
    const dir = join(configured, 'calendars');
    if (existsSync(dir)) return dir;
  }
  // core/ in the sources, dist/core/ when built: walk up to the folder holding rules/calendars
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; ) {
    const candidate = join(dir, 'rules', 'calendars');
    if (existsSync(candidate)) return candidate;
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

function loadCalendars(): Map<string, WorkCalendarData> {
  const out = new Map<string, WorkCalendarData>();
  const dir = calendarDir();
  if (dir === null) return out;
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const where = join(dir, file);
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(where, 'utf8'));
    } catch (err) {
      throw new Error(`${where}: not valid JSON: ${(err as Error).message}`);
    }
    const calendar = parseWorkCalendar(data, where);
    if (`${calendar.name}.json` !== file)
      throw new Error(
        `${where}: name: expected "${file.slice(0, -5)}" (the file name), got "${calendar.name}"`,
      );
    out.set(calendar.name, calendar);
  }
  return out;
}

const CALENDARS = loadCalendars();

/** The calendars found (the names a rule file may give as `calendar`). */
export const WORK_CALENDAR_NAMES: readonly WorkCalendarName[] = [...CALENDARS.keys()];

/** A calendar's data as loaded, or undefined. */
export const workCalendar = (name: WorkCalendarName): WorkCalendarData | undefined => CALENDARS.get(name);

interface Compiled {
  years: Set<number>;
  off: Set<number>;
  on: Set<number>;
}
const compiled = new Map<WorkCalendarName, Compiled>();

function compile(name: WorkCalendarName): Compiled {
  let c = compiled.get(name);
  if (c) return c;
  const data = CALENDARS.get(name);
  const off = new Set<number>();
  const on = new Set<number>();
  for (const y of data?.years ?? []) {
    for (const h of y.holidays) for (let d = dayOf(h.from); d <= dayOf(h.to); d++) off.add(d);
    for (const w of y.workdays) on.add(dayOf(w));
  }
  c = { years: new Set((data?.years ?? []).map((y) => y.year)), off, on };
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
