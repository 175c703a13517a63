// How much the demo looks like a real province, measured with the product's own pure evaluators:
// the share of feeders and areas the frequent-outage rules flag (analytics/rules reference
// evaluator, feeder outages reaching their areas), where the breaches are, how far the hotspots
// spread, SAIDI by area class (analytics/reliability) and whether a storm is on at `asOf`.

import { attributeEvents } from '../analytics/rules/attribution.js';
import { assetHistory } from '../analytics/rules/history.js';
import { type CompiledRuleSet, type CountRule, evaluate, type Flag } from '../analytics/rules/index.js';
import { windowCounts } from '../analytics/rules/reference.js';
import { computeReliability } from '../analytics/reliability/index.js';
import { AREA_CLASSES, type AreaClass, type Asset, type OutageEvent, type Warning } from '../core/domain.js';
import { localDay, startOfLocalDay } from '../core/time.js';
import { covers, inForce } from '../core/warnings.js';
import { toOutageEvent } from './events.js';
import type { Demo } from './generate.js';
import {
  type FlagShares,
  flagShares,
  type RegionTally,
  regionTallies,
  type Spread,
  spreadOfTop,
} from './realism-stats.js';

export interface DemoRecords {
  /** every version of every asset */
  assets: Asset[];
  /** the final version of each event */
  events: OutageEvent[];
  warnings: Warning[];
}

export interface StormAtNow {
  /** warnings in force at asOf, with the counties they cover */
  warnings: { warningId: string; level: string | null; counties: string[] }[];
  /** weather outages (weather fault, natural disaster) on assets of a covered county */
  ongoing: number;
  /** of those ongoing, the ones whose estimated restoration has passed */
  estimatePassed: number;
  /** ended weather outages in covered counties that started in the 12 hours before asOf */
  restoredRecently: number;
}

export interface Realism {
  asOf: number;
  zone: string;
  ruleSet: string;
  feeders: FlagShares;
  areas: FlagShares;
  /** of the breaching assets, those the scenarios script: their feeders, and areas on them or named */
  scripted: { feeders: number; areas: number };
  /** breaching assets (any count rule) per county and per city, most first */
  byCounty: RegionTally[];
  byCity: RegionTally[];
  /**
   * The areas with the most counted outages in the trailing year (longest rolling rule), ties
   * by all their outages.
   */
  hotspotsCounted: Spread;
  /** the areas with the most outages of any kind in the trailing year (the hotspot view's order) */
  hotspotsAll: Spread;
  /** events that started in the 365 local days ending at asOf */
  outagesInYear: number;
  /**
   * Hours per customer in the trailing year (all outages, end customers), overall and by area
   * class (a feeder's outages under the feeder's class).
   */
  saidi: { all: number | null } & Record<AreaClass, number | null>;
  storm: StormAtNow;
}

const HOUR = 3_600_000;
const WEATHER = new Set(['weather_fault', 'natural_disaster']);

/** Reads a demo's streams into plain records: all asset versions, final events, warnings. */
export function demoRecords(demo: Demo): DemoRecords {
  const final = new Map<string, OutageEvent>();
  for (const e of demo.outages()) final.set(e.eventId, toOutageEvent(e));
  return { assets: [...demo.assets()], events: [...final.values()], warnings: [...demo.warnings()] };
}

export interface RealismOptions {
  asOf: number;
  zone: string;
  ruleSet: CompiledRuleSet;
  /** size of the hotspot top, default 25 */
  top?: number;
  /** the scripted breaching feeders and areas (DemoSummary.scenarios) */
  scripted?: { feeders: readonly string[]; areas: readonly string[] };
}

