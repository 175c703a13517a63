// Target status of a group for a year: SAIDI (hours) against a target in hours, or against a
// reduction on the previous year (Baoshan: urban core 2 h, urban 5 h, town 9 h, rural 15 h, or at
// least 8 % lower than the year before; Kunming parks: under 1 h, strict).
//
// A finished year is `met` or `not_met`. For a year in progress both allowances are pro-rated
// by the elapsed fraction of the local calendar year and compared with SAIDI so far:
// `on_track` within them, `off_track` above (linear pro-rating; outages are seasonal, so this
// is an early warning, not a verdict). `strict` (SAIDI < hours) applies to finished years; the
// reduction criterion is always "at least": SAIDI ≤ previous × (1 − fraction).

import { ok, type Result } from '../../core/issues.js';
import type { TargetStatus } from '../../core/vocabulary/index.js';
import { computeReliability } from './compute.js';
import { elapsedFraction, yearPeriod } from './periods.js';
import type { GroupKeys, ReliabilityOptions, ReliabilityReport } from './types.js';

/** Plain data, so rule files can supply it. */
export interface ReliabilityTarget {
  hours: number;
  /** e.g. 0.08: met also when SAIDI is at least 8 % below the previous year's */
  orReductionFraction?: number | undefined;
  /** SAIDI must be strictly below `hours` ("under 1 hour") */
  strict?: boolean | undefined;
}

/** The verdict's code, one of the vocabulary's list (core/vocabulary: its words in zh and en). */
export type { TargetStatus };

export interface TargetInput {
  target: ReliabilityTarget;
  /** SAIDI of the year (so far), hours */
  saidiHours: number;
  /** SAIDI of the whole previous year, hours */
  previousSaidiHours?: number | null | undefined;
  /** 1 for a finished year */
  elapsedFraction: number;
}

export interface YearOnYear {
  /** SAIDI − previous (hours); null without a previous value */
  change: number | null;
  /** change / previous; null without a previous value or when it is 0 */
  changeFraction: number | null;
}

export interface TargetAssessment extends YearOnYear {
  status: TargetStatus;
  saidiHours: number;
  previousSaidiHours: number | null;
  elapsedFraction: number;
  /** target hours × elapsed fraction */
  allowedHours: number;
  /** previous × (1 − fraction) × elapsed fraction; null without both */
  reductionAllowedHours: number | null;
  /** which criterion holds (hours checked first); null when neither */
  metBy: 'hours' | 'reduction' | null;
}

export function yearOnYear(current: number | null, previous: number | null | undefined): YearOnYear {
  if (current === null || previous === null || previous === undefined)
    return { change: null, changeFraction: null };
  const change = current - previous;
  return { change, changeFraction: previous !== 0 ? change / previous : null };
}

export function assessTarget(input: TargetInput): TargetAssessment {
  const { target, saidiHours } = input;
  const previous = input.previousSaidiHours ?? null;
  const elapsed = Math.min(1, Math.max(0, input.elapsedFraction));
  const finished = elapsed >= 1;
  const scale = (x: number): number => (finished ? x : x * elapsed);
  const allowedHours = scale(target.hours);
  const fraction = target.orReductionFraction;
  const reductionAllowedHours =
    previous !== null && fraction !== undefined ? scale(previous * (1 - fraction)) : null;

  const byHours = finished && target.strict ? saidiHours < allowedHours : saidiHours <= allowedHours;
  const byReduction = reductionAllowedHours !== null && saidiHours <= reductionAllowedHours;
  const metBy = byHours ? 'hours' : byReduction ? 'reduction' : null;
  const status: TargetStatus = finished ? (metBy ? 'met' : 'not_met') : metBy ? 'on_track' : 'off_track';
  return {
    status,
    saidiHours,
    previousSaidiHours: previous,
    elapsedFraction: elapsed,
    allowedHours,
    reductionAllowedHours,
    metBy,
    ...yearOnYear(saidiHours, previous),
  };
}

export interface GroupTarget {
  keys: GroupKeys;
  customers: number;
  saidi: number | null;
  previousSaidi: number | null;
  includesOngoing: boolean;
  target: ReliabilityTarget | null;
  /** null without a target or without users served */
  assessment: TargetAssessment | null;
}

export interface YearTargets {
  year: number;
  elapsedFraction: number;
  rows: GroupTarget[];
  current: ReliabilityReport;
  previous: ReliabilityReport;
}

export type YearTargetOptions = Omit<ReliabilityOptions, 'from' | 'to'> & {
  year: number;
  targetFor: (keys: GroupKeys) => ReliabilityTarget | undefined;
};

/** Every group of `year` (local calendar year) with its target status, against the year before. */
export function yearTargets(o: YearTargetOptions): Result<YearTargets> {
  const { year, targetFor, ...options } = o;
  const period = yearPeriod(year, o.zone);
  const current = computeReliability({ ...options, ...period });
  if (!current.ok) return current;
  const previous = computeReliability({ ...options, ...yearPeriod(year - 1, o.zone) });
  if (!previous.ok) return previous;
  const before = new Map(previous.value.rows.map((r) => [JSON.stringify(r.keys), r.saidi]));
  const elapsed = elapsedFraction(period, o.asOf);

  const rows = current.value.rows.map((r): GroupTarget => {
    const target = targetFor(r.keys) ?? null;
    const previousSaidi = before.get(JSON.stringify(r.keys)) ?? null;
    const assessment =
      target && r.saidi !== null
        ? assessTarget({
            target,
            saidiHours: r.saidi,
            previousSaidiHours: previousSaidi,
            elapsedFraction: elapsed,
          })
        : null;
    return {
      keys: r.keys,
      customers: r.customers,
      saidi: r.saidi,
      previousSaidi,
      includesOngoing: r.includesOngoing,
      target,
      assessment,
    };
  });
  return ok({ year, elapsedFraction: elapsed, rows, current: current.value, previous: previous.value });
}
