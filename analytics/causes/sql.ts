// Outages by region and cause, computed by QuestDB in one statement.
//
// The reliability figures come from the reliability evaluator's own event CTEs
// (analytics/reliability-sql/events.ts: current versions only, ongoing outages up to asOf,
// short outages, customer-milliseconds summed per restoration step), with the customers
// convention and no variant, exclusions or major event days, so a region's sums over its
// causes equal its row of GET /reliability: events, customer interruptions and customer
// minutes. Each event is placed, as /reliability places it, by the own row of the attribution
// kept at write (outage_reach, asset_id = source_id), which also carries what a count rule
// reads: cause, planned, force majeure, the warning that covered the asset (warned_by) and
// the asset's kind, region, class and park at the start.
//
//   ow  own reach rows of the period's outages (and of those begun before it and not yet over
//       at its start, which merging needs), the region key, and whether the rule counts the
//       outage: its count filter and scope (analytics/flags/sql.ts), the scope judged on the
//       asset as placed at the outage's start
//   om  overlapping counted outages of one asset merged, as the flag statements merge them
//       (leaderCtes): an outage counts when it starts at or after the end of every earlier
//       counted outage of its asset
//
// The counted figure is per outage on the asset it was recorded on: a feeder outage that also
// counts for each of its transformer areas is one counted outage here.

import { localDay } from '../../core/time.js';
import { ok, type Result } from '../../core/issues.js';
import type { Cause } from '../../core/domain.js';
import { join, raw, type Sql, type Store, sql, ts } from '../../store/index.js';
import type { CountQuery } from '../flags/index.js';
import { countFilter, scopeFilter } from '../flags/sql.js';
import { checkSqlOptions } from '../reliability-sql/index.js';
import { census } from '../reliability-sql/census.js';
import { keptEventCtes } from '../reliability-sql/events.js';
import { type Plan, planOf } from '../reliability-sql/plan.js';
import { rows as query } from '../reliability-sql/run.js';
import type { CountRule } from '../rules/index.js';
import type { CauseFigures } from './pareto.js';

