// Counting of one asset's counted outages for one rule: overlap merge, then windows and
// breaches. Pure functions over outages already sorted by start (ties: eventId).

import type { DayRange } from './window.js';

export interface Timed {
  eventId: string;
  start: number;
  /** null while ongoing */
  end: number | null;
}

export interface Merged<T extends Timed> {
  /** The first event of each group: the outages that count. */
  leaders: T[];
  /** eventId → eventId of the first event of its group, for events that joined a group. */
  mergedWith: Map<string, string>;
}

/**
 * Overlapping records of one loss of supply count once. An event whose start is before the
 * running maximum end of the current group (an ongoing event's end is +∞) joins that group
 * and does not count; an event starting exactly at that end opens a new group. Each group
 * counts once, dated by its first event.
 */
export function mergeOverlaps<T extends Timed>(sorted: readonly T[]): Merged<T> {
  const leaders: T[] = [];
  const mergedWith = new Map<string, string>();
  let leader: T | undefined;
  let groupEnd = Number.NEGATIVE_INFINITY;
  for (const e of sorted) {
    const end = e.end ?? Number.POSITIVE_INFINITY;
    if (leader !== undefined && e.start < groupEnd) {
      mergedWith.set(e.eventId, leader.eventId);
      groupEnd = Math.max(groupEnd, end);
    } else {
      leader = e;
      leaders.push(e);
      groupEnd = end;
    }
  }
  return { leaders, mergedWith };
}

export interface Dated {
  eventId: string;
  /** local day number of the start */
  day: number;
}

/** A window holding more outages than the limit, dated at the outage that pushed it over. */
export interface WindowBreach {
  day: number;
  count: number;
  /** the window of the breaching outage */
  range: DayRange;
  /** the outages in that window, in start order */
  eventIds: string[];
}

/**
 * Every breach, in order. The window of the k-th counted outage holds the counted outages
 * j ≤ k (start order) with day_j ≥ windowOf(day_k).start: rolling N days, day_j ≥ day_k − (N − 1);
 * calendar, the same year, quarter or month. It breaches when it holds more than `limit`.
 */
export function findBreaches(
  outages: readonly Dated[],
  windowOf: (day: number) => DayRange,
  limit: number,
): WindowBreach[] {
  const out: WindowBreach[] = [];
  let first = 0; // window starts never move back as days go forward, so one pointer suffices
  outages.forEach((o, k) => {
    const range = windowOf(o.day);
    while ((outages[first]?.day ?? o.day) < range.start) first++;
    const count = k - first + 1;
    if (count > limit) {
      out.push({ day: o.day, count, range, eventIds: outages.slice(first, k + 1).map((x) => x.eventId) });
    }
  });
  return out;
}

/** The outages whose day lies in the range, in order. */
export const inRange = <T extends Dated>(outages: readonly T[], range: DayRange): T[] =>
  outages.filter((o) => o.day >= range.start && o.day <= range.end);
