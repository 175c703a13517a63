// The breaches of each full evaluation, kept in QuestDB so their history outlives the trailing
// 365 days that flags look at: "when did this asset first breach this rule" is a min().

import { insertRows, type Store, sql, ts } from '../../store/index.js';
import type { Flag } from '../rules/index.js';

const COLUMNS = [
  'asset_id',
  'kind',
  'rule_set',
  'rule',
  'family',
  'count',
  'window_start',
  'window_end',
  'event_ids',
  'evaluated_at',
  'breach_date',
];

export async function recordBreaches(
  store: Store,
  flags: readonly Flag[],
  evaluatedAt: number,
): Promise<number> {
  const breaches = flags.filter((f) => f.status === 'breach' && f.breachDate !== null);
  // insertRows keeps each statement within QuestDB's URL limit (100 rows a statement passed it).
  await insertRows(
    store,
    'breach_log',
    COLUMNS,
    breaches.map((f) => [
      f.assetId,
      f.kind,
      f.ruleSet,
      f.rule,
      f.family,
      f.count,
      f.windowStart,
      f.windowEnd,
      JSON.stringify(f.eventIds).slice(0, 4000),
      ts(evaluatedAt),
      ts(Date.parse(`${f.breachDate}T00:00:00Z`)),
    ]),
  );
  return breaches.length;
}

export interface BreachRecord {
  assetId: string;
  ruleSet: string;
  rule: string;
  firstBreach: string;
  lastBreach: string;
  breaches: number;
}

/** Per asset and rule: the first and latest recorded breach dates (local dates). */
export async function breachHistory(store: Store, assetId?: string): Promise<BreachRecord[]> {
  const rows = await store.rows<{
    asset_id: string;
    rule_set: string;
    rule: string;
    first: number;
    last: number;
    n: number;
  }>(
    sql`SELECT asset_id, rule_set, rule, min(breach_date) first, max(breach_date) last, count() n
        FROM breach_log ${assetId ? sql`WHERE asset_id = ${assetId}` : sql``}
        GROUP BY asset_id, rule_set, rule ORDER BY asset_id, rule_set, rule`,
  );
  const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return rows.map((r) => ({
    assetId: r.asset_id,
    ruleSet: r.rule_set,
    rule: r.rule,
    firstBreach: date(r.first),
    lastBreach: date(r.last),
    breaches: r.n,
  }));
}
