// What remediating a chosen set of assets buys: the trailing year as if their outages of the
// remediable causes (causes.ts) had not happened.
// - Region SAIDI/SAIFI and target status: the reliability queries again, with those events
//   as the exclusion set (no formula of our own).
// - The frequent-outage list: the reference evaluator with and without those events
//   (list-change.ts).
//
// An asset's outages here are the events recorded on it: a transformer area's outages that
// came from its feeder belong to the feeder, and choosing the feeder removes them.

import type { Asset, Cause } from '../../../core/domain.js';
import { fail, ok, type Result } from '../../../core/issues.js';
import { type Store, sql, ts } from '../../../store/index.js';
import { readAssetsAsOf } from '../../outages/index.js';
import type { TargetAssessment } from '../../reliability/index.js';
import type { CompiledRuleSet } from '../../rules/index.js';
import { isRemediable } from '../causes.js';
import type { RegionFigures } from '../facts.js';
import { assetGroup, groupingOf } from '../targets.js';
import type { PriorityWeights, RegionLevel } from '../weights.js';
import { readByIds } from './chunks.js';
import { trailingYear } from './facts.js';
import { type Period, regionFigures, regionLabel } from './figures.js';
import { assessTargets, type RuleTargets } from './targets.js';
import { type ListChange, listChange } from './list-change.js';

export interface WhatItBuysQuery {
  ruleSet: CompiledRuleSet;
  asOf: number;
  zone: string;
  weights: PriorityWeights;
  assetIds: readonly string[];
}

export interface ChosenAsset {
  assetId: string;
  kind: Asset['kind'];
  name: string | null;
  region: string;
  /** outages recorded on it in the trailing year */
  outages: number;
  /** of which remediable, left out */
  excluded: number;
  excludedByCause: Partial<Record<Cause, number>>;
  keptByCause: Partial<Record<Cause, number>>;
}

export interface RegionChange {
  region: string;
  before: RegionFigures;
  after: RegionFigures;
  /** after − before */
  saidiChange: number | null;
  saifiChange: number | null;
}

export interface TargetChange {
  rule: string;
  measure: 'saidi_hours' | 'saifi';
  year: number;
  elapsedFraction: number;
  group: string;
  target: { hours: number; strict: boolean; orReductionFraction: number | null };
  before: TargetAssessment;
  after: TargetAssessment;
}

export interface WhatItBuys {
  period: Period;
  remediableCauses: readonly Cause[];
  assets: ChosenAsset[];
  excludedEventIds: string[];
  regions: RegionChange[];
  targets: TargetChange[];
  frequentOutageList: ListChange;
  includesOngoing: boolean;
}

interface EventRow {
  event_id: string;
  asset_id: string;
  cause: Cause;
  planned: boolean;
}

const count = (m: Partial<Record<Cause, number>>, c: Cause): void => {
  m[c] = (m[c] ?? 0) + 1;
};

/** The chosen assets as of asOf, or an issue for each id that names none. */
async function readChosen(store: Store, ids: readonly string[], asOf: number): Promise<Result<Asset[]>> {
  const chosen = await readByIds(ids, (c) => readAssetsAsOf(store, asOf, sql`asset_id IN (${c})`));
  const found = new Set(chosen.map((a) => a.assetId));
  const unknown = ids.filter((id) => !found.has(id));
  if (unknown.length > 0)
    return fail(
      unknown.map((id) => ({ path: `assetIds[${ids.indexOf(id)}]`, message: `unknown asset "${id}"` })),
    );
  return ok(chosen);
}

/** A chosen asset with its outages of the period, those left out and those kept, by cause. */
function chosenAsset(
  a: Asset,
  rows: readonly EventRow[],
  excluded: ReadonlySet<string>,
  level: RegionLevel,
): ChosenAsset {
  const own = rows.filter((r) => r.asset_id === a.assetId);
  const excludedByCause: Partial<Record<Cause, number>> = {};
  const keptByCause: Partial<Record<Cause, number>> = {};
  for (const r of own) count(excluded.has(r.event_id) ? excludedByCause : keptByCause, r.cause);
  return {
    assetId: a.assetId,
    kind: a.kind,
    name: a.name ?? null,
    region: regionLabel(groupingOf(a), level),
    outages: own.length,
    excluded: own.filter((r) => excluded.has(r.event_id)).length,
    excludedByCause,
    keptByCause,
  };
}

