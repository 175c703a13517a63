// Outage propensity of each feeder and area (rural lines fail more than urban cables; a few
// assets are chronically bad), and weighted picking of an asset in an index range.

import { AREA_CLASSES, type AreaClass } from '../core/domain.js';
import type { Network } from './network.js';
import { Rng } from './prng.js';

const FEEDER_CLASS: Record<AreaClass, number> = { urban_core: 0.6, urban: 0.8, town: 1, rural: 1.2 };
const AREA_CLASS: Record<AreaClass, number> = { urban_core: 0.55, urban: 0.7, town: 1, rural: 1.4 };
const PARK_FACTOR = 0.5;
/**
 * log-sd of the propensity of feeders and areas of one class: a few are chronically bad. A bad
 * feeder takes all its areas to the top of the hotspots, so most of the spread is the areas'
 * own (old transformers, low-voltage lines through trees), which scatters the hotspots over
 * the counties as in a real province.
 */
const SPREAD = { feeder: 0.3, area: 0.8 };

export interface Propensity {
  feeder: Float64Array;
  area: Float64Array;
}

/**
 * Weights with mean 1 over each kind, then multiplied by the scenario factors (0 keeps an asset
 * free of random outages, so its scripted history is exact).
 */
export function propensity(
  net: Network,
  feederFactor: ReadonlyMap<number, number>,
  areaFactor: ReadonlyMap<number, number>,
): Propensity {
  const rng = Rng.from(net.seed, 'propensity');
  const feeder = weights(net.feeders.count, (f) => {
    const cls = FEEDER_CLASS[AREA_CLASSES[net.feeders.cls[f]!]!];
    return cls * (net.feeders.park[f]! >= 0 ? PARK_FACTOR : 1) * rng.logNormal(1, SPREAD.feeder);
  });
  const area = weights(net.areas.count, (a) => {
    const cls = AREA_CLASS[AREA_CLASSES[net.areas.cls[a]!]!];
    return cls * (net.areas.park[a]! >= 0 ? PARK_FACTOR : 1) * rng.logNormal(1, SPREAD.area);
  });
  for (const [f, k] of feederFactor) feeder[f]! *= k;
  for (const [a, k] of areaFactor) area[a]! *= k;
  return { feeder, area };
}

function weights(count: number, draw: (i: number) => number): Float64Array {
  const w = new Float64Array(count);
  let sum = 0;
  for (let i = 0; i < count; i++) {
    w[i] = draw(i);
    sum += w[i]!;
  }
  const scale = sum > 0 ? count / sum : 0;
  for (let i = 0; i < count; i++) w[i]! *= scale;
  return w;
}

/** Picks index i in [lo, hi) with probability proportional to its weight. */
export class WeightedPicker {
  private readonly cum: Float64Array;

  constructor(weights: Float64Array) {
    this.cum = new Float64Array(weights.length + 1);
    for (let i = 0; i < weights.length; i++) this.cum[i + 1] = this.cum[i]! + weights[i]!;
  }

  /** Sum of the weights in [lo, hi). */
  total(lo = 0, hi = this.cum.length - 1): number {
    return this.cum[hi]! - this.cum[lo]!;
  }

  /** -1 when the range has no weight. */
  pick(rng: Rng, lo = 0, hi = this.cum.length - 1): number {
    if (!(this.total(lo, hi) > 0)) return -1;
    const u = this.cum[lo]! + rng.float() * this.total(lo, hi);
    let a = lo;
    let b = hi - 1;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (this.cum[mid + 1]! > u) b = mid;
      else a = mid + 1;
    }
    while (a > lo && this.cum[a + 1] === this.cum[a]) a--; // rounding landed on an empty slot
    return a;
  }
}
