// Daily SAIDI in MINUTES per local day of the operating zone, for the 2.5β method: each outage
// belongs with its whole duration to the local day in which it began (IEEE 1366), sustained
// outages only, N_T by the denominator rule over that day. System level (no grouping): pass
// the assets and events of the system the threshold is for.

import { pushTo } from '../../core/collections.js';
import { fail, type Issue, ok, type Result } from '../../core/issues.js';
import { dayToDate, localDay } from '../../core/time.js';
import { computeWith } from './compute.js';
import { perCustomer } from './formulas.js';
import { checkOptions } from './options.js';
import { localDayPeriod } from './periods.js';
import { buildRegister } from './register.js';
import type { ReliabilityOptions } from './types.js';
import { type IndexedEvent, latestEvents } from './variants.js';

export interface DailySaidi {
  /** local day number (core/time localDay) */
  day: number;
  /** 'YYYY-MM-DD' */
  date: string;
  /** customer minutes / N_T; null when the day has no users served */
  minutes: number | null;
  customers: number;
  includesOngoing: boolean;
}

export type DailySaidiOptions = Omit<
  ReliabilityOptions,
  'from' | 'to' | 'groupBy' | 'splitAtEdges' | 'majorEventDays' | 'cemiN' | 'celidHours'
> & {
  /** local day numbers [fromDay, toDay) */
  fromDay: number;
  toDay: number;
};

export interface DailySeries {
  unit: 'minutes';
  days: DailySaidi[];
  issues: Issue[];
}

/** The problems of a day range [fromDay, toDay), at most `maxDays` long. */
export function dayRangeIssues(fromDay: number, toDay: number, maxDays = Number.POSITIVE_INFINITY): Issue[] {
  const issues: Issue[] = [];
  if (!Number.isInteger(fromDay))
    issues.push({ path: 'fromDay', message: `must be a day number, got: ${fromDay}` });
  if (!Number.isInteger(toDay) || toDay <= fromDay) {
    issues.push({
      path: 'toDay',
      message: `must be a day number after fromDay (${fromDay}), got: ${toDay}`,
    });
  } else if (toDay - fromDay > maxDays) {
    issues.push({ path: 'toDay', message: `must be at most ${maxDays} days after fromDay, got: ${toDay}` });
  }
  return issues;
}

/** One day of the series: its customer minutes over the users served that day. */
export const seriesDay = (
  day: number,
  customerMinutes: number,
  customers: number,
  includesOngoing: boolean,
): DailySaidi => ({
  day,
  date: dayToDate(day),
  minutes: perCustomer(customerMinutes, customers),
  customers,
  includesOngoing,
});

export function dailySaidi(o: DailySaidiOptions): Result<DailySeries> {
  const dayIssues = dayRangeIssues(o.fromDay, o.toDay);
  if (dayIssues.length > 0) return fail(dayIssues);
  const { fromDay, toDay, ...rest } = o;
  const checked = checkOptions({ ...rest, from: 0, to: 1, groupBy: 'all', cemiN: [], celidHours: [] });
  if (!checked.ok) return checked;
  const settings = checked.value;
  const zone = settings.zone;

  const register = buildRegister(o.assets, settings.beforeFirstVersion);
  const { events } = latestEvents(o.events);
  const byDay = new Map<number, IndexedEvent[]>();
  for (const e of events) {
    const d = localDay(e.event.start, zone);
    if (d < fromDay || d >= toDay) continue;
    pushTo(byDay, d, e);
  }

  const days: DailySaidi[] = [];
  const issues: Issue[] = [];
  for (let day = fromDay; day < toDay; day++) {
    const report = computeWith(register, byDay.get(day) ?? [], { ...settings, ...localDayPeriod(day, zone) });
    issues.push(...report.issues);
    const row = report.rows[0];
    days.push(seriesDay(day, row?.customerMinutes ?? 0, row?.customers ?? 0, report.includesOngoing));
  }
  return ok({ unit: 'minutes', days, issues });
}
