// Flags as of a time, computed in QuestDB: one query per count rule (sql.ts), assembled into
// the same Flag records as the reference evaluator.

import { groupBy } from '../../core/collections.js';
import { compareText } from '../../core/order.js';
import { dayToDate, localDay } from '../../core/index.js';
import type { AssetKind } from '../../core/index.js';
import { readAssetVersions, type Sql, type Store, sql, walCaughtUp } from '../../store/index.js';
import type { CompiledRuleSet, CountRule, Flag } from '../rules/index.js';
import { groupQuery, sharedFlagRowsQuery, statementGroups } from './shared-sql.js';
import { assetChunks, flagRowsQuery, listBudget } from './sql.js';

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
  const unplaced = new Set<string>();
  for (const r of rows) if (r[1] === null) unplaced.add(r[0]);
  const early = [...unplaced];
  const kinds = new Map<string, AssetKind | null>();
  for (let i = 0; i < early.length; i += 200) {
    for (const a of await readAssetVersions(store, sql`asset_id IN (${early.slice(i, i + 200)})`)) {
      if (!kinds.has(a.assetId)) kinds.set(a.assetId, rule.inScope(a) ? a.kind : null);
    }
  }
  return kinds;
}

/** Rows grouped by asset, each group in seq order (the query returns them in no set order). */
function byAsset(rows: readonly FlagRow[]): FlagRow[][] {
  const out = [...groupBy(rows, (row) => row[0]).values()];
  for (const group of out) if (!inSeqOrder(group)) group.sort((a, b) => a[3] - b[3]);
  return out;
}

/** QuestDB mostly returns an asset's rows in seq order already: checking is cheaper than sorting. */
function inSeqOrder(group: readonly FlagRow[]): boolean {
  for (let i = 1; i < group.length; i++) if (group[i]![3] < group[i - 1]![3]) return false;
  return true;
}

/** 'YYYY-MM-DD' of a day number; a province's flags name a few hundred days, each many times. */
function dateOf(cache: Map<number, string>, day: number): string {
  let date = cache.get(day);
  if (date === undefined) {
    date = dayToDate(day);
    cache.set(day, date);
  }
  return date;
}

function flagsOfRule(
  q: FlagQuery,
  rule: CountRule,
  today: number,
  rows: readonly FlagRow[],
  firstKind: ReadonlyMap<string, AssetKind | null>,
): Flag[] {
  const flags: Flag[] = [];
  const dates = new Map<number, string>();
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
        windowStart: dateOf(dates, range.start),
        windowEnd: dateOf(dates, range.end),
        breachDate: dateOf(dates, lbDay),
      });
    } else if (eventIds.length >= rule.limit) {
      const range = rule.windowOf(today);
      flags.push({
        ...base,
        status: 'at_risk',
        windowStart: dateOf(dates, range.start),
        windowEnd: dateOf(dates, range.end),
        breachDate: null,
      });
    }
  }
  return flags;
}

/**
 * A row of sharedFlagRowsQuery: target, kind, event id, seq, then per rule of the statement
 * its latest breach's seq and day and whether the row is part of the rule's flag.
 */
type SharedRow = [string, AssetKind | null, string, number, ...(number | boolean | null)[]];

/** The rows of the i-th rule of a shared statement, as its own statement gives them. */
function rowsOfRule(rows: readonly SharedRow[], i: number): FlagRow[] {
  const at = 4 + 3 * i;
  const out: FlagRow[] = [];
  for (const r of rows) {
    if (r[at + 2] === true)
      out.push([r[0], r[1], r[2], r[3], r[at] as number | null, r[at + 1] as number | null]);
  }
  return out;
}

/** Every flag (breach or at_risk) of the rule set as of `asOf`, by assetId then rule id. */
export async function evaluateFlags(store: Store, q: FlagQuery): Promise<Flag[]> {
  // Every outage acknowledged before this call is counted: its attribution rows are a WAL
  // table of their own, which may be applied a moment after the outages themselves.
  await walCaughtUp(store, ['outage_reach']);
  const today = localDay(q.asOf, q.zone);
  const rules = q.ruleSet.countRules.filter((r) => !q.rules || q.rules.includes(r.id));
  const flags: Flag[] = [];
  const base = {
    asOf: q.asOf,
    zone: q.zone,
    today,
    shortOutageMinutes: q.ruleSet.shortOutageMinutes,
    ...(q.warningIds ? { warningIds: q.warningIds } : {}),
  };
  for (const group of statementGroups(rules)) {
    const query = groupQuery(base, group);
    const statement = (assetIds?: readonly string[]): Sql => {
      const one = assetIds ? { ...query, assetIds } : query;
      return group.length === 1 ? flagRowsQuery(one) : sharedFlagRowsQuery(one, group);
    };
    // A list of assets goes in parts that each fit in one request; no list, one statement.
    const parts = q.assetIds ? assetChunks(q.assetIds, listBudget(statement)) : [undefined];
    for (const assetIds of parts) {
      const { dataset } = await store.query(statement(assetIds));
      for (const [i, rule] of group.entries()) {
        const rows = group.length === 1 ? (dataset as FlagRow[]) : rowsOfRule(dataset as SharedRow[], i);
        flags.push(...flagsOfRule(q, rule, today, rows, await firstKinds(store, rule, rows)));
      }
    }
  }
  return inAssetOrder(flags);
}

/**
 * Flags by assetId, then rule id. The asset ids are sorted by the engine's own string order
 * (a comparator function over a province's flags costs half a second).
 */
function inAssetOrder(flags: readonly Flag[]): Flag[] {
  const byId = groupBy(flags, (f) => f.assetId);
  const out: Flag[] = [];
  for (const id of [...byId.keys()].sort()) {
    const list = byId.get(id)!;
    if (list.length > 1) list.sort((a, b) => compareText(a.rule, b.rule));
    out.push(...list);
  }
  return out;
}
