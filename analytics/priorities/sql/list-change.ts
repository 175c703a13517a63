// The frequent-outage list with and without the remediable events of the chosen assets.
// evaluateFlags cannot leave events out, so the count rules are evaluated by the reference
// evaluator (analytics/rules evaluate) on the records of every asset the excluded events reach
// (the chosen assets, and the transformer areas their feeder events interrupted), once with and
// once without those events. The SQL evaluator's flags for the same assets are compared with the
// reference's "before" as a check.

import type { Asset, OutageEvent } from '../../../core/domain.js';
import { type Store, sql, ts } from '../../../store/index.js';
import { evaluateFlags } from '../../flags/index.js';
import { readAssetVersions, readOutages, readWarnings } from '../../outages/index.js';
import { type CompiledRuleSet, evaluate, type Flag } from '../../rules/index.js';
import { byStartThenId } from '../../rules/order.js';
import { readByIds } from './chunks.js';

const DAY_MS = 86_400_000;

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

interface ListQuery {
  ruleSet: CompiledRuleSet;
  asOf: number;
  zone: string;
}

const METHOD =
  'reference evaluator (analytics/rules evaluate) on the records of the affected assets, with and without the excluded events: the SQL flag evaluation cannot leave events out';

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

/** The assets the excluded events can reach: the chosen, any area ever on a chosen feeder, or listed by one. */
async function affectedAssets(
  store: Store,
  chosen: readonly Asset[],
  excluded: ReadonlySet<string>,
): Promise<Set<string>> {
  const chosenFeeders = chosen.filter((a) => a.kind === 'feeder').map((a) => a.assetId);
  const onFeeders = await readByIds(chosenFeeders, (c) =>
    store.rows<{ asset_id: string }>(sql`SELECT DISTINCT asset_id FROM assets WHERE feeder_id IN (${c})`),
  );
  const listed = await readByIds([...excluded], (c) =>
    store.rows<{ asset_id: string }>(
      sql`SELECT DISTINCT area_id asset_id FROM outage_areas WHERE NOT deleted AND event_id IN (${c})`,
    ),
  );
  return new Set([
    ...chosen.map((a) => a.assetId),
    ...onFeeders.map((r) => r.asset_id),
    ...listed.map((r) => r.asset_id),
  ]);
}

/**
 * What the evaluator needs about the affected assets: their versions and their feeders', and every
 * outage on them or reaching them, from two years back (the trailing 365 days and any window
 * ending in them, as explainAsset), in start order.
 */
async function historyOf(
  store: Store,
  affected: ReadonlySet<string>,
  asOf: number,
): Promise<{ assets: Asset[]; events: OutageEvent[] }> {
  const affectedIds = [...affected].sort();
  const own = await readByIds(affectedIds, (c) => readAssetVersions(store, sql`asset_id IN (${c})`));
  const feeders = [
    ...new Set(own.flatMap((a) => (a.kind === 'area' && a.feederId ? [a.feederId] : []))),
  ].filter((id) => !affected.has(id));
  const feederVersions = await readByIds(feeders, (c) => readAssetVersions(store, sql`asset_id IN (${c})`));
  const from = ts(asOf - 2 * 366 * DAY_MS);
  const until = ts(asOf);
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
  return { assets: [...own, ...feederVersions], events: [...eventMap.values()].sort(byStartThenId) };
}

/** The flags of the affected assets by the reference evaluator, with and without `excluded`. */
export async function listChange(
  store: Store,
  q: ListQuery,
  chosen: readonly Asset[],
  excluded: ReadonlySet<string>,
): Promise<ListChange> {
  const affected = await affectedAssets(store, chosen, excluded);
  const { assets, events } = await historyOf(store, affected, q.asOf);
  const input = {
    assets,
    warnings: await readWarnings(store),
    asOf: q.asOf,
    zone: q.zone,
    ruleSet: q.ruleSet,
  };
  const before = evaluate({ ...input, events }).flags;
  const after = evaluate({ ...input, events: events.filter((e) => !excluded.has(e.eventId)) }).flags;

  const sqlFlags = await readByIds([...affected].sort(), (c) =>
    evaluateFlags(store, { ruleSet: q.ruleSet, asOf: q.asOf, zone: q.zone, assetIds: c }),
  );
  const mine = (flags: readonly Flag[]) =>
    flags
      .filter((f) => affected.has(f.assetId))
      .map(flagKey)
      .sort();
  const listedBefore = withStatus(before, affected, 'breach');
  const listedAfter = withStatus(after, affected, 'breach');
  const flaggedAfter = new Set(withStatus(after, affected));
  return {
    evaluated: affected.size,
    before: listedBefore,
    after: listedAfter,
    leaving: listedBefore.filter((id) => !listedAfter.includes(id)),
    clearedAtRisk: withStatus(before, affected).filter((id) => !flaggedAfter.has(id)),
    method: METHOD,
    agreesWithSql: JSON.stringify(mine(before)) === JSON.stringify(mine(sqlFlags)),
  };
}
