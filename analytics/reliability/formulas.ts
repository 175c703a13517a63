// The reliability measures from sums: the one place SAIFI, SAIDI, CAIDI, ASAI, MAIFI, CN,
// CEMI_n and CELID are divided out. Both evaluators only sum: the reference tallies pieces in
// memory (measures.ts), the SQL evaluator has QuestDB add them up (reliability-sql/report.ts);
// both hand their sums here. No rounding: every measure is a sum of whole numbers divided once,
// or a ratio of two such values, so both evaluators give bit-equal figures for equal sums.
//
//   N_T   = served / divisor              (users served; divisor: the N_T window in ms when
//                                          time-weighted, else 1)
//   SAIFI = Σ N_i / N_T                    (sustained interruptions that began in the period)
//   SAIDI = Σ r_i N_i / N_T, hours
//   CAIDI = SAIDI / SAIFI                  (null when SAIFI is 0)
//   ASAI  = 1 − SAIDI / period hours
//   MAIFI = Σ N_i of short interruptions / N_T
//   CN, CEMI_n, CELID: the served numerators of the units that qualify, over the divisor,
//   and per N_T.

import type { CelidValue, CemiValue, GroupKeys, ReliabilityRow } from './types.js';

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;

/** What one group adds up to, before any division. */
export interface GroupSums {
  keys: GroupKeys;
  /** N_T numerator: users (end rule) or user-ms in force (time-weighted) */
  served: number;
  /** N_T = served / divisor */
  divisor: number;
  /** sustained events that began in the period */
  events: number;
  /** short events that began in the period */
  shortEvents: number;
  /** Σ N_i over sustained interruptions that began in the period */
  customerInterruptions: number;
  /** Σ N_i over short interruptions that began in the period */
  shortInterruptions: number;
  /** Σ r_i N_i in ms (sustained) */
  customerMs: number;
  /** served numerator of the units with at least one sustained interruption (CN) */
  interruptedServed: number;
  /** served numerator of the units with more than n interruptions, one per CEMI n */
  cemiServed: readonly number[];
  /** served numerators of the units over each CELID limit: one interruption, and in all */
  celidSingleServed: readonly number[];
  celidCumulativeServed: readonly number[];
  includesOngoing: boolean;
}

/** The period and thresholds every row of a report shares. */
export interface MeasureBasis {
  periodHours: number;
  cemiN: readonly number[];
  celidHours: readonly number[];
}

/** x per user served; null when the group serves none. */
export const perCustomer = (x: number, customers: number): number | null =>
  customers > 0 ? x / customers : null;

export const customerMinutes = (customerMs: number): number => customerMs / MS_PER_MINUTE;

/** SAIDI in hours. */
export const saidiHours = (customerMs: number, customers: number): number | null =>
  perCustomer(customerMs / MS_PER_HOUR, customers);

/** CAIDI in hours per interruption; null unless SAIFI is positive. */
export const caidi = (saidi: number | null, saifi: number | null): number | null =>
  saifi !== null && saifi > 0 && saidi !== null ? saidi / saifi : null;

/** ASAI: the share of the period's customer hours with supply. */
export const asai = (saidi: number | null, periodHours: number): number | null =>
  saidi !== null && periodHours > 0 ? 1 - saidi / periodHours : null;

/** Hours from `from` to the end of the N_T window: the ASAI base. */
export const periodHours = (from: number, end: number): number => (end - from) / MS_PER_HOUR;

/** A CELID threshold in ms: an interruption (or a sum of them) counts when strictly longer. */
export const celidLimitMs = (hours: number): number => hours * MS_PER_HOUR;

/** One report row from a group's sums. */
export function measuresOf(g: GroupSums, basis: MeasureBasis): ReliabilityRow {
  const customers = g.served / g.divisor;
  const per = (x: number): number | null => perCustomer(x, customers);
  const users = (served: number | undefined): number => (served ?? 0) / g.divisor;
  const saifi = per(g.customerInterruptions);
  const saidi = saidiHours(g.customerMs, customers);
  const cemi = basis.cemiN.map((n, i): CemiValue => {
    const c = users(g.cemiServed[i]);
    return { n, customers: c, value: per(c) };
  });
  const celid = basis.celidHours.map((hours, i): CelidValue => {
    const singleCustomers = users(g.celidSingleServed[i]);
    const cumulativeCustomers = users(g.celidCumulativeServed[i]);
    return {
      hours,
      singleCustomers,
      single: per(singleCustomers),
      cumulativeCustomers,
      cumulative: per(cumulativeCustomers),
    };
  });
  return {
    keys: g.keys,
    customers,
    events: g.events,
    shortEvents: g.shortEvents,
    customerInterruptions: g.customerInterruptions,
    shortInterruptions: g.shortInterruptions,
    customerMinutes: customerMinutes(g.customerMs),
    saifi,
    saidi,
    caidi: caidi(saidi, saifi),
    asai: asai(saidi, basis.periodHours),
    maifi: per(g.shortInterruptions),
    customersInterrupted: users(g.interruptedServed),
    cemi,
    celid,
    includesOngoing: g.includesOngoing,
  };
}
