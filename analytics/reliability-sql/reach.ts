// What each outage of the period interrupted, read from the attribution kept at write
// (outage_reach, store/reach): one row per (outage, asset reached) with the asset's placement
// as it stood at the outage's start. It stands in for the joins the reference's units.ts
// implies (the outage's asset version at its start, the areas it lists or the areas on its
// feeder then, each with its version), which at a province's size cost most of a report.
//
//   rr  the reach rows of the period in scope: own (the outage's own asset), u_id and the
//       version columns prefixed u_ (u_kind null: no version in force at the start)
//   hl  (customers convention) outages whose area rows include an area placed on another
//       feeder: only a listed area can be, and a leaf feeder (no area ever names it) that
//       lists a transformer area is not a unit itself
//
// Reach applies "before an asset's first version that version applies"; the 'absent' reading
// (beforeFirstVersion) is applied here with each asset's first version (fv): an area row
// counts only when both its area and the outage's own asset had begun, an own row before its
// first version has no version in force.

import { raw, type Sql, sql, ts } from '../../store/index.js';
import type { Plan } from './plan.js';
import { scopeCondition, scopedAssets } from './scope.js';

/** Version columns a reach row carries, as the u_-prefixed names keys.ts reads. */
const PLACEMENT: Readonly<Record<string, string>> = {
  feeder: 'feeder_id',
  province: 'province',
  city: 'city',
  county: 'county',
  park: 'park',
  cls: 'area_class',
};

/** The u_ columns (besides id and kind) `p` reads: its grouping's. */
export const placementColumns = (p: Plan): readonly string[] => [
  ...new Set(['feeder', ...p.grouping.columns]),
];

/** The period's bound on a reach row's start (as events.ts bounds an outage's). */
function period(p: Plan, alias: string): Sql {
  const a = raw(alias);
  const lower = p.splitAtEdges
    ? sql`(${a}.start >= ${ts(p.from)} OR ${a}.end_at IS NULL OR ${a}.end_at > ${ts(p.from)})`
    : sql`${a}.start >= ${ts(p.from)}`;
  return sql`${a}.start < ${ts(p.to)} AND ${a}.start <= ${ts(p.asOf)} AND ${lower}`;
}

/** rr (and fv for the 'absent' reading): the reach rows of the period in scope. */
export function reachCtes(p: Plan): Sql[] {
  const cols = placementColumns(p)
    .map((c) => `r.${PLACEMENT[c]} u_${c}`)
    .join(', ');
  const where = sql`NOT r.deleted AND ${period(p, 'r')} AND ${scopeCondition(p.scope, 'r.asset_id')}`;
  if (p.beforeFirstVersion !== 'absent') {
    return [
      sql`rr AS (
  SELECT r.event_id, r.start, r.source_id, (r.asset_id = r.source_id) own, r.asset_id u_id, r.kind u_kind, ${raw(cols)}
  FROM outage_reach r
  WHERE ${where})`,
    ];
  }
  const a = scopedAssets(p.scope, 'a');
  return [
    sql`fv AS (SELECT a.asset_id id, min(a.valid_from) first FROM ${a.from} WHERE true${a.where} GROUP BY a.asset_id)`,
    sql`rr AS (
  SELECT r.event_id, r.start, r.source_id, (r.asset_id = r.source_id) own, r.asset_id u_id,
    CASE WHEN fa.first <= r.start THEN r.kind::varchar ELSE null::varchar END u_kind, ${raw(cols)}
  FROM outage_reach r LEFT JOIN fv fa ON fa.id = r.asset_id LEFT JOIN fv fs ON fs.id = r.source_id
  WHERE ${where} AND (r.asset_id = r.source_id OR (fa.first <= r.start AND fs.first <= r.start)))`,
  ];
}

/** hl: the outages (event_id, start) that reach an area placed on another feeder than theirs. */
export const listedElsewhereCte = (): Sql =>
  raw(`hl AS (
  SELECT DISTINCT event_id, start FROM rr
  WHERE NOT own AND (u_feeder IS NULL OR u_feeder != source_id))`);
