// GET /reliability/daily: daily SAIDI (minutes) per local day, with the IEEE 1366 2.5β
// threshold and the major event days when there is enough history.

import type { Request, Response } from 'express';
import { queryDailySaidi } from '../../../analytics/reliability-sql/index.js';
import { majorEventThreshold, type MedThreshold, yearsBefore } from '../../../analytics/reliability/index.js';
import { dayToDate, HttpError, localDay, startOfLocalDay } from '../../../core/index.js';
import { dailySaidiQuery, QueryProblems } from '../query/index.js';
import { sendRows } from '../respond.js';
import { type CommonOptions, commonOptions, orBadRequest, type Reliability } from './context.js';

/** The longest period /reliability/daily lists (ten years). */
const MAX_DAILY_DAYS = 3_660;
const HISTORY_YEARS = 5;

/** Local calendar years that overlap local days [fromDay, toDay). */
function yearsOf(fromDay: number, toDay: number): number[] {
  const first = Number(dayToDate(fromDay).slice(0, 4));
  const last = Number(dayToDate(toDay - 1).slice(0, 4));
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

interface YearThreshold {
  year: number;
  threshold: MedThreshold;
}

/**
 * Daily SAIDI (minutes) over [fromDay, toDay) and the 5 years before its first year, in one
 * statement; each year's T_MED from its own 5 years before (sample deviation, 30 non-zero days).
 */
export async function dailyWithThresholds(
  c: Reliability,
  options: CommonOptions,
  fromDay: number,
  toDay: number,
) {
  const years = yearsOf(fromDay, toDay);
  const historyFrom = yearsBefore(years[0] ?? 1970, HISTORY_YEARS).fromDay;
  const series = orBadRequest(
    await queryDailySaidi(c.store, { ...options, zone: c.zone, fromDay: historyFrom, toDay }),
  );
  const thresholds: YearThreshold[] = years.map((year) => {
    const h = yearsBefore(year, HISTORY_YEARS);
    const past = series.days.filter((d) => d.day >= h.fromDay && d.day < h.toDay).map((d) => d.minutes);
    return { year, threshold: majorEventThreshold(past, { deviation: 'sample' }) };
  });
  const tMedOf = (day: number): number | null => {
    const year = Number(dayToDate(day).slice(0, 4));
    return thresholds.find((t) => t.year === year)?.threshold.tMed ?? null;
  };
  const days = series.days.filter((d) => d.day >= fromDay && d.day < toDay);
  const major = new Set(
    days
      .filter((d) => {
        const t = tMedOf(d.day);
        return t !== null && d.minutes !== null && d.minutes > t;
      })
      .map((d) => d.day),
  );
  return { days, thresholds, major, tMedOf, issues: series.issues };
}

export const describeThreshold = ({ year, threshold: t }: YearThreshold) => ({
  year,
  tMedMinutes: t.tMed,
  alpha: t.alpha,
  beta: t.beta,
  k: t.k,
  deviation: t.deviation,
  nonZeroDays: t.nonZeroDays,
  minNonZeroDays: t.minNonZeroDays,
  history: `${year - HISTORY_YEARS}-01-01/${year - 1}-12-31`,
});

/** The 400 of a `to` that does not fit: quoting it as given. */
const badTo = (req: Request, says: string): HttpError =>
  new HttpError(400, 'invalid query parameters', {
    issues: [{ path: 'to', message: `${says}, got: "${String(req.query['to'])}"` }],
  });

export async function showDailySaidi(c: Reliability, req: Request, res: Response): Promise<void> {
  const p = new QueryProblems(dailySaidiQuery(c.zone), req.query);
  const from = p.read('from');
  const to = p.read('to');
  const options = commonOptions(p, c.now());
  p.done();
  if (!(to > from)) throw badTo(req, `must be after from (${c.iso(from)})`);
  const fromDay = localDay(from, c.zone);
  const toDay = localDay(to - 1, c.zone) + 1;
  if (toDay - fromDay > MAX_DAILY_DAYS) throw badTo(req, `at most ${MAX_DAILY_DAYS} days after from`);
  const d = await dailyWithThresholds(c, options, fromDay, toDay);
  const rows = d.days.map((day) => ({
    date: day.date,
    saidiMinutes: day.minutes,
    customers: day.customers,
    includesOngoing: day.includesOngoing,
    tMedMinutes: d.tMedOf(day.day),
    majorEventDay: d.major.has(day.day),
  }));
  const columns = ['date', 'saidiMinutes', 'customers', 'includesOngoing', 'tMedMinutes', 'majorEventDay'];
  sendRows(req, res, rows, columns, {
    period: { from: c.iso(startOfLocalDay(fromDay, c.zone)), to: c.iso(startOfLocalDay(toDay, c.zone)) },
    asOf: c.iso(options.asOf),
    zone: c.zone,
    variant: options.variant,
    convention: options.convention,
    denominator: { rule: options.denominator, window: 'each local day, up to asOf' },
    unit: 'minutes',
    includesOngoing: rows.some((r) => r.includesOngoing),
    thresholds: d.thresholds.map(describeThreshold),
    issues: d.issues,
  });
}
