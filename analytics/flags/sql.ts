// A count rule compiled to one windowed QuestDB query. The query attributes outages to
// assets (own events; feeder events to the areas they listed or, when they listed none, to
// the areas on the feeder at the start), drops what the rule does not count, merges
// overlapping records, numbers each asset's counted outages in start order and finds
// breaches with lag(): the k-th outage breaches a rolling N-day limit L exactly when the
// (k−L)-th lies within N − 1 local days of it. It returns only the rows that make a flag:
// the window of each asset's latest breach in the trailing 365 days, or its current window
// when that already holds the limit (at risk), in no particular order.
//
// Event ids are ordered as text (cast to varchar), never as the SYMBOL they are stored as:
// QuestDB sorts a symbol column through a sorted copy of the whole symbol table, a fixed cost of
// about 0.3 s per sort at two million outages however few rows are sorted.
// Semantics mirror the reference evaluator in analytics/rules (see reference.ts).

import { startOfLocalDay } from '../../core/index.js';
import type { CountRule } from '../rules/index.js';
import { localDaySql } from '../sql/local-day.js';
import {
  chunkIds,
  type Instant,
  join,
  MAX_ENCODED_STATEMENT,
  raw,
  type Sql,
  sql,
  ts,
} from '../../store/index.js';

/** Stands for "no end" (ongoing outages). */
const FOREVER = sql`'2200-01-01T00:00:00.000000Z'::timestamp`;

export interface CountQuery {
  rule: CountRule;
  asOf: number;
  zone: string;
  /** local day number of asOf */
  today: number;
  shortOutageMinutes: number;
  /** Only these assets (re-evaluation after an ingest batch; tests). */
  assetIds?: readonly string[];
  /** Only these official warnings (what-if analysis; tests). */
  warningIds?: readonly string[];
}

/** First local day whose outages can matter for flags as of `today` (windows of breaches in the trailing 365 days). */
export function firstRelevantDay(rule: CountRule, today: number): number {
  const from = today - 364;
  return rule.window.kind === 'rolling' ? from - (rule.window.days - 1) : rule.windowOf(from).start;
}

function inList(column: string, values: readonly string[]): Sql {
  return sql`${raw(column)} IN (${values})`;
}

export function scopeFilter(rule: CountRule): Sql {
  const s = rule.scope;
  const parts: Sql[] = [inList('cur.kind', s.kind)];
  if (s.province) parts.push(inList('cur.province', s.province));
  if (s.city) parts.push(inList('cur.city', s.city));
  if (s.county) parts.push(inList('cur.county', s.county));
  if (s.areaClass) parts.push(inList('cur.area_class', s.areaClass));
  if (s.park === true) parts.push(sql`cur.park IS NOT NULL`);
  else if (s.park === false) parts.push(sql`cur.park IS NULL`);
  else if (Array.isArray(s.park)) parts.push(inList('cur.park', s.park as readonly string[]));
  return join(parts, ' AND ');
}

/** Conditions under which an attributed outage (alias ar) counts, except the warning test. */
export function countFilter(q: CountQuery): Sql {
  const c = q.rule.counts;
  const parts: Sql[] = [];
  if (c.causes !== 'all') parts.push(inList('ar.cause', c.causes));
  if (c.planned !== 'any') parts.push(sql`ar.planned = ${c.planned}`);
  if (c.exclusions.includes('external_damage')) parts.push(sql`ar.cause != 'external_damage'`);
  if (c.exclusions.includes('natural_disaster')) parts.push(sql`ar.cause != 'natural_disaster'`);
  if (c.exclusions.includes('force_majeure_weather')) {
    // QuestDB reads rows written before the column existed as false: no record said so then.
    parts.push(sql`NOT (ar.cause = 'weather_fault' AND ar.force_majeure)`);
  }
  const duration = sql`(cast(ar.end_at as long) - cast(ar.start as long))`; // microseconds
  if (c.exclusions.includes('short_switching')) {
    parts.push(
      sql`NOT (ar.end_at IS NOT NULL AND ar.cause IN ('protective_supply_switching', 'mode_adjustment') AND ${duration} <= ${q.shortOutageMinutes * 60_000_000})`,
    );
  }
  if (c.minDurationMinutes !== undefined) {
    parts.push(sql`NOT (ar.end_at IS NOT NULL AND ${duration} < ${c.minDurationMinutes * 60_000_000})`);
  }
  return parts.length > 0 ? join(parts, ' AND ') : sql`true`;
}

