// Where an asset stands under one count rule, in figures that cannot be read against each other
// wrongly: the outages the rule counts in its window as of today (the rolling N days ending
// today, or the calendar year, quarter or month so far), and the breach the flags record with
// its own window and date, marked old when that window ended before the current one began.
// The window arithmetic is the rule evaluator's own (analytics/rules/window.ts); the counted
// outages are those GET /flags/:assetId/explain marks counted. Pure: no DOM.

import { compileWindow, parseWindow } from '../../../analytics/rules/window.js';

const DAY_MS = 86_400_000;

/** "2026-03-02" → local day number (days since 1970-01-01); undefined for anything else. */
export function dayOf(local: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(local);
  return m ? Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS) : undefined;
}

/** Local day number → "2026-03-02". */
export const dateOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Local dates, both ends included. */
export interface DateRange {
  from: string;
  to: string;
}

/**
 * The rule's window that holds `today`, up to `today`: "60 days" → the 60 days ending today,
 * "calendar year" → 1 January to today. Undefined for a window the rule grammar does not know.
 */
export function currentWindow(window: string | undefined, today: string): DateRange | undefined {
  const spec = window === undefined ? null : parseWindow(window);
  const day = dayOf(today);
  if (!spec || day === undefined) return undefined;
  const range = compileWindow(spec)(day);
  return { from: dateOf(range.start), to: today };
}

export interface ExplainedDate {
  date: string;
  counted: boolean;
}

/** How many of the outages the rule counted fall on a day of the range. */
export function countedIn(outages: readonly ExplainedDate[], range: DateRange): number {
  return outages.filter((o) => o.counted && o.date >= range.from && o.date <= range.to).length;
}

export interface FlagLike {
  status: 'breach' | 'at_risk';
  count: number;
  limit: number;
  windowStart: string;
  windowEnd: string;
  breachDate: string | null;
}

export interface RuleStanding {
  status: 'breach' | 'at_risk' | 'fine';
  limit: number | undefined;
  /** the window as of today, and the outages the rule counts in it */
  current: (DateRange & { counted: number }) | undefined;
  /** the flag's own window and count (a breach's or a warning's), as GET /flags gives it */
  flagged: (DateRange & { count: number; limit: number }) | undefined;
  /** the date of the breach; null when not in breach (or the flags gave none) */
  breachDate: string | null;
  /** the breach's window ended before the current window began */
  old: boolean;
}

/** One rule's standing from its explanation (its outages, the flag and the day it runs to). */
export function ruleStanding(
  rule: { window?: string | undefined; limit?: number | undefined },
  explanation: { to: string; flag: FlagLike | null; outages: readonly ExplainedDate[] },
): RuleStanding {
  const range = currentWindow(rule.window, explanation.to);
  const flag = explanation.flag;
  const current = range ? { ...range, counted: countedIn(explanation.outages, range) } : undefined;
  const breachDate = flag?.status === 'breach' ? flag.breachDate : null;
  return {
    status: flag?.status ?? 'fine',
    limit: rule.limit ?? flag?.limit,
    current,
    flagged: flag
      ? { from: flag.windowStart, to: flag.windowEnd, count: flag.count, limit: flag.limit }
      : undefined,
    breachDate,
    old: flag?.status === 'breach' && range !== undefined && flag.windowEnd < range.from,
  };
}
