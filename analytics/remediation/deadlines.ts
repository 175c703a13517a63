// Due dates, overdue cases and the observation period, in local calendar dates.

import { addDays } from './calendar.js';
import type { CaseState } from './case.js';
import type { CaseStatus } from './vocabulary.js';

/** Statuses in which the work is still to be done: a case in them past its due date is overdue. */
export const WORK_PENDING: ReadonlySet<CaseStatus> = new Set(['open', 'plan_approved', 'in_progress']);

/** The due date of a case opened (or reopened) on `date`. */
export const dueDateFrom = (date: string, caseDueDays: number): string => addDays(date, caseDueDays);

/**
 * Overdue on local date `today`: the work is not done yet and the due date has passed. A case
 * whose work is done (observation) or that is closed is not overdue.
 */
export const isOverdue = (state: Pick<CaseState, 'status' | 'dueDate'>, today: string): boolean =>
  WORK_PENDING.has(state.status) && today > state.dueDate;

export interface Observation {
  /** first day of observation: the day the work was done */
  from: string;
  /** last day of observation */
  until: string;
  /** first day on which the case may be closed */
  closableFrom: string;
}

/** The observation period after work done on `actualEnd`: `days` days from that day on. */
export function observation(actualEnd: string, days: number): Observation {
  return { from: actualEnd, until: addDays(actualEnd, days - 1), closableFrom: addDays(actualEnd, days) };
}
