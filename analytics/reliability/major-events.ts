// Major event days, IEEE 1366 2.5β method. From the daily SAIDI of the previous 5 years:
//   α = mean of ln(SAIDI) over the non-zero days, β = their standard deviation,
//   T_MED = exp(α + 2.5 β); a day with SAIDI > T_MED is a major event day.
// The threshold is in the unit of the values given (scaling the values scales T_MED); the
// daily series of daily.ts is in minutes.

import { ok, type Result } from '../../core/issues.js';
import { dailySaidi, type DailySaidi, type DailySaidiOptions } from './daily.js';
import { yearDays, yearsBefore } from './periods.js';

export type Deviation = 'sample' | 'population';

export interface MedOptions {
  /** standard deviation with n − 1 (sample, default) or n (population) */
  deviation?: Deviation | undefined;
  /** fewer non-zero days than this → no threshold; default 30, at least 1 (2 for sample) */
  minNonZeroDays?: number | undefined;
  /** multiplier of β, default 2.5 */
  k?: number | undefined;
}

export interface MedThreshold {
  /** T_MED in the unit of the input values; null with too few non-zero days */
  tMed: number | null;
  alpha: number | null;
  beta: number | null;
  k: number;
  deviation: Deviation;
  nonZeroDays: number;
  minNonZeroDays: number;
}

export const DEFAULT_MIN_NON_ZERO_DAYS = 30;

export function majorEventThreshold(
  values: readonly (number | null)[],
  options: MedOptions = {},
): MedThreshold {
  const deviation = options.deviation ?? 'sample';
  const k = options.k ?? 2.5;
  const floor = deviation === 'sample' ? 2 : 1;
  const minNonZeroDays = Math.max(floor, Math.ceil(options.minNonZeroDays ?? DEFAULT_MIN_NON_ZERO_DAYS));
  const positive = values.filter((v): v is number => v !== null && Number.isFinite(v) && v > 0);
  const base = { k, deviation, nonZeroDays: positive.length, minNonZeroDays };
  if (positive.length < minNonZeroDays) return { ...base, tMed: null, alpha: null, beta: null };

  // Shifted sums: identical values give α = their log and β = 0 exactly.
  const logs = positive.map(Math.log);
  const shift = logs[0]!;
  const n = logs.length;
  const alpha = shift + logs.reduce((s, l) => s + (l - shift), 0) / n;
  const squares = logs.reduce((s, l) => s + (l - alpha) ** 2, 0);
  const beta = Math.sqrt(squares / (deviation === 'sample' ? n - 1 : n));
  // β = 0: every non-zero day had the same SAIDI; T_MED = exp(α) is that value (taken as is,
  // so that exp(ln x) rounding cannot make the value itself a major event day).
  const tMed = beta === 0 ? positive[0]! : Math.exp(alpha + k * beta);
  return { ...base, tMed, alpha, beta };
}

/** Days whose SAIDI is above T_MED (none when there is no threshold). */
export function majorEventDays(series: readonly DailySaidi[], tMed: number | null): Set<number> {
  const days = new Set<number>();
  if (tMed === null) return days;
  for (const d of series) if (d.minutes !== null && d.minutes > tMed) days.add(d.day);
  return days;
}

export interface YearMajorEvents {
  threshold: MedThreshold;
  /** local day numbers [fromDay, toDay) of the history the threshold was taken from */
  history: { fromDay: number; toDay: number };
  /** daily SAIDI (minutes) of the year studied */
  series: DailySaidi[];
  days: Set<number>;
}

/** T_MED from the `historyYears` (default 5) calendar years before `year`, applied to `year`'s days. */
export function majorEventDaysForYear(
  o: Omit<DailySaidiOptions, 'fromDay' | 'toDay'> &
    MedOptions & { year: number; historyYears?: number | undefined },
): Result<YearMajorEvents> {
  const { year, historyYears, deviation, minNonZeroDays, k, ...daily } = o;
  const history = yearsBefore(year, historyYears ?? 5);
  const past = dailySaidi({ ...daily, ...history });
  if (!past.ok) return past;
  const current = dailySaidi({ ...daily, ...yearDays(year) });
  if (!current.ok) return current;
  const threshold = majorEventThreshold(
    past.value.days.map((d) => d.minutes),
    { deviation, minNonZeroDays, k },
  );
  return ok({
    threshold,
    history,
    series: current.value.days,
    days: majorEventDays(current.value.days, threshold.tMed),
  });
}
