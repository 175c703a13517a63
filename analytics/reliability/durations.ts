// How one event counts in a period: frequency (did it begin in the period), short or
// sustained, ongoing as of asOf, and its customer-milliseconds with step restoration.
//
// Default (IEEE 1366): an outage belongs with its WHOLE duration to the period in which it
// began. splitAtEdges: only the part inside [from, to) counts for duration, while frequency
// still counts in the period where it began (an outage begun earlier adds duration only).
// As of asOf: a later start is not yet known; an end (or restoration step) after asOf has not
// happened yet, so the outage is ongoing and runs until asOf.

import type { OutageEvent } from '../../core/domain.js';

export interface Window {
  from: number;
  to: number;
  asOf: number;
  splitAtEdges: boolean;
  shortMs: number;
}

export interface Attribution {
  /** began in [from, to): counts in SAIFI, MAIFI, CEMI and the event counts */
  frequency: boolean;
  /** ended by asOf and lasted no longer than the short-outage threshold */
  short: boolean;
  /** no end, or an end after asOf */
  ongoing: boolean;
  /** customersAffected */
  customers: number;
  /** Σ over customers of their attributed outage time, ms (0 for a short outage) */
  customerMs: number;
  /** attributed span start → end (or asOf), ms, clipped to the period with splitAtEdges */
  spanMs: number;
}

const overlap = (a0: number, a1: number, b0: number, b1: number): number =>
  Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));

/** How `event` counts in the window, or null when it does not count there at all. */
export function attribute(event: OutageEvent, w: Window): Attribution | null {
  const { start } = event;
  if (start > w.asOf) return null;
  const ended = event.end !== null && event.end <= w.asOf;
  const stop = ended ? Math.max(start, event.end as number) : w.asOf;
  const frequency = start >= w.from && start < w.to;
  const short = ended && stop - start <= w.shortMs;
  if (!frequency && (!w.splitAtEdges || short || overlap(start, stop, w.from, w.to) === 0)) return null;

  // Duration counts on [lo, hi): the outage's own span, or its part inside the period.
  const lo = w.splitAtEdges ? w.from : Number.NEGATIVE_INFINITY;
  const hi = w.splitAtEdges ? w.to : Number.POSITIVE_INFINITY;
  let customerMs = 0;
  if (!short) {
    let restored = 0;
    for (const step of event.restorations) {
      if (step.at > w.asOf) continue; // not yet restored as of asOf
      const back = Math.min(Math.max(step.at, start), stop);
      customerMs += step.customersRestored * overlap(start, back, lo, hi);
      restored += step.customersRestored;
    }
    const rest = Math.max(0, event.customersAffected - restored);
    customerMs += rest * overlap(start, stop, lo, hi);
  }
  return {
    frequency,
    short,
    ongoing: !ended,
    customers: event.customersAffected,
    customerMs,
    spanMs: overlap(start, stop, lo, hi),
  };
}

/**
 * Duration of the interruption for one user when the event's customers cannot be told apart
 * (an area interrupted by a feeder event; CEMI/CELID exposure): the customer-weighted mean,
 * customerMs / customers, which equals the span without step restoration.
 */
export function meanUserMs(a: Attribution): number {
  if (a.short) return 0;
  return a.customers > 0 ? a.customerMs / a.customers : a.spanMs;
}
