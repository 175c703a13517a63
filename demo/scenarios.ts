// Scripted histories that make the frequent-outage rule (more than 5 counted outages in 365
// local days, more than 3 in 60) produce known results as of `now`:
// - breachYear: 7 counted outages spread over the trailing year, on top of random ones;
// - breach60: a burst of 4 counted outages within 38 days of the trailing year;
// - atRiskYear: exactly 5 counted outages in the trailing year, at least 62 days apart;
// - atRisk60: exactly 3 counted outages in the last 60 days, 4 in the year;
// - hotspotAreas: areas with 7 area-level outages in the year, 4 of them within 46 days;
// - the storm going on at now (storm.ts): weather outages under the warning in force.
// The at-risk feeders get no random feeder outages at all, and each also gets outages the rule
// must not count: external damage, ≤ 3-minute switching, weather during a covering warning.

import type { Cause } from '../core/domain.js';
import { localDay, startOfLocalDay } from '../core/time.js';
import type { EventSpec } from './events.js';
import type { Network } from './network.js';
import { Rng } from './prng.js';
import { propensity } from './propensity.js';
import { stormOutages } from './storm.js';
import type { SizeSpec } from './sizes.js';
import type { PlannedWarning } from './warnings.js';

export interface ScenarioAssets {
  breachYear: number[];
  breach60: number[];
  atRiskYear: number[];
  atRisk60: number[];
  /** area indices */
  hotspotAreas: number[];
  /** assets of the storm going on at now (storm.ts) */
  stormFeeders: number[];
  stormAreas: number[];
}

export interface ScenarioPlan {
  assets: ScenarioAssets;
  feederFactor: Map<number, number>;
  areaFactor: Map<number, number>;
  /** in start order */
  specs: EventSpec[];
}

export interface Window {
  firstDay: number;
  nowDay: number;
  now: number;
  zone: string;
}

const MINUTE = 60_000;
/** the highest random propensity (mean 1) of a scripted feeder */
const ORDINARY = 1.2;
const COUNTED: readonly Cause[] = [
  'equipment_fault',
  'unknown',
  'customer_side',
  'weather_fault',
  'planned_maintenance',
  'mode_adjustment',
];

export function planScenarios(
  net: Network,
  size: SizeSpec,
  warnings: readonly PlannedWarning[],
  w: Window,
): ScenarioPlan {
  const rng = Rng.from(net.seed, 'scenarios');
  const { feeders, areas } = net;
  // Ordinary feeders: a chronically bad one would put all its areas at the top of the hotspots.
  const base = propensity(net, new Map(), new Map()).feeder;
  const candidates = rng.shuffle(
    [...Array(feeders.count).keys()].filter(
      (f) => feeders.park[f]! < 0 && feeders.areaCount[f]! >= 2 && base[f]! <= ORDINARY,
    ),
  );
  const k = size.scenarioFeeders;
  const take = (i: number) => candidates.slice(i * k, (i + 1) * k).sort((x, y) => x - y);
  const assets: ScenarioAssets = {
    breachYear: take(0),
    breach60: take(1),
    atRiskYear: take(2),
    atRisk60: take(3),
    hotspotAreas: rng
      .shuffle([...Array(areas.count).keys()].filter((a) => areas.cls[a]! >= 2))
      .slice(0, size.hotspotAreas)
      .sort((x, y) => x - y),
    stormFeeders: [],
    stormAreas: [],
  };
  const feederFactor = new Map<number, number>();
  const areaFactor = new Map<number, number>();
  for (const f of [...assets.atRiskYear, ...assets.atRisk60]) feederFactor.set(f, 0);

  const specs: EventSpec[] = [];
  const script = new Script(net, warnings, w, rng, specs);
  const jitter = (days: number[], by: number) => days.map((d) => d + rng.int(-by, by));
  for (const f of assets.breachYear)
    script.counted('feeder', f, jitter([-340, -290, -240, -190, -140, -90, -40], 6));
  for (const f of assets.breach60) {
    const base = -rng.int(80, 250);
    script.counted(
      'feeder',
      f,
      [0, 11, 23, 37].map((d) => base + d),
    );
  }
  for (const f of assets.atRiskYear) {
    script.counted('feeder', f, [...script.early(), ...jitter([-330, -260, -190, -120, -50], 4)]);
    script.excluded(f);
  }
  for (const f of assets.atRisk60) {
    script.counted('feeder', f, [...script.early(), -rng.int(150, 300), ...jitter([-52, -33, -12], 2)]);
    script.excluded(f);
  }
  for (const a of assets.hotspotAreas) script.counted('area', a, [-300, -200, -120, -105, -90, -75, -20]);
  const scripted = [...assets.breachYear, ...assets.breach60, ...assets.atRiskYear, ...assets.atRisk60];
  const storm = stormOutages(net, warnings, w.now, size.stormOutages, {
    feeders: new Set(scripted),
    areas: new Set(assets.hotspotAreas),
  });
  assets.stormFeeders = [...storm.feeders].sort((x, y) => x - y);
  assets.stormAreas = [...storm.areas].sort((x, y) => x - y);
  specs.push(...storm.specs);
  script.ongoing(size.ongoing, new Set([...assets.atRiskYear, ...assets.atRisk60, ...storm.feeders]));
  specs.sort((x, y) => x.start - y.start);
  return { assets, feederFactor, areaFactor, specs };
}