function warningFilter(q: CountQuery): Sql {
  if (!q.warningIds) return sql``;
  return q.warningIds.length === 0 ? sql`WHERE false` : sql`WHERE ${inList('warning_id', q.warningIds)}`;
}

function breachTest(rule: CountRule): Sql {
  if (rule.window.kind === 'rolling') {
    return sql`(lag_day IS NOT NULL AND day - lag_day <= ${rule.window.days - 1})`;
  }
  return sql`period_seq > ${rule.limit}`;
}

/** The calendar period of a local timestamp as one number (rolling windows: unused 0). */
function periodKey(rule: CountRule, local: Sql): Sql {
  if (rule.window.kind === 'rolling') return sql`0`;
  switch (rule.window.unit) {
    case 'year':
      return sql`year(${local})`;
    case 'quarter':
      return sql`year(${local}) * 4 + (month(${local}) - 1) / 3`;
    case 'month':
      return sql`year(${local}) * 12 + month(${local}) - 1`;
  }
}

/**
 * CTE `cur`: each asset as it stands at asOf (its latest version with validFrom ≤ asOf; QuestDB
 * answers LATEST ON from the asset index). An asset whose first version is later than asOf has
 * no row here: the caller judges those few by their first version (evaluate.ts). With a list of
 * assets only theirs are read (a hash join over every asset costs 0.1 s at a province's size).
 */
export const standing = (asOf: Instant, assetIds: readonly string[] | undefined): Sql => sql`
cur AS (
  SELECT asset_id, kind, province, city, county, area_class, park FROM assets
  WHERE valid_from <= ${asOf} ${assetIds ? sql`AND ${inList('asset_id', assetIds)}` : sql``}
  LATEST ON valid_from PARTITION BY asset_id
)`;

/**
 * Splits a list of assets into lists of at most `budget` URL-encoded characters each (see
 * listBudget), in order.
 */
export function assetChunks(assetIds: readonly string[], budget: number): string[][] {
  // quotes, comma and space, encoded, beside the id itself
  return chunkIds(assetIds, budget, (id) => encodeURIComponent(id).length + 12);
}

/**
 * URL-encoded characters an asset list may take in a statement so that the statement fits in
 * one request (MAX_ENCODED_STATEMENT): the list appears several times (in `ar`, in `cur`, in a
 * narrower rule's scope), counted from the statement itself.
 */
export function listBudget(statement: (assetIds: readonly string[]) => Sql): number {
  const marker = 'budget-marker-7f3a';
  const text = statement([marker]).text;
  const times = Math.max(1, text.split(marker).length - 1);
  const base = encodeURIComponent(text).length - times * (encodeURIComponent(marker).length + 2);
  return Math.floor((MAX_ENCODED_STATEMENT - base) / times);
}

/** The bounds of the outages that can matter: started by asOf, and not over before the first relevant day. */
export function relevantOutages(q: CountQuery, start: Sql, end: Sql): Sql {
  const low = ts(startOfLocalDay(firstRelevantDay(q.rule, q.today), q.zone));
  return sql`${start} <= ${ts(q.asOf)} AND (${start} >= ${low} OR ${end} IS NULL OR ${end} > ${low})`;
}

/** Official warnings judged at query time: only the chosen ones (what-if analysis, tests). */
export function chosenWarnings(q: CountQuery): Sql {
  return sql`w AS (
  SELECT warning_id, province, city, county, start, end_at FROM warnings ${warningFilter(q)}
  LATEST ON received_at PARTITION BY warning_id
),
warned AS (
  SELECT ar.target, ar.event_id, count() n
  FROM ar JOIN w ON (
    w.start <= ar.start AND ar.start <= w.end_at
    AND (w.province IS NULL OR w.province = ar.province)
    AND (w.city IS NULL OR w.city = ar.city)
    AND (w.county IS NULL OR w.county = ar.county)
    AND (ar.warning_id IS NULL OR w.warning_id = ar.warning_id))
  WHERE ar.cause IN ('weather_fault', 'natural_disaster')
  GROUP BY ar.target, ar.event_id
)`;
}

