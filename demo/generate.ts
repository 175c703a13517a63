// The demo data set: a seeded, deterministic network and outage history. The network is built
// when the demo is created (typed arrays, about 30 MB for `large`); assets, outages and warnings
// are produced lazily by each call, so a large history streams in constant memory.

import type { Asset, Warning } from '../core/domain.js';
import { isValidZone, localDay, startOfLocalDay } from '../core/time.js';
import { areaId, assetVersions } from './assets.js';
import { type CountyFeatureCollection, countyBoundaries } from './boundaries.js';
import type { DemoOutage } from './events.js';
import { CITIES, COUNTIES } from './geography.js';
import { buildNetwork } from './network.js';
import { outageStream } from './outages.js';
import { hash32 } from './prng.js';
import { planScenarios } from './scenarios.js';
import { DEMO_SIZES, type DemoSize } from './sizes.js';
import { planEpochs } from './topology.js';
import { planWarnings } from './warnings.js';

export interface DemoOptions {
  seed: number | string;
  size: DemoSize;
  /** the end of the history (epoch ms): every time generated is before it */
  now: number;
  /** operating time zone, default Asia/Shanghai */
  zone?: string;
  /** length of the history, default 3; the scenario guarantees need at least 1 */
  years?: number;
}

export interface ScenarioIds {
  /** feeders with more than 5 counted outages in the 365 local days ending at `now` */
  breachYear: string[];
  /** feeders with more than 3 counted outages within 60 days of the trailing year */
  breach60: string[];
  /** feeders with exactly 5 counted outages in the trailing year and no breach: at risk */
  atRiskYear: string[];
  /** feeders with exactly 3 counted outages in the last 60 days and no breach: at risk */
  atRisk60: string[];
  /** areas with 7 area-level outages in the trailing year, 4 within 46 days */
  hotspotAreas: string[];
  /** the warnings in force at `now`: the storm going on (one or two counties) */
  stormWarnings: string[];
  /** feeders and areas with a weather outage of that storm, started in the last 10 hours */
  stormAssets: string[];
}

export interface DemoSummary {
  seed: number | string;
  size: DemoSize;
  zone: string;
  now: number;
  /** start of the history: local midnight, validFrom of the first asset versions */
  from: number;
  cities: number;
  counties: number;
  parks: number;
  substations: number;
  feeders: number;
  areas: number;
  /** end customers at the start of the history */
  customers: number;
  /** asset records produced by assets(), all versions */
  assetVersions: number;
  /** network update dates after the start (new versions of changed areas and their feeders) */
  networkUpdates: number;
  areaMoves: number;
  warnings: number;
  scenarios: ScenarioIds;
}

export interface Demo {
  summary: DemoSummary;
  assets(): Iterable<Asset>;
  outages(): Iterable<DemoOutage>;
  warnings(): Iterable<Warning>;
  boundaries(): CountyFeatureCollection;
}

export function generateDemo(options: DemoOptions): Demo {
  const { seed, size, now, zone = 'Asia/Shanghai', years = 3 } = options;
  const spec = DEMO_SIZES[size];
  if (!spec) throw new Error(`unknown demo size: ${String(size)}`);
  if (!isValidZone(zone)) throw new Error(`unknown time zone: ${zone}`);
  if (!Number.isFinite(now)) throw new Error(`invalid now: ${now}`);
  if (!(years > 0 && years <= 20)) throw new Error(`years must be in (0, 20]: ${years}`);

  const nowDay = localDay(now, zone);
  const firstDay = nowDay - Math.round(years * 365.25);
  const from = startOfLocalDay(firstDay, zone);
  const net = buildNetwork(hash32(seed), spec);
  const epochs = planEpochs(net, firstDay, nowDay, zone);
  const warnings = planWarnings(net.seed, firstDay, now, zone);
  const plan = planScenarios(net, spec, warnings, { firstDay, nowDay, now, zone });

  const feederIds = (list: number[]) => list.map((f) => net.feeders.id[f]!);
  const changedRecords = epochs.reduce((s, e) => s + e.areas.length + e.feeders.length, 0);
  const summary: DemoSummary = {
    seed,
    size,
    zone,
    now,
    from,
    cities: CITIES.length,
    counties: COUNTIES.length,
    parks: net.parks.length,
    substations: net.substations.length,
    feeders: net.feeders.count,
    areas: net.areas.count,
    customers: net.areas.customers.reduce((s, n) => s + n, 0),
    assetVersions: net.feeders.count + net.areas.count + changedRecords,
    networkUpdates: epochs.length,
    areaMoves: epochs.reduce((s, e) => s + e.moves, 0),
    warnings: warnings.length,
    scenarios: {
      breachYear: feederIds(plan.assets.breachYear),
      breach60: feederIds(plan.assets.breach60),
      atRiskYear: feederIds(plan.assets.atRiskYear),
      atRisk60: feederIds(plan.assets.atRisk60),
      hotspotAreas: plan.assets.hotspotAreas.map((a) => areaId(net, a)),
      stormWarnings: warnings.filter((p) => p.warning.end > now).map((p) => p.warning.warningId),
      stormAssets: [
        ...feederIds(plan.assets.stormFeeders),
        ...plan.assets.stormAreas.map((a) => areaId(net, a)),
      ],
    },
  };

  return {
    summary,
    assets: () => ({ [Symbol.iterator]: () => assetVersions(net, from, epochs) }),
    outages: () => ({
      [Symbol.iterator]: () => outageStream({ net, epochs, warnings, plan, firstDay, nowDay, now, zone }),
    }),
    warnings: () => warnings.map((p) => ({ ...p.warning })),
    boundaries: countyBoundaries,
  };
}
