// The reports the authorities ask for, and when each is frozen and due, in local dates of the
// operating zone:
//   ranking            year Y: frozen on the 1st of `publishMonth` of Y+1, due on that month's last day
//   half-year-summary  January–June of Y: frozen after 30 June, due on `halfYear.due` of Y
//   annual-summary     January–`throughMonth` of Y: frozen after that month, due on `annual.due` of Y
//   arrears-notice     the disconnections beginning in a month: frozen after the month ends; each
//                      row has its own deadline (`daysBefore` calendar days before its start)
// A period is frozen once, at the first job run at or after its freeze time (after downtime,
// every period missed is caught up, oldest first; on a first run only the latest one is due).

import { dateToDay, dayToDate, startOfLocalDay } from '../../core/index.js';
import { localDate } from '../../core/time.js';
import { fail, ok, type Result } from '../../core/issues.js';
import { AUTHORITY_REPORTS, type AuthorityReportCode } from '../../core/vocabulary/index.js';
import type { CompiledRuleSet } from '../rules/index.js';

export { AUTHORITY_REPORTS };
export type AuthorityReport = AuthorityReportCode;

export interface ReportPeriod {
  report: AuthorityReport;
  /** 'YYYY', or 'YYYY-MM' for the arrears notice */
  key: string;
  /** local midnight of the first day, and after the last day (exclusive) */
  start: number;
  end: number;
  firstDate: string;
  lastDate: string;
  /** the instant from which the period may be frozen */
  freezeAt: number;
  /** local date the report is due with the authority; null: each row has its own */
  due: string | null;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const firstOf = (year: number, month: number): string =>
  month > 12 ? `${pad(year + 1, 4)}-01-01` : `${pad(year, 4)}-${pad(month)}-01`;
const lastOfMonth = (year: number, month: number): string =>
  dayToDate(dateToDay(firstOf(year, month + 1)) - 1);

/** Whether the rule set asks for `report`. */
export function configured(set: CompiledRuleSet, report: AuthorityReport): boolean {
  const r = set.reporting;
  if (report === 'ranking') return r.ranking !== undefined;
  if (report === 'half-year-summary') return r.summaries?.halfYear !== undefined;
  if (report === 'annual-summary') return r.summaries?.annual !== undefined;
  return r.arrearsNotice !== undefined;
}

/** The reports a rule set asks for, in the order above. */
export const reportsOf = (set: CompiledRuleSet): AuthorityReport[] =>
  AUTHORITY_REPORTS.filter((r) => configured(set, r));

/** The first year the report is asked for (the rule file's firstYear), or null. */
function firstYear(set: CompiledRuleSet, report: AuthorityReport): number | null {
  const r = set.reporting;
  if (report === 'ranking') return r.ranking?.firstYear ?? null;
  if (report === 'half-year-summary') return r.summaries?.halfYear?.firstYear ?? null;
  if (report === 'annual-summary') return r.summaries?.annual?.firstYear ?? null;
  return null;
}

/** The period `key` of `report` under the rule set (which must ask for the report). */
export function reportPeriod(
  set: CompiledRuleSet,
  report: AuthorityReport,
  key: string,
  zone: string,
): Result<ReportPeriod> {
  const form = report === 'arrears-notice' ? /^(\d{4})-(0[1-9]|1[0-2])$/ : /^(\d{4})$/;
  const m = form.exec(key);
  if (!m) {
    const example = report === 'arrears-notice' ? '2026-03' : '2025';
    return fail([{ path: 'period', message: `expected ${example}, got ${JSON.stringify(key)}` }]);
  }
  const year = Number(m[1]);
  const at = (date: string) => startOfLocalDay(dateToDay(date), zone);
  const r = set.reporting;
  let first: string;
  let next: string;
  let freeze: string;
  let due: string | null;
  if (report === 'ranking') {
    const month = r.ranking?.publishMonth ?? 3;
    [first, next] = [firstOf(year, 1), firstOf(year + 1, 1)];
    freeze = firstOf(year + 1, month);
    due = lastOfMonth(year + 1, month);
  } else if (report === 'half-year-summary') {
    [first, next] = [firstOf(year, 1), firstOf(year, 7)];
    freeze = next;
    due = `${pad(year, 4)}-${r.summaries?.halfYear?.due ?? '07-05'}`;
  } else if (report === 'annual-summary') {
    const through = r.summaries?.annual?.throughMonth ?? 11;
    [first, next] = [firstOf(year, 1), firstOf(year, through + 1)];
    freeze = next;
    due = `${pad(year, 4)}-${r.summaries?.annual?.due ?? '12-20'}`;
  } else {
    const month = Number(m[2]);
    [first, next] = [firstOf(year, month), firstOf(year, month + 1)];
    freeze = next;
    due = null;
  }
  return ok({
    report,
    key,
    start: at(first),
    end: at(next),
    firstDate: first,
    lastDate: dayToDate(dateToDay(next) - 1),
    freezeAt: at(freeze),
    due,
  });
}

const must = (r: Result<ReportPeriod>): ReportPeriod => {
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('; '));
  return r.value;
};

