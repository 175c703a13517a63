// Network changes over the history: twice a year (local 1 January and 1 July) the GIS update
// changes some areas' customer counts and moves a few areas to another feeder of the same
// substation. NetworkState replays them in time order for whoever sweeps through time.

import { dateToDay, dayToDate, startOfLocalDay } from '../core/time.js';
import { AREA_CLASSES } from '../core/domain.js';
import { CUSTOMER_RANGES, type Network } from './network.js';
import { Rng } from './prng.js';

export interface Epoch {
  day: number;
  at: number;
  /** areas whose record changes, ascending, with their new customers and feeder */
  areas: Int32Array;
  customers: Int32Array;
  feeder: Int32Array;
  /** feeders whose customers or transformer count change, ascending */
  feeders: Int32Array;
  moves: number;
}

const CUSTOMER_CHANGE_SHARE = 0.03;
const MOVE_SHARE = 0.004;

export function planEpochs(net: Network, firstDay: number, lastDay: number, zone: string): Epoch[] {
  const rng = Rng.from(net.seed, 'topology');
  const { areas, feeders } = net;
  const areaFeeder = Int32Array.from(areas.feeder);
  const customers = Int32Array.from(areas.customers);
  const feederAreas = Int32Array.from(feeders.areaCount);
  const epochs: Epoch[] = [];
  const firstYear = Number(dayToDate(firstDay).slice(0, 4));
  const lastYear = Number(dayToDate(lastDay).slice(0, 4));
  for (let year = firstYear; year <= lastYear; year++) {
    for (const md of ['01-01', '07-01']) {
      const day = dateToDay(`${year}-${md}`);
      if (day <= firstDay + 30 || day >= lastDay) continue;
      const changed = new Map<number, { customers: number; feeder: number }>();
      const touch = (a: number) => {
        const c = changed.get(a) ?? { customers: customers[a]!, feeder: areaFeeder[a]! };
        changed.set(a, c);
        return c;
      };
      for (let n = Math.round(areas.count * CUSTOMER_CHANGE_SHARE); n > 0; n--) {
        const a = rng.int(0, areas.count - 1);
        const c = touch(a);
        const cls = areas.park[a]! >= 0 ? 'park' : AREA_CLASSES[areas.cls[a]!]!;
        const max = CUSTOMER_RANGES[cls][1] * 1.3;
        c.customers = Math.min(max, Math.max(1, Math.round(c.customers * (1.04 + 0.07 * rng.normal()))));
      }
      let moves = 0;
      for (let n = Math.round(areas.count * MOVE_SHARE); n > 0; n--) {
        const a = rng.int(0, areas.count - 1);
        const from = touch(a).feeder;
        if (feederAreas[from]! < 3) continue;
        const to = otherFeeder(net, from, rng);
        if (to < 0) continue;
        touch(a).feeder = to;
        feederAreas[from]!--;
        feederAreas[to]!++;
        moves++;
      }
      const list = [...changed.keys()].sort((x, y) => x - y);
      const touched = new Set<number>();
      for (const a of list) {
        const c = changed.get(a)!;
        touched.add(areaFeeder[a]!).add(c.feeder);
        areaFeeder[a] = c.feeder;
        customers[a] = c.customers;
      }
      epochs.push({
        day,
        at: startOfLocalDay(day, zone),
        areas: Int32Array.from(list),
        customers: Int32Array.from(list, (a) => customers[a]!),
        feeder: Int32Array.from(list, (a) => areaFeeder[a]!),
        feeders: Int32Array.from([...touched].sort((x, y) => x - y)),
        moves,
      });
    }
  }
  return epochs;
}

/** Another feeder of the same substation, else of the same county; -1 if there is none. */
function otherFeeder(net: Network, from: number, rng: Rng): number {
  const { feeders } = net;
  const { lo, hi } = net.counties[feeders.county[from]!]!.feeders;
  const sameSub: number[] = [];
  for (let f = lo; f < hi; f++)
    if (f !== from && feeders.substation[f] === feeders.substation[from]) sameSub.push(f);
  if (sameSub.length > 0) return rng.pick(sameSub);
  return hi - lo > 1 ? rng.pick([...Array(hi - lo).keys()].map((k) => lo + k).filter((f) => f !== from)) : -1;
}

/** The network at a point of the history: apply epochs in order. */
export class NetworkState {
  readonly areaFeeder: Int32Array;
  readonly areaCustomers: Int32Array;
  readonly feederCustomers: Int32Array;
  readonly feederAreas: Int32Array;
  private readonly movedIn = new Map<number, number[]>();

  constructor(private readonly net: Network) {
    this.areaFeeder = Int32Array.from(net.areas.feeder);
    this.areaCustomers = Int32Array.from(net.areas.customers);
    this.feederAreas = Int32Array.from(net.feeders.areaCount);
    this.feederCustomers = new Int32Array(net.feeders.count);
    for (let a = 0; a < net.areas.count; a++)
      this.feederCustomers[this.areaFeeder[a]!]! += this.areaCustomers[a]!;
  }

  apply(epoch: Epoch): void {
    epoch.areas.forEach((a, i) => {
      const from = this.areaFeeder[a]!;
      const to = epoch.feeder[i]!;
      const customers = epoch.customers[i]!;
      this.feederCustomers[from]! -= this.areaCustomers[a]!;
      this.feederCustomers[to]! += customers;
      this.areaCustomers[a] = customers;
      if (from !== to) {
        this.areaFeeder[a] = to;
        this.feederAreas[from]!--;
        this.feederAreas[to]!++;
        const list = this.movedIn.get(to) ?? [];
        if (this.net.areas.feeder[a] !== to && !list.includes(a)) this.movedIn.set(to, [...list, a]);
      }
    });
  }

  /** Areas on feeder `f` now: its own that stayed, then those moved in. */
  areasOf(f: number): number[] {
    const first = this.net.feeders.firstArea[f]!;
    const out: number[] = [];
    for (let a = first; a < first + this.net.feeders.areaCount[f]!; a++)
      if (this.areaFeeder[a] === f) out.push(a);
    for (const a of this.movedIn.get(f) ?? []) if (this.areaFeeder[a] === f) out.push(a);
    return out;
  }
}
