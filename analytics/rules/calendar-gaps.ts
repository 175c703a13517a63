// Which working-day calendars a rule set's deadlines need for a year that the calendar does not
// list (the State Council publishes each year's holidays in November or December): there the
// "fifth working day" counts weekends only and may fall on a public holiday. Checked at start.

import { coversYear, type WorkCalendarName } from '../../core/work-calendar.js';
import type { CompiledRuleSet } from './types.js';

export interface CalendarGap {
  ruleSet: string;
  calendar: WorkCalendarName;
  year: number;
}

/** The (rule set, calendar, year) its ledger deadlines need and the calendar lacks. */
export function calendarGaps(ruleSets: Iterable<CompiledRuleSet>, years: readonly number[]): CalendarGap[] {
  const gaps: CalendarGap[] = [];
  for (const set of ruleSets) {
    const due = set.reporting.ledgerDue;
    if (!('workingDayOfNextMonth' in due) || due.calendar === undefined) continue;
    for (const year of years)
      if (!coversYear(due.calendar, year)) gaps.push({ ruleSet: set.name, calendar: due.calendar, year });
  }
  return gaps;
}

/** One line for the log and /readyz. */
export const describeGap = (g: CalendarGap): string =>
  `rule set ${g.ruleSet}: calendar ${g.calendar} does not list ${g.year}; its filing deadlines there count weekends only until the State Council's holiday notice for ${g.year} is added to rules/calendars/${g.calendar}.json`;

/** The local year of `now` in `zone` and the next: the deadlines a running product will meet. */
export function yearsAhead(now: number, zone: string): number[] {
  const year = Number(new Intl.DateTimeFormat('en', { timeZone: zone, year: 'numeric' }).format(now));
  return [year, year + 1];
}