/** The period after `key` ('YYYY' → next year, 'YYYY-MM' → next month). */
export function nextKey(key: string): string {
  if (key.length === 4) return pad(Number(key) + 1, 4);
  const [y, mo] = key.split('-').map(Number) as [number, number];
  return mo === 12 ? `${pad(y + 1, 4)}-01` : `${pad(y, 4)}-${pad(mo + 1)}`;
}

/** The latest period of `report` that may be frozen at `now`, or null (none yet). */
export function latestFreezable(
  set: CompiledRuleSet,
  report: AuthorityReport,
  now: number,
  zone: string,
): ReportPeriod | null {
  const today = localDate(now, zone);
  const year = Number(today.slice(0, 4));
  const candidates =
    report === 'arrears-notice'
      ? [
          today.slice(0, 7),
          `${pad(year - 1, 4)}-12`,
          `${today.slice(0, 4)}-${pad(Math.max(1, Number(today.slice(5, 7)) - 1))}`,
        ]
      : [year, year - 1, year - 2].map((y) => pad(y, 4));
  let best: ReportPeriod | null = null;
  for (const key of candidates) {
    const p = must(reportPeriod(set, report, key, zone));
    if (p.freezeAt <= now && (best === null || p.start > best.start)) best = p;
  }
  const first = firstYear(set, report);
  return best && first !== null && Number(best.key.slice(0, 4)) < first ? null : best;
}

/**
 * The periods of `report` to freeze at `now`, oldest first: those after `last` (the latest
 * frozen) whose freeze time has come, or only the latest such period when nothing is frozen.
 * Periods before the rule file's firstYear are never due. At most `limit`.
 */
export function reportPeriodsDue(
  set: CompiledRuleSet,
  report: AuthorityReport,
  last: string | null,
  now: number,
  zone: string,
  limit = 60,
): ReportPeriod[] {
  const latest = latestFreezable(set, report, now, zone);
  if (!latest) return [];
  const first = firstYear(set, report);
  const due: ReportPeriod[] = [];
  for (
    let key = last ? nextKey(last) : latest.key;
    key <= latest.key && due.length < limit;
    key = nextKey(key)
  ) {
    if (first !== null && Number(key.slice(0, 4)) < first) continue;
    due.push(must(reportPeriod(set, report, key, zone)));
  }
  return due;
}

/** The first period of `report` not yet freezable at `now` (from the firstYear on): what is next. */
export function nextToFreeze(
  set: CompiledRuleSet,
  report: AuthorityReport,
  now: number,
  zone: string,
): ReportPeriod {
  const latest = latestFreezable(set, report, now, zone);
  const year = Number(localDate(now, zone).slice(0, 4));
  const first = firstYear(set, report);
  let key = latest
    ? nextKey(latest.key)
    : report === 'arrears-notice'
      ? localDate(now, zone).slice(0, 7)
      : pad(Math.max(year - 1, first ?? 0), 4);
  for (;;) {
    const p = must(reportPeriod(set, report, key, zone));
    if (p.freezeAt > now && (first === null || Number(key.slice(0, 4)) >= first)) return p;
    key = nextKey(key);
  }
}
