// Why one asset is (or is not) flagged: its attributed outages, each counted or excluded with
// the reason. The records that can matter to the asset (the outages that reached it, by the
// attribution kept at write, and the versions they are judged by) are read from QuestDB and
// handed to the reference evaluator's explain(), so the explanation follows the rule text step
// by step.

import { readAssetVersions, readOutages, readWarnings } from '../outages/index.js';
import { type CompiledRuleSet, type Explanation, explain } from '../rules/index.js';
import { type Store, sql, ts, walCaughtUp } from '../../store/index.js';
import type { Result } from '../../core/index.js';
import { fail } from '../../core/index.js';

const DAY_MS = 86_400_000;

export async function explainAsset(
  store: Store,
  q: {
    ruleSet: CompiledRuleSet;
    ruleId: string;
    assetId: string;
    asOf: number;
    zone: string;
    /** Only these warnings can exclude outages (default: every stored warning). */
    warningIds?: readonly string[];
  },
): Promise<Result<Explanation>> {
  await walCaughtUp(store, ['outage_reach']);
  const own = await readAssetVersions(store, sql`asset_id = ${q.assetId}`);
  if (own.length === 0) return fail([{ path: 'assetId', message: `unknown asset "${q.assetId}"` }]);
  // Every feeder the asset has been on (areas): their events may have reached it.
  const feeders = [...new Set(own.flatMap((a) => (a.feederId ? [a.feederId] : [])))];
  const feederVersions =
    feeders.length > 0 ? await readAssetVersions(store, sql`asset_id IN (${feeders})`) : [];
  // Two years back covers the trailing 365 days plus any window ending in them (rules allow
  // windows of up to a year); earlier outages that are still ongoing can absorb later ones.
  const from = ts(q.asOf - 2 * 366 * DAY_MS);
  // The outages that reached the asset, from the attribution kept at write (its asset index).
  const reached = await store.rows<{ event_id: string }>(
    sql`SELECT DISTINCT event_id FROM outage_reach
        WHERE asset_id = ${q.assetId} AND NOT deleted AND start <= ${ts(q.asOf)}
          AND (start >= ${from} OR end_at IS NULL OR end_at >= ${from})`,
  );
  const ids = reached.map((r) => r.event_id);
  const events = [];
  for (let i = 0; i < ids.length; i += 200) {
    events.push(...(await readOutages(store, sql`event_id IN (${ids.slice(i, i + 200)})`)));
  }
  // Areas named by those events are needed to decide whether they are areas at the start.
  const named = [...new Set(events.flatMap((e) => e.affectedAreas ?? []))].filter((id) => id !== q.assetId);
  const namedVersions = named.length > 0 ? await readAssetVersions(store, sql`asset_id IN (${named})`) : [];
  // Warnings in force at some time in the two years read (an outage is judged at its start).
  const inForce = sql`start <= ${ts(q.asOf)} AND (end_at IS NULL OR end_at >= ${from})`;
  const chosen = q.warningIds;
  const warnings =
    chosen?.length === 0
      ? []
      : await readWarnings(store, chosen ? sql`${inForce} AND warning_id IN (${chosen})` : inForce);
  return explain(
    {
      assets: [...own, ...feederVersions, ...namedVersions],
      events,
      warnings,
      asOf: q.asOf,
      zone: q.zone,
      ruleSet: q.ruleSet,
    },
    q.assetId,
    q.ruleId,
  );
}
