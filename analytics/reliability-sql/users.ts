// Users served per local day from the SQL change points (denominator.ts changesSelect), as the
// reference takes them for each day of its daily series: time-weighted over the day up to
// asOf, or the count in force at the day's last instant (end rule, and days after asOf).
// One forward sweep; every product and sum is a whole number of user-ms below 2^53 per day.

import { servedUntil } from '../reliability/periods.js';

export interface Change {
  t: number;
  dw: number;
}

export interface DayWindow {
  /** local day start and end (exclusive), epoch ms */
  from: number;
  to: number;
}

export interface DayUsers {
  /** N_T numerator (user-ms, or users for an instant) and its divisor */
  num: number;
  divisor: number;
}

export function usersPerDay(
  changes: readonly Change[],
  days: readonly DayWindow[],
  asOf: number,
  timeWeighted: boolean,
): DayUsers[] {
  let i = 0;
  let level = 0;
  /** Applies the changes at or before t: `level` is then the users in force at t. */
  const advanceTo = (t: number): void => {
    for (; i < changes.length && (changes[i] as Change).t <= t; i++) level += (changes[i] as Change).dw;
  };
  /** ∫ users over [a, b), leaving the changes before b applied. */
  const integrate = (a: number, b: number): number => {
    advanceTo(a);
    let sum = 0;
    let x = a;
    for (; i < changes.length && (changes[i] as Change).t < b; i++) {
      const c = changes[i] as Change;
      sum += level * (c.t - x);
      x = c.t;
      level += c.dw;
    }
    return sum + level * (b - x);
  };
  return days.map(({ from, to }) => {
    const end = servedUntil({ from, to, asOf });
    if (timeWeighted && end > from) return { num: integrate(from, end), divisor: end - from };
    advanceTo(end > from ? end - 1 : from);
    return { num: level, divisor: 1 };
  });
}
