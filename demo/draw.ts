// One local day of random outages: background outages of every cause at their seasonal rate,
// and extra weather outages in the counties an official warning covers.

import type { Cause } from '../core/domain.js';
import { classOf, type EventSpec } from './events.js';
import type { Network } from './network.js';
import type { Rng } from './prng.js';
import type { WeightedPicker } from './propensity.js';
import {
  ANNUAL_RATES,
  duration,
  type Level,
  monthFactor,
  STORM_RATES,
  startOfDayOffset,
  weekdayFactor,
} from './rates.js';
import type { PlannedWarning } from './warnings.js';

export interface Day {
  day: number;
  start: number;
  end: number;
  /** local month 1–12 */
  month: number;
  /** 0 = Sunday */
  weekday: number;
  rng: Rng;
}

export interface Pickers {
  feeder: WeightedPicker;
  area: WeightedPicker;
}

const LEVELS: readonly Level[] = ['feeder', 'area'];
const DAY_MS = 86_400_000;
const MINUTE = 60_000;
const DISASTER_ODDS = { severe_weather: 0.03, flood: 0.12, geological: 0.35 };
const LINKED_ODDS = 0.6;

export function drawBackground(net: Network, pickers: Pickers, d: Day, out: EventSpec[]): void {
  const { rng } = d;
  const dayShare = (d.end - d.start) / DAY_MS;
  for (const level of LEVELS) {
    const picker = pickers[level];
    const total = picker.total();
    for (const [cause, rate] of Object.entries(ANNUAL_RATES[level]) as [Cause, number][]) {
      const lambda =
        (rate / 365.25) * monthFactor(cause, d.month) * weekdayFactor(cause, d.weekday) * total * dayShare;
      for (let n = rng.poisson(lambda); n > 0; n--) {
        const asset = picker.pick(rng);
        if (asset < 0) continue;
        const start = Math.min(d.start + startOfDayOffset(cause, rng), d.end - MINUTE);
        out.push(randomEvent(net, { level, asset, start, cause }, rng));
      }
    }
  }
}

export function drawStorms(
  net: Network,
  pickers: Pickers,
  d: Day,
  active: readonly PlannedWarning[],
  out: EventSpec[],
): void {
  const { rng } = d;
  for (const { warning, counties } of active) {
    const lo = Math.max(warning.start, d.start);
    const hi = Math.min(warning.end, d.end);
    if (hi <= lo) continue;
    const share = (hi - lo) / DAY_MS;
    for (const county of counties) {
      for (const level of LEVELS) {
        const range = level === 'feeder' ? net.counties[county]!.feeders : net.counties[county]!.areas;
        const picker = pickers[level];
        const lambda =
          STORM_RATES[level][warning.level ?? 'yellow'] * share * picker.total(range.lo, range.hi);
        for (let n = rng.poisson(lambda); n > 0; n--) {
          const asset = picker.pick(rng, range.lo, range.hi);
          if (asset < 0) continue;
          const cause: Cause = rng.chance(DISASTER_ODDS[warning.hazard])
            ? 'natural_disaster'
            : 'weather_fault';
          const start = Math.floor((lo + rng.float() * (hi - lo)) / MINUTE) * MINUTE;
          const spec = randomEvent(net, { level, asset, start, cause }, rng);
          if (rng.chance(LINKED_ODDS)) spec.warningId = warning.warningId;
          out.push(spec);
        }
      }
    }
  }
}

/** A random (not scripted) outage, its duration drawn for its cause, its class and whether in a park. */
function randomEvent(
  net: Network,
  { level, asset, start, cause }: Pick<EventSpec, 'level' | 'asset' | 'start' | 'cause'>,
  rng: Rng,
): EventSpec {
  const park = (level === 'feeder' ? net.feeders.park : net.areas.park)[asset]! >= 0;
  return {
    level,
    asset,
    start,
    duration: duration(cause, classOf(net, level, asset), park, rng),
    cause,
    scripted: false,
  };
}