/** Whether a rule's scope is every feeder and area, anywhere. */
const everywhere = (rule: CountRule): boolean =>
  rule.scope.kind.length === 2 &&
  !rule.scope.province &&
  !rule.scope.city &&
  !rule.scope.county &&
  !rule.scope.areaClass &&
  rule.scope.park === undefined;

/**
 * A join that keeps the rows of the assets a narrower scope can flag: those in it as they stand
 * at asOf, and those with no version by then (judged by their first version afterwards). The
 * windows then run over a feeder rule's feeders only, not over every area's outages.
 */
function inScope(q: CountQuery): Sql {
  if (everywhere(q.rule)) return sql``;
  const asOf = ts(q.asOf);
  // With a list of assets only theirs are looked up (the asset index): judging every asset's
  // scope costs 0.3–1.5 s at a province's size, most of refreshing a few touched assets.
  const only = q.assetIds ? sql`AND ${inList('asset_id', q.assetIds)}` : sql``;
  return sql`
  JOIN (
    SELECT asset_id FROM (
      SELECT asset_id, kind, province, city, county, area_class, park FROM assets
      WHERE valid_from <= ${asOf} ${only} LATEST ON valid_from PARTITION BY asset_id
    ) cur WHERE ${scopeFilter(q.rule)}
    UNION
    SELECT asset_id FROM (SELECT asset_id, min(valid_from) first FROM assets WHERE true ${only}) WHERE first > ${asOf}
  ) scoped ON (scoped.asset_id = r.asset_id)`;
}

/**
 * CTEs `ar` and `c`: the outages each asset counts under the rule (target, event_id, start,
 * end_at), read from the attribution kept at write (outage_reach) alone, which holds each
 * reached asset's region as it stood at the start and the warning that covered it.
 */
export function countedFromReach(q: CountQuery): Sql {
  const warned = q.rule.counts.exclusions.includes('warned_weather');
  const assetFilter = q.assetIds ? sql`AND ${inList('r.asset_id', q.assetIds)}` : sql``;
  const ar = sql`ar AS (
  SELECT r.asset_id target, cast(r.event_id as varchar) event_id, r.start, r.end_at, r.cause, r.planned, r.force_majeure, r.warning_id, r.warned_by,
         r.province, r.city, r.county
  FROM outage_reach r${inScope(q)}
  WHERE NOT r.deleted AND ${relevantOutages(q, sql`r.start`, sql`r.end_at`)} ${assetFilter}
)`;
  if (warned && q.warningIds) {
    return sql`${ar},
${chosenWarnings(q)},
c AS (
  SELECT ar.target, ar.event_id, ar.start, ar.end_at
  FROM ar LEFT JOIN warned ON (warned.target = ar.target AND warned.event_id = ar.event_id)
  WHERE warned.n IS NULL AND ${countFilter(q)}
)`;
  }
  const notWarned = warned
    ? sql`(ar.warned_by IS NULL OR ar.cause NOT IN ('weather_fault', 'natural_disaster'))`
    : sql`true`;
  return sql`${ar},
c AS (SELECT target, event_id, start, end_at FROM ar WHERE ${notWarned} AND ${countFilter(q)})`;
}

/**
 * CTEs `m` and `leaders` from `c`: overlapping outages merged (an outage that starts before the
 * asset's previous ones have all ended is part of them), each leader with its local day.
 */
export function leaderCtes(zone: string, period: Sql = sql`0`): Sql {
  return sql`m AS (
  SELECT target, event_id, start,
         max(coalesce(end_at, ${FOREVER})) OVER (PARTITION BY target ORDER BY start, event_id
           ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) prev_end
  FROM c
),
leaders AS (
  SELECT target, event_id, start, ${localDaySql(sql`start`, zone)} day, ${period} period
  FROM m WHERE prev_end IS NULL OR start >= prev_end
)`;
}

