// "Dynamic clearing to zero" (动态清零): how many cases are open, overdue, in observation and
// closed at the end of each day, week or month, by region and responsible unit. Each point
// folds the case log as of its instant, so the series shows what was known then.

import { compareNullFirst, dayToDate, localDay, startOfLocalDay } from '../../core/index.js';
import { comparePeriods, nextPeriod, periodBounds, periodContaining } from './calendar.js';
import type { CaseEvent, CaseState } from './case.js';
import { isOverdue } from './deadlines.js';
import { foldCases } from './fold.js';
import type { ClearingKey, ClearingRow, ClearingStep } from './clearing-row.js';

export * from './clearing-row.js';

export interface ClearingQuery {
  from: number;
  to: number;
  step: ClearingStep;
  groupBy: readonly ClearingKey[];
  zone: string;
}

export interface ClearingPoint {
  /** the local date the point closes */
  date: string;
  /** the instant the log is folded at: the end of that date, or `to` */
  asOf: number;
}

/** Local month number (year × 12 + month − 1) of a time. */
const monthOf = (ms: number, zone: string): number => {
  const date = dayToDate(localDay(ms, zone));
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
};

/**
 * How many points clearingPoints would give, counted without building them: a request is
 * checked against its limit before any work that grows with its range.
 */
export function clearingPointCount(from: number, to: number, step: ClearingStep, zone: string): number {
  if (step === 'month') return monthOf(to, zone) - monthOf(from, zone) + 1;
  const size = step === 'day' ? 1 : 7;
  const span = localDay(to, zone) - localDay(from, zone); // days after the first
  // Steps ending before the last day, then the last day itself.
  return Math.max(0, Math.ceil((span - (size - 1)) / size)) + 1;
}

/** The ends of consecutive steps from `from`'s local date to `to`'s, the last one cut at `to`. */
export function clearingPoints(from: number, to: number, step: ClearingStep, zone: string): ClearingPoint[] {
  const first = localDay(from, zone);
  const last = localDay(to, zone);
  const days: number[] = [];
  if (step === 'month') {
    const end = periodContaining('month', to, zone);
    for (let p = periodContaining('month', from, zone); comparePeriods(p, end) <= 0; p = nextPeriod(p)) {
      days.push(Math.min(localDay(periodBounds(p, zone).end, zone) - 1, last));
    }
  } else {
    const size = step === 'day' ? 1 : 7;
    for (let d = first + size - 1; d < last; d += size) days.push(d);
    days.push(last);
  }
  return days.map((d) => ({ date: dayToDate(d), asOf: Math.min(startOfLocalDay(d + 1, zone) - 1, to) }));
}

function keyOf(c: CaseState, dim: ClearingKey): string | null {
  if (dim === 'unit') return c.fields.responsibleUnit ?? null;
  return c.asset[dim];
}

/** Group by group, key by key: null (no value) first, then text in code-unit order. */
function compareKeys(a: ClearingRow, b: ClearingRow, dims: readonly ClearingKey[]): number {
  for (const d of dims) {
    const c = compareNullFirst(a[d] ?? null, b[d] ?? null);
    if (c !== 0) return c;
  }
  return 0;
}

export function clearingSeries(events: readonly CaseEvent[], q: ClearingQuery): ClearingRow[] {
  const rows: ClearingRow[] = [];
  let previous = q.from - 1;
  for (const point of clearingPoints(q.from, q.to, q.step, q.zone)) {
    const groups = new Map<string, ClearingRow>();
    for (const { state } of foldCases(events, q.zone, point.asOf)) {
      const keys = q.groupBy.map((d) => keyOf(state, d));
      const id = JSON.stringify(keys);
      let row = groups.get(id);
      if (!row) {
        row = {
          date: point.date,
          open: 0,
          overdue: 0,
          observation: 0,
          closed: 0,
          opened: 0,
          closedInStep: 0,
        };
        q.groupBy.forEach((d, i) => {
          (row as Record<string, unknown>)[d] = keys[i] ?? null;
        });
        groups.set(id, row);
      }
      if (state.status === 'closed') row.closed += 1;
      else row.open += 1;
      if (state.status === 'work_done') row.observation += 1;
      if (isOverdue(state, point.date)) row.overdue += 1;
      if (state.openedAt > previous) row.opened += 1;
      if (state.closedAt !== null && state.closedAt > previous) row.closedInStep += 1;
    }
    rows.push(...[...groups.values()].sort((a, b) => compareKeys(a, b, q.groupBy)));
    previous = point.asOf;
  }
  return rows;
}