export const REGION_LEVELS = ['province', 'city', 'county'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

const MS_PER_HOUR = 3_600_000;
/** Stands for "no end" (ongoing outages), as in the flag statements. */
const FOREVER = raw(`'2200-01-01T00:00:00.000000Z'::timestamp`);

export interface CausesQuery {
  /** period [from, to) in epoch ms; outages belong to the period in which they began */
  from: number;
  to: number;
  /** figures as known at this time: later starts are left out, ongoing outages last until it */
  asOf: number;
  zone: string;
  groupBy: RegionLevel;
  /** only outages whose asset was in this province, city or county at the start */
  region?: string | undefined;
  /** the rule whose counted outages to give, and its rule set's short-outage minutes */
  rule?: CountRule | undefined;
  /** an ended outage this short or shorter is short (DL/T 836: 3 minutes) */
  shortOutageMinutes: number;
}

export interface CausesReport {
  rows: CauseFigures[];
  includesOngoing: boolean;
}

interface Row {
  k0: string | null;
  cause: string;
  events: number;
  s_events: number;
  users: number;
  s_users: number;
  user_ms: number;
  counted: number;
  ongo: number;
}

function ownRows(p: Plan, q: CausesQuery): Sql {
  const rule = q.rule;
  const region =
    q.region === undefined
      ? raw('')
      : sql` AND (cur.province = ${q.region} OR cur.city = ${q.region} OR cur.county = ${q.region})`;
  let counts: Sql = raw('false');
  if (rule) {
    const cq: CountQuery = {
      rule,
      asOf: q.asOf,
      zone: q.zone,
      today: localDay(q.asOf, q.zone),
      shortOutageMinutes: q.shortOutageMinutes,
    };
    // As countedFromReach reads the warnings kept at write.
    const notWarned = rule.counts.exclusions.includes('warned_weather')
      ? raw(`(ar.warned_by IS NULL OR ar.cause NOT IN ('weather_fault', 'natural_disaster'))`)
      : raw('true');
    counts = sql`ar.in_scope AND ${notWarned} AND ${countFilter(cq)}`;
  }
  const scope = rule ? scopeFilter(rule) : raw('false');
  return sql`ow AS (
  SELECT ar.target, ar.event_id, ar.ev, ar.start, ar.end_at, ar.cause, ar.k0, (${counts}) counts
  FROM (
    SELECT cur.asset_id target, cur.event_id, cast(cur.event_id as varchar) ev, cur.start, cur.end_at,
      cur.cause, cur.planned, cur.force_majeure, cur.warned_by, ${raw(`cur.${q.groupBy}`)}::varchar k0,
      (${scope}) in_scope
    FROM outage_reach cur
    WHERE NOT cur.deleted AND cur.asset_id = cur.source_id
      AND cur.start < ${ts(p.to)} AND cur.start <= ${ts(p.asOf)}
      AND (cur.start >= ${ts(p.from)} OR cur.end_at IS NULL OR cur.end_at > ${ts(p.from)})${region}
  ) ar)`;
}

const mergedCte = (): Sql => sql`om AS (
  SELECT event_id, start, cause, k0, counts AND (prev_end IS NULL OR start >= prev_end) counted
  FROM (
    SELECT event_id, start, cause, k0, counts,
      max(CASE WHEN counts THEN coalesce(end_at, ${FOREVER}) END) OVER (PARTITION BY target ORDER BY start, ev
        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) prev_end
    FROM ow))`;

export function causesStatement(p: Plan, q: CausesQuery): Sql {
  return sql`WITH ${join([...keptEventCtes(p), ownRows(p, q), mergedCte()], ',\n')}
SELECT r.k0, r.cause,
  sum(CASE WHEN e.is_short THEN 0L ELSE 1L END) events,
  sum(CASE WHEN e.is_short THEN 1L ELSE 0L END) s_events,
  sum(CASE WHEN e.is_short THEN 0L ELSE e.n::long END) users,
  sum(CASE WHEN e.is_short THEN e.n::long ELSE 0L END) s_users,
  sum(e.cms::double) user_ms,
  sum(CASE WHEN r.counted THEN 1L ELSE 0L END) counted,
  max(CASE WHEN e.is_ongoing THEN 1 ELSE 0 END) ongo
FROM om r JOIN evc e ON e.event_id = r.event_id AND e.start_ts = r.start
GROUP BY r.k0, r.cause`;
}

/** Per region and cause: sustained and short outages, customer interruptions and hours, counted outages. */
export async function queryCauses(store: Store, q: CausesQuery): Promise<Result<CausesReport>> {
  const checked = checkSqlOptions({
    from: q.from,
    to: q.to,
    asOf: q.asOf,
    zone: q.zone,
    groupBy: [q.groupBy],
    convention: 'customers',
    variant: 'all',
    shortOutageMinutes: q.shortOutageMinutes,
  });
  if (!checked.ok) return checked;
  const first = planOf(checked.value, { join: raw(''), member: raw('false') });
  // The census sizes the step parsing (how many restoration steps the longest list has).
  const { steps } = await census(store, first);
  const found = await query<Row>(store, causesStatement({ ...first, steps }, q));
  const rows = found.map(
    (r): CauseFigures => ({
      region: r.k0,
      cause: r.cause as Cause,
      events: r.events,
      shortEvents: r.s_events,
      customerInterruptions: r.users,
      shortInterruptions: r.s_users,
      customerHours: r.user_ms / MS_PER_HOUR,
      counted: q.rule ? r.counted : null,
      includesOngoing: r.ongo > 0,
    }),
  );
  return ok({ rows, includesOngoing: rows.some((r) => r.includesOngoing) });
}
