// Flags as of a time, computed in QuestDB: one query per count rule (sql.ts), assembled into
// the same Flag records as the reference evaluator.

import { dayToDate, localDay } from '../../core/index.js';
import type { AssetKind } from '../../core/index.js';
import { readAssetVersions, type Store, sql, walCaughtUp } from '../../store/index.js';
import type { CompiledRuleSet, CountRule, Flag } from '../rules/index.js';
import { assetChunks, type CountQuery, flagRowsQuery, listBudget } from './sql.js';

export interface FlagQuery {
  ruleSet: CompiledRuleSet;
  asOf: number;
  zone: string;
  /** Only these assets. */
  assetIds?: readonly string[];
  /** Only these official warnings. */
  warningIds?: readonly string[];
  /** Only these rules (ids). */
  rules?: readonly string[];
}

/**
 * A row of flagRowsQuery, as QuestDB's dataset gives it (a province's flags are over a million
 * rows: arrays, not objects): target, kind (null: the asset has no version by asOf), event id,
 * seq, the latest breach's seq and local day (null: no breach).
 */
type FlagRow = [string, AssetKind | null, string, number, number | null, number | null];

/**
 * Assets with no version by asOf are judged as the reference does, by their first version
 * (records often take effect after the outages they describe): their kind then, or null when
 * out of the rule's scope.
 */
async function firstKinds(
  store: Store,
  rule: CountRule,
  rows: readonly FlagRow[],
): Promise<Map<string, AssetKind | null>> {
  const early = [...new Set(rows.filter((r) => r[1] === null).map((r) => r[0]))];
  const kinds = new Map<string, AssetKind | null>();
  for (let i = 0; i < early.length; i += 200) {
    for (const a of await readAssetVersions(store, sql`asset_id IN (${early.slice(i, i + 200)})`)) {
      if (!kinds.has(a.assetId)) kinds.set(a.assetId, rule.inScope(a) ? a.kind : null);
    }
  }
  return kinds;
}

const ordinal = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Rows grouped by asset, each group in seq order (the query returns them unordered). */
function byAsset(rows: readonly FlagRow[]): FlagRow[][] {
  const groups = new Map<string, FlagRow[]>();
  for (const row of rows) {
    const group = groups.get(row[0]);
    if (group) group.push(row);
    else groups.set(row[0], [row]);
  }
  const out = [...groups.values()];
  for (const group of out) group.sort((a, b) => a[3] - b[3]);
  return out;
}

function flagsOfRule(
  q: FlagQuery,
  rule: CountRule,
  today: number,
  rows: readonly FlagRow[],
  firstKind: ReadonlyMap<string, AssetKind | null>,
): Flag[] {
  const flags: Flag[] = [];
  for (const group of byAsset(rows)) {
    const first = group[0]!;
    const [assetId, , , , lbSeq, lbDay] = first;
    const eventIds = group.map((r) => r[2]);
    const kind = first[1] ?? firstKind.get(assetId) ?? null;
    if (kind === null) continue;
    const base = {
      assetId,
      kind,
      rule: rule.id,
      ruleSet: q.ruleSet.name,
      family: rule.family,
      limit: rule.limit,
      count: eventIds.length,
      eventIds,
    };
    if (lbSeq !== null && lbDay !== null) {
      const range = rule.windowOf(lbDay);
      flags.push({
        ...base,
        status: 'breach',
        windowStart: dayToDate(range.start),
        windowEnd: dayToDate(range.end),
        breachDate: dayToDate(lbDay),
      });
    } else if (eventIds.length >= rule.limit) {
      const range = rule.windowOf(today);
      flags.push({
        ...base,
        status: 'at_risk',
        windowStart: dayToDate(range.start),
        windowEnd: dayToDate(range.end),
        breachDate: null,
      });
    }
  }
  return flags;
}

/** Every flag (breach or at_risk) of the rule set as of `asOf`, by assetId then rule id. */
export async function evaluateFlags(store: Store, q: FlagQuery): Promise<Flag[]> {
  // Every outage acknowledged before this call is counted: its attribution rows are a WAL
  // table of their own, which may be applied a moment after the outages themselves.
  await walCaughtUp(store, ['outage_reach']);
  const today = localDay(q.asOf, q.zone);
  const rules = q.ruleSet.countRules.filter((r) => !q.rules || q.rules.includes(r.id));
  const flags: Flag[] = [];
  for (const rule of rules) {
    const query: CountQuery = {
      rule,
      asOf: q.asOf,
      zone: q.zone,
      today,
      shortOutageMinutes: q.ruleSet.shortOutageMinutes,
      ...(q.warningIds ? { warningIds: q.warningIds } : {}),
    };
    // A list of assets goes in parts that each fit in one request; no list, one statement.
    const parts = q.assetIds ? assetChunks(q.assetIds, listBudget(query)) : [undefined];
    for (const assetIds of parts) {
      const { dataset } = await store.query(flagRowsQuery(assetIds ? { ...query, assetIds } : query));
      const rows = dataset as FlagRow[];
      flags.push(...flagsOfRule(q, rule, today, rows, await firstKinds(store, rule, rows)));
    }
  }
  return flags.sort((a, b) => ordinal(a.assetId, b.assetId) || ordinal(a.rule, b.rule));
}
