// What a ledger row reads besides the case: the asset's outages counted and excluded over the
// trailing year with their main causes (the flags' own explanation, so the counting is the
// rules engine's), and its SAIFI/SAIDI over the same days by the reliability reference on the
// asset's own records: all outages (RS-1), end customers, an ongoing outage up to the cut-off.

import { dayToDate, localDay, startOfLocalDay } from '../../../core/index.js';
import { explainAsset } from '../../flags/index.js';
import { readAssetVersions, readOutages } from '../../outages/index.js';
import { computeReliability } from '../../reliability/index.js';
import type { CompiledRuleSet } from '../../rules/index.js';
import { type Store, sql, ts } from '../../../store/index.js';
import type { AssetFacts, CauseCount } from '../ledger.js';

const round = (x: number | null): number | null => (x === null ? null : Math.round(x * 10_000) / 10_000);

/** Top three causes of the counted outages, most frequent first (ties in cause order). */
function mainCauses(causes: readonly CauseCount['cause'][]): CauseCount[] {
  const counts = new Map<CauseCount['cause'], number>();
  for (const c of causes) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts.entries()]
    .map(([cause, count]) => ({ cause, count }))
    .sort((a, b) => b.count - a.count || (a.cause < b.cause ? -1 : 1))
    .slice(0, 3);
}

async function reliabilityOf(
  store: Store,
  assetId: string,
  from: number,
  to: number,
  shortOutageMinutes: number,
  zone: string,
): Promise<{ saifi: number | null; saidi: number | null }> {
  const own = await readAssetVersions(store, sql`asset_id = ${assetId}`);
  const last = own.at(-1);
  if (!last) return { saifi: null, saidi: null };
  const feeders = [...new Set(own.flatMap((a) => (a.kind === 'area' && a.feederId ? [a.feederId] : [])))];
  const feederVersions =
    feeders.length > 0 ? await readAssetVersions(store, sql`asset_id IN (${feeders})`) : [];
  const listed = await store.rows<{ event_id: string }>(
    sql`SELECT DISTINCT event_id FROM outage_areas WHERE area_id = ${assetId} AND NOT deleted
        AND start >= ${ts(from)} AND start < ${ts(to)}`,
  );
  const ids = listed.map((r) => r.event_id);
  const events = await readOutages(
    store,
    sql`(asset_id IN (${[assetId, ...feeders]}) ${ids.length > 0 ? sql`OR event_id IN (${ids})` : sql``})
        AND start >= ${ts(from)} AND start < ${ts(to)}`,
  );
  const report = computeReliability({
    assets: [...own, ...feederVersions],
    events,
    from,
    to,
    asOf: to,
    zone,
    groupBy: last.kind === 'feeder' ? 'feeder' : 'area',
    shortOutageMinutes,
  });
  if (!report.ok) return { saifi: null, saidi: null };
  const key = last.kind === 'feeder' ? 'feeder' : 'area';
  const row = report.value.rows.find((r) => r.keys[key] === assetId);
  return row ? { saifi: round(row.saifi), saidi: round(row.saidi) } : { saifi: 0, saidi: 0 };
}

/**
 * The facts of one ledger row: counts for `ruleId` over the 365 local days ending on the day
 * of `asOf` (the month's last day), and reliability over [start of those days, end).
 */
export async function assetFacts(
  store: Store,
  q: { ruleSet: CompiledRuleSet; ruleId: string; assetId: string; asOf: number; end: number; zone: string },
): Promise<AssetFacts | null> {
  const today = localDay(q.asOf, q.zone);
  const firstDate = dayToDate(today - 364);
  const lastDate = dayToDate(today);
  const explained = await explainAsset(store, {
    ruleSet: q.ruleSet,
    ruleId: q.ruleId,
    assetId: q.assetId,
    asOf: q.asOf,
    zone: q.zone,
  });
  if (!explained.ok) return null;
  const inYear = explained.value.outages.filter((o) => o.date >= firstDate && o.date <= lastDate);
  const counted = inYear.filter((o) => o.counted);
  const excluded = inYear.filter((o) => !o.counted && !String(o.reason ?? '').startsWith('merged_with:'));
  const reliability = await reliabilityOf(
    store,
    q.assetId,
    startOfLocalDay(today - 364, q.zone),
    q.end,
    q.ruleSet.shortOutageMinutes,
    q.zone,
  );
  return {
    rule: q.ruleId,
    outagesCounted: counted.length,
    outagesExcluded: excluded.length,
    mainCauses: mainCauses(counted.map((o) => o.cause)),
    ...reliability,
  };
}
