// Calendar periods in the operating zone, as instants [from, to).

import { dateToDay, startOfLocalDay } from '../../core/time.js';

export interface Period {
  from: number;
  to: number;
}

const jan1 = (year: number): number => dateToDay(`${String(year).padStart(4, '0')}-01-01`);

/** Local calendar year: 1 January 00:00 to the next 1 January 00:00 in `zone`. */
export function yearPeriod(year: number, zone: string): Period {
  return { from: startOfLocalDay(jan1(year), zone), to: startOfLocalDay(jan1(year + 1), zone) };
}

/** Local day `day` (core/time localDay): its midnight to the next midnight in `zone`. */
export function localDayPeriod(day: number, zone: string): Period {
  return { from: startOfLocalDay(day, zone), to: startOfLocalDay(day + 1, zone) };
}

/** Local day numbers [fromDay, toDay) of the `years` calendar years before `year` (IEEE 1366: 5). */
export function yearsBefore(year: number, years = 5): { fromDay: number; toDay: number } {
  return { fromDay: jan1(year - years), toDay: jan1(year) };
}

/** Local day numbers [fromDay, toDay) of calendar year `year`. */
export function yearDays(year: number): { fromDay: number; toDay: number } {
  return { fromDay: jan1(year), toDay: jan1(year + 1) };
}

/** End of the N_T window: the users served so far for a period still in progress. */
export const servedUntil = (p: Period & { asOf: number }): number => Math.max(p.from, Math.min(p.to, p.asOf));

/** Share of the period elapsed at asOf, between 0 and 1. */
export function elapsedFraction(period: Period, asOf: number): number {
  if (asOf <= period.from) return 0;
  if (asOf >= period.to) return 1;
  return (asOf - period.from) / (period.to - period.from);
}
