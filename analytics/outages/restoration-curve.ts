// The restoration curve of a storm (停电恢复曲线): customers out over a time range as a step
// function, exact at every instant an outage begins, steps down or ends (the changes of one
// instant merged into one point), sampled besides on a regular grid for tables, with the peak
// and how many of the customers affected have their supply back.
//
// An outage's customers are out on [start, end): out at its start, back at its end. Step
// restorations bring their customers back at their instant, kept within [start, end] and never
// more than are still out. An outage without an end is out until the end of the range. The
// value at an instant is the one after every change at that instant.

import { type Restoration, zoneOffset } from '../../core/index.js';

/** One outage as the curve reads it: its span, its customers and where its asset is. */
export interface CurveOutage {
  eventId: string;
  start: number;
  /** null while the outage is ongoing */
  end: number | null;
  customersAffected: number;
  /** step restoration, as recorded */
  restorations?: readonly Restoration[];
  province: string | null;
  city: string | null;
  county: string | null;
  /** a cancelled version never counts (the store's readers already leave such outages out) */
  cancelled?: boolean;
}

export interface CurveOptions {
  from: number;
  /** the curve's last instant ("now" for the current event) */
  to: number;
  /** spacing of the samples, ms */
  stepMs: number;
  /** a province, city or county: only outages whose asset is in it */
  region?: string | undefined;
  /** the operating zone: samples fall on whole steps of its wall clock (whole hours, say) */
  zone: string;
}

export interface CurvePoint {
  at: number;
  customersOut: number;
}

export interface RestorationCurve {
  from: number;
  to: number;
  stepMs: number;
  /** the step curve: `from`, every instant of a change in (from, to], and `to` */
  points: CurvePoint[];
  /** the curve's value at `from`, at each whole step after it and at `to` */
  samples: CurvePoint[];
  /** the most customers out at once and the first instant it was reached; null when none were */
  peak: CurvePoint | null;
  /** outages with customers out at some time in the range (an end at `from` is not) */
  outages: number;
  /** those still ongoing at `to` */
  ongoing: number;
  /** customers affected by those outages, each outage's whole count */
  customersAffected: number;
  /** customers still out at `to` */
  customersOut: number;
  /** customersAffected − customersOut: supply back by `to`, in steps or at the end */
  customersRestored: number;
  /** customersRestored / customersAffected; null when no customer was affected */
  restoredShare: number | null;
}

/** More samples than this is a request mistake (a 1-minute step over a month). */
export const MAX_SAMPLES = 5_000;

/** Whether the outage's asset is in `region` (its province, city or county), or no region is asked. */
export function inRegion(
  o: Pick<CurveOutage, 'province' | 'city' | 'county'>,
  region: string | undefined,
): boolean {
  return region === undefined || o.province === region || o.city === region || o.county === region;
}

/** Whether the outage has customers out at some instant of [from, to]. */
export function overlaps(o: Pick<CurveOutage, 'start' | 'end'>, from: number, to: number): boolean {
  return o.start <= to && (o.end === null || o.end > from);
}

interface Change {
  at: number;
  delta: number;
}

/** The +customers at the start and the −customers of each step and of the end. */
function changesOf(o: CurveOutage): Change[] {
  const customers = Math.max(0, o.customersAffected);
  const stop = o.end === null ? Number.POSITIVE_INFINITY : Math.max(o.start, o.end);
  const out: Change[] = [{ at: o.start, delta: customers }];
  let remaining = customers;
  const steps = [...(o.restorations ?? [])].sort((a, b) => a.at - b.at);
  for (const s of steps) {
    const back = Math.min(remaining, Math.max(0, s.customersRestored));
    if (back === 0) continue;
    out.push({ at: Math.min(Math.max(s.at, o.start), stop), delta: -back });
    remaining -= back;
  }
  if (o.end !== null && remaining > 0) out.push({ at: stop, delta: -remaining });
  return out;
}

/** The instants of the samples: `from`, each whole step of the zone's clock after it, `to`. */
export function sampleInstants(from: number, to: number, stepMs: number, zone: string): number[] {
  const offset = zoneOffset(from, zone);
  const out = [from];
  let at = Math.floor((from + offset) / stepMs) * stepMs - offset + stepMs;
  for (; at < to; at += stepMs) out.push(at);
  if (to > from) out.push(to);
  return out;
}

export function restorationCurve(all: readonly CurveOutage[], o: CurveOptions): RestorationCurve {
  if (!(o.from <= o.to)) throw new RangeError(`from (${o.from}) is after to (${o.to})`);
  if (!(o.stepMs > 0)) throw new RangeError(`step must be positive (got ${o.stepMs})`);
  if ((o.to - o.from) / o.stepMs > MAX_SAMPLES)
    throw new RangeError(`more than ${MAX_SAMPLES} samples: choose a longer step`);

  const outages = all.filter((x) => !x.cancelled && inRegion(x, o.region) && overlaps(x, o.from, o.to));
  // Net change per instant up to `to`, in time order; a change before `from` counts at `from`.
  const net = new Map<number, number>();
  for (const x of outages) {
    for (const c of changesOf(x)) {
      if (c.at > o.to) continue;
      const at = Math.max(c.at, o.from);
      net.set(at, (net.get(at) ?? 0) + c.delta);
    }
  }
  const instants = [...net.keys()].sort((a, b) => a - b);

  let value = net.get(o.from) ?? 0;
  const points: CurvePoint[] = [{ at: o.from, customersOut: value }];
  for (const at of instants) {
    if (at === o.from) continue;
    value += net.get(at) ?? 0;
    points.push({ at, customersOut: value });
  }
  if ((points[points.length - 1] as CurvePoint).at < o.to) points.push({ at: o.to, customersOut: value });

  let peak: CurvePoint | null = null;
  for (const p of points) if (p.customersOut > (peak?.customersOut ?? 0)) peak = p;

  const samples: CurvePoint[] = [];
  let i = 0;
  let current = 0;
  for (const at of sampleInstants(o.from, o.to, o.stepMs, o.zone)) {
    while (i < points.length && (points[i] as CurvePoint).at <= at)
      current = (points[i++] as CurvePoint).customersOut;
    samples.push({ at, customersOut: current });
  }

  const customersAffected = outages.reduce((n, x) => n + Math.max(0, x.customersAffected), 0);
  const customersOut = value;
  const customersRestored = customersAffected - customersOut;
  return {
    from: o.from,
    to: o.to,
    stepMs: o.stepMs,
    points,
    samples,
    peak: peak ? { ...peak } : null,
    outages: outages.length,
    ongoing: outages.filter((x) => x.end === null || x.end > o.to).length,
    customersAffected,
    customersOut,
    customersRestored,
    restoredShare: customersAffected > 0 ? customersRestored / customersAffected : null,
  };
}
