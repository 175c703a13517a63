// Major event days (IEEE 1366 2.5β) on SQL daily SAIDI: one statement for the history years
// and the year studied, then the reference's threshold and selection.

import { ok, type Result } from '../../core/issues.js';
import type { Store } from '../../store/index.js';
import {
  type MedOptions,
  majorEventDays,
  majorEventThreshold,
  type YearMajorEvents,
  yearDays,
  yearsBefore,
} from '../reliability/index.js';
import { queryDailySaidi } from './daily.js';
import type { SqlDailyOptions } from './types.js';

export type SqlMajorEventOptions = Omit<SqlDailyOptions, 'fromDay' | 'toDay'> &
  MedOptions & { year: number; historyYears?: number | undefined };

export async function queryMajorEventDays(
  store: Store,
  o: SqlMajorEventOptions,
): Promise<Result<YearMajorEvents>> {
  const { year, historyYears, deviation, minNonZeroDays, k, ...daily } = o;
  const history = yearsBefore(year, historyYears ?? 5);
  const studied = yearDays(year);
  const all = await queryDailySaidi(store, { ...daily, fromDay: history.fromDay, toDay: studied.toDay });
  if (!all.ok) return all;
  const past = all.value.days.filter((d) => d.day < history.toDay);
  const series = all.value.days.filter((d) => d.day >= studied.fromDay);
  const threshold = majorEventThreshold(
    past.map((d) => d.minutes),
    { deviation, minNonZeroDays, k },
  );
  return ok({ threshold, history, series, days: majorEventDays(series, threshold.tMed) });
}