const emptyRegion = (region: string): RegionFigures => ({
  region,
  customers: 0,
  customerInterruptions: 0,
  customerHours: 0,
  saifi: null,
  saidi: null,
});

const diff = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : a - b);

/** Each region of the chosen assets before and after (a region with no outage left: zeros). */
function regionChanges(
  names: readonly string[],
  before: ReadonlyMap<string, RegionFigures>,
  after: ReadonlyMap<string, RegionFigures>,
): RegionChange[] {
  return names.map((region): RegionChange => {
    const b = before.get(region) ?? emptyRegion(region);
    const x = after.get(region) ?? { ...b, customerInterruptions: 0, customerHours: 0, saifi: 0, saidi: 0 };
    return {
      region,
      before: b,
      after: x,
      saidiChange: diff(x.saidi, b.saidi),
      saifiChange: diff(x.saifi, b.saifi),
    };
  });
}

/** The target groups holding a chosen asset, before and after. */
function targetChanges(targets: readonly RuleTargets[], chosen: readonly Asset[]): TargetChange[] {
  const out: TargetChange[] = [];
  for (const t of targets) {
    const wanted = new Set(
      chosen.flatMap((a) => {
        const keys = assetGroup(t.rule, t.dims, groupingOf(a));
        return keys ? [JSON.stringify(t.dims.map((d) => keys[d] ?? null))] : [];
      }),
    );
    for (const g of t.groups) {
      if (!wanted.has(JSON.stringify(t.dims.map((d) => g.keys[d] ?? null)))) continue;
      out.push({
        rule: t.rule.id,
        measure: t.rule.measure,
        year: t.year,
        elapsedFraction: t.elapsedFraction,
        group: g.label,
        target: {
          hours: g.target.hours,
          strict: g.target.strict ?? false,
          orReductionFraction: g.target.orReductionFraction ?? null,
        },
        before: g.before,
        after: g.after ?? g.before,
      });
    }
  }
  return out;
}

export async function whatItBuys(store: Store, q: WhatItBuysQuery): Promise<Result<WhatItBuys>> {
  const ids = [...new Set(q.assetIds)];
  const found = await readChosen(store, ids, q.asOf);
  if (!found.ok) return found;
  const chosen = found.value;

  const period = trailingYear(q.asOf, q.zone, q.ruleSet.shortOutageMinutes);
  const rows = await readByIds(ids, (c) =>
    store.rows<EventRow>(
      sql`SELECT event_id, asset_id, cause, planned FROM outages
          WHERE NOT deleted AND asset_id IN (${c}) AND start >= ${ts(period.from)} AND start <= ${ts(q.asOf)}
          ORDER BY start, event_id::varchar`,
    ),
  );
  const causes = q.weights.remediableCauses;
  const excluded = rows.filter((r) => isRemediable(r, causes)).map((r) => r.event_id);
  const excludedSet = new Set(excluded);
  const level = q.weights.region;
  const assets = chosen.map((a) => chosenAsset(a, rows, excludedSet, level));

  const [before, after, targets, list] = await Promise.all([
    regionFigures(store, period, level),
    regionFigures(store, period, level, excluded),
    assessTargets(store, { ruleSet: q.ruleSet, asOf: q.asOf, zone: q.zone, excludedEventIds: excluded }),
    listChange(store, q, chosen, excludedSet),
  ]);
  if (!before.ok) return before;
  if (!after.ok) return after;
  if (!targets.ok) return targets;

  const regionNames = [...new Set(assets.map((a) => a.region))].sort();
  return ok({
    period,
    remediableCauses: causes,
    assets,
    excludedEventIds: excluded,
    regions: regionChanges(regionNames, before.value.regions, after.value.regions),
    targets: targetChanges(targets.value, chosen),
    frequentOutageList: list,
    includesOngoing: before.value.includesOngoing,
  });
}
