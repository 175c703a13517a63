// What remediating a chosen set of assets buys: the trailing year as if their outages of the
// remediable causes (causes.ts) had not happened.
// - Region SAIDI/SAIFI and target status: the reliability queries again, with those events
//   as the exclusion set (no formula of our own).
// - The frequent-outage list: evaluateFlags cannot leave events out, so the count rules are
//   evaluated by the reference evaluator (analytics/rules evaluate) on the records of every
//   asset the excluded events reach (the chosen assets, and the transformer areas their
//   feeder events interrupted), once with and once without those events. The SQL evaluator's
//   flags for the same assets are compared with the reference's "before" as a check.
//
// An asset's outages here are the events recorded on it: a transformer area's outages that
// came from its feeder belong to the feeder, and choosing the feeder removes them.

import type { Asset, Cause, OutageEvent } from '../../../core/domain.js';
import { fail, ok, type Result } from '../../../core/issues.js';
import { type Store, sql, ts } from '../../../store/index.js';
import { evaluateFlags } from '../../flags/index.js';
import { readAssetsAsOf, readAssetVersions, readOutages, readWarnings } from '../../outages/index.js';
import type { TargetAssessment } from '../../reliability/index.js';
import { type CompiledRuleSet, evaluate, type Flag } from '../../rules/index.js';
import { isRemediable } from '../causes.js';
import type { RegionFigures } from '../facts.js';
import { assetGroup } from '../targets.js';
import type { PriorityWeights } from '../weights.js';
import { chunks } from './chunks.js';
import { trailingYear } from './facts.js';
import { type Period, regionFigures, regionLabel } from './figures.js';
import { assessTargets } from './targets.js';

const DAY_MS = 86_400_000;

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