/**
 * CTEs from `c` (counted outages per target) to `flagged`: overlapping outages merged, each
 * asset's outages numbered in start order, breaches found with lag(), and the rows that make
 * each asset's flag kept — its latest breach window in the trailing 365 days, or its current
 * window. Days and periods grow with the numbering, so the latest breach's day and period are
 * the greatest among the recent breaches: one window pass finds all three.
 */
export function flagWindows(q: CountQuery): Sql {
  const { rule, zone } = q;
  const asOf = ts(q.asOf);
  const current =
    rule.window.kind === 'rolling'
      ? sql`day >= ${q.today - rule.window.days + 1} AND day <= ${q.today}`
      : sql`period = ${periodKey(rule, sql`to_timezone(${asOf}, ${zone})`)}`;
  const inBreachWindow =
    rule.window.kind === 'rolling' ? sql`day >= lb_day - ${rule.window.days - 1}` : sql`period = lb_period`;
  // A rolling window has one period: its numbering within the period is never read.
  const periodSeq =
    rule.window.kind === 'rolling'
      ? sql`0 period_seq`
      : sql`row_number() OVER (PARTITION BY target, period ORDER BY start, event_id) period_seq`;
  return sql`
${leaderCtes(zone, periodKey(rule, sql`to_timezone(start, ${zone})`))},
numbered AS (
  SELECT target, event_id, start, day, period,
         row_number() OVER (PARTITION BY target ORDER BY start, event_id) seq,
         ${periodSeq},
         lag(day, ${rule.limit}) OVER (PARTITION BY target ORDER BY start, event_id) lag_day
  FROM leaders
),
marked AS (
  SELECT target, event_id, start, day, period, seq,
         ${breachTest(rule)} AND day >= ${q.today - 364} AND day <= ${q.today} recent,
         ${current} in_current
  FROM numbered
),
framed AS (
  SELECT target, event_id, start, day, period, seq, in_current,
         sum(CASE WHEN in_current THEN 1 ELSE 0 END) OVER (PARTITION BY target) n_current,
         max(CASE WHEN recent THEN seq END) OVER (PARTITION BY target) lb_seq,
         max(CASE WHEN recent THEN day END) OVER (PARTITION BY target) lb_day,
         max(CASE WHEN recent THEN period END) OVER (PARTITION BY target) lb_period
  FROM marked
),
flagged AS (
  SELECT target, event_id, start, day, seq, lb_seq, lb_day
  FROM framed
  WHERE (lb_seq IS NOT NULL AND seq <= lb_seq AND ${inBreachWindow})
     OR (lb_seq IS NULL AND in_current AND n_current >= ${rule.limit})
)`;
}

/**
 * The flag rows of the assets in the rule's scope as they stand at asOf, with their kind then;
 * rows of assets with no version by asOf come with a null kind, for the caller to judge.
 */
export const FLAG_ROWS = sql`
SELECT flagged.target, cur.kind, flagged.event_id, flagged.seq, flagged.lb_seq, flagged.lb_day
FROM flagged LEFT JOIN cur ON (cur.asset_id = flagged.target)`;

/**
 * Rows that make the flag of each asset: its latest recent breach window, or its current window
 * when it holds the limit; unordered (the caller groups them by asset and orders by seq).
 * The rule's scope applies to each asset as it stands at asOf; since every window is one
 * asset's, it is applied to the flagged assets after the windows rather than before. Each CTE
 * is named once: QuestDB plans a CTE wherever it is named, and the windows are the cost.
 */
export function flagRowsQuery(q: CountQuery): Sql {
  return sql`
WITH
${countedFromReach(q)},
${flagWindows(q)},
${standing(ts(q.asOf), q.assetIds)}
${FLAG_ROWS}
WHERE cur.asset_id IS NULL OR (${scopeFilter(q.rule)})`;
}
