// The reporting calendar in the operating zone: months, quarters and years as periods, their
// bounds as instants, and the filing deadline of a monthly ledger. Working days are Monday to
// Friday: public holidays and the adjusted working weekends (调休) are not known here, so a
// deadline "on the 5th working day" may fall on a holiday; the rule set can use a fixed day.

import type { Disclosure, LedgerDue } from '../rules/index.js';
import {
  dateToDay,
  dayToDate,
  fail,
  isWorkingDay,
  localDay,
  ok,
  type Result,
  startOfLocalDay,
} from '../../core/index.js';

export type PeriodKind = 'month' | 'quarter' | 'year';

/** `index`: the month 1–12, the quarter 1–4, or 1 for a year. */
export interface Period {
  kind: PeriodKind;
  year: number;
  index: number;
}

export interface PeriodBounds {
  /** instant of local midnight on the first day */
  start: number;
  /** instant of local midnight after the last day (exclusive) */
  end: number;
  firstDate: string;
  lastDate: string;
}

const MONTHS: Record<PeriodKind, number> = { month: 1, quarter: 3, year: 12 };
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function formatPeriod(p: Period): string {
  if (p.kind === 'month') return `${pad(p.year, 4)}-${pad(p.index)}`;
  if (p.kind === 'quarter') return `${pad(p.year, 4)}-Q${p.index}`;
  return pad(p.year, 4);
}

const FORMS: Record<PeriodKind, RegExp> = {
  month: /^(\d{4})-(0[1-9]|1[0-2])$/,
  quarter: /^(\d{4})-Q([1-4])$/,
  year: /^(\d{4})$/,
};
const EXAMPLES: Record<PeriodKind, string> = { month: '2025-06', quarter: '2025-Q2', year: '2025' };

/** 'YYYY-MM', 'YYYY-Qn' or 'YYYY', among the kinds allowed. */
export function parsePeriod(text: string, kinds: readonly PeriodKind[]): Result<Period> {
  for (const kind of kinds) {
    const m = FORMS[kind].exec(text);
    if (m) return ok({ kind, year: Number(m[1]), index: kind === 'year' ? 1 : Number(m[2]) });
  }
  const forms = kinds.map((k) => `${EXAMPLES[k]} (${k})`).join(' or ');
  return fail([{ path: 'period', message: `expected ${forms}, got ${JSON.stringify(text)}` }]);
}

/** Months since year 0 of the period's first month. */
const firstMonth = (p: Period): number => p.year * 12 + (p.index - 1) * MONTHS[p.kind];

function fromFirstMonth(kind: PeriodKind, months: number): Period {
  const year = Math.floor(months / 12);
  const month = months - year * 12;
  return { kind, year, index: Math.floor(month / MONTHS[kind]) + 1 };
}

export const comparePeriods = (a: Period, b: Period): number => firstMonth(a) - firstMonth(b);
export const nextPeriod = (p: Period): Period => fromFirstMonth(p.kind, firstMonth(p) + MONTHS[p.kind]);
export const previousPeriod = (p: Period): Period => fromFirstMonth(p.kind, firstMonth(p) - MONTHS[p.kind]);

const dateOfMonth = (months: number, day: number): string =>
  `${pad(Math.floor(months / 12), 4)}-${pad((months % 12) + 1)}-${pad(day)}`;

/** The period of `kind` holding the local date of instant `ms`. */
export function periodContaining(kind: PeriodKind, ms: number, zone: string): Period {
  const date = dayToDate(localDay(ms, zone));
  const months = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
  return fromFirstMonth(kind, months);
}

export function periodBounds(p: Period, zone: string): PeriodBounds {
  const first = firstMonth(p);
  const firstDate = dateOfMonth(first, 1);
  const nextDate = dateOfMonth(first + MONTHS[p.kind], 1);
  return {
    start: startOfLocalDay(dateToDay(firstDate), zone),
    end: startOfLocalDay(dateToDay(nextDate), zone),
    firstDate,
    lastDate: dayToDate(dateToDay(nextDate) - 1),
  };
}

/**
 * The periods that have ended by `now`, after `last` (exclusive), oldest first. Without a
 * `last` (nothing frozen yet) only the latest ended period is due: there is nothing to catch
 * up before the first run. At most `limit` periods, the oldest ones.
 */
export function periodsDue(
  kind: PeriodKind,
  last: Period | null,
  now: number,
  zone: string,
  limit = 60,
): Period[] {
  const latest = previousPeriod(periodContaining(kind, now, zone));
  const due: Period[] = [];
  for (let p = last ? nextPeriod(last) : latest; comparePeriods(p, latest) <= 0; p = nextPeriod(p)) {
    if (due.length >= limit) break;
    due.push(p);
  }
  return due;
}

/** 0 = Sunday … 6 = Saturday (day 0, 1970-01-01, was a Thursday). */
export const weekday = (day: number): number => (((day + 4) % 7) + 7) % 7;

/** Local date on which the ledger of month `p` is due with the energy authority. */
export function ledgerFilingDue(p: Period, due: LedgerDue): string {
  const next = firstMonth(p) + MONTHS[p.kind];
  if ('dayOfNextMonth' in due) return dateOfMonth(next, due.dayOfNextMonth);
  let day = dateToDay(dateOfMonth(next, 1));
  for (let n = 0; ; day += 1) {
    if (isWorkingDay(day, due.calendar)) n += 1;
    if (n === due.workingDayOfNextMonth) return dayToDate(day);
  }
}

/** The period kind of a rule set's disclosure setting. */
export const disclosurePeriodKind = (d: Disclosure): PeriodKind =>
  d === 'monthly' ? 'month' : d === 'quarterly' ? 'quarter' : 'year';

/** 'YYYY-MM-DD' plus n days. */
export const addDays = (date: string, n: number): string => dayToDate(dateToDay(date) + n);
