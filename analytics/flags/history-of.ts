// The records that can matter to a few assets' flags over a span of time, read from QuestDB for
// the reference evaluator: every version of the assets and of the feeders they have been on,
// the outages that reached them (by the attribution kept at write, outage_reach), the versions
// of the areas those outages name, and the warnings in force. Used where one asset or one
// feeder's neighbourhood is judged in TypeScript (an explanation, a proposed outage).

import type { Asset, OutageEvent, Warning } from '../../core/domain.js';
import { readAssetVersions, readOutages, readWarnings } from '../outages/index.js';
import { type Store, sql, ts, walCaughtUp } from '../../store/index.js';

/** Ids per IN list: well under the statement size QuestDB reads from a URL. */
const CHUNK = 200;

export interface AssetsHistory {
  assets: Asset[];
  events: OutageEvent[];
  warnings: Warning[];
}

function chunks<T>(list: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

async function versionsOf(store: Store, ids: readonly string[]): Promise<Asset[]> {
  const out: Asset[] = [];
  for (const part of chunks(ids)) out.push(...(await readAssetVersions(store, sql`asset_id IN (${part})`)));
  return out;
}

/**
 * The history of `assetIds` between `from` and `to` (epoch ms): outages that started in it or
 * were still going at `from`. Empty `assets` when none of the ids is known.
 */
export async function readAssetsHistory(
  store: Store,
  q: {
    assetIds: readonly string[];
    from: number;
    to: number;
    /** Only these warnings can exclude outages (default: every stored warning). */
    warningIds?: readonly string[] | undefined;
  },
): Promise<AssetsHistory> {
  await walCaughtUp(store, ['outage_reach']);
  const own = await versionsOf(store, q.assetIds);
  if (own.length === 0) return { assets: [], events: [], warnings: [] };
  const ownIds = new Set(own.map((a) => a.assetId));
  // Every feeder the areas have been on: their events may have reached them.
  const feeders = [...new Set(own.flatMap((a) => (a.feederId ? [a.feederId] : [])))].filter(
    (id) => !ownIds.has(id),
  );
  const feederVersions = await versionsOf(store, feeders);
  const eventIds = new Set<string>();
  for (const part of chunks([...ownIds])) {
    const reached = await store.rows<{ event_id: string }>(
      sql`SELECT DISTINCT event_id FROM outage_reach
          WHERE asset_id IN (${part}) AND NOT deleted AND start <= ${ts(q.to)}
            AND (start >= ${ts(q.from)} OR end_at IS NULL OR end_at >= ${ts(q.from)})`,
    );
    for (const r of reached) eventIds.add(r.event_id);
  }
  const events: OutageEvent[] = [];
  for (const part of chunks([...eventIds]))
    events.push(...(await readOutages(store, sql`event_id IN (${part})`)));
  // Areas named by those events are needed to decide whether they are areas at the start.
  const known = new Set([...ownIds, ...feeders]);
  const named = [...new Set(events.flatMap((e) => e.affectedAreas ?? []))].filter((id) => !known.has(id));
  const namedVersions = await versionsOf(store, named);
  // Warnings in force at some time in the span (an outage is judged at its start).
  const inForce = sql`start <= ${ts(q.to)} AND (end_at IS NULL OR end_at >= ${ts(q.from)})`;
  const chosen = q.warningIds;
  const warnings =
    chosen?.length === 0
      ? []
      : await readWarnings(store, chosen ? sql`${inForce} AND warning_id IN (${chosen})` : inForce);
  return { assets: [...own, ...feederVersions, ...namedVersions], events, warnings };
}