export function measureRealism(records: DemoRecords, options: RealismOptions): Realism {
  const { asOf, zone, ruleSet, top = 25 } = options;
  const input = { ...records, asOf, zone, ruleSet };
  const history = assetHistory(records.assets);
  const current = history.ids.flatMap((id) => {
    const a = history.at(id, asOf);
    return a ? [a] : [];
  });
  const byId = new Map(current.map((a) => [a.assetId, a]));
  const { flags } = evaluate(input);
  const rules = ruleSet.countRules.map((r) => r.id);
  const of = (kind: 'feeder' | 'area') => (f: Flag) => byId.get(f.assetId)?.kind === kind;
  const breaching = new Set(flags.filter((f) => f.status === 'breach').map((f) => f.assetId));
  const today = localDay(asOf, zone);
  const yearStart = startOfLocalDay(today - 364, zone);

  const rollingDays = (r: CountRule) => (r.window.kind === 'rolling' ? r.window.days : 0);
  const longest = [...ruleSet.countRules].sort((a, b) => rollingDays(b) - rollingDays(a)).find(rollingDays);
  const inYear = records.events.filter((e) => e.start >= yearStart && e.start <= asOf);
  const attributed = attributeEvents(history, inYear);
  const outagesOf = (id: string) => attributed.get(id)?.length ?? 0;
  const all = current
    .filter((a) => a.kind === 'area')
    .map((a) => ({ assetId: a.assetId, count: outagesOf(a.assetId) }));
  const counted = longest
    ? windowCounts(input, today)
        .filter((c) => c.rule === longest.id && byId.get(c.assetId)?.kind === 'area')
        .map((c) => ({ assetId: c.assetId, count: c.count, tieBreak: outagesOf(c.assetId) }))
    : [];
  const scriptedFeeders = new Set(options.scripted?.feeders ?? []);
  const scriptedAreas = new Set(options.scripted?.areas ?? []);
  const isScripted = (a: Asset) =>
    a.kind === 'feeder'
      ? scriptedFeeders.has(a.assetId)
      : scriptedAreas.has(a.assetId) || scriptedFeeders.has(a.feederId ?? '');
  const scripted = current.filter((a) => breaching.has(a.assetId) && isScripted(a));
  const place = (id: string) => {
    const a = byId.get(id);
    return { city: a?.city ?? '', county: a?.county ?? '' };
  };

  return {
    asOf,
    zone,
    ruleSet: ruleSet.name,
    feeders: flagShares(flags.filter(of('feeder')), rules, current.filter((a) => a.kind === 'feeder').length),
    areas: flagShares(flags.filter(of('area')), rules, current.filter((a) => a.kind === 'area').length),
    scripted: {
      feeders: scripted.filter((a) => a.kind === 'feeder').length,
      areas: scripted.filter((a) => a.kind === 'area').length,
    },
    byCounty: regionTallies(current, breaching, 'county'),
    byCity: regionTallies(current, breaching, 'city'),
    hotspotsCounted: spreadOfTop(counted, place, top),
    hotspotsAll: spreadOfTop(all, place, top),
    outagesInYear: inYear.length,
    saidi: saidiByClass(records, yearStart, asOf, zone),
    storm: stormAtNow(records, byId, asOf),
  };
}

function saidiByClass(records: DemoRecords, from: number, asOf: number, zone: string): Realism['saidi'] {
  const common = { assets: records.assets, events: records.events, from, to: asOf, asOf, zone };
  const overall = computeReliability({ ...common, groupBy: 'all' });
  const byClass = computeReliability({ ...common, groupBy: 'areaClass' });
  const out = {
    all: overall.ok ? (overall.value.rows[0]?.saidi ?? null) : null,
  } as Realism['saidi'];
  for (const cls of AREA_CLASSES) {
    const row = byClass.ok ? byClass.value.rows.find((r) => r.keys.areaClass === cls) : undefined;
    out[cls] = row?.saidi ?? null;
  }
  return out;
}

function stormAtNow(records: DemoRecords, byId: ReadonlyMap<string, Asset>, asOf: number): StormAtNow {
  const active = records.warnings.filter((w) => inForce(w, asOf) && w.issuerLevel !== 'province');
  const covered = (a: Asset | undefined) => a !== undefined && active.some((w) => covers(w, a));
  const weather = records.events.filter((e) => WEATHER.has(e.cause) && covered(byId.get(e.assetId)));
  const ongoing = weather.filter((e) => e.end === null);
  const county = new Map<string, Asset>();
  for (const a of byId.values()) if (a.kind === 'feeder') county.set(`${a.city}/${a.county}`, a);
  return {
    warnings: active.map((w) => ({
      warningId: w.warningId,
      level: w.level ?? null,
      counties: [...county.values()].filter((a) => covers(w, a)).map((a) => a.county ?? ''),
    })),
    ongoing: ongoing.length,
    estimatePassed: ongoing.filter((e) => (e.estimatedRestoration ?? Number.POSITIVE_INFINITY) < asOf).length,
    restoredRecently: weather.filter((e) => e.end !== null && e.start > asOf - 12 * HOUR).length,
  };
}
