// Daily SAIDI in MINUTES per local day of the operating zone, for the 2.5β method: each outage
// belongs with its whole duration to the local day in which it began (IEEE 1366), sustained
// outages only, N_T by the denominator rule over that day. System level (no grouping): pass
// the assets and events of the system the threshold is for.

import { fail, type Issue, ok, type Result } from '../../core/issues.js';
import { dayToDate, localDay, startOfLocalDay } from '../../core/time.js';
import { computeWith } from './compute.js';
import { checkOptions } from './options.js';
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

export function dailySaidi(o: DailySaidiOptions): Result<DailySeries> {
  const dayIssues: Issue[] = [];
  if (!Number.isInteger(o.fromDay))
    dayIssues.push({ path: 'fromDay', message: `must be a day number, got: ${o.fromDay}` });
  if (!Number.isInteger(o.toDay) || o.toDay <= o.fromDay) {
    dayIssues.push({
      path: 'toDay',
      message: `must be a day number after fromDay (${o.fromDay}), got: ${o.toDay}`,
    });
  }
  if (dayIssues.length > 0) return fail(dayIssues);
  const { fromDay, toDay, ...rest } = o;
  const zone = o.zone ?? 'Asia/Shanghai';
  const checked = checkOptions({ ...rest, from: 0, to: 1, groupBy: 'all', cemiN: [], celidHours: [] });
  if (!checked.ok) return checked;
  const settings = checked.value;

  const register = buildRegister(o.assets, settings.beforeFirstVersion);
  const { events } = latestEvents(o.events);
  const byDay = new Map<number, IndexedEvent[]>();
  for (const e of events) {
    const d = localDay(e.event.start, zone);
    if (d < fromDay || d >= toDay) continue;
    const list = byDay.get(d) ?? [];
    list.push(e);
    byDay.set(d, list);
  }

  const days: DailySaidi[] = [];
  const issues: Issue[] = [];
  for (let day = fromDay; day < toDay; day++) {
    const from = startOfLocalDay(day, zone);
    const to = startOfLocalDay(day + 1, zone);
    const report = computeWith(register, byDay.get(day) ?? [], { ...settings, from, to });
    issues.push(...report.issues);
    const row = report.rows[0];
    const customers = row?.customers ?? 0;
    days.push({
      day,
      date: dayToDate(day),
      minutes: row && customers > 0 ? row.customerMinutes / customers : null,
      customers,
      includesOngoing: report.includesOngoing,
    });
  }
  return ok({ unit: 'minutes', days, issues });
}