/** Writes scenario events, at most one a local day per asset. */
class Script {
  private readonly used = new Map<string, Set<number>>();

  constructor(
    private readonly net: Network,
    private readonly warnings: readonly PlannedWarning[],
    private readonly w: Window,
    private readonly rng: Rng,
    private readonly specs: EventSpec[],
  ) {}

  /** Two counted outages long before the trailing year, when the history reaches that far. */
  early(): number[] {
    const latest = -740;
    const earliest = this.w.firstDay - this.w.nowDay + 5;
    if (latest - earliest < 100) return [];
    const first = this.rng.int(earliest, latest - 90);
    return [first, this.rng.int(first + 75, latest)];
  }

  counted(level: 'feeder' | 'area', asset: number, offsets: number[]): void {
    for (const offset of offsets) {
      const day = this.w.nowDay + offset;
      if (day < this.w.firstDay || !this.claim(level, asset, day)) continue;
      const start = this.at(day, this.rng.int(9 * 60, 16 * 60));
      let cause = this.rng.pick(COUNTED);
      if (cause === 'weather_fault' && this.coveredNear(level, asset, start)) cause = 'equipment_fault';
      const duration =
        cause === 'planned_maintenance'
          ? 240 * MINUTE
          : cause === 'mode_adjustment'
            ? this.rng.int(20, 40) * MINUTE
            : this.rng.int(40, 200) * MINUTE;
      this.specs.push({ level, asset, start, duration, cause, scripted: true });
    }
  }

  /** External damage, two short switchings and weather under warnings: none of them counted. */
  excluded(f: number): void {
    const causes: Cause[] = ['external_damage', 'protective_supply_switching', 'mode_adjustment'];
    for (const cause of causes) {
      const day = this.claimFree(f, () => this.w.nowDay - this.rng.int(20, 330));
      if (day === undefined) continue;
      const duration = cause === 'external_damage' ? 150 * MINUTE : this.rng.int(60, 180) * 1000;
      this.specs.push({
        level: 'feeder',
        asset: f,
        start: this.at(day, this.rng.int(600, 960)),
        duration,
        cause,
        scripted: true,
      });
    }
    const county = this.net.feeders.county[f]!;
    const from = this.w.now - 360 * 86_400_000;
    const covering = this.warnings.filter((p) => p.counties.includes(county) && p.warning.start > from);
    for (const [i, p] of this.rng
      .shuffle([...covering])
      .slice(0, 2)
      .entries()) {
      const { start, end, warningId } = p.warning;
      const t = Math.round((start + (end - start) * this.rng.range(0.1, 0.7)) / MINUTE) * MINUTE;
      if (!this.claim('feeder', f, localDay(t, this.w.zone))) continue;
      const spec: EventSpec = {
        level: 'feeder',
        asset: f,
        start: t,
        duration: this.rng.int(30, 180) * MINUTE,
        cause: 'weather_fault',
        scripted: true,
      };
      if (i === 0) spec.warningId = warningId;
      this.specs.push(spec);
    }
  }

  /** Outages that started shortly before `now` and are still going on. */
  ongoing(count: number, avoid: ReadonlySet<number>): void {
    const causes: Cause[] = ['equipment_fault', 'weather_fault', 'external_damage', 'unknown'];
    for (let n = 0; n < count; n++) {
      const level = n % 2 === 0 ? 'feeder' : 'area';
      let asset = this.rng.int(0, (level === 'feeder' ? this.net.feeders.count : this.net.areas.count) - 1);
      while (level === 'feeder' && avoid.has(asset)) asset = (asset + 1) % this.net.feeders.count;
      const start = this.w.now - this.rng.int(15, 240) * MINUTE;
      const duration = this.w.now - start + this.rng.int(30, 180) * MINUTE;
      this.specs.push({ level, asset, start, duration, cause: this.rng.pick(causes), scripted: true });
    }
  }

  /** The first of up to 20 drawn days the feeder has free, claimed. */
  private claimFree(f: number, draw: () => number): number | undefined {
    for (let tries = 0; tries < 20; tries++) {
      const day = draw();
      if (this.claim('feeder', f, day)) return day;
    }
    return undefined;
  }

  private claim(level: string, asset: number, day: number): boolean {
    const key = `${level}:${asset}`;
    const days = this.used.get(key) ?? new Set<number>();
    this.used.set(key, days);
    if (days.has(day) || day >= this.w.nowDay || day < this.w.firstDay) return false;
    days.add(day);
    return true;
  }

  private at(day: number, minuteOfDay: number): number {
    return startOfLocalDay(day, this.w.zone) + minuteOfDay * MINUTE;
  }

  /** A warning covering the asset's county within a day of `t`. */
  private coveredNear(level: 'feeder' | 'area', asset: number, t: number): boolean {
    const f = level === 'feeder' ? asset : this.net.areas.feeder[asset]!;
    const county = this.net.feeders.county[f]!;
    const day = 86_400_000;
    return this.warnings.some(
      (p) => p.counties.includes(county) && p.warning.start < t + day && p.warning.end > t - day,
    );
  }
}