export interface ListChange {
  /** assets whose flags were re-evaluated (the chosen ones and the areas their events reached) */
  evaluated: number;
  /** of those, in breach of a count rule now */
  before: string[];
  /** … and without the excluded events */
  after: string[];
  leaving: string[];
  /** at risk or in breach of some rule before, neither after */
  clearedAtRisk: string[];
  method: string;
  /** the reference evaluator's flags before equal the SQL evaluator's for these assets */
  agreesWithSql: boolean;
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

/** Assets (ids, sorted) with a flag of `status` among `ids`. */
const withStatus = (flags: readonly Flag[], ids: ReadonlySet<string>, status?: Flag['status']): string[] =>
  [
    ...new Set(
      flags.filter((f) => ids.has(f.assetId) && (!status || f.status === status)).map((f) => f.assetId),
    ),
  ].sort();

const flagKey = (f: Flag): string =>
  JSON.stringify([
    f.assetId,
    f.rule,
    f.status,
    f.count,
    f.breachDate,
    f.windowStart,
    f.windowEnd,
    f.eventIds,
  ]);

async function readByIds<T>(ids: readonly string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (const chunk of chunks(ids)) out.push(...(await read(chunk)));
  return out;
}

/** The flags of the affected assets by the reference evaluator, with and without `excluded`. */
async function listChange(
  store: Store,
  q: WhatItBuysQuery,
  chosen: readonly Asset[],
  excluded: ReadonlySet<string>,
): Promise<ListChange> {
  const chosenFeeders = chosen.filter((a) => a.kind === 'feeder').map((a) => a.assetId);
  // Areas the excluded events can reach: any area ever on a chosen feeder, or listed by one.
  const onFeeders = await readByIds(chosenFeeders, (c) =>
    store.rows<{ asset_id: string }>(sql`SELECT DISTINCT asset_id FROM assets WHERE feeder_id IN (${c})`),
  );
  const listed = await readByIds([...excluded], (c) =>
    store.rows<{ asset_id: string }>(
      sql`SELECT DISTINCT area_id asset_id FROM outage_areas WHERE NOT deleted AND event_id IN (${c})`,
    ),
  );
  const affected = new Set([
    ...chosen.map((a) => a.assetId),
    ...onFeeders.map((r) => r.asset_id),
    ...listed.map((r) => r.asset_id),
  ]);
  const affectedIds = [...affected].sort();

  const own = await readByIds(affectedIds, (c) => readAssetVersions(store, sql`asset_id IN (${c})`));
  const feeders = [
    ...new Set(own.flatMap((a) => (a.kind === 'area' && a.feederId ? [a.feederId] : []))),
  ].filter((id) => !affected.has(id));
  const feederVersions = await readByIds(feeders, (c) => readAssetVersions(store, sql`asset_id IN (${c})`));
  // Two years back covers the trailing 365 days and any window ending in them (as explainAsset).
  const from = ts(q.asOf - 2 * 366 * DAY_MS);
  const until = ts(q.asOf);
  const window = sql`start <= ${until} AND (start >= ${from} OR end_at IS NULL OR end_at >= ${from})`;
  const reachedIds = await readByIds(affectedIds, (c) =>
    store.rows<{ event_id: string }>(
      sql`SELECT DISTINCT event_id FROM outage_areas WHERE NOT deleted AND area_id IN (${c}) AND start >= ${from}`,
    ),
  );
  const eventMap = new Map<string, OutageEvent>();
  const add = (events: readonly OutageEvent[]): void => {
    for (const e of events) eventMap.set(e.eventId, e);
  };
  add(
    await readByIds([...affectedIds, ...feeders], (c) =>
      readOutages(store, sql`asset_id IN (${c}) AND ${window}`),
    ),
  );
  add(
    await readByIds([...new Set(reachedIds.map((r) => r.event_id))], (c) =>
      readOutages(store, sql`event_id IN (${c}) AND ${window}`),
    ),
  );
  const events = [...eventMap.values()].sort((a, b) => a.start - b.start || (a.eventId < b.eventId ? -1 : 1));
  const input = {
    assets: [...own, ...feederVersions],
    warnings: await readWarnings(store),
    asOf: q.asOf,
    zone: q.zone,
    ruleSet: q.ruleSet,
  };
  const before = evaluate({ ...input, events }).flags;
  const after = evaluate({ ...input, events: events.filter((e) => !excluded.has(e.eventId)) }).flags;

  const sqlFlags = await readByIds(affectedIds, (c) =>
    evaluateFlags(store, { ruleSet: q.ruleSet, asOf: q.asOf, zone: q.zone, assetIds: c }),
  );
  const mine = (flags: readonly Flag[]) =>
    flags
      .filter((f) => affected.has(f.assetId))
      .map(flagKey)
      .sort();
  const agreesWithSql = JSON.stringify(mine(before)) === JSON.stringify(mine(sqlFlags));

  const listedBefore = withStatus(before, affected, 'breach');
  const listedAfter = withStatus(after, affected, 'breach');
  const flaggedAfter = new Set(withStatus(after, affected));
  return {
    evaluated: affected.size,
    before: listedBefore,
    after: listedAfter,
    leaving: listedBefore.filter((id) => !listedAfter.includes(id)),
    clearedAtRisk: withStatus(before, affected).filter((id) => !flaggedAfter.has(id)),
    method:
      'reference evaluator (analytics/rules evaluate) on the records of the affected assets, with and without the excluded events: the SQL flag evaluation cannot leave events out',
    agreesWithSql,
  };
}

export async function whatItBuys(store: Store, q: WhatItBuysQuery): Promise<Result<WhatItBuys>> {
  const ids = [...new Set(q.assetIds)];
  const chosen = await readByIds(ids, (c) => readAssetsAsOf(store, q.asOf, sql`asset_id IN (${c})`));
  const found = new Set(chosen.map((a) => a.assetId));
  const unknown = ids.filter((id) => !found.has(id));
  if (unknown.length > 0)
    return fail(
      unknown.map((id) => ({ path: `assetIds[${ids.indexOf(id)}]`, message: `unknown asset "${id}"` })),
    );

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
  const place = (a: Asset) => ({
    province: a.province ?? null,
    city: a.city ?? null,
    county: a.county ?? null,
    areaClass: a.areaClass,
    park: a.park ?? null,
  });
  const assets: ChosenAsset[] = chosen.map((a) => {
    const own = rows.filter((r) => r.asset_id === a.assetId);
    const excludedByCause: Partial<Record<Cause, number>> = {};
    const keptByCause: Partial<Record<Cause, number>> = {};
    for (const r of own) count(excludedSet.has(r.event_id) ? excludedByCause : keptByCause, r.cause);
    return {
      assetId: a.assetId,
      kind: a.kind,
      name: a.name ?? null,
      region: regionLabel(place(a), level),
      outages: own.length,
      excluded: own.filter((r) => excludedSet.has(r.event_id)).length,
      excludedByCause,
      keptByCause,
    };
  });

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
  const empty = (region: string): RegionFigures => ({
    region,
    customers: 0,
    customerInterruptions: 0,
    customerHours: 0,
    saifi: null,
    saidi: null,
  });
  const diff = (a: number | null, b: number | null): number | null =>
    a === null || b === null ? null : a - b;
  const regions = regionNames.map((region): RegionChange => {
    const b = before.value.regions.get(region) ?? empty(region);
    const x = after.value.regions.get(region) ?? {
      ...b,
      customerInterruptions: 0,
      customerHours: 0,
      saifi: 0,
      saidi: 0,
    };
    return {
      region,
      before: b,
      after: x,
      saidiChange: diff(x.saidi, b.saidi),
      saifiChange: diff(x.saifi, b.saifi),
    };
  });

  const targetChanges: TargetChange[] = [];
  for (const t of targets.value) {
    const wanted = new Set(
      chosen.flatMap((a) => {
        const keys = assetGroup(t.rule, t.dims, place(a));
        return keys ? [JSON.stringify(t.dims.map((d) => keys[d] ?? null))] : [];
      }),
    );
    for (const g of t.groups) {
      if (!wanted.has(JSON.stringify(t.dims.map((d) => g.keys[d] ?? null)))) continue;
      targetChanges.push({
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

  return ok({
    period,
    remediableCauses: causes,
    assets,
    excludedEventIds: excluded,
    regions,
    targets: targetChanges,
    frequentOutageList: list,
    includesOngoing: before.value.includesOngoing,
  });
}
