// The outage history as a stream, one local day at a time: the day's random and scripted
// outages in start order, each followed in the stream by its re-sends once the stream has
// passed their arrival time. Memory stays bounded by one day plus the re-sends in flight.

import { dayToDate, startOfLocalDay } from '../core/time.js';
import { drawBackground, drawStorms, type Pickers } from './draw.js';
import { buildEvent, type DemoOutage, type EventSpec } from './events.js';
import type { Network } from './network.js';
import { Rng } from './prng.js';
import { propensity, WeightedPicker } from './propensity.js';
import type { ScenarioPlan } from './scenarios.js';
import { type Epoch, NetworkState } from './topology.js';
import type { PlannedWarning } from './warnings.js';

export interface OutageInputs {
  net: Network;
  epochs: readonly Epoch[];
  warnings: readonly PlannedWarning[];
  plan: ScenarioPlan;
  firstDay: number;
  nowDay: number;
  now: number;
  zone: string;
}

export function* outageStream(inputs: OutageInputs): Generator<DemoOutage> {
  const { net, epochs, warnings, plan, firstDay, nowDay, now, zone } = inputs;
  const weights = propensity(net, plan.feederFactor, plan.areaFactor);
  const pickers: Pickers = {
    feeder: new WeightedPicker(weights.feeder),
    area: new WeightedPicker(weights.area),
  };
  const state = new NetworkState(net);
  const queue = new ResendQueue();
  let epoch = 0;
  let scripted = 0;
  let nextWarning = 0;
  let active: PlannedWarning[] = [];
  let dayEnd = startOfLocalDay(firstDay, zone);
  for (let day = firstDay; day <= nowDay; day++) {
    const dayStart = dayEnd;
    dayEnd = startOfLocalDay(day + 1, zone);
    while (epoch < epochs.length && epochs[epoch]!.day <= day) state.apply(epochs[epoch++]!);
    active = active.filter((p) => p.warning.end > dayStart);
    while (nextWarning < warnings.length && warnings[nextWarning]!.warning.start < dayEnd)
      active.push(warnings[nextWarning++]!);

    const date = dayToDate(day);
    const rng = Rng.from(net.seed, 'day', day);
    const d = {
      day,
      start: dayStart,
      end: dayEnd,
      month: Number(date.slice(5, 7)),
      weekday: (((day + 4) % 7) + 7) % 7,
      rng,
    };
    const specs: EventSpec[] = [];
    drawBackground(net, pickers, d, specs);
    drawStorms(net, pickers, d, active, specs);
    while (scripted < plan.specs.length && plan.specs[scripted]!.start < dayEnd)
      specs.push(plan.specs[scripted++]!);

    const todays = specs
      .filter((s) => s.start < now)
      .sort(
        (x, y) =>
          x.start - y.start || (x.level < y.level ? -1 : x.level > y.level ? 1 : 0) || x.asset - y.asset,
      );
    const prefix = `E${date.replaceAll('-', '')}-`;
    const ctx = { net, state, now, rng };
    for (const [i, spec] of todays.entries()) {
      const [event, ...resends] = buildEvent(spec, prefix + String(i + 1).padStart(6, '0'), ctx);
      yield* queue.due(event!.start);
      yield event!;
      for (const r of resends) queue.add(r);
    }
  }
  yield* queue.due(Number.POSITIVE_INFINITY);
}

/** Re-sends waiting for the stream to reach their arrival time, in (receivedAt, added) order. */
class ResendQueue {
  private items: { at: number; seq: number; event: DemoOutage }[] = [];
  private seq = 0;

  add(event: DemoOutage): void {
    const item = { at: event.receivedAt, seq: this.seq++, event };
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const m = this.items[mid]!;
      if (m.at < item.at || (m.at === item.at && m.seq < item.seq)) lo = mid + 1;
      else hi = mid;
    }
    this.items.splice(lo, 0, item);
  }

  *due(until: number): Generator<DemoOutage> {
    let n = 0;
    while (n < this.items.length && this.items[n]!.at <= until) n++;
    const ready = this.items.splice(0, n);
    for (const item of ready) yield item.event;
  }
}
