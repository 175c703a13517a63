// Events of the period as the reference's durations.ts attributes them, in SQL.
//
//   ev0  stored current versions (NOT deleted) in scope that can count: started by asOf and
//        before `to`; from `from` on unless durations are split at the period's edges
//   ev1  ended (an end after asOf has not happened yet) and stop (end, or asOf while ongoing)
//   ev2  frequency (began in the period), short, ongoing, attributed span, drop reason
//        (0 kept, 1 variant, 2 excluded, 3 major event day: the reference's order)
//   st   step restoration, one row per step: customers restored × the time they were out.
//        The restorations JSON is read by json_extract (a CASE branch per step: QuestDB wants
//        a constant path), or past JSON_STEPS steps turned into arrays indexed by step
//   evc  kept events with cms, their customer-milliseconds (0 for a short outage)

import { join, raw, type Sql, sql, ts } from '../../store/index.js';
import type { Variant } from '../reliability/index.js';
import { localDaySql } from '../sql/local-day.js';
import type { Plan } from './plan.js';
import { scopeCondition } from './scope.js';

const variantCondition = (v: Variant): string => {
  switch (v) {
    case 'all':
      return 'true';
    case 'no_external':
      return "cause != 'external_damage'";
    case 'no_shortage':
      return "cause != 'supply_shortage'";
    case 'planned':
      return 'planned';
    case 'fault':
      return 'NOT planned';
  }
};

/** An instant (whole ms) as a LONG literal. */
export const n = (ms: number): Sql => raw(`${BigInt(ms)}L`);

/** ms overlap of [a0, a1) with the counted part of the period (the whole line without split). */
const overlap = (p: Plan, a0: string, a1: string): Sql =>
  p.splitAtEdges
    ? sql`greatest(0L, least(${raw(a1)}, ${n(p.to)}) - greatest(${raw(a0)}, ${n(p.from)}))`
    : raw(`(${a1} - ${a0})`);

/** ev0, ev1, ev2: the attributed events, dropped ones included (the census counts them). */
export function eventCtes(p: Plan): Sql[] {
  const lower = p.splitAtEdges
    ? sql`(o.start >= ${ts(p.from)} OR o.end_at IS NULL OR o.end_at > ${ts(p.from)})`
    : sql`o.start >= ${ts(p.from)}`;
  const A = n(p.asOf);
  const F = n(p.from);
  const T = n(p.to);
  const ended = sql`e0 IS NOT NULL AND e0 <= ${A}`;
  const isShort = sql`ended AND stp - s <= ${p.shortMs}`;
  const keep = p.splitAtEdges
    ? sql`WHERE (s >= ${F} AND s < ${T}) OR (NOT (${isShort}) AND ${overlap(p, 's', 'stp')} > 0)`
    : raw('');
  const med =
    p.majorEventDays && p.majorEventDays.length > 0 ? sql`lday IN (${p.majorEventDays})` : raw('false');
  return [
    sql`ev0 AS (
  SELECT o.event_id, o.asset_id, o.start start_ts, o.start::long / 1000 s, o.end_at::long / 1000 e0,
    o.customers_affected n, o.restorations, o.cause, o.planned, ${p.excluded.member} xd,
    ${localDaySql(raw('o.start'), p.zone)} lday
  FROM outages o${p.excluded.join}
  WHERE NOT o.deleted AND o.start < ${ts(p.to)} AND o.start <= ${ts(p.asOf)} AND ${lower}
    AND ${scopeCondition(p.scope, 'o.asset_id')})`,
    sql`ev1 AS (
  SELECT event_id, asset_id, start_ts, s, n, restorations, cause, planned, xd, lday, (${ended}) ended,
    CASE WHEN ${ended} THEN greatest(s, e0) ELSE ${A} END stp
  FROM ev0)`,
    sql`ev2 AS (
  SELECT event_id, asset_id, start_ts, s, n, restorations, lday, stp,
    (s >= ${F} AND s < ${T}) is_freq, (${isShort}) is_short, (NOT ended) is_ongoing,
    ${overlap(p, 's', 'stp')} span_ms,
    CASE WHEN NOT (${raw(variantCondition(p.variant))}) THEN 1 WHEN xd THEN 2 WHEN ${med} THEN 3 ELSE 0 END reason
  FROM ev1 ${keep})`,
  ];
}

/** Up to this many steps json_extract reads each one (QuestDB wants a constant JSON path). */
export const JSON_STEPS = 24;

/** Regexp replacing each restoration object by its `field` value: '[{"at":1,…},…]' → '[1,…]'. */
const fieldOnly = (field: string): string => `\\{[^}]*"${field}"\\s*:\\s*(-?[0-9]+)[^}]*\\}`;

function stepRows(p: Plan): Sql {
  const kept = 'e.reason = 0 AND NOT e.is_short AND e.restorations IS NOT NULL';
  if (p.steps <= JSON_STEPS) {
    const branches = (field: string): Sql =>
      join(
        Array.from(
          { length: p.steps },
          (_, k) => sql`WHEN ${k + 1} THEN json_extract(e.restorations, ${`$[${k}].${field}`})::long`,
        ),
        ' ',
      );
    return sql`
  SELECT e.event_id, e.s, e.stp, CASE q.x ${branches('at')} END at, CASE q.x ${branches('customersRestored')} END cr
  FROM ev2 e CROSS JOIN long_sequence(${p.steps}) q WHERE ${raw(kept)}`;
  }
  // More steps than branches are worth: the JSON text turned into two DOUBLE arrays (the
  // values are whole numbers below 2^53, so exact), indexed by the step number.
  return sql`
  SELECT a.event_id, a.s, a.stp, a.ats[q.x::int]::long at, a.crs[q.x::int]::long cr
  FROM (
    SELECT e.event_id, e.s, e.stp,
      regexp_replace(e.restorations, ${fieldOnly('at')}, '$1')::double[] ats,
      regexp_replace(e.restorations, ${fieldOnly('customersRestored')}, '$1')::double[] crs
    FROM ev2 e WHERE ${raw(kept)}) a
  CROSS JOIN long_sequence(${p.steps}) q`;
}

function stepCtes(p: Plan): Sql[] {
  const back = `least(greatest(at, s), stp)`;
  return [
    sql`st0 AS (${stepRows(p)})`,
    sql`st AS (
  SELECT event_id, sum(cr * ${overlap(p, 's', back)}) ms, sum(cr) restored
  FROM st0 WHERE at IS NOT NULL AND at <= ${n(p.asOf)} GROUP BY event_id)`,
  ];
}

/** Every CTE up to evc, the kept events with their customer-milliseconds. */
export function keptEventCtes(p: Plan): Sql[] {
  const cols =
    'e.event_id, e.asset_id, e.start_ts, e.s, e.n, e.is_freq, e.is_short, e.is_ongoing, e.span_ms, e.lday';
  if (p.steps === 0) {
    return [
      ...eventCtes(p),
      sql`evc AS (
  SELECT ${raw(cols)}, CASE WHEN e.is_short THEN 0L ELSE e.n::long * e.span_ms END cms
  FROM ev2 e WHERE e.reason = 0)`,
    ];
  }
  return [
    ...eventCtes(p),
    ...stepCtes(p),
    sql`evc AS (
  SELECT ${raw(cols)},
    CASE WHEN e.is_short THEN 0L
      ELSE coalesce(st.ms, 0L) + greatest(0L, e.n - coalesce(st.restored, 0L)) * e.span_ms END cms
  FROM ev2 e LEFT JOIN st ON st.event_id = e.event_id WHERE e.reason = 0)`,
  ];
}
